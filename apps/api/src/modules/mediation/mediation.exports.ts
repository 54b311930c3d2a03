import {
  DEADLINE_STATUS_LABELS,
  DISPUTE_CASE_STATE_LABELS,
  DISPUTE_TYPE_LABELS,
  INDUSTRY_LABELS,
  INTAKE_CHANNEL_LABELS,
  RISK_LEVEL_LABELS,
  disputeDeadlineStatus,
  MEDIATOR_EMPLOYMENT_LABELS,
  ORGANIZATION_KIND_LABELS,
  PETITION_CASE_STATE_LABELS,
} from '@qiangji/domain';
import { chinaDateTime, defineExport, labelOf, placeColumns, withNames, yesNo } from '../../common/export';
import type { Placed } from '../../common/export';
import type { RequestContext } from '../../server/context';
import type { DisputeCase } from './dispute-case.types';
import type { Mediator } from './mediator.types';
import type { CoordinationMeeting } from './meeting.types';
import type { MediationOrganization } from './organization.types';
import type { PetitionCase } from './petition.types';

type WithOrganization<T> = T & { organizationName: string | null };

/** A batch of rows with the name of their organisation (reference data, read in one statement). */
function withOrganizations<T extends { organizationId: string | null }>(
  ctx: RequestContext,
  rows: readonly T[],
): Promise<WithOrganization<T>[]> {
  return withNames(
    rows,
    'organizationName',
    (r) => r.organizationId,
    (ids) => ctx.services.organizations.findByIds(ctx, ids),
  );
}

const ORGANIZATION_COLUMN = { label: { zh: '承办组织', en: 'Organisation' }, width: 24 };

type PetitionRow = WithOrganization<Placed<PetitionCase>>;

/** 信访积案: the petition backlog list. */
export const petitionExport = defineExport<PetitionRow>({
  list: 'petitionCases',
  title: { zh: '信访积案', en: 'Petition backlog cases' },
  entityType: 'PetitionCase',
  query: (ctx, { filter }) => ctx.services.petitions.listQuery(ctx, filter),
  placed: true,
  prepare: withOrganizations,
  columns: [
    { label: { zh: '案由', en: 'Title' }, value: (p) => p.title, width: 30 },
    { label: { zh: '状态', en: 'State' }, value: (p, l) => labelOf(PETITION_CASE_STATE_LABELS, p.state, l) },
    ...placeColumns<PetitionRow>(),
    { ...ORGANIZATION_COLUMN, value: (p) => p.organizationName },
    { label: { zh: '登记日期', en: 'Registered' }, value: (p) => p.registeredOn, width: 12 },
    { label: { zh: '化解日期', en: 'Resolved' }, value: (p) => p.resolvedOn, width: 12 },
  ],
});

type MediatorRow = Placed<Mediator>;

/** 调解员: mediators, their phones masked as the list shows them. */
export const mediatorExport = defineExport<MediatorRow>({
  list: 'mediators',
  title: { zh: '调解员', en: 'Mediators' },
  entityType: 'Mediator',
  query: (ctx, { filter }) => ctx.services.mediators.listQuery(ctx, filter),
  placed: true,
  columns: [
    { label: { zh: '姓名', en: 'Name' }, value: (m) => m.name, width: 10 },
    {
      label: { zh: '专兼职', en: 'Employment' },
      value: (m, l) => labelOf(MEDIATOR_EMPLOYMENT_LABELS, m.employment, l),
    },
    {
      label: { zh: '擅长领域', en: 'Specialities' },
      value: (m, l) => m.specialities.map((s) => labelOf(DISPUTE_TYPE_LABELS, s, l)).join('、'),
      width: 24,
    },
    { label: { zh: '联系电话', en: 'Phone' }, value: (m) => m.phone, width: 14 },
    ...placeColumns<MediatorRow>(),
    {
      label: { zh: '在岗', en: 'Active' },
      value: (m, l) => yesNo(m.active, l),
    },
  ],
});

type OrganizationRow = Placed<MediationOrganization>;

/** 调解组织: committees, centres, clinics (reference data every caller reads). */
export const organizationExport = defineExport<OrganizationRow>({
  list: 'mediationOrganizations',
  title: { zh: '调解组织', en: 'Mediation organisations' },
  entityType: 'MediationOrganization',
  query: (ctx, { filter }) => ctx.services.organizations.listQuery(ctx, filter),
  placed: true,
  columns: [
    { label: { zh: '名称', en: 'Name' }, value: (o) => o.name, width: 30 },
    {
      label: { zh: '类型', en: 'Kind' },
      value: (o, l) => labelOf(ORGANIZATION_KIND_LABELS, o.kind, l),
      width: 16,
    },
    {
      label: { zh: '行业', en: 'Industry' },
      value: (o, l) => labelOf(INDUSTRY_LABELS, o.industry, l),
      width: 14,
    },
    ...placeColumns<OrganizationRow>(),
    { label: { zh: '合作高校', en: 'Partner university' }, value: (o) => o.partnerUniversity, width: 20 },
  ],
});

type MeetingRow = WithOrganization<CoordinationMeeting>;

/** 联席会议: coordination meetings, their attendees and notes. */
export const meetingExport = defineExport<MeetingRow>({
  list: 'coordinationMeetings',
  title: { zh: '联席会议', en: 'Coordination meetings' },
  entityType: 'CoordinationMeeting',
  query: (ctx, { filter }) => ctx.services.meetings.listQuery(ctx, filter),
  prepare: withOrganizations,
  columns: [
    { label: { zh: '会议日期', en: 'Held on' }, value: (m) => m.heldOn, width: 12 },
    { ...ORGANIZATION_COLUMN, value: (m) => m.organizationName },
    { label: { zh: '参会人员', en: 'Attendees' }, value: (m) => m.attendees.join('、'), width: 30 },
    { label: { zh: '会议纪要', en: 'Notes' }, value: (m) => m.notes, width: 40 },
    { label: { zh: '记录时间', en: 'Recorded' }, value: (m) => chinaDateTime(m.createdAt), width: 17 },
  ],
});

type CaseRow = Placed<DisputeCase>;

/** The case list as it shows (纠纷案件): its columns and more of each case, never a party's name or contact. */
export const disputeCaseExport = defineExport<CaseRow>({
  list: 'disputeCases',
  title: { zh: '纠纷案件', en: 'Dispute cases' },
  entityType: 'DisputeCase',
  query: (ctx, { filter, orderBy }) => ctx.services.disputeCases.listQuery(ctx, filter, orderBy),
  placed: true,
  columns: [
    { label: { zh: '编号', en: 'Number' }, value: (c) => c.number, width: 14 },
    { label: { zh: '标题', en: 'Title' }, value: (c) => c.title, width: 30 },
    { label: { zh: '纠纷类型', en: 'Type' }, value: (c, l) => labelOf(DISPUTE_TYPE_LABELS, c.type, l) },
    {
      label: { zh: '来源渠道', en: 'Channel' },
      value: (c, l) => labelOf(INTAKE_CHANNEL_LABELS, c.channel, l),
    },
    { label: { zh: '状态', en: 'State' }, value: (c, l) => labelOf(DISPUTE_CASE_STATE_LABELS, c.state, l) },
    { label: { zh: '风险等级', en: 'Risk' }, value: (c, l) => labelOf(RISK_LEVEL_LABELS, c.risk, l) },
    {
      label: { zh: '期限状态', en: 'Deadline' },
      value: (c, l) => labelOf(DEADLINE_STATUS_LABELS, disputeDeadlineStatus(c), l),
    },
    { label: { zh: '办理期限', en: 'Due' }, value: (c) => chinaDateTime(c.dueAt), width: 17 },
    ...placeColumns<CaseRow>({ zh: '纠纷地点', en: 'Place' }),
    { label: { zh: '涉及人数', en: 'People involved' }, value: (c) => c.peopleInvolved },
    { label: { zh: '收到时间', en: 'Received' }, value: (c) => chinaDateTime(c.receivedAt), width: 17 },
    { label: { zh: '受理时间', en: 'Accepted' }, value: (c) => chinaDateTime(c.acceptedAt), width: 17 },
    { label: { zh: '办结时间', en: 'Concluded' }, value: (c) => chinaDateTime(c.concludedAt), width: 17 },
  ],
});
