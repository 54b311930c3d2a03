import type { PoiCategory } from '@qiangji/domain';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { LatLng } from '../region/region.types';
import { LatLngInput } from './community.types';
import { PoiCategoryEnum } from './service.enums';

@ObjectType({
  description: 'A point of interest of the convenience map (便民设施): bus stop, hospital, shop, …',
})
export class PointOfInterest {
  @Field(() => ID)
  id: string;

  @Field(() => PoiCategoryEnum)
  category: PoiCategory;

  @Field()
  name: string;

  @Field()
  address: string;

  @Field(() => LatLng, { description: 'WGS-84.' })
  location: LatLng;

  @Field()
  openingHours: string;

  @Field({ description: 'The community or region it lies in.' })
  regionCode: string;
}

@ObjectType()
export class NearbyPoint extends PointOfInterest {
  @Field(() => Float, { description: 'Great-circle distance from the centre, in metres.' })
  distanceMeters: number;
}

@ObjectType()
export class NearbyPointConnection extends ConnectionType(NearbyPoint) {}

@ArgsType()
export class NearbyArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Around this community’s location (its profile’s, else its centroid); or give `at`.',
  })
  communityCode?: string | null;

  @Field(() => LatLngInput, { nullable: true })
  at?: LatLngInput | null;

  @Field(() => Int, { defaultValue: 1000, description: 'At most 5000.' })
  radiusMeters: number;

  @Field(() => [PoiCategoryEnum], { nullable: true })
  categories?: PoiCategory[] | null;
}

@InputType()
export class CreatePointOfInterestInput {
  @Field(() => PoiCategoryEnum)
  category: PoiCategory;

  @Field()
  name: string;

  @Field({ defaultValue: '' })
  address: string;

  @Field(() => LatLngInput)
  location: LatLngInput;

  @Field({ defaultValue: '' })
  openingHours: string;

  @Field({ description: 'In your jurisdiction.' })
  regionCode: string;
}
