import type { FormSchema, PoiCategory, ResidentTag, ServiceCategory, ServicePoint } from '@qiangji/domain';

/**
 * The public-service demo data from the 2013 article: the villages' convenience service centres with 10 categories
 * and 33 free items (新庄村: house-building approval, minimum-allowance application, ID card, …), the community items
 * the article names (老年证, 低保, 老龄津贴, 计生), 540 items online at 上红社区, its 31 disclosed policies, its
 * 1,000-metre convenience map, and 73 central communities.
 */

export const SHANGHONG = '230102010003';
export const TONGJIANG_STREET = '230102010';
/** Near 中医街84号 in 道里区 (WGS-84, approximate): the centre of 上红社区's convenience map. */
export const SHANGHONG_LOCATION = { lat: 45.777, lng: 126.623 };
export const CENTRAL_COMMUNITIES = 73;
/** Items online at 上红社区 (街道社区540余项服务内容): the communities' common items, the street's and its own. */
export const SHANGHONG_ITEMS = 540;
export const SHANGHONG_POLICIES = 31;

export interface SeedItem {
  code: string;
  name: string;
  category: ServiceCategory;
  servicePoint: ServicePoint;
  onSite: boolean;
  timeLimitDays: number;
  materials: { name: string; required: boolean }[];
  formSchema: FormSchema;
  /** Who may apply (whyIneligible): residents with any of these tags, of at least this age. */
  eligibleTags?: ResidentTag[];
  minAge?: number;
  eligibility?: string;
  /** The title of the policy it rests on, among SHANGHONG's. */
  policy?: string;
}

const ID = { name: '居民身份证', required: true };
// 低保 and 特困供养 are for households the registry tags as receiving the allowance or as poor.
const LOW_INCOME: ResidentTag[] = ['MINIMUM_ALLOWANCE', 'POOR_HOUSEHOLD'];
const HUKOU = { name: '户口簿', required: true };
const PHOTO = { name: '近期一寸免冠照片', required: true };

const reasonForm = (label: string): FormSchema => ({
  fields: [
    { key: 'reason', label, type: 'TEXT', required: true, maxLength: 200 },
    { key: 'phoneAgreed', label: '同意电话联系', type: 'YES_NO', required: true },
  ],
});

/** 老年证补办: the article's story (lost while travelling, the son applies online, issued on site). */
export const SENIOR_CARD: SeedItem = {
  code: 'SQ-SENIOR-CARD',
  name: '老年证办理（补办）',
  category: 'ELDERLY',
  servicePoint: 'COMMUNITY',
  onSite: true,
  timeLimitDays: 7,
  materials: [ID, HUKOU, PHOTO, { name: '遗失声明', required: false }],
  formSchema: {
    fields: [
      {
        key: 'reason',
        label: '办理原因',
        type: 'CHOICE',
        required: true,
        options: ['首次申领', '遗失补办', '损坏换发'],
      },
      { key: 'lostOn', label: '遗失日期', type: 'DATE', required: false },
      { key: 'lostWhere', label: '遗失地点', type: 'TEXT', required: false, maxLength: 100 },
      { key: 'collectInPerson', label: '本人到场领取', type: 'YES_NO', required: true },
    ],
  },
  minAge: 60,
  eligibility: '年满60周岁的本市户籍居民',
  policy: '哈尔滨市老年人优待办法',
};

/** The community items every community offers; the article names the first four. */
export const COMMUNITY_ITEMS: SeedItem[] = [
  SENIOR_CARD,
  {
    code: 'SQ-MIN-ALLOWANCE',
    name: '城市居民最低生活保障申请（低保）',
    category: 'SOCIAL_ASSISTANCE',
    servicePoint: 'COMMUNITY',
    onSite: true,
    timeLimitDays: 20,
    materials: [
      ID,
      HUKOU,
      { name: '家庭收入证明', required: true },
      { name: '家庭财产申报表', required: true },
    ],
    formSchema: {
      fields: [
        {
          key: 'householdSize',
          label: '家庭人口',
          type: 'NUMBER',
          required: true,
          integer: true,
          min: 1,
          max: 20,
        },
        {
          key: 'monthlyIncome',
          label: '家庭月收入（元）',
          type: 'NUMBER',
          required: true,
          min: 0,
          max: 100000,
        },
        { key: 'reason', label: '申请理由', type: 'TEXT', required: true, maxLength: 500 },
      ],
    },
    eligibleTags: LOW_INCOME,
    eligibility: '家庭人均收入低于本市最低生活保障标准（登记为低保或贫困户的居民）',
    policy: '哈尔滨市城市居民最低生活保障办法',
  },
  {
    code: 'SQ-OLD-AGE-ALLOWANCE',
    name: '老龄津贴（高龄津贴）申领',
    category: 'ELDERLY',
    servicePoint: 'COMMUNITY',
    onSite: false,
    timeLimitDays: 10,
    materials: [ID, HUKOU, { name: '银行卡（存折）', required: true }],
    formSchema: {
      fields: [
        { key: 'age', label: '年龄', type: 'NUMBER', required: true, integer: true, min: 80, max: 130 },
        { key: 'bankAccount', label: '发放账户', type: 'TEXT', required: true, maxLength: 30 },
      ],
    },
    minAge: 80,
    eligibility: '年满80周岁的本市户籍老年人',
    policy: '哈尔滨市高龄老人津贴发放办法',
  },
  {
    code: 'SQ-FAMILY-PLANNING',
    name: '计划生育服务证明',
    category: 'FAMILY_PLANNING',
    servicePoint: 'COMMUNITY',
    onSite: false,
    timeLimitDays: 5,
    materials: [ID, HUKOU, { name: '结婚证', required: true }],
    formSchema: {
      fields: [
        {
          key: 'purpose',
          label: '用途',
          type: 'CHOICE',
          required: true,
          options: ['生育登记', '入学', '就业', '其他'],
        },
        {
          key: 'children',
          label: '现有子女数',
          type: 'NUMBER',
          required: true,
          integer: true,
          min: 0,
          max: 10,
        },
      ],
    },
    policy: '黑龙江省人口与计划生育条例（社区办理流程）',
  },
  {
    code: 'SQ-ID-CARD',
    name: '居民身份证办理协助',
    category: 'IDENTITY_DOCUMENTS',
    servicePoint: 'COMMUNITY',
    onSite: true,
    timeLimitDays: 3,
    materials: [HUKOU, PHOTO],
    formSchema: {
      fields: [
        {
          key: 'kind',
          label: '办理类型',
          type: 'CHOICE',
          required: true,
          options: ['首次申领', '换领', '补领'],
        },
        { key: 'homeVisit', label: '需上门采集（行动不便）', type: 'YES_NO', required: true },
      ],
    },
    policy: '居民身份证办理指南',
  },
  {
    code: 'SQ-RESIDENCE-PROOF',
    name: '居住证明开具',
    category: 'IDENTITY_DOCUMENTS',
    servicePoint: 'COMMUNITY',
    onSite: false,
    timeLimitDays: 2,
    materials: [ID],
    formSchema: reasonForm('用途'),
  },
  {
    code: 'SQ-DISABILITY-CARD',
    name: '残疾人证申办',
    category: 'DISABILITY',
    servicePoint: 'COMMUNITY',
    onSite: true,
    timeLimitDays: 15,
    materials: [ID, HUKOU, PHOTO, { name: '医院诊断证明', required: true }],
    formSchema: {
      fields: [
        {
          key: 'kind',
          label: '残疾类别',
          type: 'CHOICE',
          required: true,
          options: ['视力', '听力', '言语', '肢体', '智力', '精神'],
        },
        { key: 'diagnosedOn', label: '诊断日期', type: 'DATE', required: true },
      ],
    },
    eligibleTags: ['DISABLED'],
    eligibility: '经医院诊断、登记为残疾人的本市户籍居民',
    policy: '哈尔滨市残疾人证管理规定',
  },
  {
    code: 'SQ-PENSION-CERT',
    name: '养老金领取资格认证',
    category: 'SOCIAL_INSURANCE',
    servicePoint: 'COMMUNITY',
    onSite: false,
    timeLimitDays: 3,
    materials: [ID],
    formSchema: reasonForm('认证方式说明'),
    minAge: 50,
    eligibility: '领取养老金的企业退休人员（年满50周岁）',
    policy: '企业退休人员养老金领取资格认证办法',
  },
];

/** 新庄村's convenience service centre: 10 categories, 33 items, free (一窗式受理、一站式办结). */
const VILLAGE_ITEM_NAMES: [ServiceCategory, string[]][] = [
  ['SOCIAL_ASSISTANCE', ['农村低保救济申请', '特困人员供养申请', '临时救助申请', '医疗救助申请']],
  ['HOUSING_LAND', ['农村建房审批', '宅基地使用申请', '农村危房改造申请']],
  ['IDENTITY_DOCUMENTS', ['身份证办理', '户口迁移代办', '出生登记代办', '居住证明开具']],
  ['ELDERLY', ['老年证办理', '高龄津贴申领', '养老待遇资格认证']],
  ['FAMILY_PLANNING', ['生育登记', '独生子女父母奖励申请', '计生特别扶助申请']],
  ['AGRICULTURE', ['耕地地力保护补贴申报', '农机购置补贴申请', '土地承包经营权流转备案', '种粮大户补贴申报']],
  ['SOCIAL_INSURANCE', ['城乡居民养老保险参保登记', '城乡居民医疗保险参保缴费', '医疗费用报销代办']],
  ['DISABILITY', ['残疾人证申办', '残疾人两项补贴申请', '残疾人辅助器具申请']],
  ['EMPLOYMENT', ['就业登记', '农民工技能培训报名', '创业担保贷款申请']],
  ['LEGAL', ['法律援助申请', '人民调解申请', '法律咨询预约']],
];
const ON_SITE_VILLAGE = new Set([
  '农村建房审批',
  '宅基地使用申请',
  '身份证办理',
  '残疾人证申办',
  '老年证办理',
]);

/** Who may apply for the villages' items that are not for everyone. */
const VILLAGE_CONDITIONS: Record<string, Pick<SeedItem, 'eligibleTags' | 'minAge' | 'eligibility'>> = {
  农村低保救济申请: { eligibleTags: LOW_INCOME, eligibility: '家庭人均收入低于农村低保标准的村民' },
  特困人员供养申请: { eligibleTags: ['POOR_HOUSEHOLD'], eligibility: '无劳动能力、无生活来源的特困村民' },
  老年证办理: { minAge: 60, eligibility: '年满60周岁的村民' },
  高龄津贴申领: { minAge: 80, eligibility: '年满80周岁的村民' },
  养老待遇资格认证: { minAge: 60, eligibility: '领取城乡居民养老金的村民（年满60周岁）' },
  残疾人证申办: { eligibleTags: ['DISABLED'], eligibility: '登记为残疾人的村民' },
  残疾人两项补贴申请: { eligibleTags: ['DISABLED'], eligibility: '困难残疾人、重度残疾人' },
  残疾人辅助器具申请: { eligibleTags: ['DISABLED'], eligibility: '登记为残疾人的村民' },
};

export const VILLAGE_ITEMS: SeedItem[] = VILLAGE_ITEM_NAMES.flatMap(([category, names]) =>
  names.map((name, i) => ({
    ...VILLAGE_CONDITIONS[name],
    code: `CZ-${category.replaceAll('_', '-')}-${i + 1}`,
    name,
    category,
    servicePoint: 'VILLAGE_CENTRE' as const,
    onSite: ON_SITE_VILLAGE.has(name),
    timeLimitDays: name === '农村建房审批' ? 20 : 5 + (i % 3) * 5,
    materials:
      name === '农村建房审批'
        ? [ID, HUKOU, { name: '建房申请表', required: true }, { name: '四邻签字意见', required: true }]
        : [ID, HUKOU],
    formSchema:
      name === '农村建房审批'
        ? {
            fields: [
              { key: 'area', label: '拟建面积（平方米）', type: 'NUMBER', required: true, min: 20, max: 300 },
              {
                key: 'kind',
                label: '建房类型',
                type: 'CHOICE',
                required: true,
                options: ['新建', '翻建', '扩建'],
              },
              { key: 'startOn', label: '拟开工日期', type: 'DATE', required: false },
            ],
          }
        : reasonForm('申请事由'),
  })),
);

/** Subjects and actions the street's and 上红社区's own items are named from (the portal's 540 items). */
const SUBJECTS: [ServiceCategory, string[]][] = [
  ['SOCIAL_ASSISTANCE', ['低保', '特困供养', '临时救助', '医疗救助', '困难群众慰问', '住房救助']],
  ['ELDERLY', ['居家养老服务', '养老机构入住', '老年人优待证', '日间照料', '助餐服务', '老年大学']],
  ['FAMILY_PLANNING', ['生育服务证', '独生子女证', '流动人口婚育证明', '计生奖励扶助', '孕前优生检查']],
  ['IDENTITY_DOCUMENTS', ['户籍证明', '居住证', '暂住登记', '户口迁移', '亲属关系证明']],
  ['DISABILITY', ['残疾人托养', '残疾人就业', '康复服务', '无障碍改造', '辅助器具']],
  ['SOCIAL_INSURANCE', ['灵活就业社保', '城镇居民医保', '失业保险', '生育保险', '工伤认定']],
  ['EMPLOYMENT', ['失业登记', '就业援助', '公益性岗位', '职业培训', '创业补贴']],
  ['HEALTH', ['家庭医生签约', '慢病管理', '预防接种', '健康档案', '妇幼保健']],
  ['LEGAL', ['法律援助', '人民调解', '社区矫正报到', '普法讲座', '公证咨询']],
  ['CULTURE_EDUCATION', ['文体活动场地', '社区图书室', '青少年假期活动', '文艺团队', '学位证明']],
  ['VETERANS', ['优待证', '抚恤补助', '退役军人就业', '光荣牌', '军属慰问']],
  ['HOUSING_LAND', ['廉租住房', '公租房', '物业纠纷', '房屋安全鉴定', '供暖补贴']],
];
const ACTIONS = ['申请', '登记', '变更', '补办', '注销', '证明开具', '咨询预约', '资格审核', '年审'];

/** `count` items named subject + action, codes under `prefix`; deterministic. */
export function generatedItems(prefix: string, count: number, offset: number): SeedItem[] {
  const pairs = SUBJECTS.flatMap(([category, subjects]) =>
    subjects.flatMap((subject) => ACTIONS.map((action) => ({ category, name: `${subject}${action}` }))),
  );
  return Array.from({ length: count }, (_, i) => {
    const { category, name } = pairs[(offset + i) % pairs.length];
    return {
      code: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      name,
      category,
      servicePoint: prefix.startsWith('JD') ? ('STREET' as const) : ('COMMUNITY' as const),
      onSite: i % 4 === 0,
      timeLimitDays: [3, 5, 7, 10, 15][i % 5],
      materials: i % 3 === 0 ? [ID, HUKOU] : [ID],
      formSchema: reasonForm('申请事由'),
    };
  });
}

/** 上红社区's 31 disclosed policies (低保, 计生, 老龄津贴 … with their procedures). */
export const POLICIES: { title: string; category: ServiceCategory; issuingBody: string; from: string }[] = [
  ['哈尔滨市城市居民最低生活保障办法', 'SOCIAL_ASSISTANCE', '哈尔滨市人民政府', '2009-07-01'],
  ['城市低保家庭收入核定细则', 'SOCIAL_ASSISTANCE', '哈尔滨市民政局', '2010-03-01'],
  ['临时救助实施办法', 'SOCIAL_ASSISTANCE', '哈尔滨市民政局', '2011-01-01'],
  ['城乡医疗救助办法', 'SOCIAL_ASSISTANCE', '哈尔滨市民政局', '2010-06-01'],
  ['哈尔滨市老年人优待办法', 'ELDERLY', '哈尔滨市人民政府', '2008-10-01'],
  ['哈尔滨市高龄老人津贴发放办法', 'ELDERLY', '哈尔滨市老龄工作委员会', '2011-01-01'],
  ['居家养老服务补贴办法', 'ELDERLY', '道里区民政局', '2012-01-01'],
  ['老年人日间照料中心管理办法', 'ELDERLY', '道里区民政局', '2012-05-01'],
  [
    '黑龙江省人口与计划生育条例（社区办理流程）',
    'FAMILY_PLANNING',
    '黑龙江省人民代表大会常务委员会',
    '2002-09-01',
  ],
  ['独生子女父母奖励办法', 'FAMILY_PLANNING', '道里区人口和计划生育局', '2009-01-01'],
  ['流动人口计划生育服务管理规定', 'FAMILY_PLANNING', '道里区人口和计划生育局', '2009-10-01'],
  ['计划生育家庭特别扶助制度', 'FAMILY_PLANNING', '哈尔滨市人口和计划生育委员会', '2008-01-01'],
  ['居民身份证办理指南', 'IDENTITY_DOCUMENTS', '哈尔滨市公安局道里分局', '2012-01-01'],
  ['户口登记与迁移办理须知', 'IDENTITY_DOCUMENTS', '哈尔滨市公安局道里分局', '2011-07-01'],
  ['哈尔滨市残疾人证管理规定', 'DISABILITY', '哈尔滨市残疾人联合会', '2010-01-01'],
  ['困难残疾人生活补贴和重度残疾人护理补贴办法', 'DISABILITY', '哈尔滨市民政局', '2012-07-01'],
  ['残疾人托养服务补贴办法', 'DISABILITY', '道里区残疾人联合会', '2012-03-01'],
  ['企业退休人员养老金领取资格认证办法', 'SOCIAL_INSURANCE', '哈尔滨市人力资源和社会保障局', '2010-01-01'],
  ['城镇居民基本医疗保险办法', 'SOCIAL_INSURANCE', '哈尔滨市人民政府', '2008-09-01'],
  ['灵活就业人员社会保险补贴办法', 'SOCIAL_INSURANCE', '哈尔滨市人力资源和社会保障局', '2011-04-01'],
  ['就业困难人员援助办法', 'EMPLOYMENT', '哈尔滨市人力资源和社会保障局', '2010-05-01'],
  ['公益性岗位开发管理办法', 'EMPLOYMENT', '道里区人力资源和社会保障局', '2011-09-01'],
  ['小额担保贷款实施办法', 'EMPLOYMENT', '哈尔滨市人力资源和社会保障局', '2009-06-01'],
  ['社区卫生服务管理办法', 'HEALTH', '道里区卫生局', '2010-02-01'],
  ['家庭医生签约服务规范', 'HEALTH', '道里区卫生局', '2012-09-01'],
  ['法律援助条例（社区办理流程）', 'LEGAL', '国务院', '2003-09-01'],
  ['人民调解工作流程', 'LEGAL', '道里区司法局', '2011-01-01'],
  ['廉租住房保障办法', 'HOUSING_LAND', '哈尔滨市住房保障和房产管理局', '2008-06-01'],
  ['城市供暖补贴发放办法', 'HOUSING_LAND', '哈尔滨市供热办公室', '2010-10-01'],
  ['退役军人优抚待遇办理须知', 'VETERANS', '道里区民政局', '2011-08-01'],
  ['社区文体活动场地开放办法', 'CULTURE_EDUCATION', '通江街道办事处', '2012-04-01'],
].map(([title, category, issuingBody, from]) => ({
  title,
  category: category as ServiceCategory,
  issuingBody,
  from,
}));

/** A policy's body: its basis and the procedure a resident follows (办事流程), in Markdown. */
export function policyBody(title: string, items: string[]): string {
  return [
    `# ${title}`,
    '',
    '## 适用对象',
    '',
    '本社区常住居民，具体条件以本政策原文为准。',
    '',
    '## 办事流程',
    '',
    '1. 居民实名注册后在社区政务网提交申请，或到社区服务窗口办理（一窗式受理）；',
    '2. 社区工作人员三个工作日内电话联系，核对材料并预约现场办理时间；',
    '3. 按预约时间携带材料到社区服务大厅办理；',
    '4. 在承诺时限内办结，结果短信告知。',
    '',
    ...(items.length ? ['## 相关服务事项', '', ...items.map((i) => `- ${i}`), ''] : []),
    '咨询电话：0451-84650000（示例）',
  ].join('\n');
}

/** The 1,000-metre map's points around 上红社区: names carry （示例）, they are not real businesses. */
export const POI_NAMES: Record<PoiCategory, string[]> = {
  BUS_STOP: [
    '中医街公交站',
    '通江街公交站',
    '西十二道街公交站',
    '友谊路公交站',
    '尚志大街公交站',
    '经纬街公交站',
  ],
  HOSPITAL: ['道里区中医医院', '通江社区医院', '市第二医院分院'],
  CLINIC: ['上红社区卫生服务站', '仁和诊所', '康民口腔诊所', '惠民中医诊所'],
  PHARMACY: ['百姓大药房', '人民同泰药店', '益寿堂药店', '康佳药房'],
  SHOP: ['中医街便民超市', '红星商店', '通江副食店', '金太阳五金', '家乐福便利店', '新华书店', '邮政便民点'],
  MARKET: ['通江早市', '道里菜市场', '西十四道街农贸市场'],
  RESTAURANT: ['老厨家', '东北饺子馆', '红星面馆', '江畔烧烤', '清真饭店', '俄式西餐厅'],
  HOTEL: ['通江宾馆', '中央大街酒店', '友谊宾馆', '如家快捷酒店'],
  SCHOOL: ['通江小学', '第十七中学', '上红幼儿园'],
  POLICE_STATION: ['通江派出所', '中医街警务室'],
  SERVICE_CENTRE: ['通江街道便民服务中心', '上红社区服务大厅', '社区养老服务站'],
};
