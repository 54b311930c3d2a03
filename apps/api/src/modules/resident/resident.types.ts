import { GENDERS, RESIDENT_TAGS, type Gender, type ResidentTag } from '@qiangji/domain';
import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, PageArgs, SortDirection } from '../../common/connection';
import { FilteredPageArgs, SubtreeFilter } from '../../common/graphql-types';
import { VersionedInput, VersionedNode } from '../../common/versioned';

export const ResidentTagEnum = Object.fromEntries(RESIDENT_TAGS.map((t) => [t, t])) as {
  [T in ResidentTag]: T;
};
registerEnumType(ResidentTagEnum, { name: 'ResidentTag' });
export const GenderEnum = Object.fromEntries(GENDERS.map((g) => [g, g])) as { [G in Gender]: G };
registerEnumType(GenderEnum, { name: 'Gender' });

@ObjectType({
  description: 'A household (户): an address in a region down to the grid unit, and its members.',
})
export class Household extends VersionedNode {
  @Field()
  regionCode: string;

  @Field()
  address: string;

  @Field(() => [ResidentTagEnum])
  tags: ResidentTag[];

  headResidentId: string | null;
}

@ObjectType({
  description: 'A resident (居民). idNumber and phone are always masked; revealResident shows them, audited.',
})
export class Resident extends VersionedNode {
  @Field()
  name: string;

  @Field(() => GenderEnum)
  gender: Gender;

  @Field(() => Int, {
    description:
      'Year of birth. The full date is withheld: with it, the masked ID number (digits 7-14 hidden) would be whole again.',
  })
  birthYear: number;

  @Field(() => Int, { description: 'Age in whole years today.' })
  age: number;

  @Field({ description: 'Masked: 230102********1234.' })
  idNumber: string;

  @Field(() => String, { nullable: true, description: 'Masked: 138****5678.' })
  phone: string | null;

  @Field(() => [ResidentTagEnum])
  tags: ResidentTag[];

  @Field()
  regionCode: string;

  householdId: string;
}

@ObjectType({
  description: 'Unmasked personal data, returned only by revealResident and recorded in the audit log.',
})
export class RevealedResident {
  @Field(() => ID)
  id: string;

  @Field()
  idNumber: string;

  @Field(() => DateResolver)
  birthDate: string;

  @Field(() => String, { nullable: true })
  phone: string | null;
}

@ObjectType()
export class HouseholdConnection extends ConnectionType(Household) {}

@ObjectType()
export class ResidentConnection extends ConnectionType(Resident) {}

export enum ResidentOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(ResidentOrderField, { name: 'ResidentOrderField' });

@InputType()
export class ResidentOrderBy {
  @Field(() => ResidentOrderField)
  field: ResidentOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection;
}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class ResidentFilter extends SubtreeFilter {
  @Field(() => ID, { nullable: true })
  householdId?: string | null;

  @Field(() => String, { nullable: true })
  nameContains?: string | null;

  @Field(() => [ResidentTagEnum], { nullable: true, description: 'Residents with any of these tags.' })
  tags?: ResidentTag[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Residents of at least this age today in China (who may apply for a senior citizen card).',
  })
  minAge?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'An exact ID-number lookup (through its keyed hash): with `purpose`, one per request, audited whether it finds someone or not, and limited per caller and hour (RATE_LIMITED beyond).',
  })
  idNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the ID number is looked up (required with idNumber).',
  })
  purpose?: string | null;
}

@ArgsType()
export class ResidentsArgs extends PageArgs {
  @Field(() => ResidentFilter, { nullable: true })
  filter?: ResidentFilter | null;

  @Field(() => ResidentOrderBy, { nullable: true, description: 'Default: by name.' })
  orderBy?: ResidentOrderBy | null;
}

@InputType()
export class HouseholdFilter extends SubtreeFilter {
  @Field(() => String, { nullable: true })
  addressContains?: string | null;

  @Field(() => [ResidentTagEnum], { nullable: true })
  tags?: ResidentTag[] | null;
}

@ArgsType()
export class HouseholdsArgs extends FilteredPageArgs(HouseholdFilter) {}

@InputType()
export class RegisterHouseholdInput {
  @Field({ description: 'Down to the grid unit where known.' })
  regionCode: string;

  @Field()
  address: string;

  @Field(() => [ResidentTagEnum], { defaultValue: [] })
  tags: ResidentTag[];
}

@InputType()
export class UpdateHouseholdInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => [ResidentTagEnum], { nullable: true })
  tags?: ResidentTag[] | null;

  @Field(() => ID, { nullable: true, description: 'A member of the household.' })
  headResidentId?: string | null;
}

@InputType()
export class MoveHouseholdInput extends VersionedInput {
  @Field()
  regionCode: string;
}

@InputType()
export class RegisterResidentInput {
  @Field(() => ID)
  householdId: string;

  @Field()
  name: string;

  @Field({ description: '18 characters (GB 11643-1999); gender and birth date are read from it.' })
  idNumber: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => [ResidentTagEnum], { defaultValue: [] })
  tags: ResidentTag[];
}

@InputType()
export class UpdateResidentInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string removes the phone.' })
  phone?: string | null;

  @Field(() => [ResidentTagEnum], { nullable: true })
  tags?: ResidentTag[] | null;
}

@InputType()
export class MoveResidentInput extends VersionedInput {
  @Field(() => ID)
  householdId: string;
}
