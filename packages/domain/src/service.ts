import { defineMachine, ruleFor, type Labels } from './machine';
import type { Role } from './permissions';
import type { RegionLevel } from './region';
import type { ResidentTag } from './resident';

/**
 * Public services (公共管理与服务): communities and their service functions, the service catalogue, applications
 * (办件) and their life, points of interest. Open311 GeoReport v2 (service list and requests), FixMyStreet
 * (per-category time limits and states) and OpenSPP (staff acting for residents) are the models.
 */

/** The categories of the catalogue: the villages' convenience centres have ten (10大类), communities the same and more. */
export const SERVICE_CATEGORIES = [
  'SOCIAL_ASSISTANCE',
  'ELDERLY',
  'FAMILY_PLANNING',
  'HOUSING_LAND',
  'IDENTITY_DOCUMENTS',
  'DISABILITY',
  'SOCIAL_INSURANCE',
  'EMPLOYMENT',
  'HEALTH',
  'AGRICULTURE',
  'LEGAL',
  'CULTURE_EDUCATION',
  'VETERANS',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_CATEGORY_LABELS: Labels<ServiceCategory> = Object.freeze({
  SOCIAL_ASSISTANCE: { zh: '社会救助', en: 'Social assistance' },
  ELDERLY: { zh: '老龄服务', en: 'Services for the elderly' },
  FAMILY_PLANNING: { zh: '计划生育', en: 'Family planning' },
  HOUSING_LAND: { zh: '建房用地', en: 'Housing and land' },
  IDENTITY_DOCUMENTS: { zh: '户籍证件', en: 'Household registration and ID' },
  DISABILITY: { zh: '助残服务', en: 'Services for the disabled' },
  SOCIAL_INSURANCE: { zh: '社会保障', en: 'Social insurance' },
  EMPLOYMENT: { zh: '就业创业', en: 'Employment' },
  HEALTH: { zh: '医疗卫生', en: 'Health' },
  AGRICULTURE: { zh: '农业农村', en: 'Agriculture' },
  LEGAL: { zh: '法律服务', en: 'Legal services' },
  CULTURE_EDUCATION: { zh: '文体教育', en: 'Culture and education' },
  VETERANS: { zh: '退役军人', en: 'Veterans' },
});

/** Where an item is handled: the community office, the village's convenience service centre, the street or township. */
export const SERVICE_POINTS = ['COMMUNITY', 'VILLAGE_CENTRE', 'STREET'] as const;
export type ServicePoint = (typeof SERVICE_POINTS)[number];
export const SERVICE_POINT_LABELS: Labels<ServicePoint> = Object.freeze({
  COMMUNITY: { zh: '社区', en: 'Community office' },
  VILLAGE_CENTRE: { zh: '村便民服务中心', en: 'Village convenience service centre' },
  STREET: { zh: '街道乡镇', en: 'Street or township' },
});

/** The levels of the tree an application may be handled at, by the kind of service point. */
export const SERVICE_POINT_LEVELS: Readonly<Record<ServicePoint, readonly RegionLevel[]>> = Object.freeze({
  COMMUNITY: ['COMMUNITY'],
  VILLAGE_CENTRE: ['VILLAGE'],
  STREET: ['STREET', 'TOWNSHIP'],
});

/** A central community's service functions; the first five are the article's (十大服务功能). */
export const COMMUNITY_FUNCTIONS = [
  'ELDERLY_CARE',
  'DISABLED_SUPPORT',
  'CHARITY',
  'CULTURE_SPORT',
  'SOCIAL_ORGANIZATIONS',
  'EMPLOYMENT',
  'HEALTH',
  'LEGAL_AID',
  'SAFETY_MEDIATION',
  'ERRANDS',
] as const;
export type CommunityFunction = (typeof COMMUNITY_FUNCTIONS)[number];
export const COMMUNITY_FUNCTION_LABELS: Labels<CommunityFunction> = Object.freeze({
  ELDERLY_CARE: { zh: '便民助老', en: 'Help for the elderly' },
  DISABLED_SUPPORT: { zh: '帮残扶弱', en: 'Help for the disabled and weak' },
  CHARITY: { zh: '慈善互助', en: 'Charity and mutual aid' },
  CULTURE_SPORT: { zh: '文体娱乐', en: 'Culture and sport' },
  SOCIAL_ORGANIZATIONS: { zh: '社会组织协同', en: 'Social organisations' },
  EMPLOYMENT: { zh: '就业服务', en: 'Employment services' },
  HEALTH: { zh: '卫生计生', en: 'Health and family planning' },
  LEGAL_AID: { zh: '法律服务', en: 'Legal aid' },
  SAFETY_MEDIATION: { zh: '治安调解', en: 'Safety and mediation' },
  ERRANDS: { zh: '代办服务', en: 'Errands done for residents' },
});

export const COMMUNITY_KINDS = ['CENTRAL', 'ORDINARY'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];
export const COMMUNITY_KIND_LABELS: Labels<CommunityKind> = Object.freeze({
  CENTRAL: { zh: '中心社区', en: 'Central community' },
  ORDINARY: { zh: '普通社区', en: 'Community' },
});

/** A central community is built over 1,000 m² (千米以上中心社区). */
export const CENTRAL_COMMUNITY_MIN_AREA_M2 = 1000;

export const POI_CATEGORIES = [
  'BUS_STOP',
  'HOSPITAL',
  'CLINIC',
  'PHARMACY',
  'SHOP',
  'MARKET',
  'RESTAURANT',
  'HOTEL',
  'SCHOOL',
  'POLICE_STATION',
  'SERVICE_CENTRE',
] as const;
export type PoiCategory = (typeof POI_CATEGORIES)[number];
export const POI_CATEGORY_LABELS: Labels<PoiCategory> = Object.freeze({
  BUS_STOP: { zh: '公交站', en: 'Bus stop' },
  HOSPITAL: { zh: '医院', en: 'Hospital' },
  CLINIC: { zh: '诊所', en: 'Clinic' },
  PHARMACY: { zh: '药店', en: 'Pharmacy' },
  SHOP: { zh: '商店', en: 'Shop' },
  MARKET: { zh: '市场', en: 'Market' },
  RESTAURANT: { zh: '饭店', en: 'Restaurant' },
  HOTEL: { zh: '宾馆', en: 'Hotel' },
  SCHOOL: { zh: '学校', en: 'School' },
  POLICE_STATION: { zh: '派出所', en: 'Police station' },
  SERVICE_CENTRE: { zh: '便民服务中心', en: 'Service centre' },
});

/** The convenience map's radius (社区“1000米”半径便民服务指示图) and the most `nearby` searches. */
export const CONVENIENCE_MAP_RADIUS_M = 1000;
export const MAX_NEARBY_RADIUS_M = 5000;

/** How an application reached the service point: at the window, or through a community or district portal. */
export const APPLICATION_CHANNELS = ['WINDOW', 'PORTAL'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];
export const APPLICATION_CHANNEL_LABELS: Labels<ApplicationChannel> = Object.freeze({
  WINDOW: { zh: '窗口受理', en: 'At the window' },
  PORTAL: { zh: '网上申请', en: 'Online portal' },
});

export const SERVICE_APPLICATION_STATES = [
  'SUBMITTED', // 已提交
  'RETURNED', // 退回补正
  'REJECTED', // 不予受理
  'ACCEPTED', // 已受理
  'APPOINTMENT_BOOKED', // 已预约
  'HANDLED_ON_SITE', // 已现场办理
  'COMPLETED', // 已办结
  'WITHDRAWN', // 已撤回
] as const;
export type ServiceApplicationState = (typeof SERVICE_APPLICATION_STATES)[number];
export const SERVICE_APPLICATION_STATE_LABELS: Labels<ServiceApplicationState> = Object.freeze({
  SUBMITTED: { zh: '已提交', en: 'Submitted' },
  RETURNED: { zh: '退回补正', en: 'Returned for material' },
  REJECTED: { zh: '不予受理', en: 'Rejected' },
  ACCEPTED: { zh: '已受理', en: 'Accepted' },
  APPOINTMENT_BOOKED: { zh: '已预约', en: 'Appointment booked' },
  HANDLED_ON_SITE: { zh: '已现场办理', en: 'Handled on site' },
  COMPLETED: { zh: '已办结', en: 'Completed' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
});

/** The staff of the service points and the offices above them ("one window accepts, one stop completes"). */
const SERVICE_STAFF: readonly Role[] = [
  'CITY_ADMIN',
  'DISTRICT_OFFICER',
  'STREET_OFFICER',
  'COMMUNITY_STAFF',
];

/** What each step of an application records on its timeline. */
export interface ServiceApplicationCommandDetails {
  accept: { note: string | null };
  returnForMaterial: { missing: string[]; note: string | null };
  resubmit: { materials: string[] };
  reject: { reason: string };
  bookAppointment: { slotId: string; day: string; startsAt: string; endsAt: string };
  recordNoShow: { day: string };
  handleOnSite: { note: string | null };
  complete: { note: string | null; workingDays: number; onTime: boolean };
  withdraw: { reason: string };
}

const BEFORE_COMPLETION: readonly ServiceApplicationState[] = [
  'SUBMITTED',
  'RETURNED',
  'ACCEPTED',
  'APPOINTMENT_BOOKED',
  'HANDLED_ON_SITE',
];

const staff = ruleFor<ServiceApplicationState>(SERVICE_STAFF);

/**
 * The life of an application: submitted → accepted (or returned for missing material, or rejected) → an
 * appointment at the service point → handled on site → completed. Items without an on-site step are completed
 * once accepted. The applicant may withdraw before completion.
 */
export const SERVICE_APPLICATION_MACHINE = defineMachine<
  ServiceApplicationState,
  ServiceApplicationCommandDetails
>({
  states: SERVICE_APPLICATION_STATES,
  commands: {
    accept: staff(['SUBMITTED'], 'ACCEPTED', '受理', 'Accept'),
    returnForMaterial: staff(['SUBMITTED'], 'RETURNED', '退回补正', 'Return for material'),
    resubmit: staff(['RETURNED'], 'SUBMITTED', '补正后提交', 'Resubmit'),
    reject: staff(['SUBMITTED'], 'REJECTED', '不予受理', 'Reject'),
    bookAppointment: staff(['ACCEPTED'], 'APPOINTMENT_BOOKED', '预约现场办理', 'Book appointment'),
    recordNoShow: staff(['APPOINTMENT_BOOKED'], 'ACCEPTED', '未到场', 'Record no-show'),
    handleOnSite: staff(['APPOINTMENT_BOOKED'], 'HANDLED_ON_SITE', '现场办理', 'Handled on site'),
    complete: staff(['ACCEPTED', 'HANDLED_ON_SITE'], 'COMPLETED', '办结', 'Complete'),
    withdraw: staff(BEFORE_COMPLETION, 'WITHDRAWN', '撤回', 'Withdraw'),
  },
});
export type ServiceApplicationCommand = keyof ServiceApplicationCommandDetails;

/**
 * Whether a command the machine allows fits the application's item: an item without an on-site step has no
 * appointment and is completed once accepted; an item with one is completed only after it was handled on site.
 */
export function fitsServiceItem(
  a: { state: ServiceApplicationState; onSite: boolean },
  command: ServiceApplicationCommand,
): boolean {
  if (command === 'bookAppointment') return a.onSite;
  if (command === 'complete') return !(a.onSite && a.state === 'ACCEPTED');
  return true;
}

/**
 * What the applicant may do through the community or district portal that submitted the application for them
 * (its API key holds no staff role): withdraw it before completion.
 */
export const SERVICE_APPLICANT_COMMANDS: readonly ServiceApplicationCommand[] = ['withdraw'];

/** Whether the applicant's portal may take the command now: the machine's states, without its staff roles. */
export function applicantMayTake(
  a: { state: ServiceApplicationState },
  command: ServiceApplicationCommand,
): boolean {
  return (
    SERVICE_APPLICANT_COMMANDS.includes(command) &&
    SERVICE_APPLICATION_MACHINE.rules[command].from.includes(a.state)
  );
}

/** The steps these roles (or the applicant's portal) may take now on this application: the dashboard's buttons. */
export function availableServiceCommands(
  a: { state: ServiceApplicationState; onSite: boolean },
  roles: readonly Role[],
  asApplicant = false,
): ServiceApplicationCommand[] {
  return SERVICE_APPLICATION_MACHINE.commands.filter(
    (c) =>
      (SERVICE_APPLICATION_MACHINE.check(a.state, c, roles).ok || (asApplicant && applicantMayTake(a, c))) &&
      fitsServiceItem(a, c),
  );
}

/** The states in which the time limit runs: returned applications wait for the applicant, and restart on resubmission. */
export const SERVICE_CLOCK_STATES: readonly ServiceApplicationState[] = [
  'SUBMITTED',
  'ACCEPTED',
  'APPOINTMENT_BOOKED',
  'HANDLED_ON_SITE',
];

/**
 * The one definition of an overdue application (queue, filters, statistics): its clock runs and its `dueAt`
 * has passed. The API's SQL (`service-application.sql.ts`) says the same and is tested against this.
 */
export function isServiceApplicationOverdue(
  a: { state: ServiceApplicationState; dueAt: Date | null },
  now: Date = new Date(),
): boolean {
  return a.dueAt !== null && SERVICE_CLOCK_STATES.includes(a.state) && a.dueAt < now;
}

/** A completed application is on time when it was completed by its `dueAt`. */
export function completedOnTime(completedAt: Date, dueAt: Date): boolean {
  return completedAt.getTime() <= dueAt.getTime();
}

/** The staff's work queue at a service point. */
export const SERVICE_QUEUES = ['NEW', 'WAITING_FOR_MATERIAL', 'APPOINTMENTS_TODAY', 'OVERDUE'] as const;
export type ServiceQueue = (typeof SERVICE_QUEUES)[number];
export const SERVICE_QUEUE_LABELS: Labels<ServiceQueue> = Object.freeze({
  NEW: { zh: '新申请', en: 'New' },
  WAITING_FOR_MATERIAL: { zh: '待补材料', en: 'Waiting for material' },
  APPOINTMENTS_TODAY: { zh: '今日预约', en: 'Appointments today' },
  OVERDUE: { zh: '已超期', en: 'Overdue' },
});

/** Staff call the applicant within three days to book the on-site appointment (the article's story). */
export const CALL_BACK_DAYS = 3;

/** A slot's time of day, `HH:MM`. */
export function isTimeOfDay(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/**
 * Who may apply for an item (申请条件): a resident with any of `eligibleTags` (none: anyone) and, where it has a
 * `minAge`, of that age on the day of submission (老年证 60, 高龄津贴 80). `eligibility` says it in words.
 */
export interface ServiceEligibility {
  eligibleTags: readonly ResidentTag[];
  minAge: number | null;
}

/** Full years from `birthDate` to `day` (both `YYYY-MM-DD`): a birthday counts on the day itself. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** Why the applicant may not apply for the item on `day`, or null when they may: the one check of the API and seed. */
export function whyIneligible(
  item: ServiceEligibility,
  applicant: { tags: readonly string[]; birthDate: string },
  day: string,
): string | null {
  if (item.minAge !== null) {
    const age = ageOn(applicant.birthDate, day);
    if (age < item.minAge) return `The applicant must be ${item.minAge} or older; they are ${age}.`;
  }
  if (item.eligibleTags.length && !item.eligibleTags.some((tag) => applicant.tags.includes(tag)))
    return `Only residents registered as ${item.eligibleTags.join(' or ')} may apply.`;
  return null;
}
