// Staff accounts and teams (小组).
import { api } from './client';
import type { Items, Role, Staff, Team } from './types';

export interface NewStaff {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  teamId?: number | null;
}

export interface StaffChange {
  displayName?: string;
  role?: Role;
  teamId?: number | null;
  disabled?: boolean;
  password?: string;
}

export const staffApi = {
  list: () => api.get<Items<Staff>>('/staff'),
  create: (staff: NewStaff) => api.post<Staff>('/staff', staff),
  update: (id: number, change: StaffChange) => api.patch<Staff>(`/staff/${id}`, change),
};

export const teamsApi = {
  list: () => api.get<Items<Team>>('/teams'),
  create: (name: string, leadStaffId?: number | null) =>
    api.post<Team>('/teams', leadStaffId ? { name, leadStaffId } : { name }),
  update: (id: number, change: { name?: string; leadStaffId?: number | null }) => api.patch<Team>(`/teams/${id}`, change),
  delete: (id: number) => api.delete(`/teams/${id}`),
};
