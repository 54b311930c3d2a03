import GlobalStyles from '@mui/material/GlobalStyles';
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
      <GlobalStyles styles={PRINT} />
      {children}
    </Layout>
  );
};

/**
 * Printed, a page is its record alone (a case file, a monthly report): no app bar, menu, toolbars or buttons, the
 * content the page's full width, black on white.
 */
const PRINT = {
  '@media print': {
    // The menu is react-admin's Sidebar, a MUI Drawer (it has no RaSidebar-root class); `data-print="hide"` marks
    // the other controls of a page (a select, a menu of exports); a notification is the screen's only.
    '.RaAppBar-appBar, .MuiAppBar-root, .MuiDrawer-root, .MuiSnackbar-root, .RaTopToolbar-root, [role="toolbar"], button, [data-print="hide"]':
      {
        display: 'none !important',
      },
    '.RaLayout-appFrame': { marginTop: '0 !important' },
    '.RaLayout-content': { padding: '0 !important' },
    '.MuiPaper-root': { boxShadow: 'none !important' },
    body: { background: '#fff', color: '#000' },
  },
};
