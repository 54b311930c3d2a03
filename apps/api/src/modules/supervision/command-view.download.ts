import { rankByKpi } from '@qiangji/domain';
import { z } from 'zod';
import { AppError } from '../../common/app-error';
import { inScope, requirePrincipal } from '../../common/authz';
import {
  attachment,
  chinaDateTime,
  EXPORT_CONTENT_TYPES,
  sheetWriter,
  type Cell,
  type Label,
} from '../../common/export';
import { downloadBody, type Download } from '../../common/module';
import type { CommandViewResult } from './command-view.service';

const Body = z.strictObject({
  /** The region whose children are ranked; the caller's jurisdiction without one. */
  regionCode: z.string().nullish(),
  from: z.string(),
  to: z.string(),
  /** The tile the rows are ranked by; the first tile without one, as the dashboard's table. */
  kpi: z.string().nullish(),
  format: z.enum(['csv', 'xlsx']),
  language: z.enum(['zh', 'en']).default('zh'),
});

const TITLE: Label = { zh: '下级区域排名', en: 'Child regions ranked' };
const FIXED: Label[] = [
  { zh: '排名', en: 'Rank' },
  { zh: '区域', en: 'Region' },
  { zh: '区划代码', en: 'Division code' },
];

type Tile = CommandViewResult['tiles'][number];
type Child = CommandViewResult['children'][number];

/** A rate as percent with one decimal (95.7), as the tiles show it; a count as it is. */
const cell = (tile: Tile, value: number | null): Cell =>
  value === null ? null : tile.unit === 'PERCENT' ? Math.round(value * 1000) / 10 : value;

const header = (tile: Tile, language: 'zh' | 'en') =>
  `${tile.label[language]}${tile.unit === 'PERCENT' ? (language === 'zh' ? '（%）' : ' (%)') : ''}`;

/**
 * `POST /downloads/commandViewRanking`: the command view's table of child regions as CSV or XLSX, ranked by the
 * chosen KPI with the domain's order (the dashboard's), every tile's figure in a column of its own, and audited as
 * the lists' exports are. The rows are the figures of the child regions, never personal data.
 */
export const commandViewRankingDownload: Download = async (ctx, body, res) => {
  const { regionCode, from, to, kpi, format, language } = downloadBody(Body, body);
  const view = await ctx.services.commandView.view(ctx, regionCode, from, to);
  const tile = kpi ? view.tiles.find((t) => t.key === kpi) : view.tiles[0];
  if (!tile) throw AppError.badInput(kpi ? `There is no tile ${kpi} for you.` : 'You have no tiles.', 'kpi');
  const valueOf = (c: Child, key: string) => c.figures.find((f) => f.key === key)?.value ?? null;
  const rows = rankByKpi(view.children, (c) => valueOf(c, tile.key), tile.higherIsBetter);
  const principal = requirePrincipal(ctx);
  const [region] = await ctx.services.region.qualifiedNamesOf(ctx, [view.regionCode]);
  await inScope(ctx, (m) =>
    ctx.services.audit.record(ctx, m, {
      action: 'commandView.export',
      entityType: 'CommandView',
      changes: { format, rows: rows.length, regionCode: view.regionCode, from, to, kpi: tile.key },
      purpose: null,
      regionPath: view.scope.path,
    }),
  );
  // The audit row is committed before the first byte leaves.
  if (ctx.transaction && !(await ctx.transaction.end()))
    throw new AppError('INTERNAL', 'Internal server error.');

  const title = `${TITLE[language]}-${region ?? view.regionCode}-${from}-${to}`;
  res.status(200).set({
    'Content-Type': EXPORT_CONTENT_TYPES[format],
    'Content-Disposition': attachment(`${title}.${format}`),
    'Cache-Control': 'no-store',
  });
  const writer = sheetWriter(
    format,
    res,
    { title, by: principal.displayName, at: chinaDateTime(new Date())!, purpose: null },
    [6, 24, 14, ...view.tiles.map(() => 14)],
  );
  writer.row([...FIXED.map((l) => l[language]), ...view.tiles.map((t) => header(t, language))]);
  rows.forEach((c, i) =>
    writer.row([
      valueOf(c, tile.key) === null ? null : i + 1,
      c.name,
      c.regionCode,
      ...view.tiles.map((t) => cell(t, valueOf(c, t.key))),
    ]),
  );
  await writer.end();
};
