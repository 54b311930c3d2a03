import { regionName, type RegionRef } from '../common/region-ref';

/** Organisations share names across regions (17 villages have a 东升村人民调解委员会), so their region follows. */
export const organizationText = (organization: { name: string; region?: RegionRef }) =>
  organization.region ? `${organization.name} · ${regionName(organization.region)}` : organization.name;
