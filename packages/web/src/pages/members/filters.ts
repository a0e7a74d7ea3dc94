// The members list keeps its filter in the URL, so a link from the tags page (or a reload) restores it.
import type { MemberFilter } from '../../api/members';

export function filterFromParams(params: URLSearchParams): MemberFilter {
  const tagIds = (params.get('tags') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const blocked = params.get('blocked');
  return {
    q: params.get('q') ?? '',
    tagIds,
    blocked: blocked === 'true' ? true : blocked === 'false' ? false : undefined,
  };
}

export function paramsFromFilter(filter: MemberFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.tagIds?.length) params.set('tags', filter.tagIds.join(','));
  if (filter.blocked !== undefined) params.set('blocked', String(filter.blocked));
  return params;
}
