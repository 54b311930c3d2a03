import { DomainValidationError } from './errors';
import { coverageRate, formatPercent, promotionRate } from './kpi';
import {
  adoptsModel,
  ASSISTANCE_MACHINE,
  ASSISTANCE_STATES,
  ASSISTANCE_STATE_LABELS,
  ASSISTANCE_TYPES,
  ASSISTANCE_TYPE_LABELS,
  DEFAULT_VISIT_TARGETS,
  incomeGrowth,
  isBelowCadreTarget,
  isOnSchedule,
  isVisitDue,
  onScheduleVisitRate,
  poorVisitMonthsDue,
  visitPeriodStart,
  isOpenAssistance,
  netAssets,
  noCasesFor,
  perCapitaIncomeOf,
  POSTING_MACHINE,
  POSTING_ROLES,
  POSTING_ROLE_LABELS,
  POSTING_STATES,
  POSTING_STATE_LABELS,
  targetPeriods,
  validateVillageIndicators,
  VILLAGE_INDICATOR_FIELDS,
  VILLAGE_INDICATOR_LABELS,
  VILLAGE_ORGANIZATION_KINDS,
  VILLAGE_ORGANIZATION_KIND_LABELS,
  VISIT_PURPOSES,
  VISIT_PURPOSE_LABELS,
  WORK_UNIT_KINDS,
  WORK_UNIT_KIND_LABELS,
  WORK_UNIT_LEVELS,
  WORK_UNIT_LEVEL_LABELS,
  type VillageIndicators,
} from './village';

const YEAR: VillageIndicators = {
  year: 2012,
  households: 320,
  population: 1100,
  cultivatedLandMu: 9600.5,
  poorHouseholds: 21,
  perCapitaNetIncome: 10_200,
  collectiveAssets: 10_900_000,
  collectiveDebts: 0,
  householdsInOrganizations: 290,
};

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainValidationError) return error.field;
    throw error;
  }
  return undefined;
}

describe('villages and stationed cadres', () => {
  it('when the enums are read, then every value has both labels', () => {
    const pairs: [readonly string[], Record<string, { zh: string; en: string }>][] = [
      [WORK_UNIT_KINDS, WORK_UNIT_KIND_LABELS],
      [WORK_UNIT_LEVELS, WORK_UNIT_LEVEL_LABELS],
      [POSTING_ROLES, POSTING_ROLE_LABELS],
      [POSTING_STATES, POSTING_STATE_LABELS],
      [VISIT_PURPOSES, VISIT_PURPOSE_LABELS],
      [ASSISTANCE_TYPES, ASSISTANCE_TYPE_LABELS],
      [ASSISTANCE_STATES, ASSISTANCE_STATE_LABELS],
      [VILLAGE_ORGANIZATION_KINDS, VILLAGE_ORGANIZATION_KIND_LABELS],
      [VILLAGE_INDICATOR_FIELDS, VILLAGE_INDICATOR_LABELS],
    ];
    for (const [values, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const v of values) expect(labels[v].zh && labels[v].en).toBeTruthy();
    }
    expect(POSTING_ROLE_LABELS.FIRST_SECRETARY.zh).toBe('第一书记');
  });

  describe('the assistance machine', () => {
    it('when a plan is carried out, then it goes planned → in progress → done', () => {
      expect(ASSISTANCE_MACHINE.check('PLANNED', 'start', ['STATIONED_CADRE'])).toEqual({
        ok: true,
        to: 'IN_PROGRESS',
      });
      expect(ASSISTANCE_MACHINE.check('IN_PROGRESS', 'complete', ['STATIONED_CADRE'])).toEqual({
        ok: true,
        to: 'DONE',
      });
    });

    it('when a step does not follow, or the role may not take it, then it is refused', () => {
      expect(ASSISTANCE_MACHINE.check('PLANNED', 'complete', ['STATIONED_CADRE'])).toMatchObject({
        ok: false,
        reason: 'INVALID_TRANSITION',
      });
      expect(ASSISTANCE_MACHINE.check('DONE', 'abandon', ['CITY_ADMIN'])).toMatchObject({ ok: false });
      expect(ASSISTANCE_MACHINE.check('PLANNED', 'start', ['SUPERVISOR'])).toMatchObject({
        ok: false,
        reason: 'FORBIDDEN',
      });
    });

    it('when the graph is drawn, then done and abandoned are the ends and only the open states are open', () => {
      expect(ASSISTANCE_MACHINE.graph).toEqual({
        PLANNED: { to: ['IN_PROGRESS', 'ABANDONED'] },
        IN_PROGRESS: { to: ['DONE', 'ABANDONED'] },
        DONE: { to: [] },
        ABANDONED: { to: [] },
      });
      expect(ASSISTANCE_STATES.filter(isOpenAssistance)).toEqual(['PLANNED', 'IN_PROGRESS']);
    });
  });

  it('when a posting ends, then only an office may end it, once', () => {
    expect(POSTING_MACHINE.check('ACTIVE', 'end', ['DISTRICT_OFFICER'])).toEqual({ ok: true, to: 'ENDED' });
    expect(POSTING_MACHINE.check('ENDED', 'end', ['CITY_ADMIN'])).toMatchObject({
      reason: 'INVALID_TRANSITION',
    });
    expect(POSTING_MACHINE.check('ACTIVE', 'end', ['STATIONED_CADRE'])).toMatchObject({
      reason: 'FORBIDDEN',
    });
  });

  describe('the "1+3+N" model', () => {
    it('when a village has the Party branch and the three platforms, then it adopts the model, associations or not', () => {
      expect(adoptsModel(['PARTY_BRANCH', 'COOPERATIVE', 'TRADE_UNION', 'SERVICE_CENTRE'])).toBe(true);
      expect(
        adoptsModel(['ASSOCIATION', 'SERVICE_CENTRE', 'TRADE_UNION', 'COOPERATIVE', 'PARTY_BRANCH']),
      ).toBe(true);
      expect(adoptsModel(['PARTY_BRANCH', 'COOPERATIVE', 'TRADE_UNION', 'ASSOCIATION'])).toBe(false);
      expect(adoptsModel([])).toBe(false);
    });

    it('when 293 of 1,429 villages adopt it, then the promotion rate reads 20.5%', () => {
      expect(formatPercent(promotionRate(293, 1429))).toBe('20.5%');
    });
  });

  describe('visit targets', () => {
    it('when the default targets are read, then poor households monthly, every household quarterly', () => {
      expect(DEFAULT_VISIT_TARGETS).toMatchObject({ poorHouseholdMonths: 1, householdMonths: 3 });
    });

    it('when a year is split, then it has 12 monthly and 4 quarterly periods; a partial quarter counts', () => {
      expect(targetPeriods('2012-01-01', '2012-12-31', 1)).toBe(12);
      expect(targetPeriods('2012-01-01', '2012-12-31', 3)).toBe(4);
      expect(targetPeriods('2012-01-15', '2012-04-02', 3)).toBe(2);
      expect(targetPeriods('2012-05-01', '2012-04-30', 1)).toBe(0);
      expect(fieldOf(() => targetPeriods('2012-01-01', '2012-02-01', 0))).toBe('months');
    });

    it('when a poor household is visited every month but one, then it is behind its schedule', () => {
      const monthly = Array.from({ length: 12 }, (_, m) => `2012-${String(m + 1).padStart(2, '0')}-10`);
      expect(isOnSchedule(monthly, '2012-01-01', '2012-12-31', 1)).toBe(true);
      expect(isOnSchedule(monthly.slice(1), '2012-01-01', '2012-12-31', 1)).toBe(false);
      // Twice in one month does not make up for another.
      expect(isOnSchedule([...monthly.slice(1), '2012-02-20'], '2012-01-01', '2012-12-31', 1)).toBe(false);
      // Visits outside the range do not count.
      expect(isOnSchedule(['2011-12-31', '2012-02-01'], '2012-01-01', '2012-03-31', 3)).toBe(true);
      expect(isOnSchedule(['2011-12-31'], '2012-01-01', '2012-03-31', 3)).toBe(false);
    });

    it('when a poor household was seen last month and another this quarter, then only the poor one is due', () => {
      expect(visitPeriodStart('2026-12-01', 1)).toBe('2026-12-01');
      expect(visitPeriodStart('2026-12-01', 3)).toBe('2026-10-01');
      expect(visitPeriodStart('2026-02-28', 3)).toBe('2026-01-01');
      expect(visitPeriodStart('2026-08-15', 6)).toBe('2026-07-01');
      expect(isVisitDue('2026-11-30', true, '2026-12-01')).toBe(true);
      expect(isVisitDue('2026-12-01', true, '2026-12-01')).toBe(false);
      expect(isVisitDue('2026-10-01', false, '2026-12-01')).toBe(false);
      expect(isVisitDue('2026-09-30', false, '2026-12-01')).toBe(true);
      expect(isVisitDue(null, false, '2026-12-01')).toBe(true);
    });

    it('when a cadre makes fewer visits than the months ask, then the cadre is below target', () => {
      expect(isBelowCadreTarget(23, '2012-01-01', '2012-03-31')).toBe(true);
      expect(isBelowCadreTarget(24, '2012-01-01', '2012-03-31')).toBe(false);
    });

    it('when visited households are counted, then the coverage is a fraction of the households', () => {
      expect(coverageRate(30, 40)).toBe(0.75);
      expect(coverageRate(0, 0)).toBeNull();
    });

    it('when two poor households are owed a quarter of monthly visits and five months had one, then 5 of 6 were on schedule', () => {
      // One visited in January, February and March; the other in January and March (twice in March).
      const due = poorVisitMonthsDue(2, '2013-01-01', '2013-03-31');
      expect(due).toBe(6);
      expect(onScheduleVisitRate(3 + 2, due)).toBeCloseTo(5 / 6, 12);
      // A single month: the share of the poor households visited in it.
      expect(onScheduleVisitRate(1, poorVisitMonthsDue(2, '2013-02-01', '2013-02-28'))).toBe(0.5);
      // A custom range counts every month its days touch.
      expect(poorVisitMonthsDue(3, '2013-01-15', '2013-02-02')).toBe(6);
    });

    it('when there is no poor household, then the rate is undefined; more months visited than due is refused', () => {
      expect(onScheduleVisitRate(0, poorVisitMonthsDue(0, '2013-01-01', '2013-12-31'))).toBeNull();
      expect(fieldOf(() => onScheduleVisitRate(7, 6))).toBe('covered');
    });
  });

  describe('income', () => {
    it('when 通河县 grew 18.1% a year for four years, then the series shows it', () => {
      const series = [0, 1, 2, 3, 4].map((i) => ({ year: 2008 + i, income: 4000 * 1.181 ** i }));
      expect(formatPercent(incomeGrowth(series))).toBe('18.1%');
      expect(formatPercent(incomeGrowth([...series].reverse()))).toBe('18.1%');
    });

    it('when a poor household went from under 10,000 to 40,000 in two years, then it doubled each year', () => {
      expect(
        incomeGrowth([
          { year: 2010, income: 10_000 },
          { year: 2012, income: 40_000 },
        ]),
      ).toBeCloseTo(1);
      expect(incomeGrowth([{ year: 2012, income: 40_000 }])).toBeNull();
    });

    it('when villages are put together, then their per-capita income is weighted by population', () => {
      expect(
        perCapitaIncomeOf([
          { perCapitaIncome: 10_000, population: 300 },
          { perCapitaIncome: 6_000, population: 100 },
        ]),
      ).toBe(9_000);
      expect(perCapitaIncomeOf([])).toBeNull();
    });
  });

  describe('village indicators', () => {
    it('when a year of 新庄村 is checked, then it passes, and its net assets are 10.9 million', () => {
      expect(validateVillageIndicators(YEAR, 2013)).toEqual(YEAR);
      expect(netAssets(YEAR)).toBe(10_900_000);
      expect(netAssets({ collectiveAssets: 0, collectiveDebts: 1_400_000 })).toBe(-1_400_000);
    });

    it.each<[string, Partial<VillageIndicators>, string]>([
      ['negative land', { cultivatedLandMu: -1 }, 'cultivatedLandMu'],
      ['land with three decimals', { cultivatedLandMu: 1.234 }, 'cultivatedLandMu'],
      ['a negative count', { households: -3 }, 'households'],
      ['income in fen', { perCapitaNetIncome: 10_200.5 }, 'perCapitaNetIncome'],
      ['negative debts', { collectiveDebts: -5 }, 'collectiveDebts'],
      ['more poor households than households', { poorHouseholds: 321 }, 'poorHouseholds'],
      ['more members than households', { householdsInOrganizations: 400 }, 'householdsInOrganizations'],
      ['more households than people', { population: 300 }, 'households'],
      ['a year to come', { year: 2014 }, 'year'],
      ['a year before the records', { year: 1900 }, 'year'],
    ])('when a year has %s, then it is refused on its field', (_what, change, field) => {
      expect(fieldOf(() => validateVillageIndicators({ ...YEAR, ...change }, 2013))).toBe(field);
    });
  });

  describe('safety', () => {
    it('when a village had no public-order case in each of three years, then it counts; a missing year does not', () => {
      const records = [
        { year: 2010, cases: 0 },
        { year: 2011, cases: 0 },
        { year: 2012, cases: 0 },
      ];
      expect(noCasesFor(records, 2012)).toBe(true);
      expect(noCasesFor(records.slice(1), 2012)).toBe(false);
      expect(noCasesFor([...records.slice(0, 2), { year: 2012, cases: 1 }], 2012)).toBe(false);
      expect(noCasesFor([{ year: 2012, cases: 0 }], 2012, 1)).toBe(true);
    });
  });
});
