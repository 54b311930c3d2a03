import { defineModule } from '../../common/module';
import { ApiKeyResolver, AuthResolver, SessionUserResolver, UserResolver } from './access.resolver';
import { seedDemoAccounts } from './access.seed';
import { ApiKeyService } from './api-key.service';
import { AuthService } from './auth.service';
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
  services: (deps, { audit, region }) => ({
    auth: new AuthService(deps.jwtSecret, deps.auth, audit),
    users: new UserService(audit, region),
    apiKeys: new ApiKeyService(audit, region),
  }),
  resolvers: [AuthResolver, SessionUserResolver, UserResolver, ApiKeyResolver],
  seed: async ({ m, accounts }) => (accounts ? { accounts: await seedDemoAccounts(m) } : null),
});
