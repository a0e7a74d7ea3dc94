// Danger zone: erase a member's personal data (the right to be forgotten). The 学号 itself stays, never reused;
// staff must type it to confirm, and the server checks the same number again.
import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { membersApi } from '../../api/members';
import type { Member } from '../../api/types';
import { useT } from '../../i18n/useT';
import { useNotify } from '../../shared/useNotify';

export function EraseSection({ member, onMember }: { member: Member; onMember: (member: Member) => void }) {
  const t = useT();
  const notify = useNotify();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const matches = typed.trim() === String(member.memberNo);

  const erase = async () => {
    setBusy(true);
    try {
      onMember(await membersApi.erase(member.memberNo, Number(typed.trim())));
      setTyped('');
      notify.success(t('erase.done'));
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<Typography.Text type="danger">{t('erase.title')}</Typography.Text>} size="small" style={{ borderColor: '#ffccc7' }}>
      <Alert type="error" showIcon title={t('erase.warning')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph>{t('erase.typeToConfirm', { memberNo: String(member.memberNo) })}</Typography.Paragraph>
      <Space.Compact>
        <Input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={String(member.memberNo)} style={{ width: 200 }} data-testid="erase-confirm" />
        <Button danger type="primary" disabled={!matches} loading={busy} onClick={erase} data-testid="erase-submit">
          {t('erase.submit')}
        </Button>
      </Space.Compact>
    </Card>
  );
}
