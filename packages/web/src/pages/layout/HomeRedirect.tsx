// "/" opens the first section this staff member may see.
import { Navigate } from 'react-router';
import { useSession } from '../../session/context';
import { Forbidden } from '../../shared/Forbidden';
import { SECTIONS } from './navigation';

export function HomeRedirect() {
  const { can } = useSession();
  const first = SECTIONS.find((s) => can(s.permission));
  return first ? <Navigate to={first.path} replace /> : <Forbidden />;
}
