import {
  DISPUTE_CASE_MACHINE,
  DISPUTE_CASE_STATES,
  disputeDeadlineStatus,
  isOpenDisputeCase,
  type DisputeCaseState,
} from './dispute-case';

const {
  commands: DISPUTE_CASE_COMMANDS,
  graph: DISPUTE_CASE_STATE_GRAPH,
  rules: DISPUTE_CASE_TRANSITIONS,
  check: checkDisputeCaseCommand,
  available: availableDisputeCaseCommands,
} = DISPUTE_CASE_MACHINE;

describe('the dispute case state machine', () => {
  it('when a command moves a case, then the move is an edge of the state graph', () => {
    for (const command of DISPUTE_CASE_COMMANDS) {
      const rule = DISPUTE_CASE_TRANSITIONS[command];
      for (const from of rule.from) {
        const to = rule.to ?? from;
        if (rule.to !== null)
          expect({ command, from, allowed: DISPUTE_CASE_STATE_GRAPH[from].to.includes(to) }).toEqual({
            command,
            from,
            allowed: true,
          });
      }
    }
  });

  it('when the graph is walked from RECEIVED, then every state is reachable and every path can end closed or declined', () => {
    const seen = new Set<DisputeCaseState>(['RECEIVED']);
    const queue: DisputeCaseState[] = ['RECEIVED'];
    while (queue.length) {
      for (const next of DISPUTE_CASE_STATE_GRAPH[queue.shift()!].to) {
        if (!seen.has(next)) queue.push(next);
        seen.add(next);
      }
    }
    expect([...seen].sort()).toEqual([...DISPUTE_CASE_STATES].sort());
    const terminal = DISPUTE_CASE_STATES.filter((s) => DISPUTE_CASE_STATE_GRAPH[s].to.length === 0);
    expect(terminal.sort()).toEqual(['CLOSED', 'DECLINED']);
  });

  it('when a mediator takes a case through its whole life, then each step is allowed in turn', () => {
    let state: DisputeCaseState = 'RECEIVED';
    for (const command of [
      'accept',
      'assignMediator',
      'recordSession',
      'recordSession',
      'concludeWithAgreement',
      'recordFollowUp',
      'close',
    ] as const) {
      const check = checkDisputeCaseCommand(state, command, ['MEDIATOR']);
      expect(check.ok).toBe(true);
      if (check.ok) state = check.to;
    }
    expect(state).toBe('CLOSED');
  });

  it('when a command does not fit the state, then it is an invalid transition naming both states', () => {
    expect(checkDisputeCaseCommand('RECEIVED', 'close', ['CITY_ADMIN'])).toEqual({
      ok: false,
      reason: 'INVALID_TRANSITION',
      from: 'RECEIVED',
      to: 'CLOSED',
    });
  });

  it('when a role may not take a step, then it is forbidden, and a supervisor may take none', () => {
    expect(checkDisputeCaseCommand('RECEIVED', 'accept', ['GRID_WORKER'])).toMatchObject({
      ok: false,
      reason: 'FORBIDDEN',
    });
    expect(checkDisputeCaseCommand('IN_MEDIATION', 'escalate', ['STATIONED_CADRE'])).toMatchObject({
      ok: false,
      reason: 'FORBIDDEN',
    });
    for (const state of DISPUTE_CASE_STATES)
      expect(availableDisputeCaseCommands(state, ['SUPERVISOR'])).toEqual([]);
  });

  it('when an open case is escalated, then its state stays and only open cases can be escalated', () => {
    expect(checkDisputeCaseCommand('IN_MEDIATION', 'escalate', ['STREET_OFFICER'])).toEqual({
      ok: true,
      to: 'IN_MEDIATION',
    });
    expect(checkDisputeCaseCommand('CLOSED', 'escalate', ['STREET_OFFICER'])).toMatchObject({
      ok: false,
      reason: 'INVALID_TRANSITION',
    });
    expect(isOpenDisputeCase('IN_MEDIATION')).toBe(true);
    expect(isOpenDisputeCase('AGREEMENT_REACHED')).toBe(false);
  });

  it('when a mediator looks at a case in mediation, then the buttons are the next steps', () => {
    expect(availableDisputeCaseCommands('IN_MEDIATION', ['MEDIATOR'])).toEqual([
      'recordSession',
      'concludeWithAgreement',
      'concludeWithoutAgreement',
      'withdraw',
      'escalate',
    ]);
  });
});

describe('the one definition of overdue', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const hours = (h: number) => new Date(now.getTime() + h * 3600_000);

  it('when an open case is past its due time, then it is overdue; in the last part of its time, at risk', () => {
    expect(
      disputeDeadlineStatus({ state: 'IN_MEDIATION', dueAt: hours(-1), atRiskAt: hours(-24) }, now),
    ).toBe('OVERDUE');
    expect(disputeDeadlineStatus({ state: 'RECEIVED', dueAt: hours(1), atRiskAt: hours(-1) }, now)).toBe(
      'AT_RISK',
    );
    expect(disputeDeadlineStatus({ state: 'ACCEPTED', dueAt: hours(48), atRiskAt: hours(24) }, now)).toBe(
      'ON_TIME',
    );
  });

  it('when a concluded case’s follow-up date has passed, or a case has ended, then it is not counted late', () => {
    expect(
      disputeDeadlineStatus({ state: 'FOLLOW_UP', dueAt: hours(-100), atRiskAt: hours(-200) }, now),
    ).toBe('ON_TIME');
    expect(disputeDeadlineStatus({ state: 'CLOSED', dueAt: null, atRiskAt: null }, now)).toBe('ON_TIME');
  });
});
