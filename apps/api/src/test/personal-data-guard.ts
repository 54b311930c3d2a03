import { isValidIdNumber } from '@qiangji/domain';

const ID_NUMBER = /\b\d{17}[\dXx]\b/g;
const MOBILE = /\b1[3-9]\d{9}\b/g;

/**
 * Every response the test suite receives passes through here: an unmasked ID number or mobile
 * number in any of them fails the test that asked, unless the operation is revealResident.
 */
export function assertNoPersonalData(query: string, body: string): void {
  if (/\brevealResident\b/.test(query)) return;
  const leaks = findPersonalData(body);
  if (leaks.length) {
    throw new Error(
      `A response leaks personal data (${leaks.length} values, e.g. ${leaks[0].slice(0, 6)}…): ${query.slice(0, 80)}`,
    );
  }
}

/** Unmasked ID numbers (with a valid check digit) and mobile numbers in a text. */
export function findPersonalData(text: string): string[] {
  return [...(text.match(ID_NUMBER) ?? []).filter(isValidIdNumber), ...(text.match(MOBILE) ?? [])];
}
