import { camelCase, constantCase, defineMachine } from './machine';

type Door = 'OPEN' | 'CLOSED' | 'LOCKED';
const DOOR = defineMachine<Door, { shut: object; lock: { by: string }; unlock: object; knock: object }>({
  states: ['OPEN', 'CLOSED', 'LOCKED'],
  commands: {
    shut: { from: ['OPEN'], to: 'CLOSED', roles: ['GRID_WORKER'], label: { zh: '关门', en: 'Shut' } },
    lock: { from: ['CLOSED'], to: 'LOCKED', roles: ['CITY_ADMIN'], label: { zh: '上锁', en: 'Lock' } },
    unlock: { from: ['LOCKED'], to: 'CLOSED', roles: ['CITY_ADMIN'], label: { zh: '开锁', en: 'Unlock' } },
    knock: {
      from: ['CLOSED', 'LOCKED'],
      to: null,
      roles: ['GRID_WORKER'],
      repeatable: true,
      label: { zh: '敲门', en: 'Knock' },
    },
  },
});

describe('defineMachine', () => {
  it('when the graph is derived, then it holds every command’s edge and no self-edge for a step that keeps the state', () => {
    expect(DOOR.graph).toEqual({
      OPEN: { to: ['CLOSED'] },
      CLOSED: { to: ['LOCKED'] },
      LOCKED: { to: ['CLOSED'] },
    });
  });

  it('when a command is checked, then the state is checked before the role, and a step without a target keeps the state', () => {
    expect(DOOR.check('OPEN', 'lock', ['GRID_WORKER'])).toEqual({
      ok: false,
      reason: 'INVALID_TRANSITION',
      from: 'OPEN',
      to: 'LOCKED',
    });
    expect(DOOR.check('CLOSED', 'lock', ['GRID_WORKER'])).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
    expect(DOOR.check('LOCKED', 'knock', ['GRID_WORKER'])).toEqual({ ok: true, to: 'LOCKED' });
  });

  it('when roles are asked about, then allows() ignores the state and available() lists the table’s order', () => {
    expect(DOOR.allows('lock', ['GRID_WORKER', 'CITY_ADMIN'])).toBe(true);
    expect(DOOR.allows('lock', ['GRID_WORKER'])).toBe(false);
    expect(DOOR.available('CLOSED', ['GRID_WORKER', 'CITY_ADMIN'])).toEqual(['lock', 'knock']);
    expect(DOOR.commands).toEqual(['shut', 'lock', 'unlock', 'knock']);
    expect(DOOR.labels().knock).toEqual({ zh: '敲门', en: 'Knock' });
  });

  it('when names are converted, then constantCase and camelCase are each other’s inverse', () => {
    for (const name of ['accept', 'concludeWithAgreement', 'recordFollowUp'])
      expect(camelCase(constantCase(name))).toBe(name);
    expect(constantCase('concludeWithAgreement')).toBe('CONCLUDE_WITH_AGREEMENT');
  });
});
