type Language = 'zh' | 'en';

const TEXT = {
  zh: {
    menu: '公共安全概况',
    title: '公共安全概况',
    heading: '%{region} %{year}年公共安全',
    trend: '逐月发案（与上年同月比较）',
    this_year: '本期',
    last_year: '上年同期',
    change: '同比',
    rank: '降幅排名',
    by_child_region: '下级区域发案',
    by_category: '案件类别',
    category_header: '类别',
    surveys: '公众安全感满意度（统计部门调查）',
    prevention: '%{year}年防控资源',
    indicator: '指标',
    value: '数值',
    points: '%{points} 个百分点',
    kpi: {
      reported: '发案总量',
      yoy: '同比 %{change}',
      sense_of_security: '公众安全感满意度',
      quiet: '连续%{years}年无治安案件的村',
      no_criminal: '%{count} 个村无刑事案件（共 %{villages} 个村）',
    },
  },
  en: {
    menu: 'Public security',
    title: 'Public security',
    heading: '%{region}: public security in %{year}',
    trend: 'Reported cases by month (against the same month a year earlier)',
    this_year: 'This period',
    last_year: 'A year earlier',
    change: 'Year on year',
    rank: 'Rank by fall',
    by_child_region: 'Reported cases by child region',
    by_category: 'Categories',
    category_header: 'Category',
    surveys: 'Public sense-of-security satisfaction (statistics bureau survey)',
    prevention: 'Prevention resources in %{year}',
    indicator: 'Indicator',
    value: 'Value',
    points: '%{points} points',
    kpi: {
      reported: 'Reported cases',
      yoy: 'Year on year %{change}',
      sense_of_security: 'Sense-of-security satisfaction',
      quiet: 'Villages with no public-order case for %{years} years',
      no_criminal: '%{count} villages with no criminal case (of %{villages})',
    },
  },
};

/** `app.security`: the public-security pages' messages, in one language. */
export function securityMessages(language: Language) {
  return TEXT[language];
}
