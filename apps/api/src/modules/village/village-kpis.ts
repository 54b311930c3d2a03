import {
  cadreVisitTarget,
  compoundAnnualGrowth,
  onScheduleVisitRate,
  periodKindOf,
  promotionRate,
} from '@qiangji/domain';
import {
  periodDays,
  rateTile,
  type CountAlert,
  type KpiSource,
  type KpiTile,
} from '../../common/command-view';
import { belowTargetSql, keptBelowTargetSql } from './visit.sql';

/** The villages' yearly figures: villages, those with the "1+3+N" model, income weighted by population. */
const VILLAGE_YEARS: KpiSource = {
  rollup: 'village_year_figures',
  measures: ['villages', 'adopting', 'income', 'income_population'],
  grain: 'year',
};

/** Per-capita income of a year: income weighted by population, as villageStats and cadreStats weigh it. */
const income = (money: number, people: number) => (people ? money / people : null);

/** Villages and stationed cadres' tiles on the command view (issue 13): the article's 18.1% and 20.5%. */
export const VILLAGE_KPIS: readonly KpiTile[] = [
  {
    key: 'cadreVisits',
    area: 'village',
    label: { zh: '驻村干部走访', en: 'Cadre visits' },
    unit: 'COUNT',
    higherIsBetter: true,
    action: 'village:read',
    source: { rollup: 'visit_rollup', measures: ['visits'] },
    value: (w) => w.sum('visits'),
  },
  rateTile({
    key: 'poorVisitsOnSchedule',
    area: 'village',
    label: { zh: '贫困户按期走访率', en: 'Poor households visited on schedule' },
    action: 'village:read',
    // Poor household-months with a visit ÷ those due (cadreStats' onScheduleRate), summed over the period's months.
    source: { rollup: 'poor_visit_figures', measures: ['visited', 'due'] },
    value: (w) => onScheduleVisitRate(w.sum('visited'), w.sum('due')),
  }),
  rateTile({
    key: 'incomeGrowth',
    area: 'village',
    label: { zh: '农民人均纯收入年均增长', en: 'Per-capita income growth a year' },
    action: 'village:read',
    source: VILLAGE_YEARS,
    // From the year before the period to its last year, compounded (cadreStats' income growth).
    value: (w) => {
      const [start, end] = [
        income(w.start('income'), w.start('income_population')),
        income(w.end('income'), w.end('income_population')),
      ];
      return start === null || end === null ? null : compoundAnnualGrowth(start, end, w.span);
    },
  }),
  rateTile({
    key: 'modelAdoption',
    area: 'village',
    label: { zh: '“1+3+N”模式推广率', en: '“1+3+N” model adoption' },
    action: 'village:read',
    source: VILLAGE_YEARS,
    // The villages of the period's last year (villageStats' promotion rate of that year).
    value: (w) => promotionRate(w.end('adopting'), w.end('villages')),
  }),
];

/** The cadres below their visit target over the period: the cadre list's filter (cadreStats' cadresBelowTarget). */
export const VILLAGE_ALERTS: readonly CountAlert[] = [
  {
    kind: 'CADRES_BELOW_VISIT_TARGET',
    action: 'village:read',
    resource: 'stationedCadres',
    // A whole month, quarter or year from the kept counts; another range's whole months from the visits' rollup
    // by cadre, a row per cadre: the same cadres as the list's visits either way.
    count: (p, { regionCode, path, period }) => {
      const { from, to } = periodDays(period);
      const [kind, target] = [periodKindOf(period), cadreVisitTarget(from, to)];
      if (kind !== 'CUSTOM') return keptBelowTargetSql(p, regionCode, kind, from, target);
      return `SELECT count(*) FROM stationed_cadre k WHERE k.region_path <@ ${p.param(path, 'ltree')}
        AND k.id IN (${belowTargetSql(p, path, from, to, target, regionCode)})`;
    },
    filter: ({ regionCode, period }) => {
      const { from, to } = periodDays(period);
      return { regionCode, belowVisitTargetFrom: from, belowVisitTargetTo: to };
    },
  },
];
