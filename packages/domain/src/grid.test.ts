import {
  boundingBox,
  distanceMetres,
  GRID_EVENT_MACHINE,
  GRID_EVENT_STATES,
  gridEventDeadline,
  gridEventDeadlineStatus,
  gridEventHours,
  mayReferToMediation,
} from './grid';
import { coverageRate, onTimeRate } from './kpi';
import { DomainValidationError } from './errors';

const HOUR = 3_600_000;

describe('the grid event machine', () => {
  it('when walked along the closed loop, then every step leads to the next state', () => {
    const loop = [
      ['file', 'FILED'],
      ['dispatch', 'DISPATCHED'],
      ['startDisposal', 'IN_DISPOSAL'],
      ['dispose', 'DISPOSED'],
      ['verify', 'VERIFIED'],
      ['close', 'CLOSED'],
      ['evaluate', 'EVALUATED'],
    ] as const;
    let state: (typeof GRID_EVENT_STATES)[number] = 'REPORTED';
    for (const [command, to] of loop) {
      const check = GRID_EVENT_MACHINE.check(state, command, ['CITY_ADMIN']);
      expect(check).toEqual({ ok: true, to });
      state = to;
    }
  });

  it('when a disposal is sent back, then the event is in disposal again', () => {
    expect(GRID_EVENT_MACHINE.check('DISPOSED', 'sendBack', ['GRID_WORKER'])).toEqual({
      ok: true,
      to: 'IN_DISPOSAL',
    });
  });

  it('when a grid worker tries to dispatch, then the roles refuse it; verifying is theirs', () => {
    expect(GRID_EVENT_MACHINE.check('FILED', 'dispatch', ['GRID_WORKER']).ok).toBe(false);
    expect(GRID_EVENT_MACHINE.available('DISPOSED', ['GRID_WORKER'])).toEqual(['verify', 'sendBack']);
    expect(GRID_EVENT_MACHINE.available('CLOSED', ['GRID_WORKER'])).toEqual(['evaluate']);
  });

  it('when an event has ended, then no command leads anywhere from it', () => {
    for (const state of ['REJECTED', 'EVALUATED', 'REFERRED'] as const)
      expect(GRID_EVENT_MACHINE.graph[state].to).toEqual([]);
  });

  it('when only disputes may go to mediation, then other categories may not', () => {
    expect(mayReferToMediation('NEIGHBOURHOOD_DISPUTE')).toBe(true);
    expect(mayReferToMediation('FIRE_HAZARD')).toBe(false);
  });
});

describe('grid event deadlines', () => {
  it('when urgent or critical, then the time shrinks, never under two hours', () => {
    expect(gridEventHours('FIRE_HAZARD', 'NORMAL')).toBe(12);
    expect(gridEventHours('FIRE_HAZARD', 'URGENT')).toBe(6);
    expect(gridEventHours('FIRE_HAZARD', 'CRITICAL')).toBe(3);
    expect(gridEventHours('OTHER', 'CRITICAL')).toBe(30);
    expect(gridEventHours('PUBLIC_ORDER_HAZARD', 'CRITICAL')).toBe(6);
  });

  it('when dispatched, then due after the hours and at risk in their last quarter', () => {
    const at = new Date('2012-06-01T02:00:00Z');
    const d = gridEventDeadline('PUBLIC_ORDER_HAZARD', 'NORMAL', at);
    expect(d.dueAt.toISOString()).toBe('2012-06-02T02:00:00.000Z');
    expect(d.atRiskAt.toISOString()).toBe('2012-06-01T20:00:00.000Z');
  });

  it('when the clock runs, then on time, at risk, overdue; a late closure stays late', () => {
    const dueAt = new Date(10 * HOUR);
    const atRiskAt = new Date(8 * HOUR);
    const e = { state: 'IN_DISPOSAL' as const, dueAt, atRiskAt };
    expect(gridEventDeadlineStatus(e, new Date(1 * HOUR))).toBe('ON_TIME');
    expect(gridEventDeadlineStatus(e, new Date(9 * HOUR))).toBe('AT_RISK');
    expect(gridEventDeadlineStatus(e, new Date(11 * HOUR))).toBe('OVERDUE');
    const closed = { state: 'CLOSED' as const, dueAt, atRiskAt };
    expect(gridEventDeadlineStatus({ ...closed, closedAt: new Date(9 * HOUR) }, new Date(99 * HOUR))).toBe(
      'ON_TIME',
    );
    expect(gridEventDeadlineStatus({ ...closed, closedAt: new Date(11 * HOUR) })).toBe('OVERDUE');
    expect(gridEventDeadlineStatus({ state: 'FILED', dueAt: null, atRiskAt: null })).toBe('ON_TIME');
  });

  it('when the closed loop is counted, then on-time and coverage rates are fractions', () => {
    expect(onTimeRate(9, 10)).toBe(0.9);
    expect(onTimeRate(0, 0)).toBeNull();
    expect(coverageRate(3, 4)).toBe(0.75);
    expect(() => coverageRate(5, 4)).toThrow(DomainValidationError);
  });
});

describe('distances for duplicate hints', () => {
  const harbin = { lat: 45.7732, lng: 126.6169 };

  it('when a point is 150 m north, then it is within 200 m; 250 m east is not', () => {
    const north = { lat: harbin.lat + 150 / 111_195, lng: harbin.lng };
    expect(distanceMetres(harbin, north)).toBeCloseTo(150, 0);
    const east = {
      lat: harbin.lat,
      lng: harbin.lng + 250 / (111_195 * Math.cos((harbin.lat * Math.PI) / 180)),
    };
    expect(distanceMetres(harbin, east)).toBeCloseTo(250, 0);
  });

  it('when the box is drawn, then every point of the circle lies in it', () => {
    const box = boundingBox(harbin, 200);
    for (let deg = 0; deg < 360; deg += 15) {
      const r = (deg * Math.PI) / 180;
      const p = {
        lat: harbin.lat + (199.9 * Math.cos(r)) / 111_195,
        lng: harbin.lng + (199.9 * Math.sin(r)) / (111_195 * Math.cos((harbin.lat * Math.PI) / 180)),
      };
      expect(distanceMetres(harbin, p)).toBeLessThan(200.5);
      expect(p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng).toBe(
        true,
      );
    }
  });

  it('when a latitude is out of range, then it is refused on its field', () => {
    expect(() => boundingBox({ lat: 91, lng: 0 }, 200)).toThrow(DomainValidationError);
  });
});
