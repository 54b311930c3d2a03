import { useEffect } from 'react';
import { Layout, useLocaleState, useTranslate, type LayoutProps } from 'react-admin';
import { AppBar } from './AppBar';
import { AppMenu } from './AppMenu';

/** react-admin's layout with our menu and app bar, keeping the page's language and tab title in step with the locale. */
export const AppLayout = ({ children }: LayoutProps) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useEffect(() => {
    // Screen readers and the browser's font fallback read `lang`; index.html can only state the default.
    document.documentElement.lang = locale;
    document.title = translate('app.title');
  }, [locale, translate]);
  return (
    <Layout menu={AppMenu} appBar={AppBar}>
      {children}
    </Layout>
  );
};
