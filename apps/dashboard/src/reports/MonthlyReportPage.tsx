import { chinaDay, formatPercent, MONTHLY_REPORT_STATE_LABELS } from '@qiangji/domain';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  TextInput,
  Title,
  required,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { formatDateTime, formatDay, formatMonth } from '../common/dates';
import { FormDialog } from '../common/FormDialog';
import { regionName } from '../common/region-ref';
import { useJurisdiction } from '../common/use-jurisdiction';
import type { QiangjiDataProvider } from '../data-provider';
import { saveFile } from '../download';
import { useStats } from '../stats/use-stats';
import type { MonthlyReportRecord, ReportSummary } from './report-operations';

/** Last month in China time: the month a report is usually signed for. */
function lastMonth(): string {
  const [year, month] = chinaDay().split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const reportLink = (region: string, month: string) => ({
  pathname: '/reports',
  search: `?region=${region}&month=${month}`,
});

type Edition = MonthlyReportRecord['editions'][number];

/**
 * 月报审签: a region's monthly report (the figures of every module for its subtree), its sign-off state and
 * deadline, the child regions' sign-off (who has signed, who is late), the officer's 审核签发 and the level
 * above's 退回重报, every signed edition (read and downloaded as it was signed), and the report as a PDF or a
 * workbook. Region, month and the edition read live in the URL.
 */
export const MonthlyReportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale = 'zh-CN'] = useLocaleState();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const [search, setSearch] = useSearchParams();
  const jurisdiction = useJurisdiction();
  const region = search.get('region') ?? jurisdiction?.code;
  const month = search.get('month') ?? lastMonth();
  const [reads, setReads] = useState(0);
  const [signing, setSigning] = useState(false);
  const [reopening, setReopening] = useState(false);
  const report = useStats<MonthlyReportRecord>(
    'regions',
    'monthlyReport',
    region ? { regionCode: region, month } : null,
    reads,
  );
  const shown = report.data?.regionCode === region && report.data?.month === month ? report.data : null;
  // An earlier edition, read as it was signed; without one, the report as it stands.
  const viewed = shown?.editions.find((e) => e.edition === Number(search.get('edition'))) ?? null;
  const sections = viewed?.sections ?? shown?.sections ?? [];
  const view = (edition: number | null) =>
    setSearch({ ...(region && { region }), month, ...(edition && { edition: String(edition) }) });
  const state = (s: ReportSummary) => MONTHLY_REPORT_STATE_LABELS[s.state][locale === 'en' ? 'en' : 'zh'];

  const command = async (
    name: 'signMonthlyReport' | 'reopenMonthlyReport',
    extra: Record<string, unknown> = {},
  ) => {
    await dataProvider.command('regions', name, {
      input: { regionCode: shown!.regionCode, month, expectedVersion: shown!.version, ...extra },
    });
    setReads((n) => n + 1);
    return true;
  };
  const download = async (format: 'pdf' | 'xlsx', edition: Edition | null = viewed) => {
    try {
      saveFile(
        await dataProvider.download('monthlyReport', {
          regionCode: region,
          month,
          format,
          ...(edition && { edition: edition.edition }),
        }),
      );
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 2, '@media print': { boxShadow: 'none', mt: 0 } }}>
      <Title title="app.reports.title" />
      <CardContent>
        <Stack spacing={3}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ displayPrint: 'none' }}>
            <TextField
              type="month"
              label={translate('app.reports.month')}
              value={month}
              size="small"
              onChange={(e) =>
                e.target.value && setSearch({ ...(region && { region }), month: e.target.value })
              }
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: chinaDay().slice(0, 7) } }}
            />
          </Stack>
          {report.isPending && <LinearProgress aria-label={translate('ra.page.loading')} />}
          {report.error && <Alert severity="error">{report.error.message}</Alert>}
          {shown && (
            <>
              <Stack spacing={1}>
                <Typography variant="h5" component="h1">
                  {regionName(shown.region)} · {formatMonth(month, locale)} · {translate('app.reports.title')}
                </Typography>
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                  <Chip
                    label={state(shown)}
                    color={shown.state === 'SIGNED' ? 'success' : shown.overdue ? 'error' : 'default'}
                  />
                  {shown.edition > 0 && (
                    <Chip
                      variant="outlined"
                      label={translate('app.reports.edition', { edition: shown.edition })}
                    />
                  )}
                  <Typography variant="body2">
                    {translate('app.reports.deadline')}：{formatDay(shown.deadline, locale)}
                    {shown.overdue && ` · ${translate('app.reports.overdue')}`}
                  </Typography>
                </Stack>
                <Typography variant="body2" color="text.secondary">
                  {shown.state === 'SIGNED' && shown.signedAt
                    ? translate('app.reports.signed_by', {
                        name: shown.signedByName,
                        at: formatDateTime(shown.signedAt, locale),
                      })
                    : translate('app.reports.live')}
                </Typography>
              </Stack>
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', displayPrint: 'none' }}>
                {shown.availableCommands.includes('SIGN') && (
                  <Button variant="contained" onClick={() => setSigning(true)}>
                    {translate('app.reports.sign')}
                  </Button>
                )}
                {shown.availableCommands.includes('REOPEN') && (
                  <Button variant="outlined" color="warning" onClick={() => setReopening(true)}>
                    {translate('app.reports.reopen')}
                  </Button>
                )}
                <Button onClick={() => download('pdf')}>{translate('app.reports.pdf')}</Button>
                <Button onClick={() => download('xlsx')}>{translate('app.reports.xlsx')}</Button>
              </Stack>
              {viewed && (
                <Alert
                  severity="info"
                  action={
                    <Button color="inherit" size="small" onClick={() => view(null)}>
                      {translate('app.reports.back_to_current')}
                    </Button>
                  }
                >
                  {translate('app.reports.viewing_edition', {
                    edition: viewed.edition,
                    name: viewed.signedByName,
                    at: formatDateTime(viewed.signedAt, locale),
                  })}
                </Alert>
              )}
              {sections.map((section) => (
                <section key={section.key} aria-labelledby={`section-${section.key}`}>
                  <Typography id={`section-${section.key}`} variant="subtitle1" component="h2" gutterBottom>
                    {locale === 'en' ? section.titleEn : section.title}
                  </Typography>
                  <Table size="small" aria-labelledby={`section-${section.key}`}>
                    <TableBody>
                      {section.figures.map((f) => (
                        <TableRow key={f.key}>
                          <TableCell component="th" scope="row">
                            {locale === 'en' ? f.labelEn : f.label}
                          </TableCell>
                          <TableCell align="right">
                            {f.value == null
                              ? '—'
                              : f.unit === 'RATE'
                                ? formatPercent(f.value)
                                : f.unit === 'DAYS'
                                  ? f.value.toFixed(1)
                                  : f.value.toLocaleString(locale)}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </section>
              ))}
              <section aria-labelledby="report-children">
                <Typography id="report-children" variant="subtitle1" component="h2" gutterBottom>
                  {translate('app.reports.children')}
                </Typography>
                {shown.children.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    {translate('app.reports.no_children')}
                  </Typography>
                ) : (
                  <Table size="small" aria-labelledby="report-children">
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('app.reports.region')}</TableCell>
                        <TableCell>{translate('app.reports.state')}</TableCell>
                        <TableCell>{translate('app.reports.deadline')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {shown.children.map((child) => (
                        <TableRow key={child.regionCode} data-state={child.state}>
                          <TableCell>
                            <Link component={RouterLink} to={reportLink(child.regionCode, month)}>
                              {regionName(child.region)}
                            </Link>
                          </TableCell>
                          <TableCell>
                            <Chip
                              size="small"
                              label={state(child)}
                              color={
                                child.state === 'SIGNED' ? 'success' : child.overdue ? 'error' : 'default'
                              }
                            />
                          </TableCell>
                          <TableCell>
                            {formatDay(child.deadline, locale)}
                            {child.overdue && ` · ${translate('app.reports.overdue')}`}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </section>
              {shown.editions.length > 0 && (
                <section aria-labelledby="report-editions">
                  <Typography id="report-editions" variant="subtitle1" component="h2" gutterBottom>
                    {translate('app.reports.editions')}
                  </Typography>
                  <Stack spacing={1}>
                    {shown.editions.map((e) => (
                      <Stack
                        key={e.edition}
                        direction={{ xs: 'column', sm: 'row' }}
                        spacing={1}
                        sx={{ alignItems: { sm: 'center' } }}
                        data-edition={e.edition}
                      >
                        <Typography variant="body2" sx={{ flexGrow: 1 }}>
                          {translate('app.reports.edition', { edition: e.edition })} ·{' '}
                          {translate('app.reports.signed_by', {
                            name: e.signedByName,
                            at: formatDateTime(e.signedAt, locale),
                          })}
                          {e.edition === shown.edition &&
                            shown.state === 'SIGNED' &&
                            ` · ${translate('app.reports.current_edition')}`}
                        </Typography>
                        <Stack direction="row" spacing={1} sx={{ displayPrint: 'none' }}>
                          <Button
                            size="small"
                            disabled={viewed?.edition === e.edition}
                            onClick={() => view(e.edition)}
                            aria-label={translate('app.reports.view_edition', { edition: e.edition })}
                          >
                            {translate('app.reports.open_child')}
                          </Button>
                          <Button
                            size="small"
                            onClick={() => download('pdf', e)}
                            aria-label={`${translate('app.reports.edition', { edition: e.edition })} PDF`}
                          >
                            PDF
                          </Button>
                          <Button
                            size="small"
                            onClick={() => download('xlsx', e)}
                            aria-label={`${translate('app.reports.edition', { edition: e.edition })} Excel`}
                          >
                            Excel
                          </Button>
                        </Stack>
                      </Stack>
                    ))}
                  </Stack>
                </section>
              )}
              {shown.timeline.length > 0 && (
                <section aria-labelledby="report-timeline">
                  <Typography id="report-timeline" variant="subtitle1" component="h2" gutterBottom>
                    {translate('app.reports.timeline')}
                  </Typography>
                  {shown.timeline.map((e, i) => (
                    <Typography key={i} variant="body2">
                      {formatDateTime(e.at, locale)} · {e.actorName} ·{' '}
                      {translate(e.command === 'SIGN' ? 'app.reports.sign' : 'app.reports.reopen')} ·{' '}
                      {translate('app.reports.edition', { edition: e.edition })}
                      {e.reason && ` · ${e.reason}`}
                    </Typography>
                  ))}
                </section>
              )}
            </>
          )}
        </Stack>
      </CardContent>
      <FormDialog
        open={signing}
        title={translate('app.reports.sign')}
        onClose={() => setSigning(false)}
        run={() => command('signMonthlyReport')}
        successMessage="app.reports.signed"
        confirmLabel="app.reports.sign"
      >
        <Typography>{translate('app.reports.sign_confirm')}</Typography>
      </FormDialog>
      <FormDialog
        open={reopening}
        title={translate('app.reports.reopen')}
        onClose={() => setReopening(false)}
        run={(values) => command('reopenMonthlyReport', { reason: values.reason })}
        successMessage="app.reports.reopened"
        confirmLabel="app.reports.reopen"
      >
        <TextInput source="reason" label="app.reports.reason" validate={required()} multiline fullWidth />
      </FormDialog>
    </Card>
  );
};
