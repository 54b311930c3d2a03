import { useEffect } from 'react';
import { Layout, useLocaleState, useTranslate, type LayoutProps } from 'react-admin';
import { AppMenu } from './AppMenu';

/** react-admin's layout, keeping the page's language and tab title in step with the locale switcher. */
export const AppLayout = ({ children }: LayoutProps) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useEffect(() => {
    // Screen readers and the browser's font fallback read `lang`; index.html can only state the default.
    document.documentElement.lang = locale;
    document.title = translate('app.title');
  }, [locale, translate]);
  return <Layout menu={AppMenu}>{children}</Layout>;
};
