import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useRef, useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { QiangjiDataProvider } from '../data-provider';

interface ImportReport {
  imported: number;
  errors: { line: number; field: string | null; message: string }[];
}

/** The file's content as the API takes it: a CSV as text, a workbook as base64 (a JSON body carries no bytes). */
async function fileVariables(file: File): Promise<{ csv: string } | { xlsx: string }> {
  if (!/\.xlsx$/i.test(file.name)) return { csv: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { xlsx: btoa(binary) };
}

/** 导入村情: a CSV or XLSX of yearly indicators, written whole or not at all; each bad line named. */
export const IndicatorImportButton = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (file: File) => {
    setBusy(true);
    setReport(null);
    try {
      const result = await dataProvider.command<ImportReport>(
        'visits',
        'importVillageIndicators',
        await fileVariables(file),
      );
      if (result.errors.length) setReport(result);
      else {
        notify('app.villages.form.imported', { type: 'success', messageArgs: { count: result.imported } });
        refresh();
      }
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <Button variant="outlined" component="label" disabled={busy}>
        {translate('app.villages.form.import')}
        <input
          ref={input}
          type="file"
          hidden
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => e.target.files?.[0] && void send(e.target.files[0])}
        />
      </Button>
      {report && (
        <Alert severity="error" onClose={() => setReport(null)} sx={{ width: '100%' }}>
          {translate('app.villages.form.import_refused')}
          <ul>
            {report.errors.map((e, i) => (
              <li key={i}>
                {translate('app.villages.form.import_line', { line: e.line })}
                {e.field ? ` ${e.field}` : ''}: {e.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
};
