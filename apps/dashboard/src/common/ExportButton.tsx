import DownloadIcon from '@mui/icons-material/Download';
import { Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  CreateButton,
  FilterButton,
  TopToolbar,
  useDataProvider,
  useFilterContext,
  useListContext,
  useLocaleState,
  useNotify,
  useResourceContext,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import type { QiangjiDataProvider } from '../data-provider';
import { GRAPHQL_RESOURCES } from '../features';
import { saveFile, type DownloadProgress } from '../download';

/**
 * 导出: the list as the API exports it (every row the filters select, not only the page shown), as CSV or XLSX,
 * made and streamed by the server with Chinese headers, masked personal data and an audit row. The button shows
 * how far the download has come.
 */
export const ExportButton = () => {
  const resource = useResourceContext()!;
  const { filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  // Not a data provider method: react-admin's wrapper takes every one of them for an asynchronous read.
  if (!GRAPHQL_RESOURCES[resource]?.exportable) return null;
  const shown = (p: DownloadProgress) =>
    p.rows != null && p.total
      ? translate('app.export.rows', { rows: p.rows, total: p.total })
      : translate('app.export.bytes', { mb: (p.bytes / 1e6).toFixed(1) });
  const run = async (format: 'csv' | 'xlsx') => {
    setMenu(null);
    setProgress(translate('app.export.button'));
    try {
      const file = await dataProvider.exportList(
        resource,
        { filter: filterValues, sort, format, language: locale === 'en' ? 'en' : 'zh' },
        (p) => setProgress(shown(p)),
      );
      saveFile(file);
      notify('app.export.done', { type: 'success', messageArgs: { file: file.fileName } });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setProgress(null);
    }
  };
  return (
    <>
      <Button
        label={progress ?? 'app.export.button'}
        onClick={(event) => setMenu(event.currentTarget)}
        disabled={progress !== null || total === 0}
        aria-haspopup="menu"
        aria-live="polite"
      >
        <DownloadIcon />
      </Button>
      <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
        <MenuItem onClick={() => run('csv')}>{translate('app.export.csv')}</MenuItem>
        <MenuItem onClick={() => run('xlsx')}>{translate('app.export.xlsx')}</MenuItem>
      </Menu>
    </>
  );
};

/** A list's toolbar: its filters, its create button where the resource has one, and 导出 where the API exports it. */
export const ListToolbar = () => {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {hasCreate && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
};
