import { seedTemplate, TEMPLATE_ENV } from './api-server';

/**
 * Migrates and seeds one embedded PostgreSQL for the whole run; each file's `startApi()` starts the API on a
 * copy of it, in seconds instead of the seed's half a minute. Jest's workers inherit the variable.
 */
export default async function globalSetup() {
  process.env[TEMPLATE_ENV] = await seedTemplate();
}
