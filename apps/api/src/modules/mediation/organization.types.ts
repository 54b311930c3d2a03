import type { Industry, OrganizationKind } from '@qiangji/domain';
import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs, SubtreeFilter } from '../../common/graphql-types';
import { VersionedInput, VersionedNode } from '../../common/versioned';
import { IndustryEnum, OrganizationKindEnum } from './mediation.enums';

@ObjectType({
  description:
    'A mediation organisation: a people’s mediation committee, an industry committee, a coordination centre (covers its region’s subtree), a legal clinic or the mediators’ association. Reference data: any signed-in caller reads it.',
})
export class MediationOrganization extends VersionedNode {
  @Field(() => OrganizationKindEnum)
  kind: OrganizationKind;

  @Field(() => IndustryEnum, { nullable: true, description: 'For industry committees only.' })
  industry: Industry | null;

  @Field()
  name: string;

  @Field()
  regionCode: string;

  @Field(() => String, { nullable: true, description: 'For legal clinics: the partner law school.' })
  partnerUniversity: string | null;
}

@ObjectType()
export class MediationOrganizationConnection extends ConnectionType(MediationOrganization) {}

@InputType({
  description:
    'Every field narrows. Organisations are reference data: the region may lie outside your jurisdiction, but it must exist.',
})
export class MediationOrganizationFilter extends SubtreeFilter {
  @Field(() => [OrganizationKindEnum], { nullable: true })
  kind?: OrganizationKind[] | null;

  @Field(() => [IndustryEnum], { nullable: true })
  industry?: Industry[] | null;

  @Field(() => String, { nullable: true })
  nameContains?: string | null;
}

@ArgsType()
export class MediationOrganizationsArgs extends FilteredPageArgs(MediationOrganizationFilter) {}

@InputType()
export class CreateMediationOrganizationInput {
  @Field(() => OrganizationKindEnum)
  kind: OrganizationKind;

  @Field(() => IndustryEnum, {
    nullable: true,
    description: 'Required for industry committees, and only for them.',
  })
  industry?: Industry | null;

  @Field({ description: 'Unique within its region.' })
  name: string;

  @Field({ description: 'Inside your jurisdiction.' })
  regionCode: string;

  @Field(() => String, { nullable: true, description: 'Legal clinics only: the partner law school.' })
  partnerUniversity?: string | null;
}

@InputType()
export class UpdateMediationOrganizationInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Legal clinics only; an empty string removes it.',
  })
  partnerUniversity?: string | null;
}

@ObjectType({ description: 'How many people a legal clinic (法律诊所) served in one month.' })
export class LegalClinicService {
  @Field(() => ID)
  id: string;

  @Field(() => DateResolver, { description: 'The first day of the month.' })
  month: string;

  @Field(() => Int)
  peopleServed: number;

  organizationId: string;
}

@InputType()
export class RecordLegalClinicServiceInput {
  @Field(() => ID, { description: 'A legal clinic in your jurisdiction.' })
  organizationId: string;

  @Field(() => DateResolver, {
    description: 'The first day of the month; a second record replaces the first.',
  })
  month: Date;

  @Field(() => Int)
  peopleServed: number;
}
