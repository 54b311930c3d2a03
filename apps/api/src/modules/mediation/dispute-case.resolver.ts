import { constantCase, DISPUTE_CASE_MACHINE, disputeDeadlineStatus } from '@qiangji/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppError } from '../../common/app-error';
import { readAhead, selectedFields } from '../../common/look-ahead';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import { Resident } from '../resident/resident.types';
import { DisputeCaseEvent } from './dispute-case-event.types';
import { DisputeCaseService, type CaseReadAhead } from './dispute-case.service';
import {
  AcceptDisputeCaseInput,
  AssignMediatorInput,
  CloseDisputeCaseInput,
  ConcludeDisputeCaseInput,
  ConcludeWithAgreementInput,
  ConcludeWithoutAgreementInput,
  DeclineDisputeCaseInput,
  DisputeCase,
  DisputeCaseConnection,
  type DisputeCaseRow,
  DisputeCasesArgs,
  DisputeParty,
  EscalateDisputeCaseInput,
  RecordFollowUpInput,
  RecordMediationSessionInput,
  RecordSessionInput,
  RegisterDisputeCaseInput,
  WithdrawDisputeCaseInput,
} from './dispute-case.types';
import { DeadlineStatusEnum, DisputeCaseCommandEnum } from './mediation.enums';
import { Mediator } from './mediator.types';
import { MediationOrganization } from './organization.types';

/**
 * The relations of a case the selection asks for (at `path` below the field), read in the case's own statement,
 * and the fields it selects of the case and its mediator.
 */
function caseReadAhead(info: GraphQLResolveInfo, ...path: string[]): CaseReadAhead {
  const fields = selectedFields(info, ...path);
  const mediator = fields.has('mediator');
  return {
    region: fields.has('region'),
    mediator,
    parties: fields.has('parties'),
    fields,
    mediatorFields: mediator ? selectedFields(info, ...path, 'mediator') : undefined,
  };
}

@Resolver(() => DisputeCase)
export class DisputeCaseResolver {
  @Query(() => DisputeCase, { description: 'A case placed in your jurisdiction.' })
  disputeCase(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo) {
    return ctx.services.disputeCases.get(ctx, id, caseReadAhead(info));
  }

  @Query(() => DisputeCaseConnection, { description: 'Cases placed in your jurisdiction.' })
  disputeCases(
    @Ctx() ctx: RequestContext,
    @Args() { filter, orderBy, ...page }: DisputeCasesArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.disputeCases.list(
      ctx,
      filter,
      { ...page, orderBy },
      caseReadAhead(info, 'edges', 'node'),
    );
  }

  @Mutation(() => DisputeCase, { description: 'Intake from any channel; idempotent with idempotencyKey.' })
  registerDisputeCase(@Ctx() ctx: RequestContext, @Arg('input') input: RegisterDisputeCaseInput) {
    return ctx.services.disputeCases.register(ctx, input);
  }

  @Mutation(() => DisputeCase, { description: '受理: RECEIVED → ACCEPTED.' })
  acceptDisputeCase(@Ctx() ctx: RequestContext, @Arg('input') input: AcceptDisputeCaseInput) {
    return ctx.services.disputeCases.accept(ctx, input);
  }

  @Mutation(() => DisputeCase, { description: '不予受理, with a reason: RECEIVED → DECLINED.' })
  declineDisputeCase(@Ctx() ctx: RequestContext, @Arg('input') input: DeclineDisputeCaseInput) {
    return ctx.services.disputeCases.decline(ctx, input);
  }

  @Mutation(() => DisputeCase, { description: 'Assigns (or reassigns) the mediator: → MEDIATOR_ASSIGNED.' })
  assignMediator(@Ctx() ctx: RequestContext, @Arg('input') input: AssignMediatorInput) {
    return ctx.services.disputeCases.assignMediator(ctx, input);
  }

  @Mutation(() => DisputeCase, { description: 'Records a session (调解): → IN_MEDIATION.' })
  recordSession(@Ctx() ctx: RequestContext, @Arg('input') input: RecordSessionInput) {
    return ctx.services.disputeCases.recordSession(ctx, input);
  }

  @Mutation(() => DisputeCase, { description: 'Ends mediation in an agreement: → AGREEMENT_REACHED.' })
  concludeWithAgreement(@Ctx() ctx: RequestContext, @Arg('input') input: ConcludeWithAgreementInput) {
    return ctx.services.disputeCases.concludeWithAgreement(ctx, input);
  }

  @Mutation(() => DisputeCase, {
    description: 'Mediation failed: → MEDIATION_FAILED, with where the dispute is referred.',
  })
  concludeWithoutAgreement(@Ctx() ctx: RequestContext, @Arg('input') input: ConcludeWithoutAgreementInput) {
    return ctx.services.disputeCases.concludeWithoutAgreement(ctx, input);
  }

  @Mutation(() => DisputeCase, { description: 'The applicant withdraws: → WITHDRAWN.' })
  withdrawDisputeCase(@Ctx() ctx: RequestContext, @Arg('input') input: WithdrawDisputeCaseInput) {
    return ctx.services.disputeCases.withdraw(ctx, input);
  }

  @Mutation(() => DisputeCase, { deprecationReason: 'Use recordSession: the command’s own name.' })
  recordMediationSession(@Ctx() ctx: RequestContext, @Arg('input') input: RecordMediationSessionInput) {
    return ctx.services.disputeCases.recordSession(ctx, input);
  }

  @Mutation(() => DisputeCase, {
    deprecationReason:
      'Use concludeWithAgreement, concludeWithoutAgreement or withdrawDisputeCase: one per step.',
  })
  concludeDisputeCase(@Ctx() ctx: RequestContext, @Arg('input') input: ConcludeDisputeCaseInput) {
    const cases = ctx.services.disputeCases;
    const { outcome, agreement, referral, reason, ...version } = input;
    switch (outcome) {
      case 'AGREEMENT_REACHED':
        if (!agreement)
          throw AppError.badInput('An agreement needs its terms, signatories and date.', 'agreement');
        return cases.concludeWithAgreement(ctx, { ...version, agreement });
      case 'MEDIATION_FAILED':
        if (!referral) throw AppError.badInput('Say where the dispute is referred.', 'referral');
        return cases.concludeWithoutAgreement(ctx, { ...version, referral, reason });
      case 'WITHDRAWN':
        return cases.withdraw(ctx, { ...version, reason: reason ?? '' });
    }
  }

  @Mutation(() => DisputeCase, {
    description:
      'Hands an open case to a coordination centre a tier up; the state stays and the case counts once.',
  })
  escalateDisputeCase(@Ctx() ctx: RequestContext, @Arg('input') input: EscalateDisputeCaseInput) {
    return ctx.services.disputeCases.escalate(ctx, input);
  }

  @Mutation(() => DisputeCase, { description: '回访: is the agreement honoured? → FOLLOW_UP.' })
  recordFollowUp(@Ctx() ctx: RequestContext, @Arg('input') input: RecordFollowUpInput) {
    return ctx.services.disputeCases.recordFollowUp(ctx, input);
  }

  @Mutation(() => DisputeCase, { description: '结案: → CLOSED.' })
  closeDisputeCase(@Ctx() ctx: RequestContext, @Arg('input') input: CloseDisputeCaseInput) {
    return ctx.services.disputeCases.close(ctx, input);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() c: DisputeCaseRow) {
    return readAhead(c, 'region', () => ctx.loaders.region.byCode.load(c.regionCode));
  }

  @FieldResolver(() => MediationOrganization, { description: 'The organisation handling the case now.' })
  organization(@Ctx() ctx: RequestContext, @Root() c: DisputeCaseRow) {
    return ctx.loaders.mediation.organization.load(c.organizationId);
  }

  @FieldResolver(() => MediationOrganization, {
    description: 'Where the case was first handled (before escalation).',
  })
  originOrganization(@Ctx() ctx: RequestContext, @Root() c: DisputeCaseRow) {
    return ctx.loaders.mediation.organization.load(c.originOrganizationId);
  }

  @FieldResolver(() => Mediator, { nullable: true })
  mediator(@Ctx() ctx: RequestContext, @Root() c: DisputeCaseRow) {
    const id = c.mediatorId;
    return id ? readAhead(c, 'mediator', () => ctx.loaders.mediation.mediator.load(id)) : null;
  }

  @FieldResolver(() => [DisputeParty])
  parties(@Ctx() ctx: RequestContext, @Root() c: DisputeCaseRow) {
    return readAhead(c, 'parties', () => ctx.loaders.mediation.parties.load(c.id));
  }

  @FieldResolver(() => [DisputeCaseEvent], { description: 'Every step, oldest first: the case’s history.' })
  timeline(@Ctx() ctx: RequestContext, @Root() c: DisputeCaseRow) {
    return ctx.loaders.mediation.timeline.load(c.id);
  }

  @FieldResolver(() => DeadlineStatusEnum)
  deadlineStatus(@Root() c: DisputeCaseRow) {
    return disputeDeadlineStatus(c);
  }

  @FieldResolver(() => [DisputeCaseCommandEnum], {
    description: 'The steps your roles may take now (the dashboard’s buttons); the API checks again.',
  })
  availableCommands(@Ctx() ctx: RequestContext, @Root() c: DisputeCaseRow) {
    if (!DisputeCaseService.mayAct(ctx, c)) return [];
    return DISPUTE_CASE_MACHINE.available(c.state, ctx.principal?.roles ?? []).map(constantCase);
  }
}

@Resolver(() => DisputeParty)
export class DisputePartyResolver {
  @FieldResolver(() => Resident, {
    nullable: true,
    description: 'The registry entry, when the party is a resident.',
  })
  resident(@Ctx() ctx: RequestContext, @Root() party: DisputeParty) {
    return party.residentId ? ctx.loaders.resident.party.load(party.residentId) : null;
  }
}
