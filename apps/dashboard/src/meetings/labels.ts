import type { FeatureLabels } from '../features/feature';

/** resources.coordinationMeetings: its name and the labels of its fields, filters and inputs, in both languages. */
export const meetingLabels: FeatureLabels = {
  zh: {
    name: '协调会议',
    fields: {
      heldOn: '会议日期',
      organization: '协调中心',
      organizationId: '协调中心',
      attendees: '参会部门',
      notes: '会议纪要',
      decisions: '议定事项',
      case: '案件',
      decision: '决定',
      createdAt: '录入时间',
      regionCode: '所在区域',
      heldFrom: '会议日期自',
      heldTo: '会议日期至',
    },
  },
  en: {
    name: 'Coordination meeting |||| Coordination meetings',
    fields: {
      heldOn: 'Held on',
      organization: 'Coordination centre',
      organizationId: 'Coordination centre',
      attendees: 'Departments present',
      notes: 'Minutes',
      decisions: 'Decisions',
      case: 'Case',
      decision: 'Decision',
      createdAt: 'Recorded',
      regionCode: 'Region',
      heldFrom: 'Held from',
      heldTo: 'Held to',
    },
  },
};
