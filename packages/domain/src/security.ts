import { DomainValidationError } from './errors';
import type { Labels } from './machine';

/**
 * Public security (公共安全): reported cases by category, satisfaction surveys, legal education (普法) and
 * prevention resources, as the 2013 report counts them.
 */
export const SECURITY_CATEGORIES = [
  'CRIMINAL',
  'HOMICIDE',
  'ROBBERY',
  'BURGLARY',
  'THEFT',
  'FRAUD',
  'PUBLIC_ORDER',
] as const;
export type SecurityCategory = (typeof SECURITY_CATEGORIES)[number];
export const SECURITY_CATEGORY_LABELS: Labels<SecurityCategory> = Object.freeze({
  CRIMINAL: { zh: '刑事案件', en: 'Criminal cases' },
  HOMICIDE: { zh: '命案', en: 'Homicides' },
  ROBBERY: { zh: '抢劫', en: 'Robbery' },
  BURGLARY: { zh: '入室盗窃', en: 'Burglary' },
  THEFT: { zh: '盗窃', en: 'Theft' },
  FRAUD: { zh: '诈骗', en: 'Fraud' },
  PUBLIC_ORDER: { zh: '治安案件', en: 'Public-order cases' },
});

/**
 * The categories that are a part of another ("criminal cases, of which homicides"): counted in their parent
 * already, so a total never adds them again.
 */
export const SECURITY_CATEGORY_PARENT: Readonly<Partial<Record<SecurityCategory, SecurityCategory>>> =
  Object.freeze({
    HOMICIDE: 'CRIMINAL',
    ROBBERY: 'CRIMINAL',
    BURGLARY: 'CRIMINAL',
    THEFT: 'CRIMINAL',
    FRAUD: 'CRIMINAL',
  });

/** Reported cases (发案总量): criminal and public-order cases, each counted once. */
export const REPORTED_CASE_CATEGORIES: readonly SecurityCategory[] = SECURITY_CATEGORIES.filter(
  (c) => !SECURITY_CATEGORY_PARENT[c],
);

/** The first day of the month of a `YYYY-MM` or `YYYY-MM-DD` text, checked: statistics are kept per month. */
export function monthStart(value: string, field = 'month'): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || (m[3] !== undefined && m[3] !== '01'))
    throw new DomainValidationError(`${field} is a month: YYYY-MM, or its first day YYYY-MM-01.`, field);
  return `${m[1]}-${m[2]}-01`;
}

/** The same months a year earlier: what a year-on-year change compares with. */
export function previousYearPeriod(from: string, to: string): { from: string; to: string } {
  const back = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  return { from: back(monthStart(from, 'from')), to: back(monthStart(to, 'to')) };
}

export const SURVEY_QUESTIONS = ['SENSE_OF_SECURITY', 'PUBLIC_ORDER', 'LAW_ENFORCEMENT'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];
export const SURVEY_QUESTION_LABELS: Labels<SurveyQuestion> = Object.freeze({
  SENSE_OF_SECURITY: { zh: '公众安全感满意度', en: 'Public sense-of-security satisfaction' },
  PUBLIC_ORDER: { zh: '社会治安满意度', en: 'Satisfaction with public order' },
  LAW_ENFORCEMENT: { zh: '执法满意度', en: 'Satisfaction with law enforcement' },
});

/** Who answered: everyone, or one group (the article's farmers' 96.6% is a group's answer). */
export const SURVEY_GROUPS = ['PUBLIC', 'FARMERS', 'URBAN_RESIDENTS'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];
export const SURVEY_GROUP_LABELS: Labels<SurveyGroup> = Object.freeze({
  PUBLIC: { zh: '公众', en: 'Public' },
  FARMERS: { zh: '农民', en: 'Farmers' },
  URBAN_RESIDENTS: { zh: '城镇居民', en: 'Urban residents' },
});

export const SURVEY_METHODS = ['TELEPHONE', 'FACE_TO_FACE', 'QUESTIONNAIRE', 'ONLINE'] as const;
export type SurveyMethod = (typeof SURVEY_METHODS)[number];
export const SURVEY_METHOD_LABELS: Labels<SurveyMethod> = Object.freeze({
  TELEPHONE: { zh: '电话调查', en: 'Telephone' },
  FACE_TO_FACE: { zh: '入户访问', en: 'Face to face' },
  QUESTIONNAIRE: { zh: '问卷', en: 'Questionnaire' },
  ONLINE: { zh: '网络调查', en: 'Online' },
});

/** The "4 small, 6 big" (四小六大) legal-education brand of 通河县, and anything else. */
export const LEGAL_EDUCATION_FORMATS = [
  'SMALL_RADIO',
  'SMALL_SONG_TROUPE',
  'SMALL_PHONE_MESSAGE',
  'SMALL_TV_COLUMN',
  'BIG_LEGAL_FAIR',
  'BIG_FARMHOUSE_COURTYARD',
  'BIG_STAGE',
  'BIG_FILM',
  'BIG_TV_LECTURE',
  'BIG_SING_ALONG',
  'OTHER',
] as const;
export type LegalEducationFormat = (typeof LEGAL_EDUCATION_FORMATS)[number];
export const LEGAL_EDUCATION_FORMAT_LABELS: Labels<LegalEducationFormat> = Object.freeze({
  SMALL_RADIO: { zh: '普法小广播', en: 'Legal radio' },
  SMALL_SONG_TROUPE: { zh: '法制歌曲传唱小分队', en: 'Song troupe' },
  SMALL_PHONE_MESSAGE: { zh: '手机法制宣传小信息', en: 'Phone messages' },
  SMALL_TV_COLUMN: { zh: '电视台趣味普法小栏目', en: 'TV column' },
  BIG_LEGAL_FAIR: { zh: '法律大集', en: 'Legal fair' },
  BIG_FARMHOUSE_COURTYARD: { zh: '法律农家大院', en: 'Farmhouse legal courtyard' },
  BIG_STAGE: { zh: '法制文艺大舞台', en: 'Legal stage' },
  BIG_FILM: { zh: '法制电影大看台', en: 'Legal films' },
  BIG_TV_LECTURE: { zh: '电视法制大讲堂', en: 'TV lecture' },
  BIG_SING_ALONG: { zh: '法制歌曲大家唱', en: 'Sing-along' },
  OTHER: { zh: '其他普法活动', en: 'Other' },
});

/**
 * Prevention resources per region and year: video points of the Skynet (天网) project and their coverage,
 * patrol teams, community police offices, and the "3531" community prevention project's own named indicators.
 */
export const PREVENTION_INDICATORS = [
  'VIDEO_POINTS',
  'VIDEO_COVERAGE',
  'PATROL_TEAMS',
  'COMMUNITY_POLICE_OFFICES',
  'PROJECT_3531',
] as const;
export type PreventionIndicator = (typeof PREVENTION_INDICATORS)[number];
export const PREVENTION_INDICATOR_LABELS: Labels<PreventionIndicator> = Object.freeze({
  VIDEO_POINTS: { zh: '天网视频监控点', en: 'Video points' },
  VIDEO_COVERAGE: { zh: '视频监控覆盖率', en: 'Video coverage' },
  PATROL_TEAMS: { zh: '巡逻队', en: 'Patrol teams' },
  COMMUNITY_POLICE_OFFICES: { zh: '社区警务室', en: 'Community police offices' },
  PROJECT_3531: { zh: '“3531”社区防控工程指标', en: '"3531" project indicator' },
});
/** A coverage is a fraction of its own region: it is never added up over a subtree, a count is. */
export const FRACTION_INDICATORS: readonly PreventionIndicator[] = ['VIDEO_COVERAGE'];

/** A prevention figure's value, checked: a count is whole, a coverage a fraction. */
export function checkPreventionValue(indicator: PreventionIndicator, value: number): void {
  const fraction = FRACTION_INDICATORS.includes(indicator);
  const ok =
    Number.isFinite(value) &&
    value >= 0 &&
    (fraction ? value <= 1 : indicator === 'PROJECT_3531' || Number.isInteger(value));
  if (!ok)
    throw new DomainValidationError(
      fraction ? 'A coverage is a fraction from 0 to 1.' : 'A count is a whole number of 0 or more.',
      'value',
    );
}

/**
 * Ranks regions by their year-on-year change in reported cases: the largest fall is 1, equal changes share a
 * rank, and a region with no change to compare (no cases last year) comes after all others, unranked.
 */
export function rankByFall(changes: readonly (number | null)[]): (number | null)[] {
  const sorted = changes.filter((c): c is number => c !== null).sort((a, b) => a - b);
  return changes.map((c) => (c === null ? null : sorted.indexOf(c) + 1));
}
