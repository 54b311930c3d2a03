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
import { saveFile, type DownloadedFile, type DownloadProgress } from '../download';

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

/** Makes the file: the format chosen, the progress to report, the signal that cancels it. */
export type RunExport = (
  format: 'csv' | 'xlsx',
  onProgress: (progress: DownloadProgress) => void,
  signal: AbortSignal,
) => Promise<DownloadedFile>;

/**
 * 导出 as a menu (CSV or XLSX) for any list the API exports; while the file comes, its progress and a button that
 * cancels it; at the end the browser's download.
 */
export const ExportMenu = ({ run, total }: { run: RunExport; total: number | null | undefined }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [running, setRunning] = useState<{ progress: DownloadProgress; cancel: AbortController } | null>(
    null,
  );
  const start = async (format: 'csv' | 'xlsx') => {
    setMenu(null);
    const cancel = new AbortController();
    setRunning({ progress: { rows: format === 'csv' ? 0 : null, total: total ?? null, bytes: 0 }, cancel });
    try {
      const file = await run(format, (progress) => setRunning({ progress, cancel }), cancel.signal);
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
        <MenuItem onClick={() => start('csv')}>{translate('app.export.csv')}</MenuItem>
        <MenuItem onClick={() => start('xlsx')}>{translate('app.export.xlsx')}</MenuItem>
      </Menu>
    </>
  );
};

/**
 * 导出 of a resource's list: every row the list's filters select (not only the page shown), in its order, made
 * and streamed by the server with Chinese headers, masked personal data and an audit row.
 */
export const ExportButton = () => {
  const resource = useResourceContext()!;
  const { filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const [locale] = useLocaleState();
  // Not a data provider method: react-admin's wrapper takes every one of them for an asynchronous read.
  if (!GRAPHQL_RESOURCES[resource]?.exportable) return null;
  const language = locale === 'en' ? 'en' : 'zh';
  return (
    <ExportMenu
      total={total}
      run={(format, onProgress, signal) =>
        dataProvider.exportList(
          resource,
          { filter: filterValues, sort, format, language, signal },
          onProgress,
        )
      }
    />
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
