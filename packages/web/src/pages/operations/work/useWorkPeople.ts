// Who the signed-in staff member may plan for: the teams they lead, the staff they may assign work to, and whether
// they see other people's plans. Mirrors the server's rules (docs/api-work-plan.md), which enforce them.
import { staffApi, teamsApi } from '../../../api/staff';
import { useSession } from '../../../session/context';
import { useLoad } from '../../../shared/useLoad';

export function useWorkPeople() {
  const { session } = useSession();
  const me = session.staff;
  const teams = useLoad(() => teamsApi.list().then((r) => r.items), []);
  const staff = useLoad(() => staffApi.list().then((r) => r.items), []);
  const admin = me.role === 'owner' || me.role === 'admin';
  const led = (teams.data ?? []).filter((team) => team.leadStaffId === me.id);
  const ledIds = new Set(led.map((team) => team.id));
  return {
    me,
    admin,
    teams: teams.data ?? [],
    staff: staff.data ?? [],
    error: teams.error ?? staff.error,
    /** Leads and admins look at their teams' and everyone's plans, and edit the teams' focus. */
    seesOthers: admin || led.length > 0,
    focusTeams: admin ? teams.data ?? [] : led,
    assignable: (staff.data ?? []).filter((s) => !s.disabled && (admin || s.id === me.id || (s.teamId !== null && ledIds.has(s.teamId)))),
  };
}
