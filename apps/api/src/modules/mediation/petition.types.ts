import type { PetitionCaseState } from '@qiangji/domain';
import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs, SubtreeFilter } from '../../common/graphql-types';
import { VersionedInput, VersionedNode } from '../../common/versioned';
import { PetitionCaseStateEnum } from './mediation.enums';

@ObjectType({
  description:
    'A petition backlog case (信访积案): registered, assigned to an organisation, then resolved or left unresolved (and resolved later). Scoped by jurisdiction.',
})
export class PetitionCase extends VersionedNode {
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

  organizationId: string | null;
}

@ObjectType()
export class PetitionCaseConnection extends ConnectionType(PetitionCase) {}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class PetitionCaseFilter extends SubtreeFilter {
  @Field(() => [PetitionCaseStateEnum], { nullable: true })
  state?: PetitionCaseState[] | null;

  @Field(() => DateResolver, { nullable: true, description: 'Registered on or after this day.' })
  registeredFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Registered on or before this day.' })
  registeredTo?: Date | null;
}

@ArgsType()
export class PetitionCasesArgs extends FilteredPageArgs(PetitionCaseFilter) {}

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
export class AssignPetitionCaseInput extends VersionedInput {
  @Field(() => ID, { description: 'An organisation whose region contains the case’s.' })
  organizationId: string;
}

@InputType()
export class ResolvePetitionCaseInput extends VersionedInput {
  @Field({ description: 'false: the case stays in the backlog as UNRESOLVED (and may be resolved later).' })
  resolved: boolean;

  @Field(() => DateResolver, { description: 'The day of the outcome.' })
  on: Date;
}
