// Every nickname the member has gone by, newest first: how staff recognise "the same parent" across groups.
import { Card, Empty, Timeline, Typography } from 'antd';
import { membersApi } from '../../api/members';
import type { MemberNo } from '../../api/types';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatTime } from '../../shared/time';
import { useLoad } from '../../shared/useLoad';

export function NicknameHistory({ memberNo, version }: { memberNo: MemberNo; version: number }) {
  const t = useT();
  // Where the name was seen: "group:<name>" for a chat group, else a platform or source we have a label for.
  const contextLabel = (context: string) =>
    context.startsWith('group:') ? t('nickname.inGroup', { group: context.slice(6) }) : t.label('nickname.context', context);
  const history = useLoad(() => membersApi.nicknames(memberNo).then((r) => r.items), [memberNo, version]);

  return (
    <Card title={t('profile.nicknameHistory')} size="small" loading={history.loading && !history.data}>
      <ErrorAlert error={history.error} />
      {history.data?.length ? (
        <Timeline
          data-testid="nickname-timeline"
          items={history.data.map((n) => ({
            key: n.id,
            title: formatTime(n.at),
            content: (
              <>
                <Typography.Text strong>{n.nickname}</Typography.Text>
                {n.context ? <Typography.Text type="secondary"> · {contextLabel(n.context)}</Typography.Text> : null}
              </>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      )}
    </Card>
  );
}
