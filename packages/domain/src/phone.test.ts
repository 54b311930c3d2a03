import { isValidPhone, maskPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['86 13812345678', '13812345678'],
  ])('when given the mobile %p, then it becomes %p', (value, expected) => {
    expect(normalizePhone(value)).toBe(expected);
  });

  it.each([
    ['0451-86123456', '0451-86123456'],
    ['045186123456', '0451-86123456'],
    ['0451 8612 3456', '0451-86123456'],
    ['0451-8612345', '0451-8612345'],
    ['010-62345678', '010-62345678'],
    ['01062345678', '010-62345678'],
    ['021-58123456', '021-58123456'],
    ['0453-6123456', '0453-6123456'],
  ])('when given the landline %p, then it becomes %p', (value, expected) => {
    expect(normalizePhone(value)).toBe(expected);
  });

  it.each([
    ['12812345678'],
    ['1381234567'],
    ['138123456789'],
    ['23812345678'],
    ['+8513812345678'],
    ['+86 0451 86123456'],
    ['138-1234-5678'],
    ['0451-861234567'],
    ['0451-861234'],
    ['045-186123456'],
    ['0451-06123456'],
    ['0451-16123456'],
    ['013812345678'],
    ['0451--86123456'],
    ['0451-8612345a'],
    ['４５１８６１２３４５６'],
    [''],
    ['   '],
  ])('when given %p, then it is not a phone number', (value) => {
    expect(normalizePhone(value)).toBeNull();
  });

  it.each([[null], [undefined], [13812345678], [{}]])(
    'when given the non-string %p, then it is null',
    (value) => {
      expect(normalizePhone(value as unknown as string)).toBeNull();
    },
  );
});

describe('isValidPhone', () => {
  it('when given mobiles and landlines, then they are valid', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('+86 138 1234 5678')).toBe(true);
    expect(isValidPhone('0451-86123456')).toBe(true);
  });

  it.each([['12345'], [''], [null], [undefined], [13812345678], [['13812345678']]])(
    'when given %p, then it is not valid',
    (value) => {
      expect(isValidPhone(value)).toBe(false);
    },
  );
});

describe('maskPhone', () => {
  it('when given a mobile in any accepted form, then it keeps the first 3 and the last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
  });

  it('when given a landline, then it keeps the area code and the last 2', () => {
    expect(maskPhone('0451-86123456')).toBe('0451-******56');
    expect(maskPhone('045186123456')).toBe('0451-******56');
    expect(maskPhone('0451-8612345')).toBe('0451-*****45');
    expect(maskPhone('010-62345678')).toBe('010-******78');
  });

  it('when given anything else, then all but the last 2 characters are masked', () => {
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('tel: 555')).toBe('******55');
    expect(maskPhone('abc')).toBe('*bc');
  });

  it.each([[''], ['1'], ['12'], [null], [undefined], [13812345678]])(
    'when given %p, then it returns two stars and does not throw',
    (value) => {
      expect(maskPhone(value as unknown as string)).toBe('**');
    },
  );
});
