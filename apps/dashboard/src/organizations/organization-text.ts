/** Organisations share names across regions (every village has its 人民调解委员会), so the region code follows. */
export const organizationText = (organization: { name: string; regionCode?: string }) =>
  organization.regionCode ? `${organization.name} · ${organization.regionCode}` : organization.name;
