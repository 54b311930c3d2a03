import type { SeedContext } from '../module';

/**
 * A module's `seed` that adds its demo data only while `table` is empty, so seeding again changes nothing, and
 * logs what it added (`<what> demo data seeded`).
 */
export function seedWhileEmpty(
  table: string,
  what: string,
  seed: (s: SeedContext) => Promise<object | null>,
): (s: SeedContext) => Promise<unknown> {
  return async (s) => {
    const [{ none }] = await s.m.query(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS none`);
    if (!none) return null;
    const seeded = await seed(s);
    s.logger.info(seeded, `${what} demo data seeded`);
    return seeded;
  };
}
