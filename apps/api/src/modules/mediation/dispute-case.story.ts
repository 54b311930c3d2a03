import { registerCase, riskOf, type CaseStep, type Intake, type PlayedCase } from './dispute-case.life';
import type { DemoTree, Organizations, Person } from './organization.seed';

const china = (s: string) => new Date(`${s}+08:00`);

/**
 * The article's story: in May 2009 a villager of 金圣屯 (双金村) turned some 100 m of the farm road into a
 * paddy field; 敖亚斌, head of the village mediation committee, visited him several times until he agreed to
 * restore it. Played through the machine like every other case.
 */
export function storyCase(
  tree: DemoTree,
  orgs: Organizations,
  membersOf: Map<string, Person[]>,
  newId: () => string,
  now: Date,
): PlayedCase | null {
  const hamlet = tree.byCode.get('23012910020401') ?? tree.byCode.get('230129100204');
  const committee = orgs.committeeOf.get('230129100204');
  if (!hamlet || !committee) return null;
  const ao = membersOf.get(committee.id)![0];
  const facts = {
    type: 'LAND',
    householdsInvolved: 14,
    peopleInvolved: 30,
    threats: false,
    amountAtStake: null,
  } as const;
  const intake: Intake = {
    id: newId(),
    channel: 'WALK_IN',
    title: '金圣屯农田路被改水田纠纷',
    description:
      '金圣屯屯南的一条小路是村民上地的必经之路。2009年5月，村民邢某在没人注意的情况下，将地头近百米的农田路改为水田并据为己有，一夜之间冒出的半亩水田把小路从中撕开一条长长的豁口。村民们议论纷纷，群情激奋，要求村里解决。',
    regionCode: hamlet.code,
    path: hamlet.path,
    ...facts,
    risk: riskOf(facts),
    receivedAt: china('2009-05-18T08:30:00'),
    parties: ['金圣屯村民代表', '邢某'],
    full: true,
  };
  const visit = (at: string, notes: string): CaseStep => ({
    command: 'recordSession',
    at: china(at),
    actor: ao.name,
    details: { date: at.slice(0, 10), place: '邢某家中', participants: ['邢某', ao.name], notes },
  });
  const steps: CaseStep[] = [
    {
      command: 'accept',
      at: china('2009-05-18T10:00:00'),
      actor: committee.name,
      details: { note: '土地纠纷最频发也最敏感，防止引发群体性事件或刑事治安案件' },
    },
    {
      command: 'assignMediator',
      at: china('2009-05-18T10:30:00'),
      actor: committee.name,
      details: { mediatorId: ao.id, mediatorName: ao.name },
    },
    visit('2009-05-19T18:00:00', '到邢某家中劝解，说明农田路是村民上地的必经之路，占路改田于法无据。'),
    visit('2009-05-21T18:30:00', '再次上门，依法做思想工作，讲明土地承包法律规定和可能的后果。'),
    visit('2009-05-24T16:00:00', '邢某意识到问题的严重性，同意修复农田路。'),
    {
      command: 'concludeWithAgreement',
      at: china('2009-05-24T16:30:00'),
      actor: ao.name,
      details: {
        agreement: {
          terms:
            '邢某同意将私自占用、改为水田的近百米农田路按原面积修复，恢复村民上地通行；修复完成前不得继续耕种该段路面。',
          signatories: ['邢某', '金圣屯村民代表'],
          signedOn: '2009-05-24',
          courtConfirmed: false,
        },
      },
    },
    {
      command: 'recordFollowUp',
      at: china('2009-06-20T09:00:00'),
      actor: ao.name,
      details: {
        date: '2009-06-20',
        honoured: true,
        notes: '回访金圣屯，农田路已按原面积修复，村民通行恢复正常。',
      },
    },
    { command: 'close', at: china('2009-06-22T10:00:00'), actor: ao.name, details: {} },
  ];
  return registerCase(intake, committee, orgs.centreOf.get('230129100')!, steps, now);
}
