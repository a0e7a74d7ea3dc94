// The tag catalogue, for the tags page and for every tag picker (member filter, member profile).
import { tagsApi } from '../../api/tags';
import type { TagGroup } from '../../api/types';
import { useLoad } from '../../shared/useLoad';

export function useTagGroups() {
  return useLoad(() => tagsApi.groups().then((r) => r.items), []);
}

/** Select options grouped by tag group, so staff pick "年级 / 三年级" rather than a bare "三年级". */
export function tagOptions(groups: TagGroup[] | null, exclude: ReadonlySet<number> = new Set()) {
  return (groups ?? []).map((group) => ({
    label: group.name,
    title: group.name,
    options: group.tags.filter((tag) => !exclude.has(tag.id)).map((tag) => ({ value: tag.id, label: tag.name })),
  }));
}
