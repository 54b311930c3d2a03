import type { DisputeType, IntakeChannel, Referral } from '@qiangji/domain';
import type { Weighted } from '../../common/seed-kit';

/**
 * What the mediation demo data is made of: the 2012 figures it reproduces, and its words (names, titles,
 * reasons) with how often each kind of dispute and intake comes.
 */
export const MEDIATION_SEED_FIGURES = Object.freeze({
  year: 2012,
  accepted: 10_368,
  mediated: 9_917,
  failed: 316,
  withdrawn: 135,
  /** Left in FOLLOW_UP (a follow-up recorded, not closed); every other 2012 case is CLOSED. */
  inFollowUp: 12,
  clinicMediated: 1_381,
  petitionBacklog: 2_000,
  petitionsResolved: 1_600,
  clinicPetitions: 886,
});

export const PARTNER_UNIVERSITIES = [
  '黑龙江大学法学院',
  '哈尔滨工业大学法学院',
  '东北林业大学文法学院',
  '哈尔滨商业大学法学院',
  '黑龙江省政法管理干部学院',
  '哈尔滨工程大学人文学院',
  '东北农业大学文法学院',
  '哈尔滨师范大学法学院',
  '哈尔滨理工大学法学院',
  '哈尔滨学院法学院',
];

export const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭于高林何罗宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split(
    '',
  );
export const GIVEN = [
  '建华',
  '国庆',
  '淑兰',
  '志刚',
  '玉芬',
  '海峰',
  '立新',
  '凤英',
  '永福',
  '春梅',
  '德胜',
  '秀云',
  '宝山',
  '丽华',
  '振国',
  '桂芝',
  '长青',
  '红梅',
  '树林',
  '晓东',
  '亚军',
  '金凤',
  '文斌',
  '雅琴',
];

export const TYPE_WEIGHTS: Record<'COMMUNITY' | 'VILLAGE', Weighted<DisputeType>> = {
  VILLAGE: {
    LAND: 30,
    NEIGHBOURHOOD: 20,
    MARRIAGE_FAMILY: 18,
    DEBT: 11,
    LABOUR: 5,
    TRAFFIC_ACCIDENT: 5,
    PUBLIC_ORDER: 5,
    INSURANCE: 2,
    OTHER: 4,
  },
  COMMUNITY: {
    PROPERTY_MANAGEMENT: 24,
    NEIGHBOURHOOD: 22,
    MARRIAGE_FAMILY: 15,
    LABOUR: 10,
    DEBT: 10,
    TRAFFIC_ACCIDENT: 6,
    PUBLIC_ORDER: 5,
    INSURANCE: 4,
    OTHER: 4,
  },
};
export const CHANNEL_WEIGHTS: Record<'COMMUNITY' | 'VILLAGE', Weighted<IntakeChannel>> = {
  VILLAGE: {
    WALK_IN: 40,
    STATIONED_CADRE: 20,
    GRID_WORKER: 20,
    HOTLINE: 10,
    PETITION_OFFICE: 5,
    COURT: 3,
    DISTRICT_SYSTEM: 2,
  },
  COMMUNITY: { WALK_IN: 40, GRID_WORKER: 25, HOTLINE: 15, PETITION_OFFICE: 8, COURT: 7, DISTRICT_SYSTEM: 5 },
};

export const TITLES: Record<DisputeType, string[]> = {
  LAND: [
    '承包地地界纠纷',
    '宅基地权属纠纷',
    '土地流转费用纠纷',
    '农田路占用纠纷',
    '林地边界纠纷',
    '征地补偿分配纠纷',
  ],
  NEIGHBOURHOOD: [
    '邻里漏水纠纷',
    '邻里噪音纠纷',
    '通道占用纠纷',
    '排水沟堵塞纠纷',
    '院墙界址纠纷',
    '饲养家禽扰邻纠纷',
  ],
  MARRIAGE_FAMILY: ['赡养老人纠纷', '离婚财产分割纠纷', '家庭琐事纠纷', '子女抚养费纠纷', '遗产继承纠纷'],
  LABOUR: ['拖欠工资纠纷', '工伤赔偿纠纷', '解除劳动合同纠纷', '农民工工资纠纷'],
  DEBT: ['民间借贷纠纷', '货款拖欠纠纷', '合伙经营债务纠纷'],
  TRAFFIC_ACCIDENT: ['交通事故赔偿纠纷', '农用车刮碰纠纷', '电动车撞伤行人纠纷'],
  PROPERTY_MANAGEMENT: ['物业费收缴纠纷', '供暖费纠纷', '小区停车位纠纷', '电梯维修费用纠纷', '楼道堆物纠纷'],
  INSURANCE: ['车辆保险理赔纠纷', '农业保险理赔纠纷', '人身保险理赔纠纷'],
  PUBLIC_ORDER: ['酒后斗殴赔偿纠纷', '口角引发轻微伤害纠纷', '损坏财物赔偿纠纷'],
  OTHER: ['消费纠纷', '装修质量纠纷', '宠物伤人纠纷'],
};
export const DESCRIPTIONS: Record<DisputeType, string> = {
  LAND: '因土地界址、使用或补偿问题发生争执，双方各执一词，申请人民调解。',
  NEIGHBOURHOOD: '因相邻关系中的日常琐事多次发生口角，影响邻里和睦，申请人民调解。',
  MARRIAGE_FAMILY: '家庭成员之间因赡养、抚养或财产问题产生矛盾，申请人民调解。',
  LABOUR: '因工资支付、工伤待遇或劳动关系解除发生争议，申请人民调解。',
  DEBT: '因借款或货款到期未还发生争执，申请人民调解。',
  TRAFFIC_ACCIDENT: '发生道路交通事故后，双方就损害赔偿数额协商未果，申请人民调解。',
  PROPERTY_MANAGEMENT: '业主与物业服务企业就服务质量和费用发生争议，申请人民调解。',
  INSURANCE: '投保人与保险公司就理赔范围和数额发生争议，申请人民调解。',
  PUBLIC_ORDER: '因口角引发肢体冲突，造成轻微损害，经公安机关移交人民调解。',
  OTHER: '双方因其他民事权益问题发生争执，申请人民调解。',
};
export const TERMS: Record<DisputeType, string> = {
  LAND: '双方共同确认地界，按原界址恢复，今后互不侵占。',
  NEIGHBOURHOOD: '双方互谅互让，消除妨碍，恢复邻里和睦。',
  MARRIAGE_FAMILY: '子女按月轮流承担赡养义务，家庭财产按协议分配。',
  LABOUR: '用人单位于十五日内一次性支付拖欠款项。',
  DEBT: '债务人分三期偿还欠款，每期按时交付。',
  TRAFFIC_ACCIDENT: '责任方一次性赔偿医疗费、误工费等各项损失。',
  PROPERTY_MANAGEMENT: '物业公司限期整改服务问题，业主按约定补交费用。',
  INSURANCE: '保险公司按合同约定的比例予以理赔。',
  PUBLIC_ORDER: '过错方赔礼道歉并赔偿医药费用。',
  OTHER: '双方按协议内容履行各自义务。',
};
export const REFERRALS: Weighted<Referral> = {
  LITIGATION: 60,
  ARBITRATION: 15,
  ADMINISTRATIVE: 20,
  PETITION_OFFICE: 5,
};
export const WITHDRAW_REASONS = ['双方已自行和解', '申请人撤回调解申请', '当事人已向人民法院起诉'];
export const DECLINE_REASONS = ['不属于人民调解受理范围', '纠纷已由人民法院受理', '一方当事人明确拒绝调解'];
export const SESSION_PLACES = {
  VILLAGE: ['村调解室', '当事人家中', '田间地头'],
  COMMUNITY: ['社区调解室', '当事人家中'],
};
export const PETITION_TITLES = [
  '征地补偿信访积案',
  '房屋拆迁安置信访',
  '企业改制职工安置信访',
  '农村土地承包经营权信访',
  '拖欠农民工工资信访',
  '涉法涉诉信访',
  '城市供热信访',
  '低保待遇信访',
  '集体资产分配信访',
];

/** Who sits in a coordination centre's monthly meeting besides the centre. */
export const MEETING_ATTENDEES = [
  '司法所',
  '派出所',
  '信访办',
  '综治办',
  '国土资源所',
  '人力资源和社会保障所',
  '法庭',
];
export const MEETING_DECISIONS = [
  '由司法所牵头，相关部门配合，十日内化解',
  '召集双方当事人及所在村（社区）共同调解，派出所派员参加',
  '涉及群体利益，列为重点纠纷，由协调中心主任包案化解',
  '责成承办调解委员会五日内报告调解进展',
  '国土资源所三日内现场勘界，调解委员会据此再行调解',
];
