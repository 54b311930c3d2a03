/** Tags on residents and households that the services and statistics select by. */
export const RESIDENT_TAGS = [
  'ELDERLY',
  'DISABLED',
  'MINIMUM_ALLOWANCE',
  'POOR_HOUSEHOLD',
  'FLOATING_POPULATION',
  'SPECIAL_GROUP',
] as const;
export type ResidentTag = (typeof RESIDENT_TAGS)[number];

export const RESIDENT_TAG_LABELS: Readonly<Record<ResidentTag, { zh: string; en: string }>> = Object.freeze({
  ELDERLY: { zh: '老年人', en: 'Elderly' },
  DISABLED: { zh: '残疾人', en: 'Disabled' },
  MINIMUM_ALLOWANCE: { zh: '低保', en: 'Minimum living allowance' },
  POOR_HOUSEHOLD: { zh: '贫困户', en: 'Poor household' },
  FLOATING_POPULATION: { zh: '流动人口', en: 'Floating population' },
  SPECIAL_GROUP: { zh: '特殊人群', en: 'Special group' },
});

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Readonly<Record<Gender, { zh: string; en: string }>> = Object.freeze({
  MALE: { zh: '男', en: 'Male' },
  FEMALE: { zh: '女', en: 'Female' },
});

/** A reveal of protected data must say why (PIPL art. 51): a short sentence, not a token. */
export const MIN_PURPOSE_LENGTH = 4;
export const MAX_PURPOSE_LENGTH = 200;

/**
 * How many exact ID-number lookups a caller may make in an hour. A masked number hides the birth date, about
 * 33 candidates once the check digit is known: at this pace guessing one takes over an hour of audited lookups,
 * each stating its purpose. Officers who may reveal numbers anyway are allowed more.
 */
export const ID_NUMBER_LOOKUPS_PER_HOUR = Object.freeze({ standard: 30, withReveal: 300 });

/**
 * An export with personal data unmasked (with a purpose, by a caller who may reveal) holds at most this many
 * rows: more is a bulk disclosure, which needs an approval this system does not have yet.
 */
export const MAX_REVEALED_EXPORT_ROWS = 1000;
