// The variables of scripted texts (SOP step content, problem-bank answers): their names, and filling a text with the
// values at hand. Which values exist depends on where the text is used: a member's answer knows {昵称} and {学号}, a
// group's SOP task knows {群名} and the campaign's day, not a member's.
export const VARIABLES = [
  '昵称', // the member's nickname
  '学号', // the member number
  '营期', // the campaign's key and name
  '群名', // the group's name
  '第几天', // today's campaign day (1…N)
  '总天数', // the campaign's days
  '剩余天数', // campaign days left after today
  '打卡天数', // the member's counted check-in days
  '要求天数', // days required for the refund
  '还差天数', // days the member still needs
  '打卡率', // check-in rate: the member's days / campaign days so far, or a group's checked-in share of yesterday
] as const;
export type VariableName = (typeof VARIABLES)[number];
export type VariableValues = Partial<Record<VariableName, string | number>>;

const PATTERN = /\{([^{}\s]{1,10})\}/g;

/** The variables a text uses, known or not, in order of first use. */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[1]!))];
}

/**
 * Fills the known variables that have a value; the rest stay as written (`{昵称}`), so a reader sees what is missing.
 * Returns the text and the variables left unfilled.
 */
export function fillVariables(text: string, values: VariableValues): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(PATTERN, (whole, name: string) => {
    const value = values[name as VariableName];
    if (value === undefined || value === null) {
      missing.add(name);
      return whole;
    }
    return String(value);
  });
  return { text: filled, missing: [...missing] };
}
