import { answerValidator, formSchemaOf, givenAnswers } from './form-fields';

const FIELDS = [
  {
    key: 'reason',
    label: '办理原因',
    type: 'CHOICE',
    required: true,
    options: ['遗失补办', '损坏换发'],
    min: null,
  },
  {
    key: 'age',
    label: '年龄',
    type: 'NUMBER',
    required: true,
    integer: true,
    min: 60,
    max: 130,
    options: null,
  },
  { key: 'lostOn', label: '遗失日期', type: 'DATE', required: false },
];

describe('an item’s form in the dashboard', () => {
  it('when the API’s fields carry nulls, then they make the domain’s schema', () => {
    expect(formSchemaOf(FIELDS).fields.map((f) => f.type)).toEqual(['CHOICE', 'NUMBER', 'DATE']);
  });

  it('when answers are wrong, then each error is under its answer, as the API would say', () => {
    const form = formSchemaOf(FIELDS);
    const wrong = { answers: { age: 59, lostOn: '' } };
    expect(answerValidator(form, 'age')(59, wrong)).toMatch(/60/);
    expect(answerValidator(form, 'reason')(undefined, wrong)).toBeDefined();
    expect(answerValidator(form, 'lostOn')('', wrong)).toBeUndefined();
    const right = { answers: { reason: '遗失补办', age: 72, lostOn: '' } };
    expect(FIELDS.map((f) => answerValidator(form, f.key)(undefined, right))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(givenAnswers({ a: '', b: 0, c: false })).toEqual({ b: 0, c: false });
  });
});
