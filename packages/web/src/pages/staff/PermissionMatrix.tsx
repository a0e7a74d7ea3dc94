// What each role may do, straight from GET /meta (the same matrix the server enforces).
import { Table, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { Meta } from '../../api/types';
import { useT } from '../../i18n/useT';

export function PermissionMatrix({ meta }: { meta: Meta }) {
  const t = useT();
  const rows = meta.permissions.map((permission) => ({ permission }));
  return (
    <Table
      rowKey="permission"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: true }}
      data-testid="permission-matrix"
      columns={[
        {
          title: t('staff.permission'),
          dataIndex: 'permission',
          render: (p: string) => (
            <>
              {t.label('permission', p)} <Typography.Text type="secondary" code style={{ fontSize: 11 }}>{p}</Typography.Text>
            </>
          ),
        },
        ...meta.roles.map((role) => ({
          title: t.label('role', role),
          key: role,
          align: 'center' as const,
          render: (_: unknown, row: { permission: string }) =>
            meta.matrix[role]?.includes(row.permission) ? <CheckOutlined style={{ color: '#52c41a' }} aria-label={t('common.yes')} /> : null,
        })),
      ]}
    />
  );
}
