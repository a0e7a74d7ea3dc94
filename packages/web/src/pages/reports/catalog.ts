// The campaigns and series every report page picks from, loaded once for the whole reports section.
import { createContext, useContext } from 'react';
import type { Campaign, Series } from '../../api/campaigns';

export interface Catalog {
  /** In report order: starts_on, then key. */
  campaigns: Campaign[];
  series: Series[];
  loading: boolean;
  error: unknown;
}

export const CatalogContext = createContext<Catalog>({ campaigns: [], series: [], loading: true, error: null });

export function useCatalog(): Catalog {
  return useContext(CatalogContext);
}

export function reportOrder(a: Campaign, b: Campaign): number {
  if (a.startsOn !== b.startsOn) return a.startsOn < b.startsOn ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
