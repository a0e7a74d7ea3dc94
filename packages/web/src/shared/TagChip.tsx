// A tag as staff see it everywhere: its own colour, its name.
import { Tag as AntTag } from 'antd';
import type { Tag } from '../api/types';

interface Props {
  tag: Pick<Tag, 'name' | 'color'>;
  closable?: boolean;
  onClose?: () => void;
}

export function TagChip({ tag, closable, onClose }: Props) {
  return (
    <AntTag
      color={tag.color ?? undefined}
      closable={closable}
      onClose={(e) => {
        // Keep the chip until the server confirms; the parent re-renders from the returned member.
        e.preventDefault();
        onClose?.();
      }}
      style={{ marginInlineEnd: 4, marginBlock: 2 }}
    >
      {tag.name}
    </AntTag>
  );
}
