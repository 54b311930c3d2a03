import {
  DEADLINE_STATUS_LABELS,
  DISPUTE_CASE_STATE_LABELS,
  DISPUTE_TYPE_LABELS,
  INTAKE_CHANNEL_LABELS,
  RISK_LEVEL_LABELS,
  disputeDeadlineStatus,
} from '@qiangji/domain';
import { chinaDateTime, defineExport, labelOf, placeColumns } from '../../common/export';
import type { Placed } from '../../common/export';
import type { DisputeCase } from './dispute-case.types';

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
