/**
 * The operations of issue 9's table, each as Qiangji, PostGraphile and the floor are asked for it. GraphQL aliases
 * give PostGraphile's answers Qiangji's field names; what differs in shape is undone in `normalise`.
 */
export type SystemKey =
  'qiangji' | 'qiangji-anonymous' | 'postgraphile' | 'postgraphile-norls' | 'floor' | 'floor-norls';
export type ServerKind = 'qiangji' | 'postgraphile' | 'postgraphile-norls' | 'floor' | 'floor-norls';
export type Api = 'qiangji' | 'postgraphile' | 'floor';

export const SYSTEMS: Record<SystemKey, { label: string; server: ServerKind; api: Api }> = {
  qiangji: { label: 'Qiangji', server: 'qiangji', api: 'qiangji' },
  'qiangji-anonymous': { label: 'Qiangji, anonymous', server: 'qiangji', api: 'qiangji' },
  postgraphile: { label: 'PostGraphile (RLS)', server: 'postgraphile', api: 'postgraphile' },
  'postgraphile-norls': { label: 'PostGraphile (no RLS)', server: 'postgraphile-norls', api: 'postgraphile' },
  floor: { label: 'floor (RLS)', server: 'floor', api: 'floor' },
  'floor-norls': { label: 'floor (no RLS)', server: 'floor-norls', api: 'floor' },
};

/** 上红社区, the article's smart community, whose map and queue the public-service operations read. */
const SHANGHONG = '230102010003';

const ALL: SystemKey[] = ['qiangji', 'postgraphile', 'postgraphile-norls', 'floor', 'floor-norls'];

/** What the operations are about, found in the data once it is loaded. */
export interface Fixtures {
  caseId: string;
  /** The household with the most visits (issue 10's timeline). */
  householdId: string;
  city: string;
  county: string;
  township: string;
  /** The township's village or community with the most cases: a rural subtree of the command view. */
  village: string;
  /** The urban community (社区) with the most cases, in the district whose communities have the most. */
  community: string;
  today: string;
  /** The `after` of page 21, per system (cursors are each system's own). */
  page21After: Partial<Record<SystemKey, string>>;
  /** Cases in RECEIVED for the write, taken in turn. */
  nextWriteCase(): { id: string; version: number };
}

/** Who Qiangji's request is made as: the supervisor, the district system's API key, or the administrator. */
export type Caller = 'supervisor' | 'apiKey' | 'admin';

export interface Operation {
  key: string;
  title: string;
  systems: SystemKey[];
  /** Also measured with `--scale`. */
  atScale?: boolean;
  /** A fixed rate of requests per second (the write); otherwise as fast as the connections go. */
  rate?: number;
  caller?: Caller;
  /** The GraphQL documents and the floor's route. */
  qiangji: string;
  postgraphile?: string;
  floor?: string;
  /** Variables of one request; `after` is the cursor of a chained page (the export). */
  variables?(api: Api, f: Fixtures, system: SystemKey, after: string | null): Record<string, unknown>;
  /** The connection a chained operation pages through, to follow its cursor. */
  pages?: (data: Data) => Page;
  normalise?: Partial<Record<Api, (data: Data) => unknown>>;
}

export type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: unknown[];
}

const CITY_YEAR = { from: '2012-01-01', to: '2012-12-31' };
const LIST_STATES = ['CLOSED'];

/** PostGraphile follows `region.parent` as deep as a place can sit (grid unit → city): five levels. */
const PARENTS = 'parent: regionByParentCode { name '.repeat(5) + '}'.repeat(5);

function ancestorsFromParents(region: Data): { name: string }[] {
  const names: { name: string }[] = [];
  for (let r = region.parent; r; r = r.parent) names.unshift({ name: r.name });
  return names;
}

const listVariables =
  (page21: boolean) =>
  (_api: Api, f: Fixtures, system: SystemKey): Record<string, unknown> => ({
    code: f.county,
    states: LIST_STATES,
    first: 50,
    after: page21 ? f.page21After[system] : null,
  });

const LIST = {
  qiangji: `query Cases($code: String!, $states: [DisputeCaseState!], $first: Int, $after: String) {
  disputeCases(filter: { regionCode: $code, state: $states }, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id number title state receivedAt mediator { name } region { name } } } } }`,
  postgraphile: `query Cases($code: String!, $states: [String!], $first: Int, $after: Cursor) {
  disputeCases(condition: { withinRegion: $code }, filter: { state: { in: $states } },
    orderBy: [RECEIVED_AT_DESC, ID_DESC], first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id number title state receivedAt mediator { name } region: regionByRegionCode { name } } } } }`,
  floor: 'cases',
};

const STATS = {
  qiangji: `query Stats($code: String!, $from: Date!, $to: Date!) {
  mediationStats(regionCode: $code, from: $from, to: $to) { accepted mediated mediationRate medianDaysToConclude
    byType { type accepted mediated } byMonth { month accepted } byChildRegion { regionCode accepted mediated } } }`,
  postgraphile: `query Stats($code: String!, $from: Date!, $to: Date!) {
  mediationStats(regionCode: $code, fromDay: $from, toDay: $to) }`,
  floor: 'stats',
};

const statsVariables = (code: (f: Fixtures) => string) => (_api: Api, f: Fixtures) => ({
  code: code(f),
  ...CITY_YEAR,
});

/**
 * The command view as the dashboard asks for it (issue 13): every tile of the five areas (mediation, villages,
 * public services, grid, security), each from its rollup or yearly view; its rollups are Qiangji's, so Qiangji alone.
 */
const COMMAND_VIEW = `query CommandView($code: String!, $from: String!, $to: String!) {
  commandView(regionCode: $code, from: $from, to: $to) {
    tiles { key value previous change sparkline { month value } }
    children { regionCode name centroid { lat lng } figures { key value } }
    alerts { kind count regionCode subject filter } } }`;

const commandVariables = (code: (f: Fixtures) => string) => (_api: Api, f: Fixtures) => ({
  code: code(f),
  from: '2012-01',
  to: '2012-12',
});

export const OPERATIONS: Operation[] = [
  {
    key: 'case-by-id',
    title:
      "a dispute case by id, with its region and ancestors' names, organisation, mediator, parties (masked)",
    systems: ALL,
    atScale: true,
    qiangji: `query Case($id: ID!) { disputeCase(id: $id) { id number title type state receivedAt acceptedAt
  region { code name ancestors { name } } organization { name } mediator { name } parties { role name contact } } }`,
    postgraphile: `query Case($id: UUID!) { disputeCase(id: $id) { id number title type state receivedAt acceptedAt
  region: regionByRegionCode { code name ${PARENTS} } organization { name } mediator { name }
  parties: disputePartiesByCaseId(orderBy: [ROLE_ASC, ID_ASC]) { nodes { role name contact: contactMasked } } } }`,
    floor: 'case',
    variables: (_api, f) => ({ id: f.caseId }),
    normalise: {
      postgraphile: ({ disputeCase: c }) => ({
        disputeCase: {
          ...c,
          region: { code: c.region.code, name: c.region.name, ancestors: ancestorsFromParents(c.region) },
          parties: c.parties.nodes,
        },
      }),
    },
  },
  {
    key: 'cases-page-1',
    title: '50 cases of 延寿县 (230129) by state, newest first, with mediator and region names, page 1',
    systems: ALL,
    atScale: true,
    ...LIST,
    variables: listVariables(false),
  },
  {
    key: 'cases-page-21',
    title: 'the same, page 21 (keyset)',
    systems: ALL,
    atScale: true,
    ...LIST,
    variables: listVariables(true),
  },
  {
    key: 'districts',
    title: 'the 18 districts of 哈尔滨市 (code, name)',
    systems: ALL,
    qiangji: `query Districts($code: String!) { region(code: $code) { children(first: 50) { edges { node { code name } } } } }`,
    postgraphile: `query Districts($code: String!, $today: Date!) { region(code: $code) {
  children: regionsByParentCode(first: 50, orderBy: CODE_ASC, filter: { validFrom: { lessThanOrEqualTo: $today },
    or: [{ validTo: { isNull: true } }, { validTo: { greaterThan: $today } }] }) { edges { node { code name } } } } }`,
    floor: 'districts',
    variables: (_api, f) => ({ code: f.city, today: f.today }),
  },
  {
    key: 'stats-city',
    title: '`mediationStats` of the city for 2012 (by type, month, child region)',
    systems: ALL,
    ...STATS,
    variables: statsVariables((f) => f.city),
  },
  {
    key: 'stats-township',
    title: '`mediationStats` of one township for 2012',
    systems: ALL,
    ...STATS,
    variables: statsVariables((f) => f.township),
  },
  {
    key: 'grid-queue',
    title:
      'the grid-event queue of the city: 50 open events, nearest deadline first, with hints (Qiangji only)',
    systems: ['qiangji'],
    qiangji: `query GridQueue { gridEvents(filter: { state: [REPORTED, FILED, DISPATCHED, IN_DISPOSAL, DISPOSED, VERIFIED] },
  orderBy: { field: DUE_AT, direction: ASC }, first: 50) { totalCount
    edges { node { id number category state dueAt deadlineStatus availableCommands region { name } duplicateHints { id } } } } }`,
  },
  {
    key: 'security-city',
    title:
      '`securityStats` of the city for 2012 (by category, month, district; quiet villages) (Qiangji only)',
    systems: ['qiangji'],
    qiangji: `query SecurityStats($code: String!) { securityStats(regionCode: $code, from: "2012-01", to: "2012-12") {
  reportedCases reportedCasesChange byCategory { category cases change } byMonth { month cases previousCases }
  byChildRegion { regionCode cases change rank } villages villagesWithoutPublicOrderCase villagesWithoutCriminalCase } }`,
    variables: (_api, f) => ({ code: f.city }),
  },
  {
    key: 'command-city',
    title:
      'the command view of the city for 2012 (the five areas’ tiles, year before, sparklines, 18 districts, alerts)',
    systems: ['qiangji'],
    atScale: true,
    qiangji: COMMAND_VIEW,
    variables: commandVariables((f) => f.city),
  },
  {
    key: 'command-community',
    title:
      'the command view of one community (社区) for 2012, the district’s with the most cases (the five areas’ tiles)',
    systems: ['qiangji'],
    atScale: true,
    qiangji: COMMAND_VIEW,
    variables: commandVariables((f) => f.community),
  },
  {
    key: 'command-village',
    title:
      'the command view of one village (村) for 2012, of the township of `stats-township` (the five areas’ tiles)',
    systems: ['qiangji'],
    atScale: true,
    qiangji: COMMAND_VIEW,
    variables: commandVariables((f) => f.village),
  },
  {
    key: 'typename',
    title: '`{ __typename }` (signed in / anonymous)',
    systems: ['qiangji', 'qiangji-anonymous', 'postgraphile'],
    qiangji: '{ __typename }',
    postgraphile: '{ __typename }',
  },
  {
    key: 'accept',
    title: 'a write: accept a case, with its timeline and audit rows, at 20 requests/s (p99)',
    systems: ['qiangji', 'postgraphile', 'floor'],
    rate: 20,
    caller: 'admin',
    qiangji: `mutation Accept($id: ID!, $version: Int!) {
  acceptDisputeCase(input: { id: $id, expectedVersion: $version }) { id state version acceptedAt dueAt } }`,
    postgraphile: `mutation Accept($id: UUID!, $version: Int!) {
  acceptDisputeCase(input: { caseId: $id, expectedVersion: $version }) {
    disputeCase { id state version acceptedAt dueAt } } }`,
    floor: 'accept',
    variables: (_api, f) => {
      const { id, version } = f.nextWriteCase();
      return { id, version };
    },
    normalise: {
      // Each system accepts its own case: what must agree is the new state, version and deadline.
      qiangji: ({ acceptDisputeCase: c }) => acceptance(c),
      postgraphile: ({ acceptDisputeCase: { disputeCase: c } }) => acceptance(c),
      floor: ({ acceptDisputeCase: c }) => acceptance(c),
    },
  },
  // Public services (issue 11): Qiangji only. PostGraphile would need the distance and the queue's rules as SQL
  // functions of their own (the floor's twins), which is more than an honest, cheap peer version.
  {
    key: 'nearby',
    title:
      '`nearby`: the 1,000-metre convenience map of 上红社区, nearest first (GiST bounding box + great-circle distance)',
    systems: ['qiangji'],
    qiangji: `query Nearby($code: String!) { nearby(communityCode: $code, radiusMeters: 1000, first: 50) {
  totalCount edges { node { id category name distanceMeters location { lat lng } } } } }`,
    variables: () => ({ code: SHANGHONG }),
  },
  {
    key: 'service-queue',
    title: 'the work queue of 上红社区: its new applications with their items, and how many',
    systems: ['qiangji'],
    qiangji: `query Queue($code: String!) {
  serviceApplications(filter: { regionCode: $code, queue: NEW }, first: 50) { totalCount
    edges { node { id number state dueAt overdue item { name } availableCommands } } } }`,
    variables: () => ({ code: SHANGHONG }),
  },
  {
    key: 'export',
    title: 'a machine export: the 10,368 cases accepted in 2012, paging with first: 200 until done (API key)',
    systems: ALL,
    caller: 'apiKey',
    qiangji: `query Export($from: Date!, $to: Date!, $after: String) {
  disputeCases(filter: { acceptedFrom: $from, acceptedTo: $to }, first: 200, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id number type state outcome regionCode receivedAt acceptedAt concludedAt } } } }`,
    postgraphile: `query Export($from: Datetime!, $to: Datetime!, $after: Cursor) {
  disputeCases(filter: { acceptedAt: { greaterThanOrEqualTo: $from, lessThan: $to } },
    orderBy: [RECEIVED_AT_DESC, ID_DESC], first: 200, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id number type state outcome regionCode receivedAt acceptedAt concludedAt } } } }`,
    floor: 'export',
    variables: (api, _f, _s, after) =>
      api === 'postgraphile'
        ? { from: '2012-01-01T00:00:00+08:00', to: '2013-01-01T00:00:00+08:00', after }
        : { ...CITY_YEAR, after },
    pages: (data) => data.disputeCases,
  },
  // Issue 10: Qiangji only. PostGraphile would need the same union of four modules' tables written as a function
  // of its own, and the floor one more hand-written route: neither would measure anything but that copy.
  {
    key: 'household-timeline',
    title: "a household's timeline (visits, assistance, incomes, disputes, members), issue 10; Qiangji only",
    systems: ['qiangji'],
    qiangji: `query Timeline($id: ID!) { householdTimeline(householdId: $id) { at kind what summary refId } }`,
    variables: (_api, f) => ({ id: f.householdId }),
  },
  {
    key: 'cadre-stats-city',
    title:
      '`cadreStats` of the city for 2009–2012 (by child region, work unit, month), issue 10; Qiangji only',
    systems: ['qiangji'],
    qiangji: `query CadreStats($code: String!) { cadreStats(regionCode: $code, from: "2009-01-01", to: "2012-12-31") {
  activeCadres villagesCovered visits households householdsVisited poorVisitedOnSchedule assistanceDone
  disputesResolved income { growth } byChildRegion { regionCode visits income { growth } }
  byWorkUnit { workUnitId visits } byMonth { month visits } } }`,
    variables: (_api, f) => ({ code: f.city }),
  },
  {
    key: 'monthly-report-city',
    title:
      "the city's monthly report for June 2012 as it stands (every section assembled live, the districts' sign-off); Qiangji only",
    systems: ['qiangji'],
    qiangji: `query MonthlyReport($code: String!) { monthlyReport(regionCode: $code, month: "2012-06") {
  state deadline sections { key figures { key value } } children { regionCode state deadline overdue } } }`,
    variables: (_api, f) => ({ code: f.city }),
  },
];

function acceptance(c: Data) {
  return {
    state: c.state,
    version: c.version,
    daysToConclude: (Date.parse(c.dueAt) - Date.parse(c.acceptedAt)) / 86_400_000,
  };
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/**
 * The comparable form of an answer: cursors dropped (each system has its own), instants in UTC ISO form (PostgreSQL
 * writes them in its session's zone), fractions to 12 significant digits.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'endCursor' && k !== 'cursor')
        .map(([k, v]) => [k, canonical(v)]),
    );
  if (typeof value === 'string' && TIMESTAMP.test(value)) return new Date(value).toISOString();
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(12));
  return value;
}
