import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serializeError } from '../logger';
import { regionTree } from '../test/factories';
import { LOG_DIR_ENV, scanLogs } from '../test/log-capture';
import { mediator, organization } from '../test/mediation';
import { fakeIdNumber, fakeMobile } from '../test/people';
import { findPersonalData } from '../test/personal-data-guard';
import { startTestApp, type TestApp } from '../test/test-app';

describe('errors in the server log carry no personal data (case 40)', () => {
  let app: TestApp;
  let dir: string;
  let community: string;
  let street: string;

  beforeAll(async () => {
    // This file's server logs to a folder of its own, read below; the run's folder gets the rest.
    const runDir = process.env[LOG_DIR_ENV];
    dir = await mkdtemp(path.join(os.tmpdir(), 'qiangji-log-redaction-'));
    process.env[LOG_DIR_ENV] = dir;
    try {
      app = await startTestApp();
    } finally {
      process.env[LOG_DIR_ENV] = runDir;
    }
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    street = tree.rows.find((r) => r.level === 'STREET')!.code;
    community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    await mediator(app.db, community, [await organization(app.db, community)]);
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when PostgreSQL refuses a case whose text holds an ID number and phones, then the client gets INTERNAL and the log line keeps the code but no SQL, parameters or row', async () => {
    const idNumber = fakeIdNumber();
    const phone = fakeMobile();
    // A trigger that fails the way constraint violations do, quoting the row back in its detail.
    await app.db.query(`
      CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION USING MESSAGE = 'case refused by a test trigger', DETAIL = NEW.description,
        HINT = NEW.title, ERRCODE = 'P0001'; END $$`);
    await app.db.query(
      `CREATE TRIGGER refuse_case BEFORE INSERT ON dispute_case FOR EACH ROW EXECUTE FUNCTION refuse_case()`,
    );
    const officer = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: street });
    const res = await officer
      .gql(`mutation($input: RegisterDisputeCaseInput!) { registerDisputeCase(input: $input) { id } }`, {
        input: {
          channel: 'WALK_IN',
          type: 'NEIGHBOURHOOD',
          title: `张某 ${phone}`,
          description: `申请人张某，身份证 ${idNumber}，电话 ${phone}。`,
          regionCode: community,
          parties: [{ role: 'APPLICANT', name: '张某', contact: phone }],
          peopleInvolved: 1,
          householdsInvolved: 1,
        },
      })
      .finally(() => app.db.query(`DROP TRIGGER refuse_case ON dispute_case; DROP FUNCTION refuse_case()`));
    expect(res.errors![0].extensions.code).toBe('INTERNAL');

    await app.close();
    const text = (
      await Promise.all((await readdir(dir)).map((f) => readFile(path.join(dir, f), 'utf8')))
    ).join('');
    const line = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'unexpected error');
    expect(line.err).toMatchObject({
      type: 'QueryFailedError',
      code: 'P0001',
      message: 'case refused by a test trigger',
    });
    expect(line.err.stack).toMatch(/^QueryFailedError: case refused by a test trigger\n\s+at /);
    for (const key of ['query', 'parameters', 'detail', 'hint', 'where', 'driverError'])
      expect(JSON.stringify(line)).not.toContain(`"${key}"`);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(phone);
    expect(findPersonalData(text)).toEqual([]);
    // Still usable: the request id ties the line to the client's answer.
    expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    app = undefined as unknown as TestApp;
  });
});

describe('the error serializer', () => {
  it('when pg refuses a value, then the message is cut before the value and the codes stay', () => {
    const idNumber = fakeIdNumber();
    const error = Object.assign(new Error(`invalid input syntax for type uuid: "${idNumber}"`), {
      code: '22P02',
      routine: 'string_to_uuid',
      detail: `Key (id)=(${idNumber})`,
      query: `SELECT * FROM resident WHERE id = $1`,
      parameters: [idNumber],
    });
    const out = serializeError(error);
    expect(out).toMatchObject({ type: 'Error', code: '22P02', routine: 'string_to_uuid' });
    expect(JSON.stringify(out)).not.toContain(idNumber);
    expect(JSON.stringify(out)).not.toMatch(/detail|parameters|SELECT/);
  });

  it('when a connection fails, then the address and the errors inside stay', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      address: '127.0.0.1',
      port: 5432,
    });
    const out = serializeError(new AggregateError([refused], 'all addresses refused')) as {
      errors: object[];
    };
    expect(out.errors[0]).toMatchObject({ code: 'ECONNREFUSED', address: '127.0.0.1', port: 5432 });
  });
});

describe('the log scan of the whole run (case 40)', () => {
  it('when a log holds an ID number or a phone, then the scan finds it, and not a timestamp or a duration', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qiangji-scan-'));
    try {
      await writeFile(
        path.join(dir, 'a.log'),
        [
          JSON.stringify({ time: 1764312345678, durationMs: 13.912345678, msg: 'request' }),
          JSON.stringify({ msg: `x ${fakeIdNumber()}` }),
          JSON.stringify({ msg: `y ${fakeMobile()}` }),
        ].join('\n'),
      );
      const scan = await scanLogs(dir);
      expect(scan.leaks).toEqual([
        { file: 'a.log', line: 2, kind: 'ID number' },
        { file: 'a.log', line: 3, kind: 'phone' },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
