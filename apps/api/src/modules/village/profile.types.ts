import type { VillageOrganizationKind } from '@qiangji/domain';
import { DateResolver, SafeIntResolver } from 'graphql-scalars';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs } from '../../common/graphql-types';
import { VersionedRow } from '../../common/versioned';
import { VillageOrganizationKindEnum } from './village.enums';

/** A village's figures of one year, as recorded and as read back. */
function WithIndicatorFigures<T extends ClassType>(Base: T) {
  @ObjectType()
  @InputType()
  abstract class IndicatorFigures extends Base {
    @Field(() => Int)
    year: number;

    @Field(() => Int)
    households: number;

    @Field(() => Int)
    population: number;

    @Field(() => Float)
    cultivatedLandMu: number;

    @Field(() => Int)
    poorHouseholds: number;

    @Field(() => SafeIntResolver, { description: 'Farmers’ per-capita net income, yuan.' })
    perCapitaNetIncome: number;

    @Field(() => SafeIntResolver)
    collectiveAssets: number;

    @Field(() => SafeIntResolver)
    collectiveDebts: number;

    @Field(() => Int)
    householdsInOrganizations: number;
  }
  return IndicatorFigures;
}

@ObjectType({ description: 'One year of a village’s profile: counts, land in mu, money in whole yuan.' })
export class VillageIndicator extends WithIndicatorFigures(VersionedRow) {
  @Field({ description: 'The village.' })
  regionCode: string;

  @Field(() => SafeIntResolver, { description: 'Assets less debts; negative while in debt.' })
  netAssets: number;
}

@ObjectType()
export class VillageIndicatorConnection extends ConnectionType(VillageIndicator) {}

@InputType()
export class VillageIndicatorFilter {
  @Field(() => String, { nullable: true, description: 'The villages of this region’s subtree.' })
  regionCode?: string | null;

  @Field(() => Int, { nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true })
  yearTo?: number | null;
}

@ArgsType()
export class VillageIndicatorsArgs extends FilteredPageArgs(VillageIndicatorFilter) {}

@InputType({ description: 'One year of a village; a year recorded already is CONFLICT.' })
export class RecordVillageIndicatorsInput extends WithIndicatorFigures(Object) {
  @Field()
  villageCode: string;
}

@ObjectType({ description: 'What is wrong with one line of an import, counted from 1 with the header.' })
export class ImportLineError {
  @Field(() => Int)
  line: number;

  @Field(() => String, { nullable: true, description: 'The column at fault.' })
  field: string | null;

  @Field()
  message: string;
}

@ObjectType({
  description: 'The outcome of an import: every row written, or (with errors) none of them.',
})
export class VillageIndicatorImport {
  @Field(() => Int)
  imported: number;

  @Field(() => [ImportLineError])
  errors: ImportLineError[];
}

@ObjectType({ description: 'A household’s membership of a village organisation.' })
export class VillageOrganizationMember {
  @Field(() => ID)
  householdId: string;

  @Field(() => DateResolver)
  joinedOn: string;

  @Field(() => DateResolver, { nullable: true })
  leftOn: string | null;

  organizationId: string;
}

@ObjectType({
  description:
    'An organisation of the "1+3+N" model: the Party branch, a cooperative, the trade union, the convenience service centre, or an association.',
})
export class VillageOrganization extends VersionedRow {
  @Field({ description: 'The village.' })
  regionCode: string;

  @Field(() => VillageOrganizationKindEnum)
  kind: VillageOrganizationKind;

  @Field()
  name: string;

  @Field(() => DateResolver)
  foundedOn: string;

  @Field(() => DateResolver, { nullable: true })
  dissolvedOn: string | null;

  @Field(() => Int, { description: 'Member households now.' })
  memberCount: number;
}

@InputType()
export class CreateVillageOrganizationInput {
  @Field()
  villageCode: string;

  @Field(() => VillageOrganizationKindEnum)
  kind: VillageOrganizationKind;

  @Field()
  name: string;

  @Field(() => DateResolver)
  foundedOn: Date;
}

@InputType({
  description: 'Households of the organisation’s village join it; members already are left as they are.',
})
export class AddVillageOrganizationMembersInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => [ID])
  householdIds: string[];

  @Field(() => DateResolver)
  joinedOn: Date;
}

/** A village's cases of one year, as recorded, as entered and as the statistics add them up. */
@ObjectType()
@InputType('YearCaseCountsInput')
abstract class YearCaseCounts {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  publicOrderCases: number;

  @Field(() => Int)
  criminalCases: number;
}

@ObjectType({
  description:
    'A village’s public-order and criminal cases of one year (entered, or fed by public security).',
})
export class VillageSafetyRecord extends YearCaseCounts {
  @Field({ description: 'The village.' })
  regionCode: string;

  @Field(() => Int)
  version: number;
}

/** A village's cases of a year: what an official enters, and what public security's statistics add up to. */
@InputType('RecordVillageSafetyInput', {
  description: 'Sets a village’s figures of a year; the same figures again change nothing.',
})
@ObjectType('VillageYearTotal', {
  description: 'A village’s cases of a year, as the statistics add them up (its safety record).',
})
export class VillageYearCases extends YearCaseCounts {
  @Field()
  villageCode: string;
}

@ObjectType({
  description: 'A village (村) page: its yearly profile, "1+3+N" organisations, safety records and cadres.',
})
export class VillageProfile {
  @Field()
  code: string;

  @Field({ description: 'Whether the Party branch and the three platforms are active now (the "1+3").' })
  adoptsModel: boolean;

  @Field(() => [VillageIndicator], { description: 'Oldest year first.' })
  indicators: VillageIndicator[];

  @Field(() => [VillageOrganization])
  organizations: VillageOrganization[];

  @Field(() => [VillageSafetyRecord], { description: 'Oldest year first.' })
  safetyRecords: VillageSafetyRecord[];
}
