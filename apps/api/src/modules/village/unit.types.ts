import type { PostingRole, PostingState, WorkUnitKind, WorkUnitLevel } from '@qiangji/domain';
import { DateResolver } from 'graphql-scalars';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs, IdempotentInput, SubtreeFilter } from '../../common/graphql-types';
import { RecordedRow, VersionedInput, VersionedRow } from '../../common/versioned';
import { PostingRoleEnum, PostingStateEnum, WorkUnitKindEnum, WorkUnitLevelEnum } from './village.enums';

/** The filters of the lists of village work: a subtree, and a work unit's part of it. */
@InputType()
export class WorkUnitPartFilter extends SubtreeFilter {
  @Field(() => ID, { nullable: true })
  workUnitId?: string | null;
}

/** …and a cadre's part. */
@InputType()
export class CadrePartFilter extends WorkUnitPartFilter {
  @Field(() => ID, { nullable: true })
  cadreId?: string | null;
}

/** What a work unit is, as created and as read back. */
function WorkUnitFacts<T extends ClassType>(Base: T) {
  @ObjectType()
  @InputType()
  abstract class WorkUnitFields extends Base {
    @Field()
    name: string;

    @Field(() => WorkUnitKindEnum)
    kind: WorkUnitKind;

    @Field(() => WorkUnitLevelEnum)
    level: WorkUnitLevel;
  }
  return WorkUnitFields;
}

@ObjectType({
  description:
    'A work unit (单位): a department, state enterprise or institution that is paired with villages and posts its cadres there. Reference data: every reader sees every unit.',
})
export class WorkUnit extends WorkUnitFacts(RecordedRow) {
  @Field({ description: 'The region of its seat: who may change it.' })
  regionCode: string;
}

@ObjectType()
export class WorkUnitConnection extends ConnectionType(WorkUnit) {}

@InputType()
export class WorkUnitFilter {
  @Field(() => [WorkUnitKindEnum], { nullable: true })
  kind?: WorkUnitKind[] | null;

  @Field(() => [WorkUnitLevelEnum], { nullable: true })
  level?: WorkUnitLevel[] | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  q?: string | null;
}

@ArgsType()
export class WorkUnitsArgs extends FilteredPageArgs(WorkUnitFilter) {}

@InputType()
export class CreateWorkUnitInput extends WorkUnitFacts(IdempotentInput) {
  @Field({ description: 'Its seat, inside your jurisdiction.' })
  regionCode: string;
}

@ObjectType({ description: 'A pairing (包村): a work unit takes on a village for a term, with its goals.' })
export class Pairing extends VersionedRow {
  @Field(() => ID)
  workUnitId: string;

  @Field({ description: 'The village.' })
  regionCode: string;

  @Field(() => DateResolver)
  startsOn: string;

  @Field(() => DateResolver, { nullable: true })
  endsOn: string | null;

  @Field()
  goals: string;
}

@ObjectType()
export class PairingConnection extends ConnectionType(Pairing) {}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class PairingFilter extends WorkUnitPartFilter {
  @Field(() => DateResolver, { nullable: true, description: 'Pairings in force on this day.' })
  activeOn?: Date | null;
}

@ArgsType()
export class PairingsArgs extends FilteredPageArgs(PairingFilter) {}

@InputType()
export class CreatePairingInput extends IdempotentInput {
  @Field(() => ID)
  workUnitId: string;

  @Field({ description: 'A village inside your jurisdiction.' })
  villageCode: string;

  @Field(() => DateResolver)
  startsOn: Date;

  @Field(() => DateResolver, { nullable: true })
  endsOn?: Date | null;

  @Field({ defaultValue: '' })
  goals: string;
}

@ObjectType({ description: 'A month of a cadre’s visits.' })
export class CadreMonth {
  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field(() => Int)
  visits: number;

  @Field(() => Int)
  householdsVisited: number;
}

@ObjectType({
  description:
    'A stationed cadre (驻村干部): a person of a work unit, posted to villages. The phone is always masked. The cadre is placed at the village of the current or last posting.',
})
export class StationedCadre extends RecordedRow {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Masked: 139****1234.' })
  phone: string | null;

  @Field(() => ID)
  workUnitId: string;

  @Field()
  regionCode: string;

  @Field(() => Boolean, { description: 'Whether the cadre signs in with an account of its own.' })
  hasAccount: boolean;

  userId: string | null;
}

@ObjectType()
export class StationedCadreConnection extends ConnectionType(StationedCadre) {}

@InputType()
export class StationedCadreFilter extends WorkUnitPartFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  q?: string | null;

  @Field(() => DateResolver, {
    nullable: true,
    description:
      'With `belowVisitTargetTo`: only the cadres posted in the subtree then whose visits fell short.',
  })
  belowVisitTargetFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Inclusive.' })
  belowVisitTargetTo?: Date | null;
}

@ArgsType()
export class StationedCadresArgs extends FilteredPageArgs(StationedCadreFilter) {}

@InputType()
export class RegisterStationedCadreInput extends IdempotentInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => ID)
  workUnitId: string;

  @Field({ description: 'Where the cadre is kept until the first posting: inside your jurisdiction.' })
  regionCode: string;

  @Field(() => ID, { nullable: true, description: 'A STATIONED_CADRE account, when the cadre has one.' })
  userId?: string | null;
}

@ObjectType({
  description:
    'A posting (驻村): a cadre in a village for a term, with a role. A cadre has one active posting at a time; visits and assistance are logged under it.',
})
export class Posting extends VersionedRow {
  @Field(() => ID)
  cadreId: string;

  @Field({ description: 'The cadre as posted: kept with the village even when the cadre moves on.' })
  cadreName: string;

  @Field(() => ID)
  workUnitId: string;

  @Field({ description: 'The village.' })
  regionCode: string;

  @Field(() => PostingRoleEnum)
  role: PostingRole;

  @Field(() => DateResolver)
  startsOn: string;

  @Field(() => DateResolver, { nullable: true, description: 'Null while the posting is active.' })
  endsOn: string | null;

  @Field(() => PostingStateEnum)
  state: PostingState;

  @Field(() => String, { nullable: true, description: 'What the cadre left for the next one (交接).' })
  handoverNote: string | null;

  previousPostingId: string | null;
}

@ObjectType()
export class PostingConnection extends ConnectionType(Posting) {}

@InputType()
export class PostingFilter extends CadrePartFilter {
  @Field(() => [PostingStateEnum], { nullable: true })
  state?: PostingState[] | null;
}

@ArgsType()
export class PostingsArgs extends FilteredPageArgs(PostingFilter) {}

@InputType({
  description:
    'Posts a cadre to a village. The posting takes over from the village’s last posting that ended before it starts (its handover note, visits and open assistance), unless `previousPostingId` names another of the village.',
})
export class StartPostingInput {
  @Field(() => ID)
  cadreId: string;

  @Field({ description: 'A village inside your jurisdiction.' })
  villageCode: string;

  @Field(() => PostingRoleEnum)
  role: PostingRole;

  @Field(() => DateResolver)
  startsOn: Date;

  @Field(() => ID, { nullable: true, description: 'Default: the cadre’s own unit.' })
  workUnitId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'An ended posting of the same village this one takes over.',
  })
  previousPostingId?: string | null;
}

@InputType()
export class EndPostingInput extends VersionedInput {
  @Field(() => DateResolver)
  endsOn: Date;

  @Field({ description: 'What the next cadre should know: open matters, households to watch.' })
  handoverNote: string;
}
