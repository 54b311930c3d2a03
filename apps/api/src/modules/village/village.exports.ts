import {
  ASSISTANCE_STATE_LABELS,
  ASSISTANCE_TYPE_LABELS,
  POSTING_ROLE_LABELS,
  POSTING_STATE_LABELS,
  VILLAGE_INDICATOR_LABELS,
  VISIT_PURPOSE_LABELS,
  WORK_UNIT_KIND_LABELS,
  WORK_UNIT_LEVEL_LABELS,
} from '@qiangji/domain';
import { chinaDateTime, defineExport, labelOf, placeColumns, withNames, yesNo } from '../../common/export';
import type { ExportColumn, Placed } from '../../common/export';
import type { RequestContext } from '../../server/context';
import type { VillageIndicator } from './profile.types';
import type { Pairing, Posting, StationedCadre, WorkUnit } from './unit.types';
import type { Assistance, Visit } from './visit.types';

type WithUnit<T extends { regionCode: string }> = Placed<T> & { workUnitName: string | null };

/** A batch of rows with the name of their work unit (one statement a batch). */
function withUnits<T extends { workUnitId: string }>(ctx: RequestContext, rows: readonly T[]) {
  return withNames(
    rows,
    'workUnitName',
    (r) => r.workUnitId,
    (ids) => ctx.services.workUnits.findByIds(ctx, ids),
  );
}

/** A visit's or an assistance's household by its address, as the list shows it (never its members' names). */
async function withHouseholds<T extends { workUnitId: string; householdId: string }>(
  ctx: RequestContext,
  rows: readonly T[],
) {
  const addresses = async (ids: string[]) =>
    (await ctx.services.households.findByIds(ctx, ids)).map((h) => ({ id: h.id, name: h.address }));
  return withNames(await withUnits(ctx, rows), 'address', (r) => r.householdId, addresses);
}

const UNIT_COLUMN = { label: { zh: '派出单位', en: 'Work unit' }, width: 24 };
const VILLAGE = { zh: '所驻村', en: 'Village' };

/** 帮扶单位: work units (reference data). */
export const workUnitExport = defineExport<Placed<WorkUnit>>({
  list: 'workUnits',
  title: { zh: '帮扶单位', en: 'Work units' },
  entityType: 'WorkUnit',
  query: async (ctx, { filter }) => ctx.services.workUnits.listQuery(ctx, filter),
  placed: true,
  columns: [
    { label: { zh: '单位名称', en: 'Name' }, value: (u) => u.name, width: 30 },
    { label: { zh: '类型', en: 'Kind' }, value: (u, l) => labelOf(WORK_UNIT_KIND_LABELS, u.kind, l) },
    { label: { zh: '级别', en: 'Level' }, value: (u, l) => labelOf(WORK_UNIT_LEVEL_LABELS, u.level, l) },
    ...placeColumns<Placed<WorkUnit>>(),
  ],
});

type PairingRow = WithUnit<Pairing>;

/** 单位包村: pairings of work units and villages. */
export const pairingExport = defineExport<PairingRow>({
  list: 'pairings',
  title: { zh: '单位包村', en: 'Pairings' },
  entityType: 'Pairing',
  query: (ctx, { filter }) => ctx.services.workUnits.pairingQuery(ctx, filter),
  placed: true,
  prepare: withUnits,
  columns: [
    { ...UNIT_COLUMN, value: (p) => p.workUnitName },
    ...placeColumns<PairingRow>({ zh: '包扶村', en: 'Village' }),
    { label: { zh: '开始日期', en: 'Starts' }, value: (p) => p.startsOn, width: 12 },
    { label: { zh: '结束日期', en: 'Ends' }, value: (p) => p.endsOn, width: 12 },
    { label: { zh: '帮扶目标', en: 'Goals' }, value: (p) => p.goals, width: 40 },
  ],
});

type CadreRow = WithUnit<StationedCadre>;

/** 驻村干部: cadres, their phones masked as the list shows them (the API never has them in clear to export). */
export const stationedCadreExport = defineExport<CadreRow>({
  list: 'stationedCadres',
  title: { zh: '驻村干部', en: 'Stationed cadres' },
  entityType: 'StationedCadre',
  query: (ctx, { filter }) => ctx.services.cadres.listQuery(ctx, filter),
  placed: true,
  prepare: withUnits,
  columns: [
    { label: { zh: '姓名', en: 'Name' }, value: (k) => k.name, width: 10 },
    { label: { zh: '联系电话', en: 'Phone' }, value: (k) => k.phone, width: 14 },
    { ...UNIT_COLUMN, value: (k) => k.workUnitName },
    ...placeColumns<CadreRow>(VILLAGE),
    { label: { zh: '有账号', en: 'Has an account' }, value: (k, l) => yesNo(k.hasAccount, l) },
    { label: { zh: '登记时间', en: 'Registered' }, value: (k) => chinaDateTime(k.createdAt), width: 17 },
  ],
});

type PostingRow = WithUnit<Posting>;

/** 驻村任职: postings of cadres to villages. */
export const postingExport = defineExport<PostingRow>({
  list: 'postings',
  title: { zh: '驻村任职', en: 'Postings' },
  entityType: 'Posting',
  query: (ctx, { filter }) => ctx.services.cadres.postingQuery(ctx, filter),
  placed: true,
  prepare: withUnits,
  columns: [
    { label: { zh: '干部', en: 'Cadre' }, value: (p) => p.cadreName, width: 10 },
    { label: { zh: '职务', en: 'Role' }, value: (p, l) => labelOf(POSTING_ROLE_LABELS, p.role, l) },
    { label: { zh: '状态', en: 'State' }, value: (p, l) => labelOf(POSTING_STATE_LABELS, p.state, l) },
    { ...UNIT_COLUMN, value: (p) => p.workUnitName },
    ...placeColumns<PostingRow>(VILLAGE),
    { label: { zh: '开始日期', en: 'Starts' }, value: (p) => p.startsOn, width: 12 },
    { label: { zh: '结束日期', en: 'Ends' }, value: (p) => p.endsOn, width: 12 },
    { label: { zh: '交接说明', en: 'Handover note' }, value: (p) => p.handoverNote, width: 30 },
  ],
});

type VisitRow = WithUnit<Visit> & { address: string | null };

/** 入户走访: visits (the list's audited read becomes the export's audit row). */
export const visitExport = defineExport<VisitRow>({
  list: 'visits',
  title: { zh: '入户走访', en: 'Visits' },
  entityType: 'Visit',
  query: (ctx, { filter }) => ctx.services.visits.listQuery(ctx, filter),
  placed: true,
  prepare: withHouseholds,
  columns: [
    { label: { zh: '走访日期', en: 'Visited on' }, value: (v) => v.visitedOn, width: 12 },
    { label: { zh: '目的', en: 'Purpose' }, value: (v, l) => labelOf(VISIT_PURPOSE_LABELS, v.purpose, l) },
    { label: { zh: '干部', en: 'Cadre' }, value: (v) => v.cadreName, width: 10 },
    { ...UNIT_COLUMN, value: (v) => v.workUnitName },
    { label: { zh: '住址', en: 'Address' }, value: (v) => v.address, width: 30 },
    ...placeColumns<VisitRow>(),
    { label: { zh: '走访情况', en: 'Findings' }, value: (v) => v.findings, width: 40 },
    { label: { zh: '需跟进', en: 'Follow-up' }, value: (v, l) => yesNo(v.followUpNeeded, l) },
    { label: { zh: '转为纠纷', en: 'Dispute case' }, value: (v, l) => yesNo(v.disputeCaseId != null, l) },
  ],
});

type AssistanceRow = WithUnit<Assistance> & { address: string | null };

/** 帮扶措施: assistance to households and its steps' days. */
export const assistanceExport = defineExport<AssistanceRow>({
  list: 'assistances',
  title: { zh: '帮扶措施', en: 'Assistance' },
  entityType: 'Assistance',
  query: (ctx, { filter }) => ctx.services.assistance.listQuery(ctx, filter),
  placed: true,
  prepare: withHouseholds,
  columns: [
    { label: { zh: '类型', en: 'Type' }, value: (a, l) => labelOf(ASSISTANCE_TYPE_LABELS, a.type, l) },
    { label: { zh: '内容', en: 'Description' }, value: (a) => a.description, width: 30 },
    { label: { zh: '金额（元）', en: 'Amount (yuan)' }, value: (a) => a.amountYuan },
    { label: { zh: '状态', en: 'State' }, value: (a, l) => labelOf(ASSISTANCE_STATE_LABELS, a.state, l) },
    { label: { zh: '干部', en: 'Cadre' }, value: (a) => a.cadreName, width: 10 },
    { ...UNIT_COLUMN, value: (a) => a.workUnitName },
    { label: { zh: '住址', en: 'Address' }, value: (a) => a.address, width: 30 },
    ...placeColumns<AssistanceRow>(),
    { label: { zh: '计划日期', en: 'Planned' }, value: (a) => a.plannedOn, width: 12 },
    { label: { zh: '开始日期', en: 'Started' }, value: (a) => a.startedOn, width: 12 },
    { label: { zh: '完成日期', en: 'Done' }, value: (a) => a.doneOn, width: 12 },
    { label: { zh: '成效', en: 'Outcome' }, value: (a) => a.outcome ?? a.abandonReason, width: 30 },
  ],
});

type IndicatorRow = Placed<VillageIndicator>;

/** 村情指标: yearly indicators of villages, one column per indicator by the domain's labels. */
export const villageIndicatorExport = defineExport<IndicatorRow>({
  list: 'villageIndicators',
  title: { zh: '村情指标', en: 'Village indicators' },
  entityType: 'VillageIndicator',
  query: (ctx, { filter }) => ctx.services.villageProfiles.indicatorQuery(ctx, filter),
  placed: true,
  columns: [
    ...placeColumns<IndicatorRow>({ zh: '村', en: 'Village' }),
    ...Object.entries(VILLAGE_INDICATOR_LABELS).map(([field, label]): ExportColumn<IndicatorRow> => ({
      label,
      value: (i) => i[field as keyof typeof VILLAGE_INDICATOR_LABELS],
    })),
    { label: { zh: '净资产（元）', en: 'Net assets (yuan)' }, value: (i) => i.netAssets },
  ],
});

export const VILLAGE_EXPORTS = [
  workUnitExport,
  pairingExport,
  stationedCadreExport,
  postingExport,
  visitExport,
  assistanceExport,
  villageIndicatorExport,
];
