import { AdminContext, memoryStore, RecordContextProvider } from 'react-admin';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { i18nProvider } from '../i18n/i18n-provider';
import { CaseTimeline } from './CaseTimeline';
import type { DisputeCaseEvent, DisputeCaseEventDetails } from './dispute-case-record';

const render = (timeline: DisputeCaseEvent[]) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <AdminContext i18nProvider={i18nProvider} store={memoryStore({ locale: 'zh-CN' })}>
        <RecordContextProvider value={{ id: 'c-1', timeline }}>
          <CaseTimeline />
        </RecordContextProvider>
      </AdminContext>
    </MemoryRouter>,
  );

/** The markup as a reader sees it: styles and tags gone, a line per block (a heading, a detail, a chip). */
const text = (html: string) =>
  html
    .replace(/<style[^>]*>.*?<\/style>/g, '')
    .replace(/<\/(h2|h3|div|p)>|<span class="MuiChip-label[^"]*">/g, '\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

let sequence = 0;
const event = (
  command: string,
  details: DisputeCaseEventDetails,
  toState: DisputeCaseEvent['toState'] = 'IN_MEDIATION',
): DisputeCaseEvent => ({
  id: `e-${++sequence}`,
  at: '2012-05-14T00:30:00.000Z',
  command,
  fromState: 'IN_MEDIATION',
  toState,
  actorName: '敖亚斌',
  details,
});

describe('a case’s timeline', () => {
  beforeAll(() => i18nProvider.changeLocale('zh-CN'));

  it('when a step recorded a session, then its day is written in the Chinese style and the actor by name', () => {
    const lines = text(
      render([
        event('recordSession', {
          __typename: 'SessionDetails',
          date: '2012-05-13',
          place: '双金村村委会',
          participants: ['敖亚斌', '王某'],
          notes: null,
        }),
      ]),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '记录调解',
        // 00:30 UTC is 08:30 in Harbin, whatever the machine's time zone.
        '2012年5月14日 08:30 · 敖亚斌',
        '日期：2012年5月13日',
        '地点：双金村村委会',
        '参加人员：敖亚斌、王某',
      ]),
    );
    expect(lines.join(' ')).not.toContain('2012-05-13');
  });

  it('when each kind of details is shown, then each reads by its own type, in words', () => {
    const html = render([
      event(
        'register',
        {
          __typename: 'RegistrationDetails',
          channel: 'GRID_WORKER',
          risk: 'HIGH',
          riskReasons: ['MANY_HOUSEHOLDS', 'THREATS'],
          notifiedOrganizationId: 'o-2',
          notifiedOrganizationName: '延寿镇大调解协调中心',
        },
        'RECEIVED',
      ),
      event('concludeWithAgreement', {
        __typename: 'AgreementDetails',
        agreement: {
          terms: '恢复原状',
          signatories: ['王某', '李某'],
          signedOn: '2012-05-15',
          courtConfirmed: true,
        },
      }),
      event('concludeWithoutAgreement', {
        __typename: 'FailureDetails',
        referral: 'LITIGATION',
        reason: null,
      }),
      event('recordFollowUp', {
        __typename: 'FollowUpDetails',
        date: '2012-06-15',
        honoured: false,
        notes: '未履行',
      }),
      event('escalate', {
        __typename: 'EscalationDetails',
        fromOrganizationId: 'o-1',
        toOrganizationId: 'o-2',
        toOrganizationName: '延寿县大调解协调中心',
        reason: '涉及多户',
      }),
      event('coordinationDecision', {
        __typename: 'CoordinationDecisionDetails',
        meetingId: 'm-7',
        decision: '由县司法局牵头化解',
      }),
      event('decline', { __typename: 'ReasonDetails', reason: '不属于民间纠纷' }, 'DECLINED'),
      event('close', { __typename: 'NoteDetails', note: null }, 'CLOSED'),
    ]);
    const lines = text(html);
    expect(lines).toEqual(
      expect.arrayContaining([
        '登记',
        '来源：网格员上报',
        '风险等级：高',
        '风险因素：涉及多户、有过激言行',
        '已通报：延寿镇大调解协调中心',
        '达成协议',
        '协议内容：恢复原状',
        '签字人：王某、李某',
        '签订日期：2012年5月15日',
        '已经司法确认：是',
        '调解不成',
        '引导途径：诉讼',
        '回访',
        '日期：2012年6月15日',
        '是否履行：否',
        '情况记录：未履行',
        '上报上级',
        '上报至：延寿县大调解协调中心',
        '理由：涉及多户',
        '协调会议决定',
        '会议决定：由县司法局牵头化解',
        '协调会议：查看会议记录',
        '不予受理',
        '理由：不属于民间纠纷',
        '结案',
      ]),
    );
    expect(html).toContain('href="/coordinationMeetings/m-7/show"');
    // A note left blank is no line at all, and no raw code or ISO day reaches the reader.
    expect(lines.filter((line) => line.startsWith('备注'))).toEqual([]);
    expect(lines.join(' ')).not.toMatch(/GRID_WORKER|LITIGATION|\d{4}-\d{2}-\d{2}/);
  });
});
