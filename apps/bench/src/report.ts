import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Sample } from './measure';
import { SYSTEMS, type SystemKey } from './operations';
import type { OperationResult, PartResult } from './part';
import type { Plan } from './plans';

export interface RunInfo {
  date: string;
  machine: string;
  shared: string;
  commit: string;
  settings: string;
}

const COLUMNS: SystemKey[] = ['qiangji', 'postgraphile', 'postgraphile-norls', 'floor', 'floor-norls'];

function num(x: number | undefined, digits = 1): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(Math.abs(x) < 1 ? Math.max(digits, 2) : digits);
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !b ? undefined : a / b;
const times = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(2)}×`);

function row(cells: string[]) {
  return `| ${cells.join(' | ')} |`;
}

/** A Markdown table: the first `left` columns are text, the others figures (right-aligned). */
function table(head: string[], body: string[][], left = 1): string {
  const align = head.map((_, i) => (i < left ? '---' : '---:'));
  return [row(head), row(align), ...body.map(row)].join('\n');
}

const PEER_COLUMNS = [...COLUMNS.map((s) => SYSTEMS[s].label), 'Qiangji ÷ PostGraphile', 'Qiangji ÷ floor'];

function medians(r: OperationResult): Partial<Record<SystemKey, Sample>> {
  return Object.fromEntries(Object.entries(r.systems).map(([k, v]) => [k, v!.median]));
}

/**
 * Throughput per system and Qiangji's ratios to its peers under the same row-level security; for the write, at a
 * fixed rate, the p99 latency instead (and the ratios are the peer's p99 ÷ Qiangji's, so that above 1 is better too).
 */
function summary(results: OperationResult[]): string {
  const body: string[][] = [];
  for (const r of results) {
    const m = medians(r);
    const fixed = Boolean(r.op.rate);
    const value = (s: Sample | undefined) => (fixed ? s?.p99 : s?.reqPerSec);
    const cell = (k: SystemKey) => {
      const v = value(m[k]);
      if (v === undefined) return '—';
      const text = fixed ? `p99 ${num(v)} ms` : num(v);
      return k === 'qiangji' && m['qiangji-anonymous']
        ? `${text} (anonymous ${num(m['qiangji-anonymous'].reqPerSec)})`
        : text;
    };
    const q = value(m.qiangji);
    const [toPeer, toFloor, rls] = fixed
      ? [ratio(value(m.postgraphile), q), ratio(value(m.floor), q), undefined]
      : [
          ratio(q, value(m.postgraphile)),
          ratio(q, value(m.floor)),
          ratio(value(m.floor), value(m['floor-norls'])),
        ];
    body.push([r.op.title, ...COLUMNS.map(cell), times(toPeer), times(toFloor), times(rls)]);
  }
  return table(['operation', ...PEER_COLUMNS, 'floor RLS ÷ no RLS'], body);
}

function details(results: OperationResult[]): string {
  const body = results.flatMap((r) =>
    (Object.entries(r.systems) as [SystemKey, { median: Sample }][]).map(([system, { median: s }]) => [
      r.op.key,
      SYSTEMS[system].label,
      num(s.reqPerSec),
      num(s.p50),
      num(s.p99),
      num(s.serverCpuMs, 2),
      num(s.postgresCpuMs, 2),
      num(s.statements),
      num(s.transactionStatements),
      num(s.principalStatements, 3),
    ]),
  );
  const head = [
    'operation',
    'system',
    'req/s',
    'p50 ms',
    'p99 ms',
    'server CPU ms/req',
    'PostgreSQL CPU ms/req',
  ];
  return table(
    [...head, 'SQL statements/req', 'BEGIN, scope, versions, COMMIT/req', 'principal reads/req'],
    body,
    2,
  );
}

function atScale(base: PartResult, scaled: PartResult): string {
  const cost = (s: Sample | undefined) => (s ? s.serverCpuMs + s.postgresCpuMs : undefined);
  const body = scaled.operations.map((r) => {
    const m = medians(r);
    const b = base.operations.find((o) => o.op.key === r.op.key);
    const q1 = b && medians(b).qiangji;
    return [
      r.op.title,
      ...COLUMNS.map((k) => num(m[k]?.reqPerSec)),
      times(ratio(m.qiangji?.reqPerSec, m.postgraphile?.reqPerSec)),
      times(ratio(m.qiangji?.reqPerSec, m.floor?.reqPerSec)),
      times(ratio(q1?.reqPerSec, m.qiangji?.reqPerSec)),
      times(ratio(cost(m.qiangji), cost(q1))),
    ];
  });
  return table(
    [
      'operation',
      ...PEER_COLUMNS,
      `Qiangji ×1 ÷ ×${scaled.scale} (req/s)`,
      `Qiangji CPU ms/req ×${scaled.scale} ÷ ×1 (server + PostgreSQL)`,
    ],
    body,
  );
}

interface Target {
  name: string;
  value: number | undefined;
  bound: number;
  atMost?: boolean;
  unit?: string;
}

/** Issue 9's "Done when", checked against this run's figures. */
function targets(base: PartResult, scaled: PartResult | null): string {
  const get = (part: PartResult | null, key: string) => {
    const r = part?.operations.find((o) => o.op.key === key);
    return r ? medians(r) : undefined;
  };
  const share = (key: string, a: SystemKey, b: SystemKey, part = base) =>
    ratio(get(part, key)?.[a]?.reqPerSec, get(part, key)?.[b]?.reqPerSec);
  const list: Target[] = [
    ...['case-by-id', 'cases-page-1', 'cases-page-21', 'districts'].flatMap((key) => [
      {
        name: `${key}: Qiangji ≥ 1.0× PostGraphile (RLS)`,
        value: share(key, 'qiangji', 'postgraphile'),
        bound: 1,
      },
      { name: `${key}: Qiangji ≥ 0.5× floor (RLS)`, value: share(key, 'qiangji', 'floor'), bound: 0.5 },
    ]),
    ...['cases-page-1', 'cases-page-21'].map((key) => ({
      name: `${key}: floor without RLS ≤ 1.3× floor with RLS`,
      value: share(key, 'floor-norls', 'floor'),
      bound: 1.3,
      atMost: true,
    })),
    {
      name: '`{ __typename }` signed in: Qiangji ≥ 0.5× PostGraphile',
      value: share('typename', 'qiangji', 'postgraphile'),
      bound: 0.5,
    },
    ...['stats-city', 'stats-township'].map((key) => ({
      name: `${key}: Qiangji ≥ 0.5× floor (RLS)`,
      value: share(key, 'qiangji', 'floor'),
      bound: 0.5,
    })),
    ...(['community', 'village'] as const).map((smallest) => ({
      name: `command view (issue 13): the city within 2× of one ${smallest} (${smallest} req/s ÷ city req/s)`,
      value: ratio(
        get(base, `command-${smallest}`)?.qiangji?.reqPerSec,
        get(base, 'command-city')?.qiangji?.reqPerSec,
      ),
      bound: 2,
      atMost: true,
    })),
    {
      name: 'Qiangji: at most 3 SQL statements per request besides BEGIN, scope (with the reference versions), COMMIT (the most of any operation)',
      value: Math.max(...base.operations.map((r) => r.systems.qiangji?.median.statements ?? 0)),
      bound: 3,
      atMost: true,
      unit: '',
    },
    ...(
      [
        ['case-by-id', 1.2],
        ['cases-page-1', 1.5],
        ['cases-page-21', 1.5],
        ['command-city', 2],
        ['command-community', 2],
        ['command-village', 2],
      ] as const
    )
      .filter(() => scaled)
      .map(([key, bound]) => ({
        name: `${key} at ×${scaled!.scale}: Qiangji's req/s within ${bound}× of ×1`,
        value: ratio(get(base, key)?.qiangji?.reqPerSec, get(scaled, key)?.qiangji?.reqPerSec),
        bound,
        atMost: true,
      })),
  ];
  const met = (t: Target) => (t.atMost ? t.value! <= t.bound : t.value! >= t.bound);
  return table(
    ['target', 'this run', 'met'],
    list.map((t) =>
      t.value === undefined
        ? [t.name, '—', '—']
        : [t.name, `${t.value.toFixed(2)}${t.unit ?? '×'}`, met(t) ? 'yes' : 'no'],
    ),
  );
}

function dataLine(part: PartResult): string {
  const d = part.data;
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `${n(d.regions)} regions (the official list's ${n(d.officialDivisions)} units, four grid units under every community ` +
    `and village, the demo tree), ${n(d.households)} households (${n(d.residents)} residents), ${n(d.organizations)} ` +
    `mediation organisations, ${n(d.mediators)} mediators, ${n(d.cases)} dispute cases (${n(d.parties)} parties, ` +
    `${n(d.events)} timeline rows), ${n(d.visits)} household visits, ${n(d.applications)} service applications, ` +
    `${n(d.gridEvents)} grid events`
  );
}

export function planFile(plan: Plan) {
  return `${plan.op.key}-x${plan.scale}.txt`;
}

export function section(info: RunInfo, parts: PartResult[]): string {
  const [base, scaled = null] = parts;
  const out = [
    `<!-- bench:run ${info.date} -->`,
    `## ${info.date}: Qiangji, PostGraphile 4 and the floor`,
    '',
    `Machine: ${info.machine}. ${info.commit}`,
    '',
    info.shared,
    '',
    `Data: ${dataLine(base)}.${scaled ? ` At ×${scaled.scale} (every area's facts repeated): ${dataLine(scaled)}.` : ''}`,
    '',
    info.settings,
    '',
    '### Requests per second, and the ratios',
    '',
    summary(base.operations),
    '',
    'The write runs at a fixed rate: its cells are the p99 latency, and its ratios the peer’s p99 ÷ Qiangji’s. The',
    'export’s requests are pages of 200 cases. `{ __typename }` has no floor; PostGraphile answers it in a transaction',
    'with its settings.',
    '',
    '### Per request',
    '',
    details(base.operations),
    '',
  ];
  if (scaled)
    out.push(`### ×${scaled.scale} the facts`, '', atScale(base, scaled), '', details(scaled.operations), '');
  out.push('### The targets of issue 9', '', targets(base, scaled), '');
  const plans = parts.flatMap((p) => p.plans);
  if (plans.length)
    out.push(
      `Plans of every statement of one request, Qiangji's beside PostGraphile's and the floor's (EXPLAIN ANALYZE, ` +
        `BUFFERS, by auto_explain): ` +
        plans.map((p) => `[${planFile(p)}](bench-plans/${planFile(p)})`).join(', ') +
        '.',
      '',
    );
  out.push('<!-- /bench:run -->');
  return out.join('\n');
}

/**
 * Puts the section into docs/benchmarks.md: in place of the same day's section, or as the newest one, above the
 * earlier runs and the history.
 */
export async function writeDocs(docsDir: string, info: RunInfo, text: string, plans: Plan[]) {
  const file = path.join(docsDir, 'benchmarks.md');
  const doc = await readFile(file, 'utf8');
  const same = new RegExp(`<!-- bench:run ${info.date} -->[\\s\\S]*?<!-- /bench:run -->`);
  let next: string;
  if (same.test(doc)) next = doc.replace(same, () => text);
  else {
    const at = doc.search(/<!-- bench:run |^## History/m);
    next = at < 0 ? `${doc.trimEnd()}\n\n${text}\n` : `${doc.slice(0, at)}${text}\n\n${doc.slice(at)}`;
  }
  await writeFile(file, next);
  // In the repository's style (`npm run format`), so that formatting the docs later changes nothing.
  await promisify(execFile)(process.execPath, [
    require.resolve('prettier/bin/prettier.cjs'),
    '--write',
    file,
  ]);
  const dir = path.join(docsDir, 'bench-plans');
  await mkdir(dir, { recursive: true });
  for (const plan of plans) await writeFile(path.join(dir, planFile(plan)), planText(info, plan));
}

function planText(info: RunInfo, plan: Plan): string {
  const head = [
    `${plan.op.title} (×${plan.scale} the facts)`,
    `npm run bench, ${info.date}. ${info.commit}`,
    'Every statement of one request, in order, as auto_explain logged it (ANALYZE, BUFFERS, TIMING), for Qiangji',
    'and, to compare, PostGraphile and the floor (both with RLS). Statements without a plan (BEGIN, COMMIT) are',
    'not listed.',
  ];
  const body = plan.systems.flatMap(({ system, statements }) => [
    '',
    `=== ${SYSTEMS[system].label}: ${statements.length} statement(s) ===`,
    ...statements.map(
      (s, i) => `\n--- statement ${i + 1} (${s.durationMs} ms) ---\n${s.text.replace(/[ \t]+$/gm, '')}`,
    ),
  ]);
  return `${[...head, ...body].join('\n')}\n`;
}
