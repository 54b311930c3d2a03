import type { Bench } from './part';
import { requestFor, send } from './client';
import { canonical, SYSTEMS, type Data, type Operation, type SystemKey } from './operations';

/** One request of an operation to a system, as the measurement sends it; `after` for a chained page. */
export function ask(bench: Bench, op: Operation, system: SystemKey, after: string | null = null) {
  const server = bench.servers.get(SYSTEMS[system].server)!;
  return send(server.base, requestFor(op, system, bench.fixtures, bench.credentials, after));
}

/** The `after` of a page `pages` deep, in the system's own cursors. */
export async function cursorAfter(bench: Bench, op: Operation, system: SystemKey, pages: number) {
  const { page21After } = bench.fixtures;
  page21After[system] = undefined;
  for (let i = 0; i < pages; i++) {
    const data = await ask(bench, op, system);
    page21After[system] = (Object.values(data)[0] as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
  }
  return page21After[system]!;
}

/** The answer of one system in comparable form; a chained operation is paged through (`maxPages` at most). */
async function answer(bench: Bench, op: Operation, system: SystemKey, maxPages: number): Promise<unknown> {
  const normalise = op.normalise?.[SYSTEMS[system].api] ?? ((d: Data) => d);
  if (!op.pages) return canonical(normalise(await ask(bench, op, system)));
  const edges: unknown[] = [];
  for (let after: string | null = null, n = 0; (n === 0 || after) && n < maxPages; n++) {
    const page = op.pages(await ask(bench, op, system, after));
    edges.push(...page.edges);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  }
  return canonical({ rows: edges.length, edges });
}

/** Every system must give the same answer as the first (Qiangji) before any is measured. */
export async function checkSameAnswers(bench: Bench, op: Operation, maxPages = Infinity) {
  const [first, ...others] = op.systems;
  const expected = await answer(bench, op, first, maxPages);
  for (const system of others) {
    const actual = await answer(bench, op, system, maxPages);
    const where = firstDifference(expected, actual, '');
    if (where !== null)
      throw new Error(
        `${op.key}: ${system} does not answer as ${first} at ${where || 'the top'}:\n` +
          `${first}: ${JSON.stringify(expected).slice(0, 1500)}\n${system}: ${JSON.stringify(actual).slice(0, 1500)}`,
      );
  }
  if (op.rate) await bench.write!.check();
}

function firstDifference(a: unknown, b: unknown, at: string): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return at;
  if (Array.isArray(a) !== Array.isArray(b)) return at;
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return `${at}.length`;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference((a as Data)[k], (b as Data)[k], `${at}.${k}`);
    if (d !== null) return d;
  }
  return null;
}
