import { DomainValidationError } from './errors';
import type { RegionLevel, RegionTier } from './region';

// Codes follow GB/T 2260 (6 digits) and the NBS 统计用区划代码 (9 and 12 digits, trimmed of trailing zeros);
// 14-digit hamlet and 15-digit grid codes are our own extensions under a 12-digit community or village.

type Check = { tier: RegionTier } | { problem: string };

const MAX_QUOTED = 24;

function quote(code: string): string {
  // Messages end up in logs and API errors; a runaway input must not flood them.
  return JSON.stringify(code.length > MAX_QUOTED ? `${code.slice(0, MAX_QUOTED)}…` : code);
}

function checkSixDigits(code: string): Check {
  if (code.startsWith('0')) return { problem: 'digits 1-2 must be a province code (11 to 82)' };
  if (code.endsWith('0000')) {
    return {
      problem: 'digits 1-6 end in 0000, which makes them a province code; our tree starts at the city',
    };
  }
  if (code.slice(2, 4) === '00') return { problem: 'its city part (digits 3-4) is 00' };
  return { tier: code.endsWith('00') ? 'CITY' : 'COUNTY' };
}

function checkChild(
  code: string,
  parentLength: number,
  parentTier: RegionTier,
  childTier: RegionTier,
): Check {
  // A child code is only as valid as the parent code it starts with.
  const parent = check(code.slice(0, parentLength));
  if ('problem' in parent) return parent;
  if (parent.tier !== parentTier) {
    return {
      problem: `a ${childTier.toLowerCase()}-tier code must start with a ${parentTier.toLowerCase()}-tier code, and digits 1-${parentLength} are a ${parent.tier.toLowerCase()}-tier code`,
    };
  }
  const part = code.slice(parentLength);
  if (/^0+$/.test(part)) {
    return {
      problem: `its ${childTier.toLowerCase()} part (digits ${parentLength + 1}-${code.length}) is ${part}`,
    };
  }
  return { tier: childTier };
}

function check(code: unknown): Check {
  if (typeof code !== 'string') return { problem: 'it must be a string' };
  if (!/^\d*$/.test(code)) return { problem: 'it must contain digits only' };
  switch (code.length) {
    case 6:
      return checkSixDigits(code);
    case 9:
      return checkChild(code, 6, 'COUNTY', 'TOWN');
    case 12:
      return checkChild(code, 9, 'TOWN', 'VILLAGE');
    case 14:
      return checkChild(code, 12, 'VILLAGE', 'HAMLET');
    case 15:
      return checkChild(code, 12, 'VILLAGE', 'GRID');
    default:
      return { problem: `it must have 6, 9, 12, 14 or 15 digits, not ${code.length}` };
  }
}

function tierOf(code: unknown, field: string): RegionTier {
  const result = check(code);
  if ('problem' in result) {
    const subject = typeof code === 'string' ? `Division code ${quote(code)}` : 'Division code';
    throw new DomainValidationError(`${subject} is invalid: ${result.problem}.`, field);
  }
  return result.tier;
}

/** The tier a division code belongs to, read from its length and checked part by part. */
export function divisionCodeTier(code: string): RegionTier {
  return tierOf(code, 'code');
}

export function isValidDivisionCode(code: unknown): boolean {
  return 'tier' in check(code);
}

/** The code of the enclosing region, or null for the city, which is the root of our tree. */
export function parentDivisionCode(code: string): string | null {
  switch (tierOf(code, 'code')) {
    case 'CITY':
      return null;
    case 'COUNTY':
      return `${code.slice(0, 4)}00`;
    case 'TOWN':
      return code.slice(0, 6);
    case 'VILLAGE':
      return code.slice(0, 9);
    case 'HAMLET':
    case 'GRID':
      return code.slice(0, 12);
  }
}

/** Every enclosing code, root first, without the code itself. */
export function ancestorDivisionCodes(code: string): string[] {
  const ancestors: string[] = [];
  for (let parent = parentDivisionCode(code); parent !== null; parent = parentDivisionCode(parent)) {
    ancestors.unshift(parent);
  }
  return ancestors;
}

/**
 * Whether `code` lies in the subtree rooted at `ancestorOrSelf`. A plain prefix test would be wrong twice:
 * 230102 does not start with its city 230100, and grid 230102010003015 starts with hamlet 23010201000301
 * without belonging to it.
 */
export function isWithinDivision(code: string, ancestorOrSelf: string): boolean {
  tierOf(code, 'code');
  tierOf(ancestorOrSelf, 'ancestorOrSelf');
  return code === ancestorOrSelf || ancestorDivisionCodes(code).includes(ancestorOrSelf);
}

function requireNumber(n: number, max: number): string {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) {
    throw new DomainValidationError(`n must be a whole number from 1 to ${max}; got ${String(n)}.`, 'n');
  }
  return String(n).padStart(String(max).length, '0');
}

function requireVillageTier(code: string, field: string, what: string): void {
  if (tierOf(code, field) !== 'VILLAGE') {
    throw new DomainValidationError(
      `${what} must be a 12-digit community or village code; got ${quote(code)}.`,
      field,
    );
  }
}

/** The 15-digit code of grid unit number `n` (1..999) in a community or village. */
export function gridUnitCode(parentCode: string, n: number): string {
  requireVillageTier(parentCode, 'parentCode', 'A grid unit’s parent code');
  return parentCode + requireNumber(n, 999);
}

/** The 14-digit code of hamlet number `n` (1..99) in a village. */
export function hamletCode(villageCode: string, n: number): string {
  requireVillageTier(villageCode, 'villageCode', 'A hamlet’s village code');
  return villageCode + requireNumber(n, 99);
}

/**
 * The committee named in the row decides first: a 村委会 is a village even in an urban-rural fringe
 * (城乡结合区, code 1xx), and a 居委会 is a community even on rural land. Only units that are neither
 * (farm districts, 虚拟生活区) fall back on the urban-rural code.
 */
function inferVillageLevel(name: string, urbanRuralCode: string | null | undefined): RegionLevel {
  // CSV importers hand over an empty cell for "no code", so it counts as absent.
  const hasCode = urbanRuralCode !== undefined && urbanRuralCode !== null && urbanRuralCode !== '';
  // NBS 城乡分类代码: 1xx urban (主城区, 城乡结合区, 镇中心区, …), 2xx rural (乡中心区, 村庄).
  if (hasCode && !(typeof urbanRuralCode === 'string' && /^[12]\d\d$/.test(urbanRuralCode))) {
    throw new DomainValidationError(
      `Urban-rural code must be a 3-digit NBS code starting with 1 (urban) or 2 (rural); got ${JSON.stringify(urbanRuralCode)}.`,
      'urbanRuralCode',
    );
  }
  if (/村(委会|民委员会)?$/.test(name)) return 'VILLAGE';
  if (/(居委会|居民委员会)$|社区/.test(name)) return 'COMMUNITY';
  if (hasCode) return urbanRuralCode.startsWith('1') ? 'COMMUNITY' : 'VILLAGE';
  return name.includes('村') ? 'VILLAGE' : 'COMMUNITY';
}

/**
 * The level of a row of the National Bureau of Statistics division list. The code gives the tier; the name
 * (and, for villages, the urban-rural code) tells siblings on one tier apart.
 */
export function inferRegionLevel(input: {
  code: string;
  name: string;
  urbanRuralCode?: string | null;
}): RegionLevel {
  const tier = tierOf(input?.code, 'code');
  if (typeof input.name !== 'string' || input.name.trim() === '') {
    throw new DomainValidationError('Region name must be a non-empty string.', 'name');
  }
  const name = input.name.trim();
  switch (tier) {
    case 'CITY':
      return 'CITY';
    case 'COUNTY':
      if (name.endsWith('县')) return 'COUNTY';
      if (name.endsWith('市')) return 'COUNTY_CITY';
      // 区 and anything unusual (e.g. 市辖区 placeholders, development zones) are run like districts.
      return 'DISTRICT';
    case 'TOWN':
      // NBS also lists forestry bureaus, farms and zones (林业局, 农场, 4xx/5xx codes) here; they are rural.
      return name.endsWith('街道') ? 'STREET' : 'TOWNSHIP';
    case 'VILLAGE':
      return inferVillageLevel(name, input.urbanRuralCode);
    case 'HAMLET':
      return 'HAMLET';
    case 'GRID':
      return 'GRID';
  }
}
