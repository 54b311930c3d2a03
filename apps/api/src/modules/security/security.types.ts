import type {
  LegalEducationFormat,
  PreventionIndicator,
  ResidentTag,
  SecurityCategory,
  SurveyGroup,
  SurveyMethod,
  SurveyQuestion,
} from '@qiangji/domain';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { FilteredPageArgs, IdempotentInput, SubtreeFilter } from '../../common/graphql-types';
import { VersionedRow } from '../../common/versioned';
import { ResidentTagEnum } from '../resident/resident.types';
import { VillageYearCases } from '../village/profile.types';
import {
  LegalEducationFormatEnum,
  PreventionIndicatorEnum,
  SecurityCategoryEnum,
  SurveyGroupEnum,
  SurveyMethodEnum,
  SurveyQuestionEnum,
} from './security.enums';

@ObjectType({ description: 'Reported cases of one region, month and category (发案数).' })
export class SecurityStatistic extends VersionedRow {
  @Field()
  regionCode: string;

  @Field({ description: 'The month, as YYYY-MM.' })
  month: string;

  @Field(() => SecurityCategoryEnum)
  category: SecurityCategory;

  @Field(() => Int)
  cases: number;

  @Field({ description: 'ENTERED by an official, or POLICE_SYSTEM (an API key).' })
  source: string;

  @Field(() => DateTimeResolver)
  updatedAt: Date;
}

@ObjectType()
export class SecurityStatisticConnection extends ConnectionType(SecurityStatistic) {}

@InputType()
export class SecurityStatisticFilter extends SubtreeFilter {
  @Field(() => [SecurityCategoryEnum], { nullable: true })
  category?: SecurityCategory[] | null;

  @Field(() => String, { nullable: true, description: 'From this month (YYYY-MM).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'To this month (YYYY-MM), inclusive.' })
  to?: string | null;
}

@ArgsType()
export class SecurityStatisticsArgs extends FilteredPageArgs(SecurityStatisticFilter) {}

@InputType()
export class SecurityStatisticRowInput {
  @Field({ description: 'The region the police count for; figures are kept at one level of a branch.' })
  regionCode: string;

  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field(() => SecurityCategoryEnum)
  category: SecurityCategory;

  @Field(() => Int)
  cases: number;
}

@InputType()
export class RecordSecurityStatisticsInput {
  @Field(() => [SecurityStatisticRowInput], {
    description: 'Up to 5,000 rows; one per region, month and category.',
  })
  rows: SecurityStatisticRowInput[];
}

@ObjectType({ description: 'What an upsert did: sending the same figures twice changes nothing.' })
export class RecordSecurityStatisticsResult {
  @Field(() => Int)
  inserted: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => [VillageYearCases], { description: 'The yearly totals of the villages the rows touched.' })
  villageYearTotals: VillageYearCases[];
}

@ObjectType()
export class SecurityCategoryFigures {
  @Field(() => SecurityCategoryEnum)
  category: SecurityCategory;

  @Field(() => Int)
  cases: number;

  @Field(() => Int, { description: 'The same months a year earlier.' })
  previousCases: number;

  @Field(() => Float, { nullable: true, description: 'yearOnYearChange: −0.198 is a fall of 19.8%.' })
  change: number | null;
}

@ObjectType()
export class SecurityMonthFigures {
  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field(() => Int, { description: 'Reported cases (criminal + public order).' })
  cases: number;

  @Field(() => Int, { description: 'The same month a year earlier.' })
  previousCases: number;
}

@ObjectType()
export class SecurityRegionFigures {
  @Field()
  regionCode: string;

  @Field(() => Int)
  cases: number;

  @Field(() => Int)
  previousCases: number;

  @Field(() => Float, { nullable: true })
  change: number | null;

  @Field(() => Int, { nullable: true, description: 'Among the siblings: 1 is the largest fall.' })
  rank: number | null;
}

@ObjectType({
  description: 'Reported cases of a subtree and period, year on year, and the villages’ quiet years.',
})
export class SecurityStats {
  @Field()
  regionCode: string;

  @Field({ description: 'YYYY-MM.' })
  from: string;

  @Field({ description: 'YYYY-MM, inclusive.' })
  to: string;

  @Field(() => Int, { description: 'Criminal + public-order cases.' })
  reportedCases: number;

  @Field(() => Int)
  previousReportedCases: number;

  @Field(() => Float, { nullable: true })
  reportedCasesChange: number | null;

  @Field(() => [SecurityCategoryFigures])
  byCategory: SecurityCategoryFigures[];

  @Field(() => [SecurityMonthFigures])
  byMonth: SecurityMonthFigures[];

  @Field(() => [SecurityRegionFigures], {
    description: 'Each child region (a district of the city), ranked.',
  })
  byChildRegion: SecurityRegionFigures[];

  @Field(() => Int, { description: 'Villages of the subtree valid today.' })
  villages: number;

  @Field(() => Int, { description: 'The years counted back from `to`’s year for the quiet villages.' })
  quietYears: number;

  @Field(() => Int, {
    description: 'Villages with figures in each of the quiet years and no public-order case in any of them.',
  })
  villagesWithoutPublicOrderCase: number;

  @Field(() => Int, { description: 'Villages with figures in `to`’s year and no criminal case in it.' })
  villagesWithoutCriminalCase: number;
}

@ArgsType()
export class SecurityStatsArgs {
  @Field({ description: 'The region whose subtree is counted; its children are ranked.' })
  regionCode: string;

  @Field({ description: 'YYYY-MM.' })
  from: string;

  @Field({ description: 'YYYY-MM, inclusive; at most 24 months after from.' })
  to: string;

  @Field(() => Int, { defaultValue: 3 })
  quietYears: number;
}

/** Which survey it is, as recorded and as read back. */
function SurveyFacts<T extends ClassType>(Base: T) {
  @ObjectType()
  @InputType()
  abstract class SurveyFields extends Base {
    @Field(() => Int)
    year: number;

    @Field()
    regionCode: string;

    @Field(() => Int)
    sampleSize: number;

    @Field(() => SurveyMethodEnum)
    method: SurveyMethod;
  }
  return SurveyFields;
}

@ObjectType({
  description: 'A satisfaction survey (满意度调查), e.g. by the statistics bureau’s survey team.',
})
export class SatisfactionSurvey extends SurveyFacts(VersionedRow) {
  @Field()
  source: string;
}

@ObjectType()
export class SatisfactionSurveyConnection extends ConnectionType(SatisfactionSurvey) {}

@ObjectType({ description: 'The share satisfied with one question in one region, and its change.' })
export class SurveyResult {
  @Field(() => Int)
  year: number;

  @Field(() => SurveyQuestionEnum)
  question: SurveyQuestion;

  @Field(() => SurveyGroupEnum)
  group: SurveyGroup;

  @Field()
  regionCode: string;

  @Field(() => Float, { description: 'A fraction: 0.929 is 92.9%.' })
  satisfied: number;

  @Field(() => Int, { nullable: true })
  respondents: number | null;

  @Field(() => Float, { nullable: true, description: 'The previous survey’s share for the same question.' })
  previousSatisfied: number | null;

  @Field(() => Int, { nullable: true })
  previousYear: number | null;

  @Field(() => Float, { nullable: true, description: 'percentagePointChange: +0.4 is 0.4 points up.' })
  changePoints: number | null;

  surveyId: string;
}

@InputType()
export class SurveyResultInput {
  @Field(() => SurveyQuestionEnum)
  question: SurveyQuestion;

  @Field(() => SurveyGroupEnum, { defaultValue: 'PUBLIC' })
  group: SurveyGroup;

  @Field({ description: 'The survey’s region or one inside it.' })
  regionCode: string;

  @Field(() => Float, { description: 'A fraction from 0 to 1.' })
  satisfied: number;

  @Field(() => Int, { nullable: true })
  respondents?: number | null;
}

@InputType()
export class RecordSatisfactionSurveyInput extends SurveyFacts(IdempotentInput) {
  @Field({ description: 'Who ran it, e.g. 国家统计局哈尔滨调查队.' })
  source: string;

  @Field(() => [SurveyResultInput])
  results: SurveyResultInput[];
}

@ArgsType()
export class SatisfactionSurveysArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Surveys of this region’s subtree.' })
  regionCode?: string | null;
}

@ArgsType()
export class SatisfactionTrendArgs {
  @Field()
  regionCode: string;

  @Field(() => SurveyQuestionEnum, { defaultValue: 'SENSE_OF_SECURITY' })
  question: SurveyQuestion;

  @Field(() => SurveyGroupEnum, { defaultValue: 'PUBLIC' })
  group: SurveyGroup;
}

/** What a legal-education event was, as recorded and as read back (the day is typed apart: a Date comes in). */
function LegalEducationFacts<T extends ClassType>(Base: T) {
  @ObjectType()
  @InputType()
  abstract class LegalEducationFields extends Base {
    @Field(() => LegalEducationFormatEnum)
    format: LegalEducationFormat;

    @Field()
    title: string;

    @Field()
    regionCode: string;

    @Field(() => Int)
    audience: number;

    @Field()
    organiser: string;
  }
  return LegalEducationFields;
}

@ObjectType({ description: 'A legal-education event (普法活动).' })
export class LegalEducationEvent extends LegalEducationFacts(VersionedRow) {
  @Field(() => DateResolver)
  heldOn: string;
}

@ObjectType()
export class LegalEducationEventConnection extends ConnectionType(LegalEducationEvent) {}

@InputType()
export class LegalEducationEventFilter extends SubtreeFilter {
  @Field(() => [LegalEducationFormatEnum], { nullable: true })
  format?: LegalEducationFormat[] | null;

  @Field(() => DateResolver, { nullable: true })
  heldFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true })
  heldTo?: Date | null;
}

@ArgsType()
export class LegalEducationEventsArgs extends FilteredPageArgs(LegalEducationEventFilter) {}

@InputType()
export class RecordLegalEducationEventInput extends LegalEducationFacts(IdempotentInput) {
  @Field(() => DateResolver)
  heldOn: Date;
}

@ObjectType({
  description: 'A prevention figure of a year: counts add up over the subtree, a coverage does not.',
})
export class PreventionFigure {
  @Field(() => PreventionIndicatorEnum)
  indicator: PreventionIndicator;

  @Field({ description: 'The "3531" indicator’s name; empty for the others.' })
  name: string;

  @Field(() => Int)
  year: number;

  @Field(() => Float)
  value: number;

  @Field(() => Int, { description: 'How many regions’ figures it adds up.' })
  regions: number;
}

@InputType()
export class PreventionFigureInput {
  @Field(() => PreventionIndicatorEnum)
  indicator: PreventionIndicator;

  @Field(() => String, { nullable: true, description: 'Required for PROJECT_3531.' })
  name?: string | null;

  @Field(() => Float)
  value: number;
}

@InputType()
export class SetPreventionFiguresInput {
  @Field()
  regionCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => [PreventionFigureInput])
  figures: PreventionFigureInput[];
}

@ObjectType()
export class RegionTagCount {
  @Field()
  regionCode: string;

  @Field(() => ResidentTagEnum)
  tag: ResidentTag;

  @Field(() => Int)
  residents: number;
}

@ObjectType({ description: 'Residents with the tags, counted: no person is shown.' })
export class ResidentTagFigures {
  @Field()
  regionCode: string;

  @Field(() => [RegionTagCount], { description: 'The subtree’s totals, one per tag.' })
  totals: RegionTagCount[];

  @Field(() => [RegionTagCount], { description: 'Per child region and tag.' })
  byChildRegion: RegionTagCount[];
}
