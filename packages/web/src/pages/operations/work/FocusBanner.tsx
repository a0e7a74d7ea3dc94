// This week's key focus on top of a staff member's pages (work plan, today): their team's, or every team's for team
// leads and admins. Renders nothing when there is none.
import { teamsApi } from '../../../api/staff';
import { weeklyFocusApi } from '../../../api/workPlan';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { useLoad } from '../../../shared/useLoad';
import { FocusAlert } from './FocusAlert';

export function FocusBanner() {
  const t = useT();
  const { session } = useSession();
  const me = session.staff;
  const focus = useLoad(async () => {
    const seesAll = me.role === 'owner' || me.role === 'admin'
      || (await teamsApi.list()).items.some((team) => team.leadStaffId === me.id);
    if (seesAll) return (await weeklyFocusApi.ofWeek()).items;
    const mine = await weeklyFocusApi.mine();
    return mine.focus ? [mine.focus] : [];
  }, [me.id, me.role]);
  return <FocusAlert title={t('ops.work.focus.banner')} items={focus.data ?? []} />;
}
