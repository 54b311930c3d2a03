import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { enMessages } from './en';
import { zhMessages } from './zh';

/** The locale switcher in the app bar lists these; react-admin shows it when there are two or more. */
export const LOCALES = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
];

const MESSAGES: Readonly<Record<string, TranslationMessages>> = { 'zh-CN': zhMessages, en: enMessages };

// An unknown locale (say, one stored by an older build) falls back to Chinese rather than to raw keys.
export const i18nProvider = polyglotI18nProvider(
  (locale) => MESSAGES[locale] ?? zhMessages,
  'zh-CN',
  LOCALES,
);

/** The API answers with an error code and an English message for developers; users read the code in their language. */
export const describeApiError = (code: string, message: string): string =>
  i18nProvider.translate(`app.errors.${code}`, { _: message, detail: message });
