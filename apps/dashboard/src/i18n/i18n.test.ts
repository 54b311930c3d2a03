import {
  DEADLINE_STATUS_LABELS,
  DEADLINE_STATUSES,
  DISPUTE_CASE_MACHINE,
  DISPUTE_CASE_STATE_LABELS,
  DISPUTE_CASE_STATES,
  DISPUTE_TYPES,
  ERROR_CODES,
  GENDERS,
  INDUSTRIES,
  INTAKE_CHANNELS,
  MEDIATOR_EMPLOYMENTS,
  ORGANIZATION_KINDS,
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  PETITION_CASE_MACHINE,
  PETITION_CASE_STATES,
  REFERRALS,
  RISK_LEVELS,
  RISK_REASONS,
  REGION_LEVELS,
  RESIDENT_TAG_LABELS,
  RESIDENT_TAGS,
  ROLE_LABELS,
  ROLES,
} from '@qiangji/domain';
import englishMessages from 'ra-language-english';
import { enMessages } from './en';
import { describeApiError, i18nProvider } from './i18n-provider';
import { zhMessages } from './zh';

/** Every leaf of a nested message object, as [dotted key, value]. */
function leaves(messages: object, prefix = ''): [string, unknown][] {
  return Object.entries(messages).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object'
      ? leaves(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

const placeholders = (text: unknown) => new Set(String(text).match(/%\{\w+\}/g) ?? []);

describe('translations', () => {
  it('when react-admin has a message, then zh has a non-empty Chinese one for the same key', () => {
    const zh = new Map(leaves(zhMessages));
    const missing = leaves(englishMessages)
      .filter(([key, english]) => {
        const chinese = zh.get(key);
        // ra.boolean.null is deliberately blank in English too.
        return typeof chinese !== 'string' || (chinese.trim() === '' && String(english).trim() !== '');
      })
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it('when a key exists in en, then it exists in zh, and the other way round', () => {
    const enKeys = leaves(enMessages)
      .map(([key]) => key)
      .sort();
    const zhKeys = leaves(zhMessages)
      .map(([key]) => key)
      .sort();
    expect(zhKeys).toEqual(enKeys);
  });

  it('when zh interpolates a variable, then en offers the same variable', () => {
    const en = new Map(leaves(enMessages));
    const unknown = leaves(zhMessages).flatMap(([key, chinese]) =>
      [...placeholders(chinese)]
        .filter((variable) => !placeholders(en.get(key)).has(variable))
        .map((variable) => `${key}: ${variable}`),
    );
    expect(unknown).toEqual([]);
  });

  it('when a region is shown, then both languages name every level of the domain package', () => {
    for (const messages of [zhMessages, enMessages]) {
      const names = (messages.app as { region_level: Record<string, string> }).region_level;
      expect(Object.keys(names).sort()).toEqual([...REGION_LEVELS].sort());
      expect(Object.values(names).filter((name) => name.trim() === '')).toEqual([]);
    }
  });

  it('when roles, tags and genders are shown, then both languages name every value of the domain package', () => {
    for (const messages of [zhMessages, enMessages]) {
      const app = messages.app as Record<string, Record<string, string>>;
      expect(Object.keys(app.role).sort()).toEqual([...ROLES].sort());
      expect(Object.keys(app.resident_tag).sort()).toEqual([...RESIDENT_TAGS].sort());
      expect(Object.keys(app.gender).sort()).toEqual([...GENDERS].sort());
      for (const table of [app.role, app.resident_tag, app.gender]) {
        expect(Object.values(table).filter((name) => name.trim() === '')).toEqual([]);
      }
    }
  });

  it('when a role or tag is shown in Chinese, then the label is the one in the domain table', () => {
    const app = zhMessages.app as Record<string, Record<string, string>>;
    expect(app.role.SUPERVISOR).toBe(ROLE_LABELS.SUPERVISOR.zh);
    expect(app.resident_tag.MINIMUM_ALLOWANCE).toBe(RESIDENT_TAG_LABELS.MINIMUM_ALLOWANCE.zh);
  });

  it('when grand mediation values are shown, then both languages name every value of the domain package', () => {
    const tables: [string, readonly string[]][] = [
      ['dispute_state', DISPUTE_CASE_STATES],
      // The steps by the domain's names, as the buttons (availableCommands camel-cased) and the timeline use them.
      ['dispute_command', DISPUTE_CASE_MACHINE.commands],
      ['petition_command', PETITION_CASE_MACHINE.commands],
      ['dispute_type', DISPUTE_TYPES],
      ['intake_channel', INTAKE_CHANNELS],
      ['risk_level', RISK_LEVELS],
      ['risk_reason', RISK_REASONS],
      ['organization_kind', ORGANIZATION_KINDS],
      ['industry', INDUSTRIES],
      ['mediator_employment', MEDIATOR_EMPLOYMENTS],
      ['referral', REFERRALS],
      ['petition_state', PETITION_CASE_STATES],
      ['deadline_status', DEADLINE_STATUSES],
      ['party_role', PARTY_ROLES],
    ];
    for (const messages of [zhMessages, enMessages]) {
      const app = messages.app as Record<string, Record<string, string>>;
      for (const [table, values] of tables) {
        expect([table, Object.keys(app[table]).sort()]).toEqual([table, [...values].sort()]);
        expect(Object.values(app[table]).filter((name) => name.trim() === '')).toEqual([]);
      }
    }
  });

  it('when a case’s state or step is shown in Chinese, then the label is the one in the domain table', () => {
    const app = zhMessages.app as Record<string, Record<string, string>>;
    expect(app.dispute_state.FOLLOW_UP).toBe(DISPUTE_CASE_STATE_LABELS.FOLLOW_UP.zh);
    expect(app.dispute_command.concludeWithAgreement).toBe(
      DISPUTE_CASE_MACHINE.rules.concludeWithAgreement.label.zh,
    );
    expect(app.petition_command.recordUnresolved).toBe(PETITION_CASE_MACHINE.rules.recordUnresolved.label.zh);
    expect(app.deadline_status.OVERDUE).toBe(DEADLINE_STATUS_LABELS.OVERDUE.zh);
    expect(app.party_role.RESPONDENT).toBe(PARTY_ROLE_LABELS.RESPONDENT.zh);
  });

  it('when the API fails with any of its error codes, then both languages have a message for it', () => {
    for (const messages of [zhMessages, enMessages]) {
      const errors = (messages.app as { errors: Record<string, string> }).errors;
      expect(Object.keys(errors).sort()).toEqual([...ERROR_CODES].sort());
    }
  });

  it('when an input error is shown in Chinese, then the user reads 输入有误 and the detail', async () => {
    await i18nProvider.changeLocale('zh-CN');
    expect(describeApiError('BAD_USER_INPUT', '2301 is not a valid division code.')).toBe(
      '输入有误：2301 is not a valid division code.',
    );
    expect(describeApiError('CONFLICT', 'Version 3 is stale.')).toBe('记录已被他人修改，请刷新后重试');
  });
});
