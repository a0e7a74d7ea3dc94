// Which behaviour events count as "active" in the reports (daily, retention, activity): all of them, or only the
// names listed. Saving rebuilds the activity rollups on the server, so the reports change with it.
import { Alert, Button, Card, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { reportsApi } from '../../api/reports';
import { useT } from '../../i18n/useT';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { ReportError } from './Frame';

/** Names the console suggests; any other name can be typed. */
const SUGGESTED = ['page_view', 'message', 'checkin', 'share', 'like', 'comment', 'lesson_complete'];

export function SettingsCard() {
  const t = useT();
  const notify = useNotify();
  const settings = useLoad(() => reportsApi.settings(), []);
  const [mode, setMode] = useState<'all' | 'list'>('all');
  const [names, setNames] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!settings.data) return;
    setMode(settings.data.activityEvents === null ? 'all' : 'list');
    setNames(settings.data.activityEvents ?? []);
  }, [settings.data]);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await reportsApi.saveSettings({ activityEvents: mode === 'all' ? null : names });
      settings.setData(saved);
      notify.success(t('reports.settings.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('reports.settings.title')} style={{ maxWidth: 720 }} data-testid="report-settings">
      <Typography.Paragraph type="secondary">{t('reports.settings.intro')}</Typography.Paragraph>
      {settings.error ? <ReportError error={settings.error} /> : !settings.data ? <Skeleton active /> : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {error !== null && <ReportError error={error} />}
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'all' | 'list')} data-testid="settings-mode">
            <Space orientation="vertical">
              <Radio value="all">{t('reports.settings.all')}</Radio>
              <Radio value="list">{t('reports.settings.list')}</Radio>
            </Space>
          </Radio.Group>
          {mode === 'list' && (
            <Select
              mode="tags"
              style={{ width: '100%' }}
              value={names}
              onChange={setNames}
              placeholder={t('reports.settings.placeholder')}
              options={SUGGESTED.map((n) => ({ value: n, label: n }))}
              data-testid="settings-events"
            />
          )}
          <Alert type="info" showIcon title={t('reports.settings.rebuild')} />
          <Button type="primary" onClick={() => void save()} loading={saving} disabled={mode === 'list' && names.length === 0} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
