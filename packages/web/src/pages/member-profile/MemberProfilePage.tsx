// /members/:memberNo — one member: header, identities, tags, nickname history, service records, and in tabs
// the merges and the audit trail, then the danger zone. A merged-away number opens the surviving member.
import { useCallback, useState } from 'react';
import { Button, Col, Result, Row, Skeleton, Space, Tabs } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { membersApi } from '../../api/members';
import type { Member } from '../../api/types';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { asApiError, errorText } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';
import { AuditTrail } from './AuditTrail';
import { BlockModal } from './BlockModal';
import { EditMemberModal } from './EditMemberModal';
import { EraseSection } from './EraseSection';
import { IdentitiesSection } from './IdentitiesSection';
import { MemberTagsSection } from './MemberTagsSection';
import { MergesSection } from './MergesSection';
import { MemberGroups } from './MemberGroups';
import { NicknameHistory } from './NicknameHistory';
import { ProfileHeader } from './ProfileHeader';
import { ServiceRecords } from './ServiceRecords';

export function MemberProfilePage() {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useSession();
  const { memberNo = '' } = useParams();
  const loaded = useLoad(() => membersApi.get(memberNo), [memberNo]);
  const [editing, setEditing] = useState(false);
  const [blockMode, setBlockMode] = useState<'block' | 'unblock' | null>(null);
  // Bumped on every change to the member, so the sections that load on their own (history, merges, audit) refresh.
  const [version, setVersion] = useState(0);
  const { setData, reload } = loaded;

  const onMember = useCallback(
    (member: Member) => {
      // Keep resolvedFrom of the page's own load: a write answers about the survivor, not about the URL.
      setData((prev) => ({ ...member, resolvedFrom: member.resolvedFrom ?? prev?.resolvedFrom ?? null }));
      setVersion((v) => v + 1);
    },
    [setData],
  );
  const onChanged = useCallback(() => {
    void reload();
    setVersion((v) => v + 1);
  }, [reload]);

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/members')} style={{ paddingInline: 0 }}>
      {t('profile.back')}
    </Button>
  );

  if (loaded.error && !loaded.data) {
    const notFound = asApiError(loaded.error).status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('profile.notFound', { memberNo }) : t('profile.loadFailed')}
        subTitle={errorText(loaded.error)}
        extra={back}
      />
    );
  }
  const member = loaded.data;
  if (!member) return <Skeleton active />;

  const erased = member.erasedAt !== null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <ProfileHeader member={member} onEdit={() => setEditing(true)} onBlock={() => setBlockMode('block')} onUnblock={() => setBlockMode('unblock')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <MemberTagsSection member={member} onMember={onMember} />
            <IdentitiesSection member={member} onChanged={onChanged} />
            <NicknameHistory memberNo={member.memberNo} version={version} />
            {can('groups.read') && <MemberGroups memberNo={member.memberNo} version={version} />}
          </Space>
        </Col>
        <Col xs={24} lg={14}>
          <ServiceRecords memberNo={member.memberNo} version={version} writable={!erased} />
        </Col>
      </Row>
      <Tabs
        type="card"
        items={[
          { key: 'merges', label: t('profile.merges'), children: <MergesSection member={member} version={version} onMember={onMember} /> },
          ...(can('audit.read')
            ? [{ key: 'audit', label: t('profile.audit'), children: <AuditTrail memberNo={member.memberNo} version={version} /> }]
            : []),
        ]}
      />
      {can('members.erase') && !erased && <EraseSection member={member} onMember={onMember} />}
      <EditMemberModal
        member={member}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={(m) => {
          setEditing(false);
          onMember(m);
        }}
      />
      <BlockModal
        member={member}
        mode={blockMode}
        onClose={() => setBlockMode(null)}
        onDone={(m) => {
          setBlockMode(null);
          onMember(m);
        }}
      />
    </Space>
  );
}
