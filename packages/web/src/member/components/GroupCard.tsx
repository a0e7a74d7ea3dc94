// The group the live code chose at signup, with its QR to long-press in WeChat; a message when there is none.
import { useState } from 'react';
import { Alert, Card, Typography } from 'antd';
import { useMt } from '../i18n';
import type { MemberHome } from '../types';

export function GroupCard({ home }: { home: MemberHome }) {
  const t = useMt();
  const { group, groupMessage } = home;
  // The QR route answers 404 when no current image exists (none uploaded, or expired with nowhere to re-route).
  const [qrFailed, setQrFailed] = useState<string | null>(null);
  return (
    <Card title={t('home.group')} data-testid="group-card">
      {group === null ? (
        <Alert type="info" showIcon title={groupMessage || t('home.groupNone')} data-testid="group-none" />
      ) : (
        <>
          <Typography.Title level={5} style={{ marginTop: 0, textAlign: 'center' }} data-testid="group-name">{group.name}</Typography.Title>
          {qrFailed === group.qrUrl ? (
            <Alert type="info" showIcon title={t('home.groupNoQr')} data-testid="group-no-qr" />
          ) : (
            <>
              <img className="qm-qr" src={group.qrUrl} alt={t('home.groupQrAlt', { name: group.name })}
                onError={() => setQrFailed(group.qrUrl)} data-testid="group-qr" />
              <Typography.Paragraph strong style={{ textAlign: 'center', marginBottom: 0 }}>{t('home.groupHint')}</Typography.Paragraph>
            </>
          )}
        </>
      )}
    </Card>
  );
}
