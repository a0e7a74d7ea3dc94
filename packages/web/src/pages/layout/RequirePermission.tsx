// Guards a route the same way the menu hides its item; the server enforces it again on every request.
import type { ReactNode } from 'react';
import type { Permission } from '../../api/types';
import { useSession } from '../../session/context';
import { Forbidden } from '../../shared/Forbidden';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <Forbidden />;
}
