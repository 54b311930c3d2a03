import { escapeLiteral } from 'pg';
import { acceptCte, statsJson } from './floor-sql';

/** The benchmark's own schema, beside the API's: what PostGraphile needs that is not a table. */
export const BENCH_SCHEMA = 'bench';

/**
 * PostGraphile's statistics and write are the floor's SQL as functions (a district integrator would write them
 * so): `mediationStats` (STABLE, a query) and `acceptDisputeCase` (a mutation). Both run as the request's role,
 * so row-level security applies inside them. The actor is the one the floor writes, fixed when they are made.
 */
export function benchSchemaSql(actor: { id: string; name: string; roles: string[] }): string[] {
  const roles = `ARRAY[${actor.roles.map(escapeLiteral).join(', ')}]::text[]`;
  return [
    `DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`,
    `CREATE SCHEMA ${BENCH_SCHEMA}`,
    `GRANT USAGE ON SCHEMA ${BENCH_SCHEMA} TO qiangji_app`,
    `CREATE FUNCTION ${BENCH_SCHEMA}.mediation_stats(region_code text, from_day date, to_day date) RETURNS json
       LANGUAGE sql STABLE AS $fn$ ${statsJson('$1', '$2', '$3')} $fn$`,
    `CREATE FUNCTION ${BENCH_SCHEMA}.accept_dispute_case(case_id uuid, expected_version int)
       RETURNS public.dispute_case LANGUAGE sql VOLATILE AS $fn$
       ${acceptCte({
         id: '$1',
         version: '$2',
         scope: `current_setting('qiangji.scope')::ltree`,
         actorId: `${escapeLiteral(actor.id)}::uuid`,
         actorName: escapeLiteral(actor.name),
         roles,
         requestId: 'gen_random_uuid()::text',
         clientIp: 'inet_client_addr()::text',
       })}
       SELECT u.* FROM updated u $fn$`,
  ];
}
