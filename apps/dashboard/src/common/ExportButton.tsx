import CloseIcon from '@mui/icons-material/Close';
import DownloadIcon from '@mui/icons-material/Download';
import { LinearProgress, Menu, MenuItem, Stack, Typography } from '@mui/material';
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

/** How far an export has come, in words: rows of the total (a CSV), else megabytes (a workbook is zipped). */
function progressText(p: DownloadProgress, translate: (key: string, args?: object) => string): string {
  return p.rows != null && p.total
    ? translate('app.export.rows', { rows: p.rows, total: p.total })
    : translate('app.export.bytes', { mb: (p.bytes / 1e6).toFixed(1) });
}

/** A determinate bar when the rows and their count are known; a running one while only bytes are. */
export const ExportProgress = ({
  progress,
  onCancel,
}: {
  progress: DownloadProgress;
  onCancel: () => void;
}) => {
  const translate = useTranslate();
  const known = progress.rows != null && progress.total ? (progress.rows / progress.total) * 100 : null;
  const text = progressText(progress, translate);
  return (
    <Stack direction="row" alignItems="center" spacing={1} sx={{ minWidth: 220 }} aria-live="polite">
      <Stack sx={{ flex: 1 }}>
        <Typography variant="caption">{text}</Typography>
        <LinearProgress
          variant={known == null ? 'indeterminate' : 'determinate'}
          value={known ?? undefined}
          aria-label={text}
        />
      </Stack>
      <Button label="app.export.cancel" onClick={onCancel}>
        <CloseIcon />
      </Button>
    </Stack>
  );
};

/**
 * 导出: the list as the API exports it (every row the filters select, not only the page shown), as CSV or XLSX,
 * made and streamed by the server with Chinese headers, masked personal data and an audit row. While it runs,
 * the toolbar shows how far it has come and a button that cancels it.
 */
export const ExportButton = () => {
  const resource = useResourceContext()!;
  const { filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [running, setRunning] = useState<{ progress: DownloadProgress; cancel: AbortController } | null>(
    null,
  );
  // Not a data provider method: react-admin's wrapper takes every one of them for an asynchronous read.
  if (!GRAPHQL_RESOURCES[resource]?.exportable) return null;
  const run = async (format: 'csv' | 'xlsx') => {
    setMenu(null);
    const cancel = new AbortController();
    setRunning({ progress: { rows: format === 'csv' ? 0 : null, total: total ?? null, bytes: 0 }, cancel });
    try {
      const file = await dataProvider.exportList(
        resource,
        {
          filter: filterValues,
          sort,
          format,
          language: locale === 'en' ? 'en' : 'zh',
          signal: cancel.signal,
        },
        (progress) => setRunning({ progress, cancel }),
      );
      saveFile(file);
      notify('app.export.done', { type: 'success', messageArgs: { file: file.fileName } });
    } catch (error) {
      if (cancel.signal.aborted) notify('app.export.cancelled', { type: 'info' });
      else notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setRunning(null);
    }
  };
  if (running) return <ExportProgress progress={running.progress} onCancel={() => running.cancel.abort()} />;
  return (
    <>
      <Button
        label="app.export.button"
        onClick={(event) => setMenu(event.currentTarget)}
        disabled={total === 0}
        aria-haspopup="menu"
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
