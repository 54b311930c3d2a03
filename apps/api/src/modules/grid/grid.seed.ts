import {
  chinaDay,
  gridEventDeadline,
  gridEventHours,
  type GridEventCategory,
  type GridEventCommandDetails,
  type GridEventUrgency,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { regionsIn } from '../region/region.snapshot';
import {
  insertRows,
  playLife,
  rowsTable,
  seededRandom,
  seededUuids,
  timelineTable,
  timelineColumns,
} from '../../common/seed-kit';
import type { LifeStep, TimelineRow } from '../../common/seed-kit';
import { GRID_EVENT_LIFE, type GridEventRow } from './grid-event.life';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马'];
const GIVEN = [
  '秀梅',
  '建国',
  '丽娟',
  '志强',
  '海燕',
  '春生',
  '玉兰',
  '立新',
  '桂芝',
  '德明',
  '红霞',
  '国庆',
];
const DEPARTMENTS = [
  '城管执法中队',
  '消防救援站',
  '派出所',
  '市场监管所',
  '街道办事处',
  '物业公司',
  '环卫所',
];
const DESCRIPTIONS: Record<GridEventCategory, string[]> = {
  PUBLIC_ORDER_HAZARD: ['楼道内有可疑人员反复出入', '小区监控探头损坏', '夜间有人聚集饮酒滋事'],
  FIRE_HAZARD: ['楼道堆放杂物堵塞消防通道', '电动车在楼道内充电', '消防栓无水'],
  ENVIRONMENT_SANITATION: ['垃圾箱满溢未清运', '小区内私搭乱建', '路边积水散发异味'],
  ROAD_FACILITY_DAMAGE: ['人行道地砖破损', '井盖缺失', '路灯不亮'],
  NEIGHBOURHOOD_DISPUTE: ['楼上漏水引发邻里纠纷', '装修噪音扰民', '车位占用争执'],
  FOOD_DRUG_SAFETY: ['流动摊贩销售无证食品', '小诊所疑似销售过期药品', '餐馆后厨卫生差'],
  SPECIAL_GROUP_WELFARE: ['独居老人多日未出门', '残疾人家庭取暖困难', '社区矫正人员未按时报到'],
  FLOATING_POPULATION: ['出租屋新住户未登记', '群租房人员流动频繁', '外来务工人员需办理居住证'],
  OTHER: ['小区宠物伤人', '广告乱贴', '快递堆放占道'],
};
const CATEGORY_WEIGHTS: Partial<Record<GridEventCategory, number>> = {
  ENVIRONMENT_SANITATION: 24,
  ROAD_FACILITY_DAMAGE: 16,
  FIRE_HAZARD: 12,
  PUBLIC_ORDER_HAZARD: 10,
  NEIGHBOURHOOD_DISPUTE: 10,
  FLOATING_POPULATION: 9,
  SPECIAL_GROUP_WELFARE: 7,
  FOOD_DRUG_SAFETY: 6,
  OTHER: 6,
};
/** Where the planned life of an event stops; younger events stop earlier, because the seed stops at now. */
const ENDINGS = {
  REPORTED: 5,
  FILED: 5,
  REJECTED: 6,
  DISPATCHED: 8,
  IN_DISPOSAL: 8,
  DISPOSED: 6,
  CLOSED: 22,
  EVALUATED: 50,
};

const WORKERS = rowsTable('grid_worker_assignment', {
  regionCode: 'varchar',
  userId: 'uuid',
  workerName: 'text',
  validFrom: 'date',
  validTo: 'date',
});
const EVENTS = rowsTable(
  'grid_event',
  {
    id: 'uuid',
    source: 'text',
    category: 'text',
    urgency: 'text',
    regionCode: 'varchar',
    lat: 'numeric',
    lng: 'numeric',
    address: 'text',
    description: 'text',
    photoRefs: 'text[]',
    state: 'text',
    version: 'int',
    reporterName: 'text',
    reportedAt: 'timestamptz',
    rejection: 'text',
    duplicateOfId: 'uuid',
    assigneeKind: 'text',
    assignee: 'text',
    dispatchedAt: 'timestamptz',
    dueAt: 'timestamptz',
    atRiskAt: 'timestamptz',
    disposalResult: 'text',
    disposedAt: 'timestamptz',
    verifiedAt: 'timestamptz',
    closedAt: 'timestamptz',
    satisfaction: 'text',
    evaluationComment: 'text',
  },
  {
    // The API's numbering, in the rows' order (oldest report first).
    number: `'WG' || to_char(r."reportedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('grid_event_number')::text, 6, '0')`,
    createdBy: `'seed'`,
  },
);
const STEPS = timelineTable('grid_event_step', 'eventId');
const ZERO_REPORTS = rowsTable('zero_report', {
  regionCode: 'varchar',
  day: 'date',
  reporterName: 'text',
  createdBy: 'text',
});

interface Unit {
  code: string;
  path: string;
  lat: number;
  lng: number;
  worker: string;
}

/**
 * The grid's demo: a worker on every grid unit (and a predecessor on some), a few hundred events of the last
 * 30 days played through the grid event machine up to now (so every state of the loop has some, a few sent back,
 * some duplicates near an earlier event), and zero reports of the last 14 days with some gaps.
 */
export async function seedGrid(m: EntityManager, opts = { events: 360, seed: 20121130, now: new Date() }) {
  const rand = seededRandom(opts.seed);
  const uuid = seededUuids(opts.seed);
  const rows = (await regionsIn(m))
    .filter((r) => r.level === 'GRID' && r.current)
    .map((r) => ({ code: r.code, path: r.path, lat: r.centroidLat, lng: r.centroidLng }));
  if (!rows.length) return { workers: 0, events: 0, zeroReports: 0 };
  const name = () => `${rand.pick(SURNAMES)}${rand.pick(GIVEN)}`;
  // Demo places have no centroid: spread them around the centre of Harbin, each district in its own patch.
  const units: Unit[] = rows.map((r) => {
    const district = Number(r.code.slice(4, 6));
    return {
      code: r.code,
      path: r.path,
      lat: r.lat ?? 45.55 + (district % 5) * 0.08 + rand.next() * 0.05,
      lng: r.lng ?? 126.45 + Math.floor(district / 5) * 0.1 + rand.next() * 0.06,
      worker: name(),
    };
  });
  const workers = units.flatMap((u, i) => [
    { regionCode: u.code, userId: null, workerName: u.worker, validFrom: '2011-01-01', validTo: null },
    ...(i % 7 === 0
      ? [
          {
            regionCode: u.code,
            userId: null,
            workerName: name(),
            validFrom: '2009-03-01',
            validTo: '2010-12-31',
          },
        ]
      : []),
  ]);
  await insertRows(m, WORKERS, workers);

  const now = opts.now;
  const played: { row: GridEventRow; timeline: TimelineRow<GridEventRow['state']>[]; path: string }[] = [];
  for (let i = 0; i < opts.events; i++) {
    const earlier = played.length > 10 && rand.next() < 0.06 ? rand.pick(played) : null;
    const unit = earlier ? units.find((u) => u.code === earlier.row.regionCode)! : rand.pick(units);
    const category = earlier?.row.category ?? rand.weighted(CATEGORY_WEIGHTS);
    const urgency: GridEventUrgency =
      rand.next() < 0.1 ? 'URGENT' : rand.next() < 0.03 ? 'CRITICAL' : 'NORMAL';
    const reportedAt = earlier
      ? new Date(earlier.row.reportedAt.getTime() + rand.between(2, 40) * HOUR)
      : new Date(now.getTime() - rand.next() * 30 * DAY);
    if (reportedAt > now) continue;
    // A duplicate lies within about 60 m of the first report; others anywhere on the unit.
    const spread = earlier ? 0.0005 : 0.004;
    const base = earlier ? { lat: earlier.row.lat!, lng: earlier.row.lng! } : unit;
    const row: GridEventRow = {
      id: uuid(),
      source: rand.next() < 0.85 ? 'GRID_WORKER' : 'RESIDENT_PORTAL',
      category,
      urgency,
      regionCode: unit.code,
      lat: base.lat + (rand.next() - 0.5) * spread,
      lng: base.lng + (rand.next() - 0.5) * spread,
      address: null,
      description: rand.pick(DESCRIPTIONS[category]),
      photoRefs: rand.next() < 0.7 ? [`photos/${opts.seed}/${i}.jpg`] : [],
      state: 'REPORTED',
      version: 1,
      reporterName: unit.worker,
      reportedAt,
      rejection: null,
      duplicateOfId: null,
      assigneeKind: null,
      assignee: null,
      dispatchedAt: null,
      dueAt: null,
      atRiskAt: null,
      disposalResult: null,
      disposedAt: null,
      verifiedAt: null,
      closedAt: null,
      satisfaction: null,
      evaluationComment: null,
      disputeCaseId: null,
    };
    const steps = plan(rand, row, earlier?.row ?? null, unit.worker);
    const birth = {
      at: reportedAt,
      command: 'report',
      actor: row.reporterName,
      details: { source: row.source, category, urgency },
    };
    const { timeline } = playLife(GRID_EVENT_LIFE, row, birth, steps, now);
    played.push({ row, timeline, path: unit.path });
  }
  played.sort((a, b) => a.row.reportedAt.getTime() - b.row.reportedAt.getTime());
  await insertRows(
    m,
    EVENTS,
    played.map((p) => p.row),
  );
  const steps = played.flatMap(({ row, timeline, path }) =>
    timeline.map((s) => ({
      eventId: row.id,
      regionPath: path,
      ...timelineColumns(s),
    })),
  );
  await insertRows(m, STEPS, steps);

  // Zero reports of the last 14 days on the days a unit had no event; about one unit-day in eight is a gap.
  const withEvents = new Set(played.map((p) => `${p.row.regionCode}|${chinaDay(p.row.reportedAt)}`));
  const zeroReports = [];
  for (let d = 1; d <= 14; d++) {
    const day = chinaDay(now.getTime() - d * DAY);
    for (const u of units)
      if (!withEvents.has(`${u.code}|${day}`) && rand.next() < 0.88)
        zeroReports.push({ regionCode: u.code, day, reporterName: u.worker, createdBy: 'seed' });
  }
  await insertRows(m, ZERO_REPORTS, zeroReports);
  return {
    workers: workers.length,
    events: played.length,
    steps: steps.length,
    zeroReports: zeroReports.length,
  };
}

/** The steps of an event's planned life, in time, as its handlers would take them. */
function plan(
  rand: ReturnType<typeof seededRandom>,
  e: GridEventRow,
  earlier: GridEventRow | null,
  worker: string,
): LifeStep<GridEventCommandDetails>[] {
  const steps: LifeStep<GridEventCommandDetails>[] = [];
  let at = e.reportedAt.getTime();
  const after = (minHours: number, maxHours: number) =>
    new Date((at += (minHours + rand.next() * (maxHours - minHours)) * HOUR));
  const office = '街道网格化服务管理中心';
  if (earlier && earlier.state !== 'REJECTED' && rand.next() < 0.7) {
    steps.push({
      command: 'reject',
      at: after(0.5, 4),
      actor: office,
      details: { reason: 'DUPLICATE', duplicateOfId: earlier.id, note: null },
    });
    return steps;
  }
  const ending = rand.weighted(ENDINGS);
  if (ending === 'REJECTED') {
    steps.push({
      command: 'reject',
      at: after(0.5, 6),
      actor: office,
      details: { reason: 'INVALID', duplicateOfId: null, note: '现场核实无此情况' },
    });
    return steps;
  }
  if (ending === 'REPORTED') return steps;
  steps.push({ command: 'file', at: after(0.3, 5), actor: office, details: { note: null } });
  if (ending === 'FILED') return steps;
  const dispatchedAt = after(0.3, 4);
  const assignee = rand.pick(DEPARTMENTS);
  steps.push({
    command: 'dispatch',
    at: dispatchedAt,
    actor: office,
    details: {
      assigneeKind: 'DEPARTMENT',
      assignee,
      dueAt: gridEventDeadline(e.category, e.urgency, dispatchedAt).dueAt.toISOString(),
    },
  });
  if (ending === 'DISPATCHED') return steps;
  const hours = gridEventHours(e.category, e.urgency);
  steps.push({
    command: 'startDisposal',
    at: after(0.05 * hours, 0.2 * hours),
    actor: assignee,
    details: { note: null },
  });
  if (ending === 'IN_DISPOSAL') return steps;
  const dispose = () =>
    steps.push({
      command: 'dispose',
      at: after(0.1 * hours, 0.5 * hours),
      actor: assignee,
      details: { result: '已处理完毕' },
    });
  dispose();
  if (rand.next() < 0.12) {
    steps.push({
      command: 'sendBack',
      at: after(1, 6),
      actor: worker,
      details: { reason: '现场复查未整改到位' },
    });
    dispose();
  }
  if (ending === 'DISPOSED') return steps;
  steps.push({
    command: 'verify',
    at: after(0.02 * hours, 0.2 * hours),
    actor: worker,
    details: { note: null },
  });
  // Most loops close in time; about one in seven runs late.
  steps.push({
    command: 'close',
    at: after(rand.next() < 0.85 ? 0.01 * hours : 0.5 * hours, rand.next() < 0.85 ? 0.05 * hours : hours),
    actor: office,
    details: { note: null },
  });
  if (ending === 'CLOSED') return steps;
  steps.push({
    command: 'evaluate',
    at: after(2, 48),
    actor: worker,
    details: {
      satisfaction:
        rand.next() < 0.82 ? 'SATISFIED' : rand.next() < 0.7 ? 'BASICALLY_SATISFIED' : 'DISSATISFIED',
      comment: null,
    },
  });
  return steps;
}
