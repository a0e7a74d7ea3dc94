// 审计日志: every change in the workspace, filterable by entity and by the staff member who made it.
import { useState } from 'react';
import { AutoComplete, Button, Card, Input, Select, Space } from 'antd';
import { auditApi, type AuditFilter } from '../../api/audit';
import { staffApi } from '../../api/staff';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { AuditTable } from '../../shared/AuditTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useCursorList } from '../../shared/useCursorList';
import { useLoad } from '../../shared/useLoad';

/** Entities the server audits today; the field also accepts any other name typed by hand. */
const KNOWN_ENTITIES = ['member', 'tag', 'tag_group', 'staff', 'team', 'api_token'];

export function AuditPage() {
  const t = useT();
  const { can } = useSession();
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const staff = useLoad(() => (can('staff.read') ? staffApi.list().then((r) => r.items) : Promise.resolve([])), [can]);
  const audit = useCursorList((cursor) => auditApi.list(filter, cursor), [filter]);

  return (
    <Card title={t('nav.audit')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <AutoComplete
          allowClear
          value={draft.entity}
          onChange={(entity?: string) => setDraft({ ...draft, entity: entity || undefined })}
          placeholder={t('audit.entity')}
          style={{ width: 180 }}
          options={KNOWN_ENTITIES.map((e) => ({ value: e, label: `${t.label('entity', e)} (${e})` }))}
          data-testid="audit-entity"
        />
        <Input
          allowClear
          value={draft.entityId}
          onChange={(e) => setDraft({ ...draft, entityId: e.target.value || undefined })}
          placeholder={t('audit.entityId')}
          style={{ width: 160 }}
        />
        {can('staff.read') && (
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={draft.actorStaffId}
            onChange={(actorStaffId) => setDraft({ ...draft, actorStaffId })}
            placeholder={t('audit.actor')}
            style={{ width: 200 }}
            options={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.displayName} (${s.username})` }))}
            data-testid="audit-actor"
          />
        )}
        <Button type="primary" onClick={() => setFilter({ ...draft })}>
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            setDraft({});
            setFilter({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
      <ErrorAlert error={audit.error ?? staff.error} />
      <AuditTable entries={audit.items} loading={audit.loading} hasMore={audit.hasMore} onLoadMore={audit.loadMore} />
    </Card>
  );
}
