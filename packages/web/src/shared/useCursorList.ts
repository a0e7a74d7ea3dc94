// Cursor pagination as the API does it: the first page on filter change, then "load more" appends.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';

export function useCursorList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, deps: React.DependencyList) {
  const [items, setItems] = useState<T[]>([]);
  // Which fetch produced `items`. When the deps change, the old rows are hidden in that very render, so nobody
  // (a person or a browser test) sees the previous filter's rows under the new filter.
  const [owner, setOwner] = useState<unknown>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  // A filter change starts a new generation; answers from an older one are dropped.
  const generation = useRef(0);

  // The caller lists what `fetchPage` depends on, like a useEffect dependency list.
  const stableFetch = useCallback(fetchPage, deps);

  const load = useCallback(
    async (cursor: string | null, gen: number) => {
      setLoading(true);
      try {
        const page = await stableFetch(cursor);
        if (gen !== generation.current) return;
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setOwner(() => stableFetch);
        setNextCursor(page.nextCursor);
        setError(null);
      } catch (e) {
        if (gen === generation.current) setError(e);
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    [stableFetch],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    return load(null, generation.current);
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const loadMore = useCallback(() => {
    if (nextCursor) void load(nextCursor, generation.current);
  }, [load, nextCursor]);

  const current = owner === stableFetch;
  return {
    items: current ? items : [],
    setItems,
    loading: loading || !current,
    error,
    hasMore: current && nextCursor !== null,
    loadMore,
    reload,
  };
}
