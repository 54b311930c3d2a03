/** The dashboard's languages: the one the user picks, and those each message table is written in. */
export type Language = 'zh' | 'en';

/**
 * A module's messages in both languages, read in one. The English must have the keys the Chinese has, so a
 * message cannot go missing in one language only.
 */
export const bilingual =
  <T>(text: { zh: T; en: NoInfer<T> }) =>
  (language: Language): T =>
    text[language];
