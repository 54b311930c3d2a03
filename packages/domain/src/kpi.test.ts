import { DomainValidationError } from './errors';
import {
  compoundAnnualGrowth,
  formatPercent,
  KPI_FORMULAS,
  mediationRate,
  percentagePointChange,
  promotionRate,
  resolutionRate,
  yearOnYearChange,
} from './kpi';
import * as kpi from './kpi';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainValidationError) return error.field;
    throw error;
  }
  throw new Error('Expected a DomainValidationError, but nothing was thrown.');
}

const BAD_COUNTS: [unknown][] = [[-1], [1.5], [NaN], [Infinity], [-Infinity], ['10'], [null], [undefined]];

describe.each([
  ['mediationRate', mediationRate, 'mediated', 'accepted'],
  ['resolutionRate', resolutionRate, 'resolved', 'backlog'],
  ['promotionRate', promotionRate, 'adopting', 'total'],
] as const)('%s', (_name, rate, partField, wholeField) => {
  it('when counts are given, then the rate is the unrounded fraction', () => {
    expect(rate(1, 3)).toBe(1 / 3);
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 5)).toBe(1);
  });

  it('when the denominator is zero, then the rate is undefined (null), not 0', () => {
    expect(rate(0, 0)).toBeNull();
  });

  it('when the numerator exceeds the denominator, then it throws naming the numerator', () => {
    expect(fieldOf(() => rate(11, 10))).toBe(partField);
    expect(fieldOf(() => rate(1, 0))).toBe(partField);
    expect(() => rate(11, 10)).toThrow(`${partField} (11) cannot exceed ${wholeField} (10).`);
  });

  it.each(BAD_COUNTS)('when a count is %p, then it throws naming that count', (bad) => {
    expect(fieldOf(() => rate(bad as number, 10))).toBe(partField);
    expect(fieldOf(() => rate(0, bad as number))).toBe(wholeField);
  });
});

describe('the article’s figures', () => {
  it('when 9,917 of 10,368 accepted disputes were mediated, then the mediation rate shows as 95.7%', () => {
    const rate = mediationRate(9917, 10368);
    expect(rate).toBeCloseTo(0.9565, 4);
    expect(formatPercent(rate)).toBe('95.7%');
  });

  it('when 4 of 5 backlog petitions were resolved, then the resolution rate shows as 80%', () => {
    expect(resolutionRate(4, 5)).toBe(0.8);
    expect(formatPercent(resolutionRate(80, 100), 0)).toBe('80%');
  });

  it('when 293 of about 1,429 villages adopted the model, then the promotion rate shows as 20.5%', () => {
    const rate = promotionRate(293, 1429);
    expect(rate).toBeCloseTo(0.205, 3);
    expect(formatPercent(rate)).toBe('20.5%');
  });

  it('when reported cases fell from 100 to 80.2, then the year-on-year change is −19.8%', () => {
    expect(yearOnYearChange(80.2, 100)).toBeCloseTo(-0.198, 10);
    expect(formatPercent(yearOnYearChange(80.2, 100))).toBe('-19.8%');
    expect(formatPercent(yearOnYearChange(81.7, 100))).toBe('-18.3%');
  });

  it('when satisfaction rose from 92.5% to 92.9%, then the change is +0.4 percentage points', () => {
    expect(percentagePointChange(0.929, 0.925)).toBeCloseTo(0.4, 10);
  });

  it('when income grew 18.1% a year for four years, then the compound annual growth is 18.1%', () => {
    expect(compoundAnnualGrowth(1, 1.181 ** 4, 4)).toBeCloseTo(0.181, 10);
    expect(compoundAnnualGrowth(5000, 5000 * 1.181 ** 4, 4)).toBeCloseTo(0.181, 10);
    expect(formatPercent(compoundAnnualGrowth(1, 1.181 ** 4, 4))).toBe('18.1%');
  });
});

describe('yearOnYearChange', () => {
  it('when values grow, stay or fall, then the change is positive, zero or negative', () => {
    expect(yearOnYearChange(150, 100)).toBe(0.5);
    expect(yearOnYearChange(100, 100)).toBe(0);
    expect(yearOnYearChange(0, 100)).toBe(-1);
  });

  it('when last year was zero, then the change is undefined (null)', () => {
    expect(yearOnYearChange(5, 0)).toBeNull();
    expect(yearOnYearChange(0, 0)).toBeNull();
  });

  it.each([[-1], [NaN], [Infinity], ['100'], [null]])(
    'when a value is %p, then it throws naming it',
    (bad) => {
      expect(fieldOf(() => yearOnYearChange(bad as number, 100))).toBe('current');
      expect(fieldOf(() => yearOnYearChange(100, bad as number))).toBe('previous');
    },
  );
});

describe('percentagePointChange', () => {
  it('when rates fall or stay, then the points are negative or zero', () => {
    expect(percentagePointChange(0.9, 0.95)).toBeCloseTo(-5, 10);
    expect(percentagePointChange(0.5, 0.5)).toBe(0);
    expect(percentagePointChange(1, 0)).toBe(100);
  });

  it.each([[92.9], [1.01], [-0.1], [NaN], [Infinity], ['0.9'], [null]])(
    'when a rate is %p, then it throws naming it',
    (bad) => {
      expect(fieldOf(() => percentagePointChange(bad as number, 0.5))).toBe('current');
      expect(fieldOf(() => percentagePointChange(0.5, bad as number))).toBe('previous');
    },
  );

  it('when given percentages instead of fractions, then the message shows the expected form', () => {
    expect(() => percentagePointChange(92.9, 92.5)).toThrow('0.929 for 92.9%');
  });
});

describe('compoundAnnualGrowth', () => {
  it('when the value doubles in one year or halves over two, then the growth is +100% or about −29.3%', () => {
    expect(compoundAnnualGrowth(100, 200, 1)).toBe(1);
    expect(compoundAnnualGrowth(100, 50, 2)).toBeCloseTo(Math.SQRT1_2 - 1, 12);
    expect(compoundAnnualGrowth(100, 100, 3)).toBe(0);
    expect(compoundAnnualGrowth(100, 0, 3)).toBe(-1);
  });

  it('when the period is not whole years, then the growth is still yearly', () => {
    expect(compoundAnnualGrowth(100, 121, 2)).toBeCloseTo(0.1, 12);
    expect(compoundAnnualGrowth(100, 110, 0.5)).toBeCloseTo(0.21, 12);
  });

  it('when the start is zero or the period is zero years, then the growth is undefined (null)', () => {
    expect(compoundAnnualGrowth(0, 100, 4)).toBeNull();
    expect(compoundAnnualGrowth(100, 120, 0)).toBeNull();
  });

  it.each([[-1], [NaN], [Infinity], ['1'], [null]])(
    'when an input is %p, then it throws naming it',
    (bad) => {
      expect(fieldOf(() => compoundAnnualGrowth(bad as number, 100, 4))).toBe('start');
      expect(fieldOf(() => compoundAnnualGrowth(100, bad as number, 4))).toBe('end');
      expect(fieldOf(() => compoundAnnualGrowth(100, 120, bad as number))).toBe('years');
    },
  );
});

describe('formatPercent', () => {
  it.each([
    [0.9565, 1, '95.7%'],
    [0.8, 1, '80.0%'],
    [0.8, 0, '80%'],
    [1, 1, '100.0%'],
    [0, 1, '0.0%'],
    [0.205, 1, '20.5%'],
    [0.20503, 2, '20.50%'],
    [0.01005, 2, '1.01%'],
    [0.125, 0, '13%'],
    [-0.198, 1, '-19.8%'],
    [-0.125, 0, '-13%'],
    [-0.0004, 1, '0.0%'],
    [2.5, 1, '250.0%'],
    [1e-12, 1, '0.0%'],
    [1234.5, 1, '123450.0%'],
  ])('when formatting %p with %p digits, then it shows %p', (fraction, digits, expected) => {
    expect(formatPercent(fraction, digits)).toBe(expected);
  });

  it('when no digits are given, then it shows one', () => {
    expect(formatPercent(0.9565)).toBe('95.7%');
  });

  it.each([[null], [undefined], [NaN], [Infinity], ['0.5']])(
    'when the rate is %p, then it shows a dash',
    (value) => {
      expect(formatPercent(value as number | null)).toBe('—');
    },
  );

  it.each([[-1], [1.5], [11], [NaN]])('when digits is %p, then it throws naming digits', (digits) => {
    expect(fieldOf(() => formatPercent(0.5, digits))).toBe('digits');
  });
});

describe('KPI_FORMULAS', () => {
  it('when listing the formulas, then there are six, each naming a function of this package', () => {
    expect(KPI_FORMULAS.map((f) => f.id)).toEqual([
      'mediationRate',
      'resolutionRate',
      'yearOnYearChange',
      'percentagePointChange',
      'compoundAnnualGrowth',
      'promotionRate',
    ]);
    for (const formula of KPI_FORMULAS) {
      expect(typeof (kpi as Record<string, unknown>)[formula.id]).toBe('function');
      expect(formula.label.zh).not.toBe('');
      expect(formula.label.en).not.toBe('');
      expect(formula.formula).not.toBe('');
      expect(formula.reference).not.toBe('');
    }
  });

  it('when showing the references, then they carry the article’s figures', () => {
    const references = KPI_FORMULAS.map((f) => f.reference).join(' | ');
    for (const figure of ['95.7%', '80%', '19.8%', '92.9%', '0.4 points', '18.1%', '293', '20.5%']) {
      expect(references).toContain(figure);
    }
  });

  it('when a JavaScript caller tries to change the table, then it stays as it is', () => {
    expect(Object.isFrozen(KPI_FORMULAS)).toBe(true);
    expect(Object.isFrozen(KPI_FORMULAS[0])).toBe(true);
    expect(Object.isFrozen(KPI_FORMULAS[0].label)).toBe(true);
  });
});
