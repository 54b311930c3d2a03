import type { Industry, OrganizationKind } from '@qiangji/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IndustryEnum, OrganizationKindEnum } from './mediation.enums';

@ObjectType({
  description:
    'A mediation organisation: a people’s mediation committee, an industry committee, a coordination centre (covers its region’s subtree), a legal clinic or the mediators’ association. Reference data: any signed-in caller reads it.',
})
export class MediationOrganization {
  @Field(() => ID)
  id: string;

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

  @Field(() => Int)
  version: number;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver)
  updatedAt: Date;
}
