import type { Client } from 'pg';
import type { Cluster } from './cluster';
import type { Operation, SystemKey } from './operations';

/** The plans of every statement of one request per system, as auto_explain logged them. */
export interface Plan {
  op: Operation;
  scale: number;
  systems: { system: SystemKey; statements: PlannedStatement[] }[];
}

interface PlannedStatement {
  durationMs: number;
  text: string;
}

const EXPLAIN = {
  'auto_explain.log_min_duration': '0',
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
  'auto_explain.log_timing': 'on',
  'auto_explain.log_format': 'text',
};

const ENTRY = /^.*?LOG:\s+duration: ([\d.]+) ms\s+plan:\s*$/;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of what one request runs, per system: auto_explain is switched on for the whole
 * server, one request is sent, and the plans are read back from the server's log. The monitor's own statements
 * are left out.
 */
export async function capturePlans(
  cluster: Cluster,
  monitor: Client,
  op: Operation,
  scale: number,
  requests: [SystemKey, () => Promise<unknown>][],
): Promise<Plan> {
  const configure = async (on: boolean) => {
    for (const [name, value] of Object.entries(EXPLAIN))
      await monitor.query(on ? `ALTER SYSTEM SET ${name} = '${value}'` : `ALTER SYSTEM RESET ${name}`);
    await monitor.query('SELECT pg_reload_conf()');
    // Backends read the new settings before their next statement; give the signal time to arrive.
    await new Promise((r) => setTimeout(r, 150));
  };
  await configure(true);
  const systems: Plan['systems'] = [];
  try {
    for (const [system, request] of requests) {
      const stop = cluster.tapLog();
      try {
        await request();
        await new Promise((r) => setTimeout(r, 150));
      } finally {
        systems.push({ system, statements: parse(stop()) });
      }
    }
  } finally {
    await configure(false);
  }
  return { op, scale, systems };
}

function parse(log: string): PlannedStatement[] {
  const statements: PlannedStatement[] = [];
  let current: { durationMs: number; lines: string[] } | null = null;
  const flush = () => {
    if (current && !current.lines.some((l) => /pg_reload_conf|pg_stat_statements/.test(l)))
      statements.push({ durationMs: current.durationMs, text: current.lines.join('\n').trimEnd() });
  };
  for (const line of log.split('\n')) {
    const entry = ENTRY.exec(line);
    if (entry) {
      flush();
      current = { durationMs: Number(entry[1]), lines: [] };
    } else if (/^\S.*\b(LOG|WARNING|ERROR|FATAL|DETAIL|STATEMENT):/.test(line)) {
      flush();
      current = null;
    } else current?.lines.push(line.replace(/^\t/, ''));
  }
  flush();
  return statements;
}
