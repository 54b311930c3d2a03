import {
  LEGAL_EDUCATION_FORMAT_LABELS,
  SECURITY_CATEGORY_LABELS,
  SURVEY_METHOD_LABELS,
} from '@qiangji/domain';
import { chinaDateTime, defineExport, labelOf, placeColumns } from '../../common/export';
import type { Placed } from '../../common/export';
import type { LegalEducationEvent, SatisfactionSurvey, SecurityStatistic } from './security.types';

/** 治安统计: reported cases per region, month and category. */
export const securityStatisticExport = defineExport<Placed<SecurityStatistic>>({
  list: 'securityStatistics',
  title: { zh: '治安统计', en: 'Reported cases' },
  entityType: 'SecurityStatistic',
  query: (ctx, { filter }) => ctx.services.securityStatistics.listQuery(ctx, filter),
  placed: true,
  columns: [
    { label: { zh: '月份', en: 'Month' }, value: (s) => s.month, width: 10 },
    ...placeColumns<Placed<SecurityStatistic>>(),
    {
      label: { zh: '类别', en: 'Category' },
      value: (s, l) => labelOf(SECURITY_CATEGORY_LABELS, s.category, l),
      width: 16,
    },
    { label: { zh: '案件数', en: 'Cases' }, value: (s) => s.cases },
    { label: { zh: '来源', en: 'Source' }, value: (s) => s.source, width: 16 },
    { label: { zh: '更新时间', en: 'Updated' }, value: (s) => chinaDateTime(s.updatedAt), width: 17 },
  ],
});

/** 满意度调查: the surveys of a subtree (`arguments.regionCode`, as the list takes it). */
export const satisfactionSurveyExport = defineExport<Placed<SatisfactionSurvey>>({
  list: 'satisfactionSurveys',
  title: { zh: '满意度调查', en: 'Satisfaction surveys' },
  entityType: 'SatisfactionSurvey',
  query: (ctx, { args }) => ctx.services.securityRecords.surveyQuery(ctx, args.regionCode),
  placed: true,
  columns: [
    { label: { zh: '年度', en: 'Year' }, value: (v) => v.year },
    ...placeColumns<Placed<SatisfactionSurvey>>(),
    { label: { zh: '调查方式', en: 'Method' }, value: (v, l) => labelOf(SURVEY_METHOD_LABELS, v.method, l) },
    { label: { zh: '样本量', en: 'Sample size' }, value: (v) => v.sampleSize },
    { label: { zh: '来源', en: 'Source' }, value: (v) => v.source, width: 20 },
  ],
});

/** 法治宣传: legal-education events. */
export const legalEducationExport = defineExport<Placed<LegalEducationEvent>>({
  list: 'legalEducationEvents',
  title: { zh: '法治宣传', en: 'Legal education' },
  entityType: 'LegalEducationEvent',
  query: (ctx, { filter }) => ctx.services.securityRecords.legalEducationQuery(ctx, filter),
  placed: true,
  columns: [
    { label: { zh: '日期', en: 'Held on' }, value: (e) => e.heldOn, width: 12 },
    {
      label: { zh: '形式', en: 'Format' },
      value: (e, l) => labelOf(LEGAL_EDUCATION_FORMAT_LABELS, e.format, l),
    },
    { label: { zh: '主题', en: 'Title' }, value: (e) => e.title, width: 30 },
    { label: { zh: '受众人数', en: 'Audience' }, value: (e) => e.audience },
    { label: { zh: '主办', en: 'Organiser' }, value: (e) => e.organiser, width: 20 },
    ...placeColumns<Placed<LegalEducationEvent>>(),
  ],
});

export const SECURITY_EXPORTS = [securityStatisticExport, satisfactionSurveyExport, legalEducationExport];
