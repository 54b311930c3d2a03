import { AdminContext, memoryStore } from 'react-admin';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import type { DownloadProgress } from '../download';
import { i18nProvider } from '../i18n/i18n-provider';
import { ExportProgress } from './ExportButton';

const render = (progress: DownloadProgress) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <AdminContext i18nProvider={i18nProvider} store={memoryStore({ locale: 'zh-CN' })}>
        <ExportProgress progress={progress} onCancel={() => undefined} />
      </AdminContext>
    </MemoryRouter>,
  );

describe('the progress of an export in the list toolbar', () => {
  it('when a CSV has come 40,000 of 100,000 rows, then a determinate bar at 40% says so, with 取消导出', () => {
    const html = render({ rows: 40_000, total: 100_000, bytes: 5e6 });
    expect(html).toContain('正在导出 40000 / 100000 条');
    expect(html).toMatch(/role="progressbar"[^>]*aria-valuenow="40"/);
    expect(html).toContain('取消导出');
  });

  it('when a workbook is coming (zipped: no rows to count), then the megabytes so far and a running bar', () => {
    const html = render({ rows: null, total: 100_000, bytes: 2_500_000 });
    expect(html).toContain('正在导出 2.5 MB');
    expect(html).toContain('MuiLinearProgress-indeterminate');
    expect(html).not.toContain('aria-valuenow');
  });
});
