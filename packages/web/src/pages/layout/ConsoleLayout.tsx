// The frame around every console page: side menu filtered by permission, header with workspace, staff and
// language, and the page itself in the content area.
import { Layout, Menu, Space, Tag, Typography, Button, theme, type MenuProps } from 'antd';
import { AppstoreOutlined, AuditOutlined, BranchesOutlined, CalendarOutlined, CheckSquareOutlined, CommentOutlined, ControlOutlined, FundOutlined, IdcardOutlined, KeyOutlined, LogoutOutlined, TagsOutlined, TeamOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useState, type ReactNode } from 'react';
import { logout } from '../../api/auth';
import { useSession } from '../../session/context';
import { useT } from '../../i18n/useT';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useNotify } from '../../shared/useNotify';
import { AlertsBell } from '../channels/AlertsBell';
import { SECTIONS } from './navigation';
import { REPORTS_ROOT, REPORT_SECTIONS } from '../reports/sections';
import { OPERATIONS_ROOT, OPERATIONS_SECTIONS } from '../operations/sections';

const ICONS: Record<string, ReactNode> = {
  '/members': <IdcardOutlined />,
  '/campaigns': <CalendarOutlined />,
  '/checkins/review': <CheckSquareOutlined />,
  '/groups': <CommentOutlined />,
  '/matrix': <AppstoreOutlined />,
  '/channels': <BranchesOutlined />,
  '/tags': <TagsOutlined />,
  '/staff': <TeamOutlined />,
  '/api-tokens': <KeyOutlined />,
  '/audit': <AuditOutlined />,
};

export function ConsoleLayout() {
  const t = useT();
  const notify = useNotify();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const [leaving, setLeaving] = useState(false);

  const visible = SECTIONS.filter((s) => can(s.permission));
  const selected = visible.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  // 运营指数 is a group of its own, placed after the sections that come before tags in SECTIONS.
  const reports = REPORT_SECTIONS.filter((s) => can(s.permission));
  const reportSelected = reports.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  // 运营管理 (running the operation) comes first: it is where staff start their day.
  const operations = OPERATIONS_SECTIONS.filter((s) => can(s.permission));
  const operationSelected = operations.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  const groupSelected = reportSelected ?? operationSelected;
  const items: NonNullable<MenuProps['items']> = visible.map((s) => ({ key: s.path, icon: ICONS[s.path], label: t(s.label) }));
  if (reports.length) {
    const before = SECTIONS.findIndex((s) => s.path === '/tags');
    items.splice(visible.filter((s) => SECTIONS.indexOf(s) < before).length, 0, {
      key: REPORTS_ROOT,
      icon: <FundOutlined />,
      label: t('reports.nav.group'),
      children: reports.map((s) => ({ key: s.path, label: t(s.label) })),
    });
  }
  if (operations.length) {
    items.unshift({
      key: OPERATIONS_ROOT,
      icon: <ControlOutlined />,
      label: t('ops.nav.group'),
      children: operations.map((s) => ({ key: s.path, label: t(s.label) })),
    });
  }

  const signOut = async () => {
    setLeaving(true);
    try {
      await logout();
      // A full load drops every cached page state of the old session.
      window.location.assign('/login');
    } catch (e) {
      notify.error(e);
      setLeaving(false);
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <div style={{ height: 56, display: 'flex', alignItems: 'center', paddingInline: 20, color: '#fff', fontSize: 18, fontWeight: 600 }}>
          {t('app.name')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={groupSelected ? [groupSelected.path] : selected ? [selected.path] : []}
          defaultOpenKeys={[REPORTS_ROOT, OPERATIONS_ROOT].filter((root) => pathname.startsWith(`${root}/`))}
          onClick={({ key }) => navigate(key)}
          items={items}
          data-testid="side-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            paddingInline: 24,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="workspace-name">
            {session.workspace.name}
          </Typography.Text>
          <Space size="middle">
            {can('operations.read') && <AlertsBell />}
            <span data-testid="current-staff">
              {session.staff.displayName} <Tag color="blue">{t.label('role', session.staff.role)}</Tag>
            </span>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={signOut} loading={leaving} data-testid="logout">
              {t('auth.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
