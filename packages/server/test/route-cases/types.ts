// The per-route tables of isolation.test.ts and bad-input.test.ts are long; features that came later keep their
// cases in a module of their own here (one per feature), which the two tests load through index.ts.
import type { Permission, Role } from '../../src/auth/permissions.js';
import type { Client, TestServer, TestWorkspace } from '../harness.js';

/** A wrong input for a route: 400 naming `field` (and `code`, when not validation.failed). */
export interface Bad {
  what: string;
  /** The URL when the fault is in the path or query; otherwise the route's valid URL. */
  url?: string;
  /** The body when the fault is in it; otherwise the route's valid body. */
  body?: unknown;
  field: string;
  code?: string;
}

/** One route's bad-input case (bad-input.test.ts runs every check on it: roles, tokens, CSRF, JSON, missing ids). */
export interface Spec {
  /** The permission the route needs; null when any signed-in caller may use it. */
  perm: Permission | null;
  /** A signed-in role without that permission. */
  wrongRole?: Role;
  url: () => string;
  body?: () => unknown;
  bad: Bad[];
  missing?: Array<{ url: () => string; body?: unknown; code: string; field?: string }>;
}

export interface BadInputEnv {
  server: TestServer;
  W: TestWorkspace;
  /** W's owner; `roles` has a signed-in client per role. */
  owner: Client;
  roles: Record<Role, Client>;
  /** Rows that exist in W: a campaign (series X, 一期, 2030-03-01…21), a chat group, a team, a sales staff member, member 10001. */
  fixtures: { campaignId: number; groupId: number; teamId: number; staffId: number; memberNo: number };
  /** An id no row has. */
  noSuch: number;
}

export interface BadInputModule {
  /** Creates this feature's rows in W (runs after the shared fixtures exist). */
  setup(env: BadInputEnv): Promise<void>;
  specs: Record<string, Spec>;
}

export interface IsolationEnv {
  server: TestServer;
  A: TestWorkspace;
  B: TestWorkspace;
  /** A's owner. */
  a: Client;
  /** B's admin (every permission) and B's token with every scope; every response they get is checked for leaks. */
  b: Client;
  bt: Client;
  /** Put this in the names of A's rows: no response to B may contain it. */
  fragment: string;
  /** A's rows: campaign X1 (2026-01-01…21), a chat group in it owned by A's owner, a team, member ids and numbers. */
  aCampaign: number;
  aGroup: number;
  aOwnerId: number;
  aTeam: number;
  aMemberIds: number[];
  aMemberNos: number[];
  bTeam: number;
}

export interface IsolationModule {
  /** Creates A's rows (names carrying `fragment`) and B's own. */
  setup(env: IsolationEnv): Promise<void>;
  /** One case per route: B (session and token) cannot read or change A's rows; include a control that A can. */
  cases: Record<string, () => Promise<void>>;
  /** What A sees of this feature, compared before and after all of B's attempts. */
  snapshot(): Promise<unknown>;
}
