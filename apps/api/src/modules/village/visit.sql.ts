/**
 * SQL twins of the domain's visit rules (`isOnSchedule`, `targetPeriods`), tested against them in
 * `village-stats.test.ts`: the period of `months` calendar months, counted from the month of `from`, a day falls in.
 */
export function periodSql(day: string, from: string, months: string): string {
  const month = (d: string) => `(extract(year FROM ${d})::int * 12 + extract(month FROM ${d})::int)`;
  return `((${month(day)} - ${month(from)}) / ${months}::int)`;
}

/** The child of the region at `path` (an ltree expression) that a row's path lies in; NULL on the region itself. */
export function childSql(rowPath: string, path: string): string {
  return `CASE WHEN nlevel(${rowPath}) > nlevel(${path}) THEN ltree2text(subpath(${rowPath}, nlevel(${path}), 1)) END`;
}
