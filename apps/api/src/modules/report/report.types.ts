import {
  constantCase,
  MONTHLY_REPORT_MACHINE,
  MONTHLY_REPORT_STATES,
  type MonthlyReportState,
} from '@qiangji/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { enumOf } from '../../common/graphql-enum';
import type { ReportUnit } from '../../common/report-section';

export const MonthlyReportStateEnum = enumOf(MONTHLY_REPORT_STATES, 'MonthlyReportState');
export const MonthlyReportCommandEnum = enumOf(
  MONTHLY_REPORT_MACHINE.commands.map(constantCase),
  'MonthlyReportCommand',
);
export const ReportUnitEnum = enumOf(['COUNT', 'RATE', 'DAYS'] as const, 'ReportUnit');

@ObjectType({ description: 'One labelled figure of a monthly report.' })
export class ReportFigureType {
  @Field()
  key: string;

  @Field({ description: 'The label in Chinese.' })
  label: string;

  @Field()
  labelEn: string;

  @Field(() => Float, { nullable: true, description: 'A count, a rate (fraction 0..1) or days; null: none.' })
  value: number | null;

  @Field(() => ReportUnitEnum)
  unit: ReportUnit;
}

@ObjectType({ description: 'A section of a monthly report, as a module contributes it.' })
export class ReportSectionType {
  @Field()
  key: string;

  @Field({ description: 'The title in Chinese.' })
  title: string;

  @Field()
  titleEn: string;

  @Field(() => [ReportFigureType])
  figures: ReportFigureType[];
}

@ObjectType({ description: 'A signed edition: the figures as they stood when signed, never changed after.' })
export class MonthlyReportEdition {
  @Field(() => Int, { description: '1 for the first signature, 2 after a reopening and a new one …' })
  edition: number;

  @Field(() => DateTimeResolver)
  signedAt: Date;

  @Field()
  signedByName: string;

  @Field(() => [ReportSectionType])
  sections: ReportSectionType[];
}

@ObjectType({ description: 'A step in a report’s life: a signature or a reopening.' })
export class MonthlyReportEvent {
  @Field(() => DateTimeResolver)
  at: Date;

  @Field(() => MonthlyReportCommandEnum)
  command: string;

  @Field(() => MonthlyReportStateEnum)
  fromState: MonthlyReportState;

  @Field(() => MonthlyReportStateEnum)
  toState: MonthlyReportState;

  @Field()
  actorName: string;

  @Field(() => Int)
  edition: number;

  @Field(() => String, { nullable: true, description: 'Why it was reopened.' })
  reason: string | null;
}

/** A report as stored, or as it stands before anyone acted on it (version 0, DRAFT). */
export interface MonthlyReportRow {
  id: string | null;
  regionCode: string;
  path: string;
  /** `YYYY-MM` */
  month: string;
  state: MonthlyReportState;
  edition: number;
  signedAt: Date | null;
  signedByName: string | null;
  version: number;
}

@ObjectType({
  description:
    'The monthly report (月报) of a region (street or township, district or county, the city) for a month: the figures of its whole subtree, live until signed, frozen once signed.',
})
export class MonthlyReport {
  @Field()
  regionCode: string;

  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => MonthlyReportStateEnum)
  state: MonthlyReportState;

  @Field(() => Int, { description: 'Pass it back as expectedVersion; 0 before anyone acted on the report.' })
  version: number;

  @Field(() => Int, { description: 'How many editions have been signed.' })
  edition: number;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the latest edition was signed.' })
  signedAt: Date | null;

  @Field(() => String, { nullable: true })
  signedByName: string | null;

  id: string | null;
  path: string;
}

@InputType()
export class SignMonthlyReportInput {
  @Field()
  regionCode: string;

  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int)
  expectedVersion: number;
}

@InputType()
export class ReopenMonthlyReportInput extends SignMonthlyReportInput {
  @Field({ description: 'Why the level below must sign anew (2 to 500 characters).' })
  reason: string;
}
