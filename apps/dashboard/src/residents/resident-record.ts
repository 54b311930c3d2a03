import type { RegionRef } from '../common/region-ref';
import type { Gender, ResidentTag } from '@qiangji/domain';

/** A resident as listed (`ResidentRow`): the ID number and phone arrive masked, always. */
export interface ResidentRecord {
  id: string;
  name: string;
  gender: Gender;
  /** Year and age only: the full birth date is digits 7-14 of the ID number, so it comes with the reveal. */
  birthYear: number;
  age: number;
  /** Masked: 230102********1234. */
  idNumber: string;
  /** Masked: 138****5678. */
  phone: string | null;
  tags: ResidentTag[];
  regionCode: string;
  /** Sent back as expectedVersion: a change on top of someone else's is a CONFLICT, not a lost update. */
  version: number;
  region: RegionRef;
  household?: { id: string; address: string };
}

/** What revealResident answers: shown in its dialog only, never put in a record or a cache. */
export interface RevealedResident {
  id: string;
  idNumber: string;
  birthDate: string;
  phone: string | null;
}
