// Acknowledging and resolving an alert, shared by the inbox and the header bell: who may (alerts.manage, or the
// person it is addressed to), the busy row, the notice, and telling every alert list to reload.
import { useState } from 'react';
import { alertsApi, alertsChanged, type Alert } from '../../../api/alerts';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { useNotify } from '../../../shared/useNotify';

export function useAlertActions() {
  const t = useT();
  const notify = useNotify();
  const { session, can } = useSession();
  const [busy, setBusy] = useState<number | null>(null);

  const mayAct = (a: Alert) => can('alerts.manage') || a.staff?.id === session.staff.id;

  const act = async (alert: Alert, action: 'acknowledge' | 'resolve') => {
    setBusy(alert.id);
    try {
      await alertsApi[action](alert.id);
      notify.success(t(action === 'resolve' ? 'ops.alerts.resolved' : 'ops.alerts.acknowledged'));
      alertsChanged();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(null);
    }
  };

  return { busy, mayAct, act };
}
