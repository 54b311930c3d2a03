/**
 * Who may do what: one table that the API enforces and the dashboard reads to build its menus.
 * What a caller may see is further limited by its jurisdiction (a subtree of the region tree).
 */
export const ROLES = [
  'CITY_ADMIN',
  'SUPERVISOR',
  'DISTRICT_OFFICER',
  'STREET_OFFICER',
  'COMMUNITY_STAFF',
  'GRID_WORKER',
  'MEDIATOR',
  'STATIONED_CADRE',
  'AUDITOR',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'resident:read',
  'resident:write',
  'resident:reveal',
  'household:read',
  'household:write',
  'user:manage',
  'apiKey:manage',
  'audit:read',
  'dispute:read',
  'dispute:register',
  // The coordination centre's records: petition cases and coordination meetings.
  'coordination:read',
  'mediation:manage',
  'service:read',
  'service:apply',
  'service:manage',
  'grid:read',
  'grid:report',
  'grid:handle',
  'grid:manage',
  'security:read',
  'security:write',
  // The command view (指挥调度): the KPI tiles, the map and the alerts of a jurisdiction.
  'command:read',
  'village:read',
  'village:write',
  'visit:write',
  'report:read',
  // The working calendar (public holidays, make-up working days): the city enters each December's notice.
  'calendar:manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** An action's name in the API's GraphQL enum: 'resident:read' → RESIDENT_READ, 'apiKey:manage' → APIKEY_MANAGE. */
export function actionName(action: Action): string {
  return action.replace(':', '_').toUpperCase();
}

const READ_CASES: readonly Action[] = ['resident:read', 'household:read', 'dispute:read'];
// Grid events and the public-security figures are read by everyone who reads the jurisdiction's people.
const READ_PEOPLE: readonly Action[] = [...READ_CASES, 'coordination:read', 'grid:read', 'security:read'];
const WRITE_PEOPLE: readonly Action[] = [
  ...READ_PEOPLE,
  'resident:write',
  'household:write',
  'dispute:register',
  'grid:report',
];
// Villages and stationed cadres: officers keep the profiles, units and postings; cadres log visits and assistance.
const VILLAGE_OFFICE: readonly Action[] = ['village:read', 'village:write', 'visit:write'];
// Grid events are handled (filed, dispatched, closed) and grid workers assigned by the offices; the figures of
// public security are entered by them or sent by the police system's API key.
const OFFICER: readonly Action[] = [
  ...WRITE_PEOPLE,
  'resident:reveal',
  'mediation:manage',
  'grid:handle',
  'grid:manage',
  'security:write',
  'command:read',
  ...VILLAGE_OFFICE,
  // Monthly reports are read by the officers who sign them; who signs which level is the monthly report machine's
  // business (monthly-report.ts), by role and jurisdiction.
  'report:read',
];
// Who moves a case along its life is the dispute case transitions table's business (dispute-case.ts), by role.
// Public services: reading applications, submitting them for residents, keeping the catalogue, policies and slots.
const SERVICE_STAFF: readonly Action[] = ['service:read', 'service:apply', 'service:manage'];

export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = Object.freeze({
  CITY_ADMIN: ACTIONS,
  // City officials of the dashboard: read everything in their jurisdiction, change nothing.
  SUPERVISOR: [...READ_PEOPLE, 'service:read', 'command:read', 'village:read', 'report:read'],
  DISTRICT_OFFICER: [...OFFICER, ...SERVICE_STAFF],
  STREET_OFFICER: [...OFFICER, ...SERVICE_STAFF],
  COMMUNITY_STAFF: [...OFFICER, ...SERVICE_STAFF],
  // Grid workers record residents and households but see ID numbers and phones masked.
  GRID_WORKER: WRITE_PEOPLE,
  // Mediators read their own cases only (readsOwnCasesOnly); petitions and coordination meetings are not their work.
  MEDIATOR: [...READ_CASES, 'dispute:register'],
  // Cadres hear of disputes on their household visits and register them for the village committee.
  STATIONED_CADRE: [...READ_PEOPLE, 'dispute:register', 'village:read', 'visit:write'],
  AUDITOR: ['audit:read'],
});

export const ROLE_LABELS: Readonly<Record<Role, { zh: string; en: string }>> = Object.freeze({
  CITY_ADMIN: { zh: '市级管理员', en: 'City administrator' },
  SUPERVISOR: { zh: '督导（市委政法委）', en: 'Supervisor' },
  DISTRICT_OFFICER: { zh: '区县工作人员', en: 'District officer' },
  STREET_OFFICER: { zh: '街道乡镇工作人员', en: 'Street or township officer' },
  COMMUNITY_STAFF: { zh: '社区村工作人员', en: 'Community or village staff' },
  GRID_WORKER: { zh: '网格员', en: 'Grid worker' },
  MEDIATOR: { zh: '人民调解员', en: 'Mediator' },
  STATIONED_CADRE: { zh: '驻村干部', en: 'Stationed cadre' },
  AUDITOR: { zh: '审计员', en: 'Auditor' },
});

/** What an API key for a district system may do, by scope. */
export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
// District systems read the monthly reports of their subtree (figures only); they never sign.
export const API_KEY_PERMISSIONS: Readonly<Record<ApiKeyScope, readonly Action[]>> = Object.freeze({
  read: [...READ_PEOPLE, 'village:read', 'report:read'],
  // A community or district portal submits applications for residents who registered with their real names; the
  // police system sends the monthly public-security figures; a district's cadre system logs visits.
  write: [
    ...WRITE_PEOPLE,
    'service:read',
    'service:apply',
    'security:write',
    ...VILLAGE_OFFICE,
    'report:read',
  ],
});

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Every action the roles allow together. */
export function actionsOf(roles: readonly Role[]): Set<Action> {
  return new Set(roles.flatMap((role) => PERMISSIONS[role] ?? []));
}

export function can(roles: readonly Role[], action: Action): boolean {
  return roles.some((role) => PERMISSIONS[role]?.includes(action));
}

/**
 * Roles that read only the cases of their own work (assigned to them, or handled by an organisation they belong
 * to) rather than every case of their jurisdiction: the minimum a mediator's work needs. A caller with any other
 * role that reads cases keeps the whole subtree.
 */
export const OWN_CASES_ROLES: readonly Role[] = ['MEDIATOR'];

export function readsOwnCasesOnly(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((r) => OWN_CASES_ROLES.includes(r));
}
