import {
  DISPUTE_CASE_STATES,
  isOpenDisputeCase,
  RECURRENCE_THRESHOLD,
  type DisputeType,
} from '@qiangji/domain';
import { inScope } from '../../common/authz';
import type { AlertItem, ViewScope } from '../../common/command-view';
import type { RequestContext } from '../../server/context';

const OPEN_STATES = DISPUTE_CASE_STATES.filter(isOpenDisputeCase);
/** The recurring places an alert list shows, the most frequent first. */
const RECURRING_SHOWN = 10;

/**
 * Grand mediation's alerts on the command view beyond its tiles' (the overdue cases are the tile's figure): one
 * statement over few rows, the region's rollup rows and the recurring rows of one year (a partial index).
 */
export class MediationCommandViewService {
  /**
   * High-risk cases open now in the subtree, and the places (a case's own region: the list's `regionOnly`) where
   * disputes of one type, or with one resident, came three times or more in the period's last calendar year.
   */
  async alerts(ctx: RequestContext, scope: ViewScope & { period: { to: string } }): Promise<AlertItem[]> {
    const year = scope.period.to.slice(0, 4);
    const [now]: {
      highRisk: number;
      recurring: { regionCode: string; subject: string; cases: number }[];
    }[] = await inScope(ctx, (m) =>
      m.query(
        `SELECT coalesce(sum(r.received_high_risk), 0)::int AS "highRisk",
           (SELECT coalesce(json_agg(x), '[]') FROM (
              SELECT t.place AS "regionCode", t.subject, t.cases FROM dispute_recurrence t
              WHERE t.region_code = $1 AND t.year = make_date($2::int, 1, 1) AND t.cases >= $3
              ORDER BY t.cases DESC, t.place, t.subject LIMIT ${RECURRING_SHOWN}) x) AS recurring
         FROM dispute_case_rollup r WHERE r.region_code = $1`,
        [scope.regionCode, year, RECURRENCE_THRESHOLD],
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
      ...recurring.map((r): AlertItem => {
        const [kind, subject] = r.subject.split(':') as ['TYPE' | 'PARTY', string];
        return kind === 'TYPE'
          ? {
              kind: 'RECURRING_DISPUTES_PLACE',
              count: r.cases,
              regionCode: r.regionCode,
              subject: subject as DisputeType,
              resource: 'disputeCases',
              filter: { regionCode: r.regionCode, regionOnly: true, type: [subject], ...inYear },
            }
          : {
              kind: 'RECURRING_DISPUTES_PARTY',
              count: r.cases,
              regionCode: r.regionCode,
              // A resident's id is not for the screen: the list shows the cases, masked as usual.
              subject: null,
              resource: 'disputeCases',
              filter: { regionCode: r.regionCode, regionOnly: true, partyResidentId: subject, ...inYear },
            };
      }),
    ];
  }
}
