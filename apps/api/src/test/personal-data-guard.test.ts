import { makeIdNumber, maskIdNumber, maskPhone } from '@qiangji/domain';
import { assertNoPersonalData } from './personal-data-guard';

/** The guard every test response passes through must itself be trustworthy. */
describe('the personal-data guard of the test client', () => {
  const idNumber = makeIdNumber('230102', '1985-06-15', 123);
  const mobile = '13812345678';
  const QUERY = '{ residents { edges { node { idNumber phone } } } }';
  const body = (value: unknown) => JSON.stringify({ data: { resident: { idNumber: value } } });

  it('when a response holds a valid ID number in the clear, then it throws without repeating the number', () => {
    expect(() => assertNoPersonalData(QUERY, body(idNumber))).toThrow(/leaks personal data/);
    expect(() => assertNoPersonalData(QUERY, body(idNumber))).not.toThrow(idNumber);
    expect(() => assertNoPersonalData(QUERY, `{"errors":[{"message":"duplicate ${idNumber}"}]}`)).toThrow();
  });

  it('when a response holds a valid ID number ending in X, lower or upper case, then it throws', () => {
    let withX = '';
    for (let seq = 0; seq < 1000 && !withX; seq++) {
      const n = makeIdNumber('230102', '1990-01-01', seq);
      if (n.endsWith('X')) withX = n;
    }
    expect(withX).not.toBe('');
    expect(() => assertNoPersonalData(QUERY, body(withX))).toThrow(/leaks personal data/);
    expect(() => assertNoPersonalData(QUERY, body(withX.toLowerCase()))).toThrow(/leaks personal data/);
  });

  it('when a response holds a mobile number in the clear, then it throws', () => {
    expect(() => assertNoPersonalData(QUERY, body(mobile))).toThrow(/leaks personal data/);
    expect(() => assertNoPersonalData(QUERY, `{"data":{"phones":["${mobile}"]}}`)).toThrow();
  });

  it('when the values are masked, then it passes', () => {
    expect(maskIdNumber(idNumber)).toMatch(/^230102\*{8}\d{3}[\dX]$/);
    expect(() => assertNoPersonalData(QUERY, body(maskIdNumber(idNumber)))).not.toThrow();
    expect(() => assertNoPersonalData(QUERY, body(maskPhone(mobile)))).not.toThrow();
  });

  it('when an 18-digit number is not a valid ID number, then it passes', () => {
    const invalid = `${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`;
    expect(() => assertNoPersonalData(QUERY, body(invalid))).not.toThrow();
    expect(() => assertNoPersonalData(QUERY, body('230102198506151'))).not.toThrow();
  });

  it('when the operation is revealResident, then the clear values pass', () => {
    const reveal = 'mutation($id: ID!) { revealResident(id: $id, purpose: "核对身份") { idNumber phone } }';
    const revealed = JSON.stringify({ data: { revealResident: { idNumber, phone: mobile } } });
    expect(() => assertNoPersonalData(reveal, revealed)).not.toThrow();
    expect(() => assertNoPersonalData('{ revealedResidents }', revealed)).toThrow();
  });
});
