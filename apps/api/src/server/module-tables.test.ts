import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODULES } from './modules';

/**
 * Modules talk only through each other's services: a module's SQL names its own tables (`defineModule({ tables })`)
 * and no other module's. Rollup triggers and migrations are the database's, not a module's, and are not read here;
 * nor are tests, which look at the database as a whole.
 */
const SRC = join(__dirname, '..');
const MODULES_DIR = join(SRC, 'modules');
const MIGRATIONS_DIR = join(SRC, 'database', 'migrations');

/** Tables of the platform itself, owned by no module (`server/rate-limit.ts`, the reference cache, TypeORM). */
const INFRASTRUCTURE = ['migrations', 'reference_version', 'rate_limit_bucket'];

const owner = new Map<string, string>();
for (const module of MODULES) for (const table of module.tables ?? []) owner.set(table, module.name);

const relative = (file: string) => file.slice(MODULES_DIR.length + 1);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The code without its comments, which may well say "the rows FROM region" in prose. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/**
 * Table names where SQL names a table: after FROM, JOIN, INTO, UPDATE, TABLE, a `ListQuery`'s `from: '…'`, and the
 * seed kit's tables (`rowsTable('…'`, `timelineTable('…'`), which it inserts into.
 */
function tablesNamedIn(text: string): Set<string> {
  const named = new Set<string>();
  const sql =
    /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\s+(?:ONLY\s+)?([a-z_][a-z0-9_]*)\b|\bfrom:\s*['`]([a-z_][a-z0-9_]*)\b|\b(?:rowsTable|timelineTable)\(\s*['`]([a-z_][a-z0-9_]*)\b/g;
  for (const match of code(text).matchAll(sql)) named.add(match[1] ?? match[2] ?? match[3]);
  return named;
}

describe('module tables', () => {
  it('when modules declare their tables, then each table has one owner', () => {
    const declared = MODULES.flatMap((m) => m.tables ?? []);
    expect(declared.length).toBe(new Set(declared).size);
  });

  it('when the migrations create a table or view, then a module declares it (or it is the platform’s own)', () => {
    const created = new Set<string>();
    const creates =
      /\bCREATE (?:TABLE|VIEW) (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)|\btable: '([a-z_]+)'|monthlyRollup\('([a-z_]+)'/g;
    for (const file of readdirSync(MIGRATIONS_DIR))
      for (const match of readFileSync(join(MIGRATIONS_DIR, file), 'utf8').matchAll(creates))
        created.add(match[1] ?? match[2] ?? match[3]);
    expect(created.size).toBeGreaterThan(40);
    const undeclared = [...created].filter((t) => !owner.has(t) && !INFRASTRUCTURE.includes(t));
    expect(undeclared).toEqual([]);
  });

  it.each(MODULES.map((m) => m.name))(
    'when module %s queries the database, then its SQL names no other module’s table',
    (name) => {
      const trespasses = sourceFiles(join(MODULES_DIR, name)).flatMap((file) =>
        [...tablesNamedIn(readFileSync(file, 'utf8'))]
          .filter((table) => owner.has(table) && owner.get(table) !== name)
          .map((table) => `${relative(file)} reads ${owner.get(table)}'s ${table}`),
      );
      expect(trespasses).toEqual([]);
    },
  );

  it('when a module owns tables, then common/ names none of them in SQL', () => {
    const trespasses = sourceFiles(join(SRC, 'common')).flatMap((file) =>
      [...tablesNamedIn(readFileSync(file, 'utf8'))]
        .filter((table) => owner.has(table))
        .map((table) => `${file.slice(SRC.length + 1)} reads ${owner.get(table)}'s ${table}`),
    );
    expect(trespasses).toEqual([]);
  });

  it('when a file names another module’s table, then the scan finds it', () => {
    expect([...tablesNamedIn('q.query(`SELECT r.code FROM region r JOIN audit_event a ON true`)')]).toEqual([
      'region',
      'audit_event',
    ]);
    expect([...tablesNamedIn("// rows FROM region\nconst q = { from: 'resident r' };")]).toEqual([
      'resident',
    ]);
    expect([...tablesNamedIn("const H = rowsTable('household', { address: 'text' });")]).toEqual([
      'household',
    ]);
  });
});
