// One colour per campaign across every chart (X1 is the same blue in the donuts, the stacks and the Sankey), from
// ECharts' default palette in report order.
import { useCallback } from 'react';
import { useCatalog } from './catalog';

export const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#2f4554', '#c4ccd3', '#61a0a8'];

export const OUTCOME_COLORS = { reenrolled: '#3ba272', stayed: '#fac858', churned: '#ee6666' } as const;

export function useCampaignColor() {
  const { campaigns } = useCatalog();
  return useCallback(
    (key: string) => {
      const index = campaigns.findIndex((c) => c.key === key);
      return PALETTE[(index < 0 ? campaigns.length : index) % PALETTE.length];
    },
    [campaigns],
  );
}

/** The campaign's display name ("X3 · 21天单词打卡 第3期"), or the key when it is not in the catalog. */
export function useCampaignName() {
  const { campaigns } = useCatalog();
  return useCallback((key: string) => {
    const c = campaigns.find((x) => x.key === key);
    return c ? `${c.key} · ${c.name}` : key;
  }, [campaigns]);
}
