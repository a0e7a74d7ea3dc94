// Campaign-or-group reports (activity, groups): the scope and range from the URL. Without a chosen range, a campaign
// is looked at over the days it ran (up to today, at most the report's limit), anything else over the last 30 days.
import { useCallback } from 'react';
import type { ScopeKind } from './Pickers';
import { useCatalog } from './catalog';
import { addDays, campaignRange, isDay, useParamState, useRemembered, useToday } from './params';

export const SCOPED_MAX_DAYS = 92;

export type ScopedParams = ReturnType<typeof useScopedParams>;

export function useScopedParams() {
  const { get, set } = useParamState();
  const today = useToday();
  const { campaigns } = useCatalog();
  const kind: ScopeKind = get('scope') === 'group' ? 'group' : 'campaign';
  const campaign = useRemembered('campaign');
  const groupParam = Number(get('group'));
  const group = Number.isInteger(groupParam) && groupParam > 0 ? groupParam : undefined;
  const chosen = kind === 'campaign' ? campaigns.find((c) => c.key === campaign) : undefined;
  const fromParam = get('from');
  const toParam = get('to');
  const fallback = (chosen && campaignRange(chosen, today, SCOPED_MAX_DAYS)) || { from: addDays(today, -29), to: today };
  const range = isDay(fromParam) && isDay(toParam) ? { from: fromParam, to: toParam } : fallback;
  const ready = kind === 'campaign' ? !!campaign : group !== undefined;
  const query = ready ? { ...(kind === 'campaign' ? { campaign } : { group }), ...range } : null;
  return {
    kind,
    campaign,
    group,
    range,
    query,
    setKind: useCallback((k: ScopeKind) => set({ scope: k === 'campaign' ? null : k }), [set]),
    // A new campaign brings its own natural range, unless one was chosen by hand.
    setCampaign: useCallback((v: string | undefined) => set({ campaign: v, from: null, to: null }), [set]),
    setGroup: useCallback((v: number | undefined) => set({ group: v }), [set]),
    setRange: useCallback((r: { from: string; to: string }) => set(r), [set]),
  };
}
