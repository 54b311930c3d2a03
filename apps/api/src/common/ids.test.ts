import { AppError } from './app-error';
import { parseId, parseIds } from './ids';

/** The one id parser (issue 7 item 8, catalogue cases 17 and 19); through HTTP: server/id-arguments.test.ts. */

const BAD: unknown[] = [
  '',
  ' ',
  'x',
  '{"$gt":""}',
  '[]',
  "' OR '1'='1",
  '00000000-0000-4000-8000-00000000000', // one digit short
  '00000000-0000-4000-8000-0000000000000', // one too many
  '00000000000040008000000000000000', // no dashes
  ' 00000000-0000-4000-8000-000000000000',
  'g0000000-0000-4000-8000-000000000000',
  null,
  undefined,
  42,
  { $gt: '' },
  ['00000000-0000-4000-8000-000000000000'],
];

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('the one id parser', () => {
  it.each(BAD.map((value) => [JSON.stringify(value) ?? String(value), value]))(
    'when the id is %s, then BAD_USER_INPUT on the field (case 19)',
    (_label, value) => {
      const err = thrown(() => parseId(value, 'householdId'));
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'householdId is not a valid id.',
        details: { field: 'householdId' },
      });
    },
  );

  it('when the id is a UUID in capitals, then it comes back in lower case, as PostgreSQL prints it', () => {
    expect(parseId('ABCDEF00-0000-4000-8000-00000000000A', 'id')).toBe(
      'abcdef00-0000-4000-8000-00000000000a',
    );
  });

  it('when a list holds a bad id, then the field names its position', () => {
    const good = '00000000-0000-4000-8000-000000000001';
    expect(parseIds([good, good], 'organizationIds')).toEqual([good, good]);
    expect(thrown(() => parseIds([good, good, ''], 'organizationIds'))).toMatchObject({
      details: { field: 'organizationIds.2' },
    });
  });
});
