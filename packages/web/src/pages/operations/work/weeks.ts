// Calendar arithmetic on local dates (YYYY-MM-DD) for the week switcher; which week is "this week" comes from the
// server, which reads it in the workspace time zone.
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
