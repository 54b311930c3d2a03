import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SHARED_DATA_DIR, TEST_SECRETS_ENV } from '../../test/test-env';
import { startTestApp, type TestApp } from '../../test/test-app';
import { importBoundaries, importDivisions } from './region-import';

const DIVISIONS = path.join(SHARED_DATA_DIR, 'harbin-divisions.csv');
const BOUNDARIES = path.join(SHARED_DATA_DIR, 'harbin-districts.geojson');
const CLI = path.resolve(__dirname, '../../../dist/cli/db.js');

describe('importing the official Harbin divisions and boundaries', () => {
  let app: TestApp;
  const csv = readFileSync(DIVISIONS, 'utf8');
  const ctx = () => app.context();
  const tierCounts = async () =>
    Object.fromEntries(
      (
        await app.db.query(`SELECT length(code) AS len, count(*)::int AS n FROM region GROUP BY 1 ORDER BY 1`)
      ).map((r: { len: number; n: number }) => [r.len, r.n]),
    );

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('when the CSV is imported with the CLI, then the tree holds 18 districts, 330 streets and 3,179 communities and villages', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'import', 'divisions', DIVISIONS], {
      env: { ...process.env, ...TEST_SECRETS_ENV, ...app.databaseEnv, LOG_LEVEL: 'warn' },
    });
    expect(stdout).toMatch(/"inserted":3528,"updated":0,"unchanged":0/);
    expect(await tierCounts()).toEqual({ 6: 1 + 18, 9: 330, 12: 3179 });
    const [shanghong] = await app.db.query(
      `SELECT r.name, r.level, p.name AS parent FROM region r JOIN region p ON p.code = r.parent_code WHERE r.code = '230102010003'`,
    );
    expect(shanghong).toEqual({ name: '上红社区居委会', level: 'COMMUNITY', parent: '通江街道' });
  });

  it('when the same file is imported again, then nothing changes', async () => {
    const before = await app.db.query(`SELECT max(updated_at) AS t FROM region`);
    expect(await importDivisions(ctx(), csv)).toEqual({ inserted: 0, updated: 0, unchanged: 3528 });
    expect(await app.db.query(`SELECT max(updated_at) AS t FROM region`)).toEqual(before);
  });

  it('when a re-import renames a unit and adds one, then only those two rows change', async () => {
    const changed = csv
      .replace('230102010003,上红社区居委会,', '230102010003,上红社区,')
      .concat('230102010999,新建社区居委会,community_or_village,230102010,111\n');
    expect(await importDivisions(ctx(), changed)).toEqual({ inserted: 1, updated: 1, unchanged: 3527 });
    await importDivisions(ctx(), csv);
    const [row] = await app.db.query(`SELECT name FROM region WHERE code = '230102010003'`);
    expect(row.name).toBe('上红社区居委会');
  });

  it('when one row deep in the file is broken, then nothing is imported and the error names its line', async () => {
    const lines = csv.split('\n');
    lines[2999] = lines[2999].replace(/^(\d+),/, '23010X,');
    lines[10] = lines[10].replace(/,[^,]*,([^,]*),([^,]*)$/, ',street,$1,$2');
    const before = await app.db.query(`SELECT count(*)::int AS n, max(updated_at) AS t FROM region`);
    const renamed = lines.join('\n').replace('230102010003,上红社区居委会,', '230102010003,改名社区,');
    await expect(importDivisions(ctx(), renamed)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(
        /2 bad rows[\s\S]*line 11: code \d+ does not have the length of a street[\s\S]*line 3000: code "23010X/,
      ),
    });
    expect(await app.db.query(`SELECT count(*)::int AS n, max(updated_at) AS t FROM region`)).toEqual(before);
  });

  it('when a row names a parent that exists nowhere, then nothing is imported', async () => {
    const orphan =
      'code,name,level,parent_code,urban_rural_code\n230188,新区,district,230100,\n230177001,孤儿街道,street,230177,\n';
    await expect(importDivisions(ctx(), orphan)).rejects.toMatchObject({
      message: expect.stringContaining(
        'code 230177001: parent 230177 is neither in the file nor in the database',
      ),
    });
    expect(await app.db.query(`SELECT code FROM region WHERE code = '230188'`)).toEqual([]);
  });

  it('when the district boundaries are imported, then each district gets a WGS-84 polygon and centroid', async () => {
    const geojson = readFileSync(BOUNDARIES, 'utf8');
    expect(await importBoundaries(ctx(), geojson)).toEqual({ updated: 18, unchanged: 0 });
    const [daoli] = await app.db.query(
      `SELECT centroid_lat AS lat, centroid_lng AS lng, boundary->>'type' AS type FROM region WHERE code = '230102'`,
    );
    expect(daoli.type).toBe('MultiPolygon');
    // DataV's GCJ-02 centroid of 道里区 is (126.373308, 45.668655); WGS-84 lies a few hundred metres south-west.
    expect(daoli.lng).toBeGreaterThan(126.36);
    expect(daoli.lng).toBeLessThan(126.373308);
    expect(daoli.lat).toBeGreaterThan(45.66);
    expect(daoli.lat).toBeLessThan(45.668655);
    expect(await importBoundaries(ctx(), geojson)).toEqual({ updated: 0, unchanged: 18 });
  });

  it('when a boundary file has a feature for an unknown code, then no boundary is written', async () => {
    const square = [
      [
        [127, 45],
        [127.1, 45],
        [127.1, 45.1],
        [127, 45],
      ],
    ];
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '230103' },
          geometry: { type: 'Polygon', coordinates: square },
        },
        {
          type: 'Feature',
          properties: { code: '230177' },
          geometry: { type: 'Polygon', coordinates: square },
        },
      ],
    });
    const before = await app.db.query(`SELECT boundary FROM region WHERE code = '230103'`);
    await expect(importBoundaries(ctx(), file)).rejects.toMatchObject({
      message: expect.stringContaining('code 230177: no region has this code'),
    });
    expect(await app.db.query(`SELECT boundary FROM region WHERE code = '230103'`)).toEqual(before);
  });

  it('when the CLI is given a broken file, then it exits non-zero and prints the bad line', async () => {
    const run = promisify(execFile)(process.execPath, [CLI, 'import', 'boundaries', DIVISIONS], {
      env: { ...process.env, ...TEST_SECRETS_ENV, ...app.databaseEnv, LOG_LEVEL: 'warn' },
    });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('not valid JSON') });
  });
});
