import {
  ACTIONS,
  actionsOf,
  API_KEY_PERMISSIONS,
  can,
  isRole,
  PERMISSIONS,
  ROLE_LABELS,
  ROLES,
} from './permissions';

describe('permissions', () => {
  it('when the city administrator acts, then every action is allowed', () => {
    for (const action of ACTIONS) expect(can(['CITY_ADMIN'], action)).toBe(true);
  });

  it('when a supervisor acts, then reading people is allowed and nothing that writes or reveals', () => {
    expect(can(['SUPERVISOR'], 'resident:read')).toBe(true);
    expect(can(['SUPERVISOR'], 'resident:write')).toBe(false);
    expect(can(['SUPERVISOR'], 'resident:reveal')).toBe(false);
    expect(can(['SUPERVISOR'], 'user:manage')).toBe(false);
  });

  it('when an auditor acts, then only the audit log is open', () => {
    expect([...actionsOf(['AUDITOR'])]).toEqual(['audit:read']);
  });

  it('when a grid worker acts, then people can be recorded but their ID numbers not revealed', () => {
    expect(can(['GRID_WORKER'], 'resident:write')).toBe(true);
    expect(can(['GRID_WORKER'], 'resident:reveal')).toBe(false);
  });

  it('when a user has two roles, then the actions add up', () => {
    expect(can(['AUDITOR', 'SUPERVISOR'], 'audit:read')).toBe(true);
    expect(can(['AUDITOR', 'SUPERVISOR'], 'resident:read')).toBe(true);
  });

  it('when an API key is read-only, then it may read people and not write them', () => {
    expect(API_KEY_PERMISSIONS.read).toContain('resident:read');
    expect(API_KEY_PERMISSIONS.read).not.toContain('resident:write');
    expect(API_KEY_PERMISSIONS.write).not.toContain('resident:reveal');
  });

  it('when the tables are read, then every role has permissions and a label, and nothing else does', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(isRole('MEDIATOR')).toBe(true);
    expect(isRole('ROOT')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
