import {
  isReportOverdue,
  MONTHLY_REPORT_MACHINE,
  monthDays,
  monthlyReportDeadline,
  parseReportMonth,
  reportCommandRefusal,
  type ReportStanding,
} from './monthly-report';
import { DomainValidationError } from './errors';
import { can } from './permissions';

const DISTRICT = '230100.230102';
const STREET = '230100.230102.230102010';

function standing(overrides: Partial<ReportStanding>): ReportStanding {
  return {
    tier: 'COUNTY',
    path: DISTRICT,
    roles: ['DISTRICT_OFFICER'],
    jurisdictionPath: DISTRICT,
    unsignedChildren: 0,
    parentSigned: false,
    ...overrides,
  };
}

describe('monthly report sign-off', () => {
  it('when a report is signed and reopened, then the machine goes DRAFT → SIGNED → REOPENED → SIGNED', () => {
    const officer = ['STREET_OFFICER'] as const;
    expect(MONTHLY_REPORT_MACHINE.check('DRAFT', 'sign', officer)).toEqual({ ok: true, to: 'SIGNED' });
    expect(MONTHLY_REPORT_MACHINE.check('SIGNED', 'sign', officer)).toMatchObject({
      ok: false,
      reason: 'INVALID_TRANSITION',
    });
    expect(MONTHLY_REPORT_MACHINE.check('SIGNED', 'reopen', officer)).toEqual({ ok: true, to: 'REOPENED' });
    expect(MONTHLY_REPORT_MACHINE.check('REOPENED', 'sign', officer)).toEqual({ ok: true, to: 'SIGNED' });
    expect(MONTHLY_REPORT_MACHINE.check('DRAFT', 'sign', ['SUPERVISOR'])).toMatchObject({
      reason: 'FORBIDDEN',
    });
  });

  it('when the district officer signs with every street signed, then nothing refuses it', () => {
    expect(reportCommandRefusal('sign', standing({}))).toBeNull();
  });

  it('when a street has not signed, then the district cannot sign', () => {
    expect(reportCommandRefusal('sign', standing({ unsignedChildren: 2 }))).toEqual({
      code: 'CONFLICT',
      message: expect.stringMatching(/2 child region/),
    });
  });

  it('when someone else signs (another level, another role), then it is refused', () => {
    expect(
      reportCommandRefusal('sign', standing({ jurisdictionPath: '230100', roles: ['CITY_ADMIN'] })),
    ).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/officer of the region itself/) });
    expect(reportCommandRefusal('sign', standing({ roles: ['STREET_OFFICER'] }))).toMatchObject({
      message: expect.stringMatching(/DISTRICT_OFFICER/),
    });
    expect(reportCommandRefusal('sign', standing({ tier: 'GRID' }))).toMatchObject({
      message: expect.stringMatching(/Only communities and villages/),
    });
  });

  it('when a community signs, then its own staff does, and its street reopens it', () => {
    const community = { tier: 'VILLAGE' as const, path: `${STREET}.230102010001` };
    const staff = { roles: ['COMMUNITY_STAFF' as const], jurisdictionPath: community.path };
    expect(reportCommandRefusal('sign', standing({ ...community, ...staff }))).toBeNull();
    expect(
      reportCommandRefusal(
        'sign',
        standing({ ...community, roles: ['STREET_OFFICER'], jurisdictionPath: STREET }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      reportCommandRefusal(
        'reopen',
        standing({ ...community, roles: ['STREET_OFFICER'], jurisdictionPath: STREET }),
      ),
    ).toBeNull();
    expect(reportCommandRefusal('reopen', standing({ ...community, ...staff }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('when the level above reopens, then it may unless its own report is signed', () => {
    const street = { tier: 'TOWN' as const, path: STREET };
    expect(reportCommandRefusal('reopen', standing(street))).toBeNull();
    expect(reportCommandRefusal('reopen', standing({ ...street, parentSigned: true }))).toMatchObject({
      message: expect.stringMatching(/reopen that one/),
    });
    expect(
      reportCommandRefusal(
        'reopen',
        standing({ ...street, jurisdictionPath: STREET, roles: ['STREET_OFFICER'] }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/level above/) });
    expect(reportCommandRefusal('reopen', standing({ ...street, roles: ['SUPERVISOR'] }))).toMatchObject({
      message: expect.stringMatching(/officer of a level above/),
    });
    expect(
      reportCommandRefusal(
        'reopen',
        standing({ ...street, jurisdictionPath: '230100', roles: ['CITY_ADMIN'] }),
      ),
    ).toBeNull();
  });

  it('when deadlines are asked for, then each level has its day of the next month, December into January', () => {
    expect(monthlyReportDeadline('2012-06', 'VILLAGE')).toBe('2012-07-02');
    expect(monthlyReportDeadline('2012-06', 'TOWN')).toBe('2012-07-03');
    expect(monthlyReportDeadline('2012-06', 'COUNTY')).toBe('2012-07-05');
    expect(monthlyReportDeadline('2012-12', 'CITY')).toBe('2013-01-08');
    expect(() => monthlyReportDeadline('2012-06', 'GRID')).toThrow(DomainValidationError);
  });

  it('when a report is past its day, then it is overdue unless signed', () => {
    expect(isReportOverdue('2012-07-05', 'DRAFT', '2012-07-05')).toBe(false);
    expect(isReportOverdue('2012-07-05', 'DRAFT', '2012-07-06')).toBe(true);
    expect(isReportOverdue('2012-07-05', 'REOPENED', '2012-08-01')).toBe(true);
    expect(isReportOverdue('2012-07-05', 'SIGNED', '2012-08-01')).toBe(false);
  });

  it('when a month is parsed, then it is YYYY-MM and has begun; its days run to the month’s last', () => {
    expect(parseReportMonth('2012-02', 'month', '2026-12-01')).toBe('2012-02');
    expect(() => parseReportMonth('2012-2')).toThrow(DomainValidationError);
    expect(() => parseReportMonth('2027-01', 'month', '2026-12-31')).toThrow(/not begun/);
    expect(monthDays('2012-02')).toEqual({ from: '2012-02-01', to: '2012-02-29' });
  });

  it('when roles read reports, then officers and supervisors may and grid workers may not', () => {
    expect(can(['SUPERVISOR'], 'report:read')).toBe(true);
    expect(can(['STREET_OFFICER'], 'report:read')).toBe(true);
    expect(can(['COMMUNITY_STAFF'], 'report:read')).toBe(true);
    expect(can(['GRID_WORKER'], 'report:read')).toBe(false);
  });
});
