// The group QR: preview, expiry countdown and upload. The browser checks type and size first so a wrong file is
// refused at once; the server checks the bytes again and is the one that decides.
import { Button, Empty, Image, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { MAX_QR_BYTES, QR_TYPES, groupsApi, type Group } from '../../api/groups';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useNotify } from '../../shared/useNotify';
import { formatTime } from '../../shared/time';
import { QrBadge } from './display';

export function QrSection({ group, canManage, onChanged }: { group: Group; canManage: boolean; onChanged: (g: Group) => void }) {
  const t = useT();
  const notify = useNotify();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async (file: File) => {
    setError(null);
    if (!QR_TYPES.includes(file.type)) return setError(new Error(t('groups.qr.wrongType')));
    if (file.size === 0) return setError(new Error(t('groups.qr.empty')));
    if (file.size > MAX_QR_BYTES) return setError(new Error(t('groups.qr.tooLarge')));
    setBusy(true);
    try {
      onChanged(await groupsApi.uploadQr(group.id, file));
      notify.success(t('groups.qr.uploaded'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="qr-section">
      <ErrorAlert error={error} />
      <Space align="start" size={24}>
        {group.qrStatus !== 'none' ? (
          <Image src={groupsApi.qrUrl(group)} width={160} height={160} style={{ objectFit: 'contain', border: '1px solid #f0f0f0' }} alt={group.name} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('groups.qr.noImage')} style={{ width: 160 }} />
        )}
        <Space direction="vertical">
          <QrBadge status={group.qrStatus} expiresAt={group.qrExpiresAt} t={t} />
          <Typography.Text type="secondary">{t('groups.qr.uploadedAt')}: {formatTime(group.qrUploadedAt)}</Typography.Text>
          <Typography.Text type="secondary">{t('groups.qr.expiresAt')}: {formatTime(group.qrExpiresAt)}</Typography.Text>
          {canManage && (
            <Upload accept={QR_TYPES.join(',')} showUploadList={false} beforeUpload={(file) => { void send(file); return false; }}>
              <Button icon={<UploadOutlined />} loading={busy} type={group.qrStatus === 'valid' ? 'default' : 'primary'} data-testid="qr-upload">
                {group.qrStatus === 'none' ? t('groups.qr.upload') : t('groups.qr.replace')}
              </Button>
            </Upload>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('groups.qr.hint')}</Typography.Text>
        </Space>
      </Space>
    </div>
  );
}
