// A report page's choices live in the URL (?campaign=X3&as_of=…), so a reload or a shared link shows the same
// report. Days are YYYY-MM-DD in the workspace's zone, as the server counts them.
import { createContext, useCallback, useContext, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../session/context';
import { todayIn } from '../campaign-run/display';

export function useParamState() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((name: string): string | undefined => params.get(name) || undefined, [params]);
  const set = useCallback(
    (patch: Record<string, string | number | null | undefined>) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(patch)) {
          if (value === null || value === undefined || value === '') next.delete(name);
          else next.set(name, String(value));
        }
        return next;
      }, { replace: true }),
    [setParams],
  );
  return { get, set };
}

/** The campaign and series last chosen in the reports section: the next report page starts with them. */
export const RememberedContext = createContext<Partial<Record<'campaign' | 'series', string>>>({});

/** A campaign or series parameter that carries over from page to page (a URL choice always wins). */
export function useRemembered(name: 'campaign' | 'series'): string | undefined {
  const memory = useContext(RememberedContext);
  const { get, set } = useParamState();
  const value = get(name);
  const remembered = memory[name];
  useEffect(() => {
    if (value) memory[name] = value;
    else if (remembered) set({ [name]: remembered });
  }, [memory, name, value, remembered, set]);
  return value ?? remembered;
}

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number) => fromMs(toMs(day) + n * DAY_MS);
/** Days from `a` to `b` (b − a). */
export const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY_MS);
/** The Monday starting the week of `day`. */
export const mondayOf = (day: string) => addDays(day, -((new Date(toMs(day)).getUTCDay() + 6) % 7));
export const isDay = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** Today in the workspace's zone (the server's notion of "today" for reports). */
export function useToday(): string {
  const { session } = useSession();
  return useMemo(() => todayIn(session.workspace.timezone), [session.workspace.timezone]);
}

/** A range from the URL, or the `days` days ending today. */
export function useRange(days: number) {
  const { get, set } = useParamState();
  const today = useToday();
  const from = get('from');
  const to = get('to');
  const range = isDay(from) && isDay(to) ? { from, to } : { from: addDays(today, -(days - 1)), to: today };
  const setRange = useCallback((next: { from: string; to: string }) => set(next), [set]);
  return { ...range, setRange, today };
}

/** The days a campaign ran, up to today and at most `max` days: the natural range to look at it. */
export function campaignRange(c: { startsOn: string; endsOn: string }, today: string, max: number): { from: string; to: string } | null {
  if (c.startsOn > today) return null;
  const to = c.endsOn < today ? c.endsOn : today;
  const from = daysBetween(c.startsOn, to) >= max ? addDays(to, -(max - 1)) : c.startsOn;
  return { from, to };
}
