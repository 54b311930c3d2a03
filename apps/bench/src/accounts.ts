import { qiangji, signIn, type Credentials } from './client';

/** The administrator that the prepare step creates (BENCH_ADMIN_PASSWORD), and the supervisor made through it. */
export const ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' };
const SUPERVISOR = { username: 'bench-supervisor', password: 'bench-supervisor-password-1' };

/**
 * The bench's accounts, made through the API as its administrator: a city-wide SUPERVISOR (the reads) and a
 * district system's READ key (the export). The administrator accepts the cases (a supervisor may not); the peers
 * write the same actor into their timeline and audit rows.
 */
export async function createAccounts(base: string) {
  const admin = await signIn(base, ADMIN.username, ADMIN.password);
  await qiangji(
    base,
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    {
      input: {
        ...SUPERVISOR,
        displayName: 'bench supervisor',
        roles: ['SUPERVISOR'],
        jurisdictionCode: '230100',
      },
    },
    admin.accessToken,
  );
  const key = await qiangji(
    base,
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
    { input: { name: 'bench export', regionCode: '230100', scopes: ['READ'] } },
    admin.accessToken,
  );
  const credentials: Credentials = { admin: '', supervisor: '', apiKey: key.createApiKey.secret };
  await refreshTokens(base, credentials);
  return { credentials, actor: { id: admin.user.id, name: admin.user.username, roles: ['CITY_ADMIN'] } };
}

/** Access tokens live 15 minutes by default and a run is longer: sign in again when they are 5 minutes old. */
const TOKEN_AGE_MS = 5 * 60_000;
const signedInAt = new WeakMap<Credentials, number>();

export async function refreshTokens(base: string, credentials: Credentials) {
  if (Date.now() - (signedInAt.get(credentials) ?? 0) < TOKEN_AGE_MS) return;
  credentials.admin = (await signIn(base, ADMIN.username, ADMIN.password)).accessToken;
  credentials.supervisor = (await signIn(base, SUPERVISOR.username, SUPERVISOR.password)).accessToken;
  signedInAt.set(credentials, Date.now());
}
