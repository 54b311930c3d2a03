import type { CommunityFunction, CommunityKind } from '@qiangji/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs, LatLngFields, RegionRange, SubtreeFilter } from '../../common/graphql-types';
import { LatLng } from '../region/region.types';
import { CommunityFunctionEnum, CommunityKindEnum } from './service.enums';

@ObjectType({
  description:
    'A community’s profile (社区): central (中心社区, serving the satellite communities around it, 以大带小) or ordinary, its service functions, hours and place. Public information.',
})
export class CommunityProfile {
  @Field(() => ID, { description: 'The community’s code, as the record’s id.' })
  id: string;

  @Field({ description: 'The community’s statistical code; its region.' })
  regionCode: string;

  @Field(() => CommunityKindEnum)
  kind: CommunityKind;

  @Field(() => String, { nullable: true, description: 'The central community an ordinary one belongs to.' })
  centralCode: string | null;

  @Field(() => Int, { nullable: true, description: 'Floor area of its service rooms, m².' })
  serviceAreaM2: number | null;

  @Field(() => [CommunityFunctionEnum])
  functions: CommunityFunction[];

  @Field({ description: 'As posted at the door, e.g. “周一至周五 8:30–17:00，周六 9:00–12:00”.' })
  openingHours: string;

  @Field(() => String, { nullable: true, description: 'The office’s public telephone.' })
  officePhone: string | null;

  @Field(() => LatLng, { nullable: true, description: 'WGS-84; the centre of its 1,000-metre map.' })
  location: LatLng | null;

  @Field(() => Int)
  version: number;

  @Field(() => DateTimeResolver)
  updatedAt: Date;
}

@ObjectType()
export class CommunityProfileConnection extends ConnectionType(CommunityProfile) {}

@InputType()
export class CommunityProfileFilter extends SubtreeFilter {
  @Field(() => [CommunityKindEnum], { nullable: true })
  kind?: CommunityKind[] | null;

  @Field(() => String, { nullable: true, description: 'The satellites of this central community.' })
  centralCode?: string | null;
}

@ArgsType()
export class CommunityProfilesArgs extends FilteredPageArgs(CommunityProfileFilter) {}

@InputType()
export class LatLngInput extends LatLngFields {}

@InputType({ description: 'Creates the profile (no expectedVersion) or updates it (with the version read).' })
export class SaveCommunityProfileInput {
  @Field({ description: 'A community in your jurisdiction.' })
  regionCode: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => CommunityKindEnum)
  kind: CommunityKind;

  @Field(() => String, { nullable: true, description: 'For an ordinary community: its central community.' })
  centralCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'A central community has at least 1,000 m².' })
  serviceAreaM2?: number | null;

  @Field(() => [CommunityFunctionEnum])
  functions: CommunityFunction[];

  @Field()
  openingHours: string;

  @Field(() => String, { nullable: true })
  officePhone?: string | null;

  @Field(() => LatLngInput, { nullable: true })
  location?: LatLngInput | null;
}

@ObjectType()
export class CommunityFunctionCount {
  @Field(() => CommunityFunctionEnum)
  function: CommunityFunction;

  @Field(() => Int, { description: 'Central communities that offer it.' })
  communities: number;
}

@ObjectType({ description: 'One central community and the satellites it serves.' })
export class CentralCommunityFigures {
  @Field()
  regionCode: string;

  @Field(() => Int)
  satellites: number;

  @Field(() => Int, { description: 'The population of the central community and its satellites.' })
  residentsCovered: number;

  @Field(() => Int, { description: 'Applications completed at them in the period.' })
  applicationsHandled: number;

  @Field(() => [CommunityFunctionEnum])
  functions: CommunityFunction[];
}

@ObjectType({ description: 'Central communities of a subtree (中心社区, 以大带小) and what they serve.' })
export class CommunityStats extends RegionRange {
  @Field(() => Int)
  centralCommunities: number;

  @Field(() => Int)
  satellites: number;

  @Field(() => Int)
  residentsCovered: number;

  @Field(() => Int)
  applicationsHandled: number;

  @Field(() => [CommunityFunctionCount])
  functionsOffered: CommunityFunctionCount[];

  @Field(() => [CentralCommunityFigures], {
    description: 'Each central community, by code; they add up to the totals.',
  })
  byCentralCommunity: CentralCommunityFigures[];
}
