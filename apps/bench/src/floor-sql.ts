import { DISPUTE_TYPES, disputeCaseDeadline } from '@qiangji/domain';

/**
 * The floor's SQL: one hand-written statement per operation that builds the response's JSON in PostgreSQL.
 * PostGraphile gets the statistics and the write as functions built from the same text (bench-schema.ts).
 * Days are China's, as in Qiangji: [from 00:00, to + 1 day 00:00) in Asia/Shanghai.
 */
const DAY_START = (day: string) => `(${day}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const DAY_AFTER = (day: string) => `((${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const TYPE_ORDER = `ARRAY[${DISPUTE_TYPES.map((t) => `'${t}'`).join(', ')}]::text[]`;

export const CASE_BY_ID = `
SELECT json_build_object('id', c.id, 'number', c.number, 'title', c.title, 'type', c.type, 'state', c.state,
  'receivedAt', c.received_at, 'acceptedAt', c.accepted_at,
  'region', json_build_object('code', r.code, 'name', r.name, 'ancestors',
    (SELECT coalesce(json_agg(json_build_object('name', a.name) ORDER BY nlevel(a.path)), '[]')
     FROM region a WHERE a.path @> r.path AND a.code <> r.code)),
  'organization', json_build_object('name', o.name),
  'mediator', (SELECT json_build_object('name', m.name) FROM mediator m WHERE m.id = c.mediator_id),
  'parties', (SELECT coalesce(json_agg(json_build_object('role', p.role, 'name', p.name, 'contact', p.contact_masked)
      ORDER BY p.role, p.id), '[]')
    FROM dispute_party p WHERE p.case_id = c.id))::text AS json
FROM dispute_case c JOIN region r ON r.code = c.region_code JOIN mediation_organization o ON o.id = c.organization_id
WHERE c.id = $1`;

export const DISTRICTS = `
SELECT json_build_object('children', json_build_object('edges',
  coalesce(json_agg(json_build_object('node', json_build_object('code', r.code, 'name', r.name)) ORDER BY r.code), '[]')))::text
  AS json
FROM (SELECT code, name FROM region
      WHERE parent_code = $1 AND valid_from <= current_date AND (valid_to IS NULL OR valid_to > current_date)
      ORDER BY code LIMIT $2) r`;

/**
 * A keyset page of cases, newest received first: `limit + 1` rows tell whether there is a next page; the cursor is
 * `received_at|id` of the last row. `node` is the JSON of one row `p` (joined with its region `r`).
 */
function casesPage(where: string, node: string, after: boolean) {
  const keyset = after ? ` AND (c.received_at, c.id) < ($4::timestamptz, $5::uuid)` : '';
  return `
WITH page AS (
  SELECT c.*, row_number() OVER (ORDER BY c.received_at DESC, c.id DESC) AS n FROM (
    SELECT c.* FROM dispute_case c WHERE ${where}${keyset}
    ORDER BY c.received_at DESC, c.id DESC LIMIT $2::int + 1) c)
SELECT json_build_object('pageInfo', json_build_object('hasNextPage', count(*) > $2::int,
    'endCursor', (array_agg(p.received_at::text || '|' || p.id ORDER BY p.n DESC) FILTER (WHERE p.n <= $2::int))[1]),
  'edges', coalesce(json_agg(json_build_object('node', ${node}) ORDER BY p.n) FILTER (WHERE p.n <= $2::int), '[]'))::text
  AS json
FROM page p JOIN region r ON r.code = p.region_code`;
}

const LIST_WHERE = `c.region_path <@ (SELECT path FROM region WHERE code = $1) AND c.state = ANY($3::text[])`;
const LIST_NODE = `json_build_object('id', p.id, 'number', p.number, 'title', p.title, 'state', p.state,
  'receivedAt', p.received_at, 'mediator', (SELECT json_build_object('name', m.name) FROM mediator m WHERE m.id = p.mediator_id),
  'region', json_build_object('name', r.name))`;
/** $1 region code, $2 page size, $3 the states, $4/$5 the cursor. */
export const CASES_PAGE = {
  first: casesPage(LIST_WHERE, LIST_NODE, false),
  after: casesPage(LIST_WHERE, LIST_NODE, true),
};

const EXPORT_WHERE = `c.accepted_at >= ${DAY_START('$1')} AND c.accepted_at < ${DAY_AFTER('$3')}`;
const EXPORT_NODE = `json_build_object('id', p.id, 'number', p.number, 'type', p.type, 'state', p.state,
  'outcome', p.outcome, 'regionCode', p.region_code, 'receivedAt', p.received_at, 'acceptedAt', p.accepted_at,
  'concludedAt', p.concluded_at)`;
/** $1 first day, $2 page size, $3 last day, $4/$5 the cursor. */
export const EXPORT_PAGE = {
  first: casesPage(EXPORT_WHERE, EXPORT_NODE, false),
  after: casesPage(EXPORT_WHERE, EXPORT_NODE, true),
};

/** The statistics of a region's subtree over a range of days, as one JSON object (figures as in Qiangji). */
export function statsJson(region: string, from: string, to: string) {
  const counts = `count(*)::int AS accepted, count(*) FILTER (WHERE c.outcome = 'AGREEMENT_REACHED')::int AS mediated`;
  return `
WITH scope AS (SELECT path FROM region WHERE code = ${region}),
cohort AS (
  SELECT c.type, c.outcome, c.accepted_at, c.concluded_at,
    to_char(c.accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
    CASE WHEN nlevel(c.region_path) > nlevel(s.path) THEN ltree2text(subpath(c.region_path, nlevel(s.path), 1)) END AS child
  FROM dispute_case c, scope s
  WHERE c.region_path <@ s.path AND c.accepted_at >= ${DAY_START(from)} AND c.accepted_at < ${DAY_AFTER(to)}),
figures AS (
  SELECT GROUPING(c.type, c.month, c.child)::int AS g, c.type, c.month, c.child, ${counts},
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.concluded_at - c.accepted_at)::float8 / 86400)
      FILTER (WHERE c.concluded_at IS NOT NULL) AS median
  FROM cohort c GROUP BY GROUPING SETS ((), (c.type), (c.month), (c.child)))
SELECT json_build_object('accepted', t.accepted, 'mediated', t.mediated,
  'mediationRate', CASE WHEN t.accepted > 0 THEN t.mediated::float8 / t.accepted END, 'medianDaysToConclude', t.median,
  'byType', (SELECT coalesce(json_agg(json_build_object('type', f.type, 'accepted', f.accepted, 'mediated', f.mediated)
      ORDER BY array_position(${TYPE_ORDER}, f.type)), '[]') FROM figures f WHERE f.g = 3),
  'byMonth', (SELECT coalesce(json_agg(json_build_object('month', f.month, 'accepted', f.accepted) ORDER BY f.month), '[]')
    FROM figures f WHERE f.g = 5),
  'byChildRegion', (SELECT coalesce(json_agg(json_build_object('regionCode', r.code,
      'accepted', coalesce(f.accepted, 0), 'mediated', coalesce(f.mediated, 0)) ORDER BY r.code), '[]')
    FROM region r LEFT JOIN figures f ON f.g = 6 AND f.child = r.code
    WHERE r.parent_code = ${region} AND r.valid_from <= current_date AND (r.valid_to IS NULL OR r.valid_to > current_date)))
FROM figures t WHERE t.g = 7`;
}

export const STATS = `SELECT (${statsJson('$1', '$2', '$3')})::text AS json`;

/** The time the acceptance stage may take, and from when it is at risk: the domain's default limits. */
function acceptDeadline() {
  const acceptedAt = new Date(0);
  const { dueAt, atRiskAt } = disputeCaseDeadline('ACCEPTED', { receivedAt: acceptedAt, acceptedAt })!;
  return {
    due: `interval '${dueAt.getTime()} milliseconds'`,
    atRisk: `interval '${atRiskAt.getTime()} milliseconds'`,
  };
}

/**
 * 受理 as Qiangji does it: the case in scope and handled inside the caller's jurisdiction, at the version the caller
 * saw and in RECEIVED; then the versioned update with the new deadline, a timeline row and an audit row.
 */
export function acceptCte(p: {
  id: string;
  version: string;
  scope: string;
  actorId: string;
  actorName: string;
  roles: string;
  requestId: string;
  clientIp: string;
}) {
  const deadline = acceptDeadline();
  return `
WITH target AS (
  SELECT c.id FROM dispute_case c
  WHERE c.id = ${p.id} AND c.version = ${p.version} AND c.state = 'RECEIVED'
    AND (SELECT o.region_path FROM mediation_organization o WHERE o.id = c.organization_id) <@ ${p.scope}
  FOR UPDATE),
updated AS (
  UPDATE dispute_case d SET state = 'ACCEPTED', accepted_at = now(), due_at = now() + ${deadline.due},
    at_risk_at = now() + ${deadline.atRisk}, version = d.version + 1, updated_at = now()
  FROM target t WHERE d.id = t.id RETURNING d.*),
event AS (
  INSERT INTO dispute_case_event (case_id, region_path, command, from_state, to_state, actor_name, details)
  SELECT u.id, u.region_path, 'accept', 'RECEIVED', 'ACCEPTED', ${p.actorName}, '{}' FROM updated u),
audit AS (
  INSERT INTO audit_event (actor_kind, actor_id, actor_name, roles, action, entity_type, entity_id, changes,
    region_path, request_id, client_ip)
  SELECT 'USER', ${p.actorId}, ${p.actorName}, ${p.roles}, 'disputeCase.accept', 'DisputeCase', u.id::text,
    jsonb_build_object('state', jsonb_build_object('old', 'RECEIVED', 'new', 'ACCEPTED'),
      'accepted_at', jsonb_build_object('new', u.accepted_at)),
    u.region_path, ${p.requestId}, ${p.clientIp}
  FROM updated u)`;
}

export const ACCEPT = `${acceptCte({
  id: '$1::uuid',
  version: '$2::int',
  scope: `current_setting('qiangji.scope')::ltree`,
  actorId: '$3::uuid',
  actorName: '$4::text',
  roles: '$5::text[]',
  requestId: '$6::text',
  clientIp: '$7::text',
})}
SELECT (SELECT json_build_object('id', u.id, 'state', u.state, 'version', u.version, 'acceptedAt', u.accepted_at,
  'dueAt', u.due_at) FROM updated u)::text AS json`;
