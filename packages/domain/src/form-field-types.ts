import type { Labels } from './machine';

/** The types of a service item's form fields; the zod checks of forms are in `@qiangji/domain/forms`. */
export const FORM_FIELD_TYPES = ['TEXT', 'NUMBER', 'DATE', 'CHOICE', 'YES_NO'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];
export const FORM_FIELD_TYPE_LABELS: Labels<FormFieldType> = Object.freeze({
  TEXT: { zh: '文本', en: 'Text' },
  NUMBER: { zh: '数字', en: 'Number' },
  DATE: { zh: '日期', en: 'Date' },
  CHOICE: { zh: '选项', en: 'Choice' },
  YES_NO: { zh: '是/否', en: 'Yes or no' },
});
