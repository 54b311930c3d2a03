#!/usr/bin/env node
// `npm run bench`: installs the bench's own node_modules (PostGraphile 4 needs graphql 15, so the bench is not a
// workspace of the repo) when they are missing or older than its lockfile, compiles it, and runs it.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(dir, 'node_modules', '.installed-lock');
const lock = createHash('sha256')
  .update(readFileSync(path.join(dir, 'package-lock.json')))
  .digest('hex');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
  execFileSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  writeFileSync(stamp, lock);
}
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', dir], { stdio: 'inherit' });

const child = spawn(process.execPath, [path.join(dir, 'dist/main.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
