import {
  APPLICATION_CHANNEL_LABELS,
  APPLICATION_CHANNELS,
  COMMUNITY_FUNCTION_LABELS,
  COMMUNITY_FUNCTIONS,
  COMMUNITY_KIND_LABELS,
  COMMUNITY_KINDS,
  POI_CATEGORIES,
  POI_CATEGORY_LABELS,
  SERVICE_APPLICATION_MACHINE,
  SERVICE_APPLICATION_STATE_LABELS,
  SERVICE_APPLICATION_STATES,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SERVICE_POINT_LABELS,
  SERVICE_POINTS,
  SERVICE_QUEUE_LABELS,
  SERVICE_QUEUES,
  WORK_CALENDAR_KIND_LABELS,
  WORK_CALENDAR_KINDS,
  type Labels,
} from '@qiangji/domain';
import { enumChoices } from '../common/choices';

type Language = 'zh' | 'en';

function messages<K extends string>(keys: readonly K[], labels: Labels<K>, language: Language) {
  return Object.fromEntries(keys.map((key) => [key, labels[key][language]])) as Record<string, string>;
}

const TEXT = {
  zh: {
    services: {
      queue: '工作队列',
      due: '承诺办结',
      overdue: '已超期',
      on_time: '按时办结',
      late: '超期办结',
      appointment: '预约',
      acting_for: '代办人',
      answers: '申请表',
      materials: '已交材料',
      missing: '缺少的材料',
      reason: '原因',
      note: '备注',
      slot: '预约时段',
      no_slot: '暂无可预约时段，请先开放时段',
      done: '已办理',
      timeline: '办理经过',
      item_help: '先选择服务事项，再填写该事项的申请表',
      acting_name: '代办人姓名',
      acting_relationship: '与申请人关系',
      acting_id_number: '代办人身份证号',
      acting_phone: '代办人电话',
      map: '1000米便民服务地图',
      map_hint: '圆圈为社区周边1000米；未配置底图时仅显示设施位置',
      nearby_empty: '1000米内暂无登记的便民设施',
      catalogue: '服务事项',
      policies: '政策公开',
      profile: '社区概况',
      metres: '%{n} 米',
      yes: '是',
      no: '否',
      working_days: '%{n} 个工作日',
      who_may_apply: '申请条件',
      min_age: '年满%{n}周岁',
      tagged: '登记为%{tags}的居民',
      or: '或',
      anyone: '不限',
    },
    work_calendar: {
      delete: '删除',
      delete_title: '删除“%{name}”？',
      delete_content:
        '删除后，此后提交的办件按新的日历计算办结时限，已提交的办件保持原时限。录错的条目删除后重新录入即可更正。',
      deleted: '已删除',
    },
  },
  en: {
    services: {
      queue: 'Work queue',
      due: 'Due',
      overdue: 'Overdue',
      on_time: 'On time',
      late: 'Late',
      appointment: 'Appointment',
      acting_for: 'Applied for by',
      answers: 'Form',
      materials: 'Materials provided',
      missing: 'Missing material',
      reason: 'Reason',
      note: 'Note',
      slot: 'Slot',
      no_slot: 'No slot with room; open one first',
      done: 'Done',
      timeline: 'History',
      item_help: 'Choose the service item first, then fill in its form',
      acting_name: 'Name of the person applying',
      acting_relationship: 'Relationship to the applicant',
      acting_id_number: 'Their ID number',
      acting_phone: 'Their phone',
      map: '1,000-metre convenience map',
      map_hint: 'The circle is 1,000 m around the community; without a tile server only the points are drawn',
      nearby_empty: 'No points of interest within 1,000 m',
      catalogue: 'Service items',
      policies: 'Policies',
      profile: 'Profile',
      metres: '%{n} m',
      yes: 'Yes',
      no: 'No',
      working_days: '%{n} working days',
      who_may_apply: 'Who may apply',
      min_age: 'aged %{n} or over',
      tagged: 'registered as %{tags}',
      or: ' or ',
      anyone: 'anyone',
    },
    work_calendar: {
      delete: 'Delete',
      delete_title: 'Delete “%{name}”?',
      delete_content:
        'Applications submitted from now on get their deadlines from the calendar without it; those submitted keep theirs. To correct a mistyped entry, delete it and enter it again.',
      deleted: 'Deleted',
    },
  },
};

/** The public-service messages of one language: the domain's labels by the API's enum values, and the pages' text. */
export function serviceMessages(language: Language) {
  return {
    ...TEXT[language],
    service_state: messages(SERVICE_APPLICATION_STATES, SERVICE_APPLICATION_STATE_LABELS, language),
    service_command: messages(
      SERVICE_APPLICATION_MACHINE.commands,
      SERVICE_APPLICATION_MACHINE.labels(),
      language,
    ),
    service_category: messages(SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS, language),
    service_point: messages(SERVICE_POINTS, SERVICE_POINT_LABELS, language),
    service_queue: messages(SERVICE_QUEUES, SERVICE_QUEUE_LABELS, language),
    application_channel: messages(APPLICATION_CHANNELS, APPLICATION_CHANNEL_LABELS, language),
    community_kind: messages(COMMUNITY_KINDS, COMMUNITY_KIND_LABELS, language),
    community_function: messages(COMMUNITY_FUNCTIONS, COMMUNITY_FUNCTION_LABELS, language),
    poi_category: messages(POI_CATEGORIES, POI_CATEGORY_LABELS, language),
    work_calendar_kind: messages(WORK_CALENDAR_KINDS, WORK_CALENDAR_KIND_LABELS, language),
  };
}

const choices = (values: readonly string[], group: string) => enumChoices(values, `app.${group}`);

export const SERVICE_STATE_CHOICES = choices(SERVICE_APPLICATION_STATES, 'service_state');
export const SERVICE_QUEUE_CHOICES = choices(SERVICE_QUEUES, 'service_queue');
export const SERVICE_CATEGORY_CHOICES = choices(SERVICE_CATEGORIES, 'service_category');
export const CHANNEL_CHOICES = choices(APPLICATION_CHANNELS, 'application_channel');
export const COMMUNITY_KIND_CHOICES = choices(COMMUNITY_KINDS, 'community_kind');
export const WORK_CALENDAR_KIND_CHOICES = choices(WORK_CALENDAR_KINDS, 'work_calendar_kind');
