import {
  ACTIONS,
  actionName,
  API_KEY_SCOPES,
  ROLES,
  type Action,
  type ApiKeyScope,
  type Role,
} from '@qiangji/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [R in Role]: R };
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'Roles; what each may do is PERMISSIONS in @qiangji/domain.',
});

export const ActionEnum = Object.fromEntries(ACTIONS.map((a) => [actionName(a), a])) as Record<
  string,
  Action
>;
registerEnumType(ActionEnum, { name: 'Action' });

export const ApiKeyScopeEnum = Object.fromEntries(API_KEY_SCOPES.map((s) => [s.toUpperCase(), s])) as Record<
  string,
  ApiKeyScope
>;
registerEnumType(ApiKeyScopeEnum, {
  name: 'ApiKeyScope',
  description: 'READ: query people; WRITE: also record them.',
});

@ObjectType({ description: 'The signed-in caller.' })
export class SessionUser {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The username, or an API key’s name.' })
  username: string;

  @Field({ description: 'The name to show: a user’s display name, an API key’s name.' })
  displayName: string;

  @Field({ description: 'USER or API_KEY.' })
  kind: string;

  @Field(() => [RoleEnum])
  roles: Role[];

  @Field(() => [ActionEnum], { description: 'Everything the roles allow, for menus and buttons.' })
  actions: Action[];

  jurisdictionCode: string;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`; expires after `expiresIn` seconds.' })
  accessToken: string;

  @Field({ description: 'Use once with `refresh`; each use returns a new one.' })
  refreshToken: string;

  @Field(() => Int)
  expiresIn: number;

  @Field(() => SessionUser)
  user: SessionUser;
}

@ObjectType({ description: 'An account (用户).' })
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => [RoleEnum])
  roles: Role[];

  @Field()
  disabled: boolean;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  jurisdictionCode: string;
}
export type UserRow = User;

@ObjectType()
export class UserConnection extends ConnectionType(User) {}

@ObjectType({ description: 'A district system’s API key. The secret is shown once, at creation.' })
export class ApiKey {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The visible part: the key starts with qj_<prefix>_.' })
  prefix: string;

  @Field(() => [ApiKeyScopeEnum])
  scopes: ApiKeyScope[];

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  revokedAt: Date | null;

  regionCode: string;
}
export type ApiKeyRow = ApiKey;

@ObjectType()
export class ApiKeyConnection extends ConnectionType(ApiKey) {}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field({ description: 'The whole key. Shown only now: store it in the district system.' })
  secret: string;
}

@InputType()
export class CreateUserInput {
  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field({ description: 'At least 10 characters.' })
  password: string;

  @Field(() => [RoleEnum])
  roles: Role[];

  @Field({ description: 'The region whose subtree the user sees.' })
  jurisdictionCode: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field()
  name: string;

  @Field({ description: 'The region whose subtree the key reaches.' })
  regionCode: string;

  @Field(() => [ApiKeyScopeEnum])
  scopes: ApiKeyScope[];
}
