import {
  LEGAL_EDUCATION_FORMATS,
  PREVENTION_INDICATORS,
  SECURITY_CATEGORIES,
  SURVEY_GROUPS,
  SURVEY_METHODS,
  SURVEY_QUESTIONS,
} from '@qiangji/domain';
import { enumOf } from '../../common/graphql-enum';

export const SecurityCategoryEnum = enumOf(
  SECURITY_CATEGORIES,
  'SecurityCategory',
  'CRIMINAL (of which HOMICIDE, ROBBERY, BURGLARY, THEFT, FRAUD) and PUBLIC_ORDER; reported cases are CRIMINAL + PUBLIC_ORDER.',
);
export const SurveyQuestionEnum = enumOf(SURVEY_QUESTIONS, 'SurveyQuestion');
export const SurveyGroupEnum = enumOf(SURVEY_GROUPS, 'SurveyGroup');
export const SurveyMethodEnum = enumOf(SURVEY_METHODS, 'SurveyMethod');
export const LegalEducationFormatEnum = enumOf(LEGAL_EDUCATION_FORMATS, 'LegalEducationFormat');
export const PreventionIndicatorEnum = enumOf(PREVENTION_INDICATORS, 'PreventionIndicator');
