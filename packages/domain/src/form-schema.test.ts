import { DomainValidationError } from './errors';
import { formAnswerIssues, parseFormSchema, validateFormAnswers } from './form-schema';

const SENIOR_CARD = parseFormSchema({
  fields: [
    { key: 'reason', label: '补办原因', type: 'CHOICE', required: true, options: ['遗失', '损坏'] },
    { key: 'lostOn', label: '遗失日期', type: 'DATE', required: false },
    { key: 'age', label: '年龄', type: 'NUMBER', required: true, integer: true, min: 60, max: 130 },
    { key: 'collectInPerson', label: '本人领取', type: 'YES_NO', required: true },
    { key: 'note', label: '备注', type: 'TEXT', required: false, maxLength: 20 },
  ],
});

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainValidationError) return error.field;
    throw error;
  }
  return undefined;
}

describe('form schemas', () => {
  it('when the answers fit the schema, then they come back trimmed and without empty optional answers', () => {
    expect(
      validateFormAnswers(SENIOR_CARD, {
        reason: '遗失',
        age: 72,
        collectInPerson: false,
        note: '  在北京丢失 ',
        lostOn: '',
      }),
    ).toEqual({ reason: '遗失', age: 72, collectInPerson: false, note: '在北京丢失' });
  });

  it('when an answer has the wrong type, then the error is on that answer', () => {
    expect(
      fieldOf(() => validateFormAnswers(SENIOR_CARD, { reason: '遗失', age: '72', collectInPerson: true })),
    ).toBe('answers.age');
    expect(
      fieldOf(() => validateFormAnswers(SENIOR_CARD, { reason: '遗失', age: 72, collectInPerson: 'yes' })),
    ).toBe('answers.collectInPerson');
    expect(
      fieldOf(() =>
        validateFormAnswers(SENIOR_CARD, {
          reason: '遗失',
          age: 72,
          collectInPerson: true,
          lostOn: '2026/02/01',
        }),
      ),
    ).toBe('answers.lostOn');
  });

  it('when a required answer is missing or out of range, then the error is on that answer', () => {
    expect(fieldOf(() => validateFormAnswers(SENIOR_CARD, { age: 72, collectInPerson: true }))).toBe(
      'answers.reason',
    );
    expect(
      fieldOf(() => validateFormAnswers(SENIOR_CARD, { reason: '遗失', age: 59, collectInPerson: true })),
    ).toBe('answers.age');
    expect(
      fieldOf(() => validateFormAnswers(SENIOR_CARD, { reason: '被盗', age: 72, collectInPerson: true })),
    ).toBe('answers.reason');
  });

  it('when an answer names no field of the form, then the error is on that unknown field', () => {
    expect(
      fieldOf(() =>
        validateFormAnswers(SENIOR_CARD, { reason: '遗失', age: 72, collectInPerson: true, shoeSize: 38 }),
      ),
    ).toBe('answers.shoeSize');
  });

  it('when the dashboard asks for every issue, then each answer at fault is listed once', () => {
    expect(
      formAnswerIssues(SENIOR_CARD, { age: 1.5, collectInPerson: true, note: 'x'.repeat(21) })
        .map((i) => i.field)
        .sort(),
    ).toEqual(['answers.age', 'answers.note', 'answers.reason']);
    expect(formAnswerIssues(SENIOR_CARD, { reason: '损坏', age: 80, collectInPerson: true })).toEqual([]);
  });

  it('when a schema is malformed, then the error names the field definition at fault', () => {
    expect(
      fieldOf(() =>
        parseFormSchema({
          fields: [{ key: 'a', label: 'A', type: 'CHOICE', required: true, options: ['x'] }],
        }),
      ),
    ).toBe('formSchema.fields');
    expect(
      fieldOf(() => parseFormSchema({ fields: [{ key: 'A b', label: 'A', type: 'TEXT', required: true }] })),
    ).toBe('formSchema.fields');
    expect(() =>
      parseFormSchema({
        fields: [
          { key: 'a', label: 'A', type: 'TEXT', required: true },
          { key: 'a', label: 'B', type: 'DATE', required: false },
        ],
      }),
    ).toThrow(/keys must differ/);
    expect(() =>
      parseFormSchema({ fields: [{ key: 'a', label: 'A', type: 'COLOUR', required: true }] }),
    ).toThrow(DomainValidationError);
  });
});
