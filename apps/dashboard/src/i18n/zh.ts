import type { TranslationMessages } from 'react-admin';
import { raChineseMessages } from './ra-chinese';
import { regionLevelMessages } from './region-level-messages';

/** Simplified Chinese, the default: react-admin's interface and every label of ours (en.ts has the same keys). */
export const zhMessages: TranslationMessages = {
  ...raChineseMessages,
  app: {
    title: '强基工程 · 基层治理',
    region_level: regionLevelMessages('zh'),
    dashboard: {
      subordinates: '下辖区、县（市）',
    },
    errors: {
      BAD_USER_INPUT: '输入有误：%{detail}',
      UNAUTHENTICATED: '登录已失效，请重新登录',
      FORBIDDEN: '无权执行此操作',
      NOT_FOUND: '未找到该记录',
      CONFLICT: '记录已被他人修改，请刷新后重试',
      INVALID_TRANSITION: '当前状态不允许此操作',
      RATE_LIMITED: '请求过于频繁，请稍后再试',
      INTERNAL: '服务器内部错误，请稍后再试',
    },
    regions: {
      breadcrumb: '区划层级',
      children: '下级区域',
      no_children: '暂无下级区域',
      descendant_counts: '下辖区域统计',
      count: '数量',
      still_valid: '至今',
    },
  },
  resources: {
    regions: {
      name: '行政区划',
      fields: {
        code: '区划代码',
        name: '名称',
        level: '层级',
        parentCode: '上级区域',
        urbanRuralCode: '城乡分类代码',
        population: '人口',
        households: '户数',
        validFrom: '生效日期',
        validTo: '失效日期',
        withinCode: '所属区域代码',
        nameContains: '名称',
      },
    },
  },
};
