import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '../../common/authz';
import { PageArgs } from '../../common/connection';
import type { Principal, RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import {
  ApiKey,
  ApiKeyConnection,
  AuthPayload,
  CreateApiKeyInput,
  CreatedApiKey,
  CreateUserInput,
  SessionUser,
  User,
  UserConnection,
} from './access.types';

export function sessionUser(p: Principal): SessionUser {
  return {
    id: p.id,
    username: p.name,
    displayName: p.displayName,
    kind: p.kind,
    roles: p.roles,
    actions: [...p.actions],
    jurisdictionCode: p.jurisdiction.code,
  };
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: 'Open to anonymous callers. Five failures lock the account for a while.',
  })
  async login(
    @Ctx() ctx: RequestContext,
    @Arg('username') username: string,
    @Arg('password') password: string,
  ) {
    const payload = await ctx.services.auth.login(ctx, username, password);
    return { ...payload, user: sessionUser(payload.user) };
  }

  @Mutation(() => AuthPayload, { description: 'Open to anonymous callers. A refresh token works once.' })
  async refresh(@Ctx() ctx: RequestContext, @Arg('refreshToken') refreshToken: string) {
    const payload = await ctx.services.auth.refresh(ctx, refreshToken);
    return { ...payload, user: sessionUser(payload.user) };
  }

  @Mutation(() => Boolean, { description: 'Ends the session this refresh token belongs to.' })
  logout(@Ctx() ctx: RequestContext, @Arg('refreshToken') refreshToken: string) {
    return ctx.services.auth.logout(ctx, refreshToken);
  }

  @Mutation(() => Boolean, {
    description: 'Ends every session of the user; sign in again with the new password.',
  })
  changePassword(
    @Ctx() ctx: RequestContext,
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
  ) {
    return ctx.services.auth.changePassword(ctx, currentPassword, newPassword);
  }

  @Query(() => SessionUser)
  me(@Ctx() ctx: RequestContext) {
    return sessionUser(requirePrincipal(ctx));
  }
}

@Resolver(() => SessionUser)
export class SessionUserResolver {
  @FieldResolver(() => Region)
  jurisdiction(@Ctx() ctx: RequestContext, @Root() user: SessionUser) {
    return ctx.loaders.region.byCode.load(user.jurisdictionCode);
  }
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, { description: 'Accounts in your jurisdiction (user:manage).' })
  users(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return ctx.services.users.list(ctx, page);
  }

  @Query(() => User)
  user(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.users.get(ctx, id);
  }

  @Mutation(() => User)
  createUser(@Ctx() ctx: RequestContext, @Arg('input') input: CreateUserInput) {
    return ctx.services.users.create(ctx, input);
  }

  @Mutation(() => User, { description: 'Revokes every token of the user at once.' })
  disableUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.users.setDisabled(ctx, id, true);
  }

  @Mutation(() => User)
  enableUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.users.setDisabled(ctx, id, false);
  }

  @FieldResolver(() => Region)
  jurisdiction(@Ctx() ctx: RequestContext, @Root() user: User) {
    return ctx.loaders.region.byCode.load(user.jurisdictionCode);
  }
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: 'API keys of your jurisdiction (apiKey:manage).' })
  apiKeys(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return ctx.services.apiKeys.list(ctx, page);
  }

  @Mutation(() => CreatedApiKey)
  createApiKey(@Ctx() ctx: RequestContext, @Arg('input') input: CreateApiKeyInput) {
    return ctx.services.apiKeys.create(ctx, input);
  }

  @Mutation(() => ApiKey)
  revokeApiKey(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.apiKeys.revoke(ctx, id);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() key: ApiKey) {
    return ctx.loaders.region.byCode.load(key.regionCode);
  }
}
