import {
  DISPUTE_CASE_STATES,
  isOpenDisputeCase,
  RECURRENCE_THRESHOLD,
  type DisputeType,
} from '@qiangji/domain';
import { inScope } from '../../common/authz';
import type { AlertItem, MeasureRow, ViewScope } from '../../common/command-view';
import type { RequestContext } from '../../server/context';
import { notYetDueSql } from './dispute-case.sql';

const OPEN_STATES = DISPUTE_CASE_STATES.filter(isOpenDisputeCase);
/** The child of `$1` a row's path lies in (its own code for a row on the region itself). */
const CHILD = `CASE WHEN nlevel(c.region_path) > nlevel($1::ltree)
  THEN ltree2text(subpath(c.region_path, nlevel($1::ltree), 1)) ELSE $2 END`;
/**
 * The cases whose time is still running, read first (their index on the due time) and only then narrowed to the
 * subtree: they are few, while the subtree of a city is every case, which the planner would otherwise AND in.
 */
const RUNNING = `running AS MATERIALIZED (SELECT c.region_path, c.accepted_at FROM dispute_case c WHERE ${notYetDueSql('c')})`;
/** The recurring places an alert list shows, the most frequent first. */
const RECURRING_SHOWN = 10;
const MONTH = (instant: string) => `to_char(${instant} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;

/**
 * What grand mediation gives the command view beyond its rollups: the cases whose time has not run out yet
 * (the rollups count open cases with a due time; overdue is those minus these, whatever the clock says now)
 * and the alerts. Each is one statement over few rows: cases not yet due (bounded by the time limits), the
 * region's rollup rows, and the recurring rows of one year (a partial index).
 */
export class MediationCommandViewService {
  /** Open cases not yet due, by the child (or the region itself) and the month accepted (`not_yet_due`). */
  async notYetDue(ctx: RequestContext, scope: ViewScope): Promise<MeasureRow[]> {
    return inScope(ctx, (m) =>
      m.query(
        `WITH ${RUNNING}
         SELECT ${CHILD} AS "regionCode", ${MONTH('c.accepted_at')} AS month, count(*)::int AS not_yet_due
         FROM running c
         WHERE c.accepted_at IS NOT NULL AND c.region_path <@ $1::ltree
         GROUP BY 1, 2`,
        [scope.path, scope.regionCode],
      ),
    );
  }

  /**
   * High-risk and overdue cases open now in the subtree, and the places where disputes of one type, or with one
   * resident, came three times or more in the period's last calendar year.
   */
  async alerts(ctx: RequestContext, scope: ViewScope & { period: { to: string } }): Promise<AlertItem[]> {
    const year = scope.period.to.slice(0, 4);
    const [now]: {
      highRisk: number;
      overdue: number;
      recurring: { regionCode: string; subject: string; cases: number }[];
    }[] = await inScope(ctx, (m) =>
      m.query(
        `WITH ${RUNNING}
         SELECT coalesce(sum(r.received_high_risk), 0)::int AS "highRisk",
           (coalesce(sum(r.received_open_due), 0) - (SELECT count(*) FROM running c
             WHERE c.region_path <@ $2::ltree))::int AS overdue,
           (SELECT coalesce(json_agg(x), '[]') FROM (
              SELECT t.place AS "regionCode", t.subject, t.cases FROM dispute_recurrence t
              WHERE t.region_code = $1 AND t.year = make_date($3::int, 1, 1) AND t.cases >= $4
              ORDER BY t.cases DESC, t.place, t.subject LIMIT ${RECURRING_SHOWN}) x) AS recurring
         FROM dispute_case_rollup r WHERE r.region_code = $1`,
        [scope.regionCode, scope.path, year, RECURRENCE_THRESHOLD],
      ),
    );
    const recurring = now.recurring;
    const here = { regionCode: scope.regionCode, subject: null, resource: 'disputeCases' };
    const inYear = { receivedFrom: `${year}-01-01`, receivedTo: `${year}-12-31` };
    return [
      {
        ...here,
        kind: 'HIGH_RISK_DISPUTES' as const,
        count: now.highRisk,
        filter: { regionCode: scope.regionCode, risk: ['HIGH'], state: OPEN_STATES },
      },
      {
        ...here,
        kind: 'OVERDUE_DISPUTES' as const,
        count: now.overdue,
        filter: { regionCode: scope.regionCode, overdue: true },
      },
      ...recurring.map((r): AlertItem => {
        const [kind, subject] = r.subject.split(':') as ['TYPE' | 'PARTY', string];
        return kind === 'TYPE'
          ? {
              kind: 'RECURRING_DISPUTES_PLACE',
              count: r.cases,
              regionCode: r.regionCode,
              subject: subject as DisputeType,
              resource: 'disputeCases',
              filter: { regionCode: r.regionCode, type: [subject], ...inYear },
            }
          : {
              kind: 'RECURRING_DISPUTES_PARTY',
              count: r.cases,
              regionCode: r.regionCode,
              // A resident's id is not for the screen: the list shows the cases, masked as usual.
              subject: null,
              resource: 'disputeCases',
              filter: { regionCode: r.regionCode, partyResidentId: subject, ...inYear },
            };
      }),
    ];
  }
}
