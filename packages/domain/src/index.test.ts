import * as domain from './index';

describe('the public API', () => {
  it('when imported, then it exports exactly the agreed names', () => {
    expect(Object.keys(domain).sort()).toEqual(
      [
        'DomainValidationError',
        'ERROR_CODES',
        'REGION_LEVELS',
        'REGION_TIERS',
        'REGION_LEVEL_TIER',
        'REGION_LEVEL_LABELS',
        'isRegionLevel',
        'levelsOfTier',
        'divisionCodeTier',
        'isValidDivisionCode',
        'parentDivisionCode',
        'ancestorDivisionCodes',
        'isWithinDivision',
        'gridUnitCode',
        'hamletCode',
        'inferRegionLevel',
        'idNumberCheckChar',
        'validateIdNumber',
        'isValidIdNumber',
        'maskIdNumber',
        'makeIdNumber',
        'normalizePhone',
        'isValidPhone',
        'maskPhone',
        'mediationRate',
        'resolutionRate',
        'yearOnYearChange',
        'percentagePointChange',
        'compoundAnnualGrowth',
        'promotionRate',
        'formatPercent',
        'KPI_FORMULAS',
        // Added beside this package's brief, by the GCJ-02 / WGS-84 work in geo.ts.
        'ROLES',
        'ACTIONS',
        'PERMISSIONS',
        'ROLE_LABELS',
        'API_KEY_SCOPES',
        'API_KEY_PERMISSIONS',
        'isRole',
        'actionsOf',
        'can',
        'RESIDENT_TAGS',
        'RESIDENT_TAG_LABELS',
        'GENDERS',
        'MIN_PURPOSE_LENGTH',
        'MAX_PURPOSE_LENGTH',
        'DISPUTE_CASE_STATES',
        'DISPUTE_CASE_STATE_GRAPH',
        'DISPUTE_CASE_COMMANDS',
        'DISPUTE_CASE_TRANSITIONS',
        'checkDisputeCaseCommand',
        'availableDisputeCaseCommands',
        'isOpenDisputeCase',
        'gcj02ToWgs84',
        'wgs84ToGcj02',
        'isOutsideChina',
      ].sort(),
    );
  });

  it('when a division code is wrong, then the error is the exported class', () => {
    expect(() => domain.divisionCodeTier('230000')).toThrow(domain.DomainValidationError);
  });
});
