import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * `npm run bench` at its CI size (apps/bench, `--tiny`): the built API, PostGraphile and the floor on one
 * embedded PostgreSQL with the bench data, every operation checked for the same answer on every system, then
 * measured for a few requests, and the operations measured at size at twice every area's facts in a second database, in the
 * same rounds. Proves the harness still runs against the code as it is; the figures mean nothing.
 */
const BENCH = path.resolve(__dirname, '../../../bench/bin/bench.mjs');

type Sample = { requests: number; errors: number; statements: number; transactionStatements: number };
type Result = { op: { key: string; systems: string[] }; systems: Record<string, { median: Sample }> };

describe('npm run bench', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'qiangji-bench-test-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('when run at its tiny size and twice it, then every system answers every operation alike at both sizes and is measured', async () => {
    const json = path.join(dir, 'bench.json');
    const args = [BENCH, '--tiny', '--scale', '2', '--json', json];
    const { stdout } = await promisify(execFile)(process.execPath, args, {
      maxBuffer: 1 << 24,
    });
    const { parts } = JSON.parse(await readFile(json, 'utf8')) as {
      parts: {
        data: Record<string, number>;
        operations: Result[];
        plans: { op: { key: string }; systems: { statements: unknown[] }[] }[];
      }[];
    };
    expect(parts).toHaveLength(2);
    const [base, twice] = parts;
    // Every area's facts twice over, not the dispute cases alone: the command views read all of them.
    for (const facts of ['cases', 'parties', 'events', 'visits', 'applications', 'gridEvents']) {
      expect(base.data[facts]).toBeGreaterThan(0);
      expect(twice.data[facts]).toBe(2 * base.data[facts]);
    }
    expect(base.operations.map((r) => r.op.key)).toEqual([
      'case-by-id',
      'cases-page-1',
      'cases-page-21',
      'districts',
      'stats-city',
      'stats-township',
      'grid-queue',
      'security-city',
      'command-city',
      'command-community',
      'command-village',
      'typename',
      'accept',
      'nearby',
      'service-queue',
      'export',
      'household-timeline',
      'cadre-stats-city',
      'monthly-report-city',
    ]);
    expect(twice.operations.map((r) => r.op.key)).toEqual([
      'case-by-id',
      'cases-page-1',
      'cases-page-21',
      'command-city',
      'command-community',
      'command-village',
    ]);
    for (const r of parts.flatMap((p) => p.operations)) {
      expect(Object.keys(r.systems).sort()).toEqual([...r.op.systems].sort());
      for (const sample of Object.values(r.systems).map((s) => s.median)) {
        expect(sample.requests).toBeGreaterThan(0);
        expect(sample.errors).toBe(0);
      }
      // The floor's one statement in BEGIN, the scope and COMMIT: what the statement counts are checked against.
      for (const floor of ['floor', 'floor-norls'].filter((s) => r.systems[s]))
        expect(r.systems[floor].median).toMatchObject({ statements: 1, transactionStatements: 3 });
    }
    for (const { plans } of parts) {
      expect(plans.map((p) => p.op.key)).toEqual(['case-by-id', 'cases-page-1', 'cases-page-21']);
      for (const { systems } of plans)
        for (const { statements } of systems) expect(statements.length).toBeGreaterThan(0);
    }
    expect(stdout).toContain('### ×2 the facts');
    expect(stdout).toContain('### Requests per second, and the ratios');
  }, 300_000);
});
