import type { PetitionCaseState } from '@qiangji/domain';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { PetitionCaseStateEnum } from './mediation.enums';

@ObjectType({
  description:
    'A petition backlog case (信访积案): registered, assigned to an organisation, then resolved or left unresolved (and resolved later). Scoped by jurisdiction.',
})
export class PetitionCase {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  regionCode: string;

  @Field(() => PetitionCaseStateEnum)
  state: PetitionCaseState;

  @Field(() => DateResolver)
  registeredOn: string;

  @Field(() => DateResolver, { nullable: true, description: 'The day it was resolved; null until then.' })
  resolvedOn: string | null;

  @Field(() => Int, { description: 'Pass it back as expectedVersion with the next command.' })
  version: number;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver)
  updatedAt: Date;

  organizationId: string | null;
}

@ObjectType()
export class PetitionCaseConnection extends ConnectionType(PetitionCase) {}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class PetitionCaseFilter {
  @Field(() => String, { nullable: true, description: 'The whole subtree of this region.' })
  regionCode?: string | null;

  @Field(() => [PetitionCaseStateEnum], { nullable: true })
  state?: PetitionCaseState[] | null;

  @Field(() => DateResolver, { nullable: true, description: 'Registered on or after this day.' })
  registeredFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Registered on or before this day.' })
  registeredTo?: Date | null;
}

@ArgsType()
export class PetitionCasesArgs extends PageArgs {
  @Field(() => PetitionCaseFilter, { nullable: true })
  filter?: PetitionCaseFilter | null;
}

@InputType()
export class RegisterPetitionCaseInput {
  @Field()
  title: string;

  @Field({ description: 'Inside your jurisdiction.' })
  regionCode: string;

  @Field(() => DateResolver)
  registeredOn: Date;
}

@InputType()
export class AssignPetitionCaseInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => ID, { description: 'An organisation whose region contains the case’s.' })
  organizationId: string;
}

@InputType()
export class ResolvePetitionCaseInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field({ description: 'false: the case stays in the backlog as UNRESOLVED (and may be resolved later).' })
  resolved: boolean;

  @Field(() => DateResolver, { description: 'The day of the outcome.' })
  on: Date;
}
