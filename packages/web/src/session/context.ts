// The signed-in staff member, shared with every console page.
import { createContext, useContext } from 'react';
import type { Permission, Session } from '../api/types';

export interface SessionState {
  session: Session;
  can: (permission: Permission) => boolean;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession() used outside <SessionGate>');
  return state;
}
