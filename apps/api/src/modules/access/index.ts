import { defineModule } from '../../common/module';
import { ApiKeyResolver, AuthResolver, SessionUserResolver, UserResolver } from './access.resolver';
import { ACCESS_EXPORTS } from './access.exports';
import { seedDemoAccounts } from './access.seed';
import { ApiKeyService } from './api-key.service';
import { AuthService } from './auth.service';
import { PrincipalCache } from './principal-cache';
import { UserService } from './user.service';

declare module '../../common/module' {
  interface ModuleServices {
    auth: AuthService;
    users: UserService;
    apiKeys: ApiKeyService;
  }
}

/** Accounts 用户, sign-in and tokens, and the API keys of district systems. */
export const accessModule = defineModule({
  name: 'access',
  tables: ['app_user', 'api_key', 'refresh_token'],
  services: (deps, { audit, region }) => {
    // One cache for both kinds of credential: an eviction for an account or a key reaches both services.
    const principals = new PrincipalCache(deps.auth.principalCacheTtl * 1000);
    return {
      auth: new AuthService(deps.jwtSecret, deps.auth, audit, principals),
      users: new UserService(audit, region),
      apiKeys: new ApiKeyService(audit, region, principals),
    };
  },
  resolvers: [AuthResolver, SessionUserResolver, UserResolver, ApiKeyResolver],
  exports: ACCESS_EXPORTS,
  seed: async ({ m, accounts }) => (accounts ? { accounts: await seedDemoAccounts(m) } : null),
});
