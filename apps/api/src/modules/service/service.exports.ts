import {
  APPLICATION_CHANNEL_LABELS,
  COMMUNITY_FUNCTION_LABELS,
  COMMUNITY_KIND_LABELS,
  POI_CATEGORY_LABELS,
  SERVICE_APPLICATION_STATE_LABELS,
  SERVICE_CATEGORY_LABELS,
  SERVICE_POINT_LABELS,
  WORK_CALENDAR_KIND_LABELS,
} from '@qiangji/domain';
import { chinaDateTime, defineExport, labelOf, placeColumns, withNames, yesNo } from '../../common/export';
import type { ExportColumn, Placed } from '../../common/export';
import type { RequestContext } from '../../server/context';
import type { Policy, ServiceItem } from './catalogue.types';
import type { CommunityProfile } from './community.types';
import type { NearbyPoint } from './poi.types';
import type { ServiceApplication, ServiceSlot } from './service-application.types';
import type { WorkCalendarEntry } from './work-calendar.types';

const CATEGORY = { zh: '类别', en: 'Category' };

function categoryColumn<T extends Pick<ServiceItem, 'category'>>(): ExportColumn<T> {
  return { label: CATEGORY, value: (r, l) => labelOf(SERVICE_CATEGORY_LABELS, r.category, l), width: 14 };
}

/** 服务事项: the catalogue, with what to bring. */
export const serviceItemExport = defineExport<ServiceItem>({
  list: 'serviceItems',
  title: { zh: '服务事项', en: 'Service items' },
  entityType: 'ServiceItem',
  query: (ctx, { filter }) => ctx.services.serviceItems.listQuery(ctx, filter),
  columns: [
    { label: { zh: '编码', en: 'Code' }, value: (i) => i.code, width: 12 },
    { label: { zh: '事项名称', en: 'Name' }, value: (i) => i.name, width: 24 },
    categoryColumn(),
    {
      label: { zh: '办理地点', en: 'Service point' },
      value: (i, l) => labelOf(SERVICE_POINT_LABELS, i.servicePoint, l),
    },
    { label: { zh: '现场办理', en: 'On site' }, value: (i, l) => yesNo(i.onSite, l) },
    { label: { zh: '时限（工作日）', en: 'Time limit (working days)' }, value: (i) => i.timeLimitDays },
    { label: { zh: '申请条件', en: 'Eligibility' }, value: (i) => i.eligibility, width: 30 },
    {
      label: { zh: '所需材料', en: 'Materials' },
      value: (i) => i.materials.map((m) => m.name).join('、'),
      width: 40,
    },
  ],
});

/** 政策公开: disclosed policies. */
export const policyExport = defineExport<Placed<Policy>>({
  list: 'policies',
  title: { zh: '政策公开', en: 'Policies' },
  entityType: 'Policy',
  query: (ctx, { filter }) => ctx.services.policies.listQuery(ctx, filter),
  placed: true,
  columns: [
    { label: { zh: '标题', en: 'Title' }, value: (p) => p.title, width: 30 },
    categoryColumn(),
    { label: { zh: '发文机关', en: 'Issued by' }, value: (p) => p.issuingBody, width: 20 },
    { label: { zh: '生效日期', en: 'In force from' }, value: (p) => p.effectiveFrom, width: 12 },
    { label: { zh: '失效日期', en: 'In force until' }, value: (p) => p.effectiveTo, width: 12 },
    ...placeColumns<Placed<Policy>>({ zh: '公开范围', en: 'Published for' }),
  ],
});

/** 社区: community profiles (posted at the door: the office's public telephone is not personal data). */
export const communityProfileExport = defineExport<Placed<CommunityProfile>>({
  list: 'communityProfiles',
  title: { zh: '社区', en: 'Communities' },
  entityType: 'CommunityProfile',
  query: (ctx, { filter }) => ctx.services.communityProfiles.listQuery(ctx, filter),
  placed: true,
  columns: [
    ...placeColumns<Placed<CommunityProfile>>({ zh: '社区', en: 'Community' }),
    { label: { zh: '类型', en: 'Kind' }, value: (p, l) => labelOf(COMMUNITY_KIND_LABELS, p.kind, l) },
    { label: { zh: '中心社区', en: 'Central community' }, value: (p) => p.centralCode, width: 14 },
    { label: { zh: '面积（平方米）', en: 'Area (m²)' }, value: (p) => p.serviceAreaM2 },
    {
      label: { zh: '功能', en: 'Functions' },
      value: (p, l) => p.functions.map((f) => labelOf(COMMUNITY_FUNCTION_LABELS, f, l)).join('、'),
      width: 30,
    },
    { label: { zh: '办公时间', en: 'Opening hours' }, value: (p) => p.openingHours, width: 20 },
    { label: { zh: '办公电话', en: 'Office phone' }, value: (p) => p.officePhone, width: 14 },
  ],
});

type ApplicationRow = Placed<ServiceApplication> & { itemName: string | null };

/** A batch of applications with their item's name (one statement a batch). */
function withItems(ctx: RequestContext, rows: readonly ApplicationRow[]) {
  return withNames(
    rows,
    'itemName',
    (a) => a.itemId,
    (ids) => ctx.services.serviceItems.findByIds(ctx, ids),
  );
}

/**
 * 办件: applications, never the applicant's name (a read of a resident); who acted for the resident, by name and
 * relationship with the ID number and phone masked, as the application's page shows them.
 */
export const serviceApplicationExport = defineExport<ApplicationRow>({
  list: 'serviceApplications',
  title: { zh: '办件', en: 'Service applications' },
  entityType: 'ServiceApplication',
  query: (ctx, { filter }) => ctx.services.serviceApplications.listQuery(ctx, filter),
  placed: true,
  prepare: withItems,
  columns: [
    { label: { zh: '办件编号', en: 'Number' }, value: (a) => a.number, width: 14 },
    { label: { zh: '事项', en: 'Item' }, value: (a) => a.itemName, width: 24 },
    {
      label: { zh: '状态', en: 'State' },
      value: (a, l) => labelOf(SERVICE_APPLICATION_STATE_LABELS, a.state, l),
    },
    {
      label: { zh: '申请渠道', en: 'Channel' },
      value: (a, l) => labelOf(APPLICATION_CHANNEL_LABELS, a.channel, l),
    },
    ...placeColumns<ApplicationRow>(),
    { label: { zh: '代办人', en: 'Acting for' }, value: (a) => a.actingFor?.name ?? null, width: 10 },
    { label: { zh: '关系', en: 'Relationship' }, value: (a) => a.actingFor?.relationship ?? null },
    {
      label: { zh: '代办人身份证号', en: 'Their ID number' },
      value: (a) => a.actingFor?.idNumber ?? null,
      width: 20,
    },
    { label: { zh: '代办人电话', en: 'Their phone' }, value: (a) => a.actingFor?.phone ?? null, width: 14 },
    { label: { zh: '提交时间', en: 'Submitted' }, value: (a) => chinaDateTime(a.submittedAt), width: 17 },
    { label: { zh: '办理期限', en: 'Due' }, value: (a) => chinaDateTime(a.dueAt), width: 17 },
    { label: { zh: '办结时间', en: 'Completed' }, value: (a) => chinaDateTime(a.completedAt), width: 17 },
    { label: { zh: '超期', en: 'Overdue' }, value: (a, l) => yesNo(a.overdue, l) },
  ],
});

/** 预约时段: appointment slots and how full they are. */
export const serviceSlotExport = defineExport<Placed<ServiceSlot>>({
  list: 'serviceSlots',
  title: { zh: '预约时段', en: 'Appointment slots' },
  entityType: 'ServiceSlot',
  query: (ctx, { filter }) => ctx.services.serviceSlots.listQuery(ctx, filter),
  placed: true,
  columns: [
    { label: { zh: '日期', en: 'Day' }, value: (s) => s.day, width: 12 },
    { label: { zh: '开始', en: 'Starts' }, value: (s) => s.startsAt },
    { label: { zh: '结束', en: 'Ends' }, value: (s) => s.endsAt },
    { label: { zh: '名额', en: 'Capacity' }, value: (s) => s.capacity },
    { label: { zh: '已约', en: 'Booked' }, value: (s) => s.booked },
    ...placeColumns<Placed<ServiceSlot>>(),
  ],
});

/** 便民地图: the points of interest around a community or a place, nearest first (`arguments` as `nearby`'s). */
export const nearbyExport = defineExport<Placed<NearbyPoint>>({
  list: 'nearby',
  title: { zh: '便民服务点', en: 'Points of interest' },
  entityType: 'PointOfInterest',
  query: (ctx, { args }) => ctx.services.pointsOfInterest.nearbyQuery(ctx, args),
  placed: true,
  columns: [
    { label: { zh: '名称', en: 'Name' }, value: (p) => p.name, width: 24 },
    {
      label: CATEGORY,
      value: (p, l) => labelOf(POI_CATEGORY_LABELS, p.category, l),
    },
    { label: { zh: '地址', en: 'Address' }, value: (p) => p.address, width: 30 },
    { label: { zh: '距离（米）', en: 'Distance (m)' }, value: (p) => Math.round(p.distanceMeters) },
    { label: { zh: '营业时间', en: 'Opening hours' }, value: (p) => p.openingHours, width: 20 },
    ...placeColumns<Placed<NearbyPoint>>(),
  ],
});

/** 节假日安排: the working calendar the deadlines follow, as the city entered it. */
export const workCalendarExport = defineExport<WorkCalendarEntry>({
  list: 'workCalendarEntries',
  title: { zh: '节假日安排', en: 'Working calendar' },
  entityType: 'WorkCalendarEntry',
  query: async (ctx, { filter }) => ctx.services.workCalendar.listQuery(ctx, filter),
  columns: [
    { label: { zh: '类型', en: 'Kind' }, value: (e, l) => labelOf(WORK_CALENDAR_KIND_LABELS, e.kind, l) },
    { label: { zh: '名称', en: 'Name' }, value: (e) => e.name, width: 16 },
    { label: { zh: '首日', en: 'First day' }, value: (e) => e.firstDay, width: 12 },
    { label: { zh: '末日', en: 'Last day' }, value: (e) => e.lastDay, width: 12 },
    { label: { zh: '录入人', en: 'Entered by' }, value: (e) => e.createdByName, width: 14 },
  ],
});

export const SERVICE_EXPORTS = [
  serviceItemExport,
  policyExport,
  communityProfileExport,
  serviceApplicationExport,
  serviceSlotExport,
  nearbyExport,
  workCalendarExport,
];
