// The parts of a check-in as staff see them: its flags as tags that explain themselves, its review status, and its
// photos as thumbnails that open full size.
import { Image, Space, Tag, Tooltip } from 'antd';
import { type Checkin, type CheckinFlag, type ReviewStatus } from '../../api/checkins';
import { useT } from '../../i18n/useT';
import { formatTime } from '../../shared/time';

const FLAG_COLOR: Record<CheckinFlag, string> = { missing_media: 'orange', duplicate_photo: 'red', late: 'gold', edited: 'blue', makeup: 'purple' };

export function FlagTags({ flags }: { flags: CheckinFlag[] }) {
  const t = useT();
  if (flags.length === 0) return <>—</>;
  return (
    <Space size={[0, 4]} wrap>
      {flags.map((f) => (
        <Tooltip key={f} title={t(`run.flag.${f}.help`)}>
          <Tag color={FLAG_COLOR[f]} data-testid={`flag-${f}`}>{t(`run.flag.${f}`)}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

const REVIEW_COLOR: Record<ReviewStatus, string> = { none: 'default', pending: 'processing', approved: 'success', rejected: 'error' };

export function ReviewTag({ checkin }: { checkin: Checkin }) {
  const t = useT();
  const tag = <Tag color={REVIEW_COLOR[checkin.reviewStatus]}>{t(`run.review.status.${checkin.reviewStatus}`)}</Tag>;
  if (!checkin.reviewedAt) return tag;
  const who = checkin.reviewedBy ? ` · ${checkin.reviewedBy.displayName}` : '';
  const why = checkin.reviewReason ? ` · ${checkin.reviewReason}` : '';
  return <Tooltip title={`${formatTime(checkin.reviewedAt)}${who}${why}`}>{tag}</Tooltip>;
}

/** The text, clamped to a few lines; hovering shows all of it. */
export function CheckinText({ text, lines }: { text: string; lines: number }) {
  const clamp = { display: '-webkit-box', WebkitLineClamp: lines, WebkitBoxOrient: 'vertical', overflow: 'hidden' } as const;
  return (
    <Tooltip title={text.length > 40 * lines ? text : undefined}>
      <div style={{ ...clamp, whiteSpace: 'pre-wrap', maxWidth: 420 }} data-testid="checkin-text">{text || '—'}</div>
    </Tooltip>
  );
}

export function CheckinPhotos({ checkin }: { checkin: Checkin }) {
  const t = useT();
  if (checkin.photos.length === 0) return <>—</>;
  return (
    <Image.PreviewGroup>
      <Space size={4} wrap data-testid="checkin-photos">
        {checkin.photos.map((p, i) => (
          <Image
            key={p.id}
            width={48}
            height={48}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            src={p.url}
            alt={t('run.photoAlt', { n: i + 1 })}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
