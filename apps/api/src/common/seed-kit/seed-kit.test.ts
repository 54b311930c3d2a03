import { defineMachine } from '@qiangji/domain';
import { startTestApp, type TestApp } from '../../test/test-app';
import {
  defineLifecycle,
  insertRows,
  LifeError,
  noteOnTimeline,
  playLife,
  rowsTable,
  seededRandom,
  seededUuids,
  type LifeStep,
} from '.';

/** A small machine of its own, so the kit is tested apart from any module's. */
type Door = 'SHUT' | 'OPEN' | 'LOCKED';
interface DoorDetails {
  open: { by: string };
  shut: Record<string, never>;
  lock: { key: string };
  knock: { times: number };
  paint: { colour: string };
}
const DOOR = defineMachine<Door, DoorDetails>({
  states: ['SHUT', 'OPEN', 'LOCKED'],
  commands: {
    open: { from: ['SHUT'], to: 'OPEN', roles: ['MEDIATOR'], label: { zh: '开', en: 'Open' } },
    shut: { from: ['OPEN'], to: 'SHUT', roles: ['MEDIATOR'], label: { zh: '关', en: 'Shut' } },
    lock: { from: ['SHUT'], to: 'LOCKED', roles: ['CITY_ADMIN'], label: { zh: '锁', en: 'Lock' } },
    knock: {
      from: ['SHUT', 'LOCKED'],
      to: null,
      roles: ['MEDIATOR'],
      repeatable: true,
      label: { zh: '敲', en: 'Knock' },
    },
    paint: { from: ['SHUT', 'OPEN'], to: null, roles: ['MEDIATOR'], label: { zh: '漆', en: 'Paint' } },
  },
});
interface DoorRow {
  state: Door;
  version: number;
  openedBy: string | null;
  colour: string;
  openedAt: Date | null;
  lockedWith: string | null;
  /** Derived: whether anyone may walk through. */
  passable?: boolean;
}
const LIFE = defineLifecycle<Door, DoorDetails, DoorRow>({
  machine: DOOR,
  roles: ['MEDIATOR'],
  effects: {
    open: (d, at) => ({ openedBy: d.by, openedAt: at }),
    shut: () => ({}),
    lock: (d) => ({ lockedWith: d.key }),
    knock: () => ({}),
    paint: (d) => ({ colour: d.colour }),
  },
  derive: (row) => ({ passable: row.state === 'OPEN' }),
});

const at = (h: number) => new Date(Date.UTC(2013, 0, 1, h));
const door = (): DoorRow => ({
  state: 'SHUT',
  version: 1,
  openedBy: null,
  colour: 'red',
  openedAt: null,
  lockedWith: null,
});
const built = { at: at(0), command: 'build', actor: '木匠', details: { wood: 'pine' } };
const step = <C extends keyof DoorDetails>(h: number, command: C, details: DoorDetails[C]) =>
  ({ command, at: at(h), actor: '门房', details }) as LifeStep<DoorDetails>;

describe('the seed kit: lives played through a machine', () => {
  it('when a life is played, then each step moves the state and version, sets its columns and leaves its timeline row', () => {
    const { row, timeline } = playLife(
      LIFE,
      door(),
      built,
      [
        step(1, 'knock', { times: 3 }),
        step(2, 'open', { by: '老王' }),
        step(3, 'paint', { colour: 'green' }),
      ],
      at(10),
    );
    expect(row).toEqual({
      state: 'OPEN',
      version: 4,
      openedBy: '老王',
      openedAt: at(2),
      colour: 'green',
      lockedWith: null,
      passable: true,
    });
    expect(timeline.map((e) => [e.command, e.from, e.to, e.at.getUTCHours()])).toEqual([
      ['build', null, 'SHUT', 0],
      ['knock', 'SHUT', 'SHUT', 1],
      ['open', 'SHUT', 'OPEN', 2],
      ['paint', 'OPEN', 'OPEN', 3],
    ]);
    expect(timeline[2]).toMatchObject({ actor: '门房', details: { by: '老王' } });
  });

  it('when some steps lie after the clock, then they have not happened: the object stands where the last one left it', () => {
    const { row, timeline } = playLife(
      LIFE,
      door(),
      built,
      [step(1, 'open', { by: '老王' }), step(5, 'shut', {})],
      at(4),
    );
    expect(row).toMatchObject({ state: 'OPEN', version: 2, passable: true });
    expect(timeline).toHaveLength(2);
  });

  it('when a step is one the API would refuse, then the play throws: wrong state, a role not allowed, out of time order, or no change', () => {
    const play = (steps: LifeStep<DoorDetails>[]) => () => playLife(LIFE, door(), built, steps, at(10));
    expect(play([step(1, 'shut', {})])).toThrow(new LifeError('INVALID_TRANSITION: shut from SHUT.'));
    expect(play([step(1, 'lock', { key: 'k' })])).toThrow(new LifeError('FORBIDDEN: lock from SHUT.'));
    expect(play([step(2, 'open', { by: 'a' }), step(1, 'shut', {})])).toThrow(/is before/);
    expect(play([step(1, 'paint', { colour: 'red' })])).toThrow(new LifeError('paint would change nothing.'));
    // An occurrence is new information each time: knocking twice is two rows.
    expect(play([step(1, 'knock', { times: 1 }), step(2, 'knock', { times: 1 })])().row.version).toBe(3);
  });

  it('when a note joins a timeline, then it stands in time order with the state of that moment, only in the states allowed', () => {
    const { timeline } = playLife(
      LIFE,
      door(),
      built,
      [step(1, 'open', { by: '老王' }), step(5, 'shut', {})],
      at(10),
    );
    const note = (h: number) => ({ at: at(h), command: 'inspect', actor: '物业', details: { ok: true } });
    expect(noteOnTimeline(timeline, note(3), ['OPEN'])).toBe(true);
    expect(noteOnTimeline(timeline, note(6), ['OPEN'])).toBe(false);
    expect(timeline.map((e) => [e.command, e.from, e.to])).toEqual([
      ['build', null, 'SHUT'],
      ['open', 'SHUT', 'OPEN'],
      ['inspect', 'OPEN', 'OPEN'],
      ['shut', 'OPEN', 'SHUT'],
    ]);
  });
});

describe('the seed kit: deterministic random', () => {
  it('when two generators share a seed, then they draw the same values, ids, choices and orders', () => {
    const draw = (seed: number) => {
      const rand = seededRandom(seed);
      const newId = seededUuids(seed);
      const choose = rand.chooser([
        ['a', 1],
        ['b', 0],
        ['c', 3],
      ] as const);
      return {
        values: [rand.next(), rand.between(1, 6), rand.pick(['x', 'y', 'z'])],
        chosen: Array.from({ length: 50 }, choose),
        weighted: Array.from({ length: 50 }, () => rand.weighted({ LAND: 1, DEBT: 1 })),
        shuffled: rand.shuffle([1, 2, 3, 4, 5]),
        ids: [newId(), newId()],
      };
    };
    const a = draw(7);
    expect(draw(7)).toEqual(a);
    expect(draw(8)).not.toEqual(a);
    expect(new Set(a.chosen)).toEqual(new Set(['a', 'c']));
    expect([...a.shuffled].sort()).toEqual([1, 2, 3, 4, 5]);
    for (const id of a.ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the seed kit: set-based inserts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('when rows go in, then one statement writes them in order, each column read with its type, computed ones in SQL', async () => {
    const PROBE = rowsTable(
      'kit_probe',
      {
        id: 'uuid',
        regionPath: 'ltree',
        tags: 'text[]',
        details: 'jsonb',
        heldAt: 'timestamptz',
        amount: 'numeric',
        done: 'boolean',
      },
      { label: `'#' || nextval('kit_probe_n')` },
    );
    const rows = await app.db.transaction(async (m) => {
      await m.query(`CREATE TEMP SEQUENCE kit_probe_n`);
      await m.query(
        `CREATE TEMP TABLE kit_probe (n serial, id uuid, region_path ltree, tags text[], details jsonb,
           held_at timestamptz, amount numeric(14, 2), done boolean, label text)`,
      );
      const returned = await insertRows<typeof PROBE.columns, { n: number }>(
        m,
        PROBE,
        [
          {
            id: 'b9a5c1e2-4d3f-4a6b-8c7d-9e0f1a2b3c4d',
            regionPath: '230100.230129',
            tags: ['LAND', '土地'],
            details: { nested: { a: [1, 2] } },
            heldAt: new Date('2012-05-01T01:00:00Z'),
            amount: '12.50',
            done: true,
          },
          { id: 'c9a5c1e2-4d3f-4a6b-8c7d-9e0f1a2b3c4d', tags: [], amount: 3 },
        ],
        'RETURNING n',
      );
      expect(returned).toEqual([{ n: 1 }, { n: 2 }]);
      expect(await insertRows(m, PROBE, [])).toEqual([]);
      return m.query(
        `SELECT id, region_path::text AS path, tags, details, held_at AS "heldAt", amount::text, done, label
         FROM kit_probe ORDER BY n`,
      );
    });
    expect(rows).toEqual([
      {
        id: 'b9a5c1e2-4d3f-4a6b-8c7d-9e0f1a2b3c4d',
        path: '230100.230129',
        tags: ['LAND', '土地'],
        details: { nested: { a: [1, 2] } },
        heldAt: new Date('2012-05-01T01:00:00Z'),
        amount: '12.50',
        done: true,
        label: '#1',
      },
      {
        id: 'c9a5c1e2-4d3f-4a6b-8c7d-9e0f1a2b3c4d',
        path: null,
        tags: [],
        details: null,
        heldAt: null,
        amount: '3.00',
        done: null,
        label: '#2',
      },
    ]);
  });
});
