import { ALERT_KINDS, KPI_UNITS, type AlertKind, type KpiUnit } from '@qiangji/domain';
import { JSONObjectResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LatLng } from '../region/region.types';

export const KpiUnitEnum = Object.fromEntries(KPI_UNITS.map((u) => [u, u])) as { [U in KpiUnit]: U };
registerEnumType(KpiUnitEnum, {
  name: 'KpiUnit',
  description: 'PERCENT: a fraction 0..1, compared in percentage points; COUNT: compared as a fraction.',
});
export const AlertKindEnum = Object.fromEntries(ALERT_KINDS.map((k) => [k, k])) as { [K in AlertKind]: K };
registerEnumType(AlertKindEnum, { name: 'AlertKind' });

@ObjectType({ description: 'A label in both languages.' })
export class BilingualLabel {
  @Field()
  zh: string;

  @Field()
  en: string;
}

@ObjectType()
export class MonthFigure {
  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field(() => Float, { nullable: true })
  value: number | null;
}

@ObjectType({
  description: 'One KPI tile: its figure for the period, the same period a year before and the trend.',
})
export class KpiTileFigures {
  @Field()
  key: string;

  @Field({ description: 'The area of governance: mediation, security, services …' })
  area: string;

  @Field(() => BilingualLabel)
  label: BilingualLabel;

  @Field(() => KpiUnitEnum)
  unit: KpiUnit;

  @Field({ description: 'Whether a higher figure is better; the map colours follow it.' })
  higherIsBetter: boolean;

  @Field(() => Float, { nullable: true, description: 'Null where undefined (a rate of nothing).' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'The same months a year before.' })
  previous: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Against the year before: percentage points for PERCENT, a fraction (−0.198) for COUNT.',
  })
  change: number | null;

  @Field(() => [MonthFigure], { description: 'The twelve months ending with the period, one figure each.' })
  sparkline: MonthFigure[];
}

@ObjectType()
export class KpiValue {
  @Field()
  key: string;

  @Field(() => Float, { nullable: true })
  value: number | null;
}

@ObjectType({ description: 'A child region on the map and in the ranked table.' })
export class CommandViewChild {
  @Field()
  regionCode: string;

  @Field()
  name: string;

  @Field(() => LatLng, {
    nullable: true,
    description:
      'Where its mark goes without a boundary: its own centroid, or one sketched near its parent’s (streets and communities without imported boundaries), deterministic, for the layout only.',
  })
  centroid: LatLng | null;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: 'Its GeoJSON geometry (WGS-84), where boundaries were imported.',
  })
  boundary: Record<string, unknown> | null;

  @Field(() => [KpiValue], { description: 'Every tile’s figure for the child, same period.' })
  figures: KpiValue[];
}

@ObjectType({ description: 'Something to act on, with the list that shows it.' })
export class CommandAlert {
  @Field(() => AlertKindEnum)
  kind: AlertKind;

  @Field(() => Int)
  count: number;

  @Field({ description: 'The region shown, or the one place the alert is about.' })
  regionCode: string;

  @Field(() => String, { nullable: true, description: 'What recurs: a dispute type.' })
  subject: string | null;

  @Field({ description: 'The dashboard resource of the list: disputeCases …' })
  resource: string;

  @Field(() => JSONObjectResolver, { description: 'The list’s filter, as that resource’s filter input.' })
  filter: Record<string, unknown>;
}

@ObjectType({
  description: 'The command view (指挥调度) of a region’s subtree for a period of whole months.',
})
export class CommandView {
  @Field()
  regionCode: string;

  @Field({ description: 'YYYY-MM.' })
  from: string;

  @Field({ description: 'YYYY-MM.' })
  to: string;

  @Field({ description: 'The same months a year before: YYYY-MM.' })
  previousFrom: string;

  @Field()
  previousTo: string;

  @Field(() => [KpiTileFigures])
  tiles: KpiTileFigures[];

  @Field(() => [CommandViewChild], { description: 'The current child regions, by code.' })
  children: CommandViewChild[];
}
