/**
 * What this Excel can do, from the ExcelApi requirement sets it reports (isSetSupported). The
 * manifest asks only for ExcelApi 1.1 so that every Excel with the JavaScript API can open the pane;
 * from 1.7 (volume-licensed Excel 2019, Excel 2016 for Mac 16.9) every feature works; newer sets
 * only make things faster or finer:
 *   1.1   read the workbook, check, list findings, select a finding's cell, the active sheet
 *   1.7   highlight / clear (conditional formats 1.6; workbook structure protection 1.7, checked
 *         before anything is written), write the tool's sheets (tab colour, frozen panes 1.7),
 *         store the configuration in the workbook, live mode (worksheet.onChanged 1.7)
 *   1.9   RangeAreas: one rule per 400 areas instead of one per area; one onChanged for the whole
 *         workbook; screen updating suspended while writing
 *   1.13  merged cells read with the values; other workbooks inserted as sheets
 *   1.14  the tool's own edits told apart from the clerk's in live mode
 * Requirement sets as documented in @types/office-js ("[Api set: ExcelApi x.y]").
 */
import type { Bilingual } from '../domain/types';
import type { SetSupport } from './api';

export type ExcelFeature = 'highlight' | 'writeSheets' | 'storeConfig' | 'live';

/** The requirement set each feature needs. */
export const FEATURE_SET: Record<ExcelFeature, string> = {
  highlight: '1.7',
  writeSheets: '1.7',
  storeConfig: '1.7',
  live: '1.7',
};

/** The set every feature works from (the floor this project supports fully). */
export const FULL_SET = '1.7';

const NAMES: Record<ExcelFeature, Bilingual> = {
  highlight: { zh: '标注与清除标注', en: 'highlighting and clearing highlights' },
  writeSheets: { zh: '写入核查结果、汇总、预警清单和历史数据', en: 'writing the findings, summary, warning and history sheets' },
  storeConfig: { zh: '把设置保存在工作簿中', en: 'saving the settings in the workbook' },
  live: { zh: '实时核查', en: 'live checking' },
};

export function supportsFeature(supports: SetSupport, feature: ExcelFeature): boolean {
  return supports('ExcelApi', FEATURE_SET[feature]);
}

/** The features this Excel lacks, in the order the pane lists them. */
export function missingFeatures(supports: SetSupport): ExcelFeature[] {
  return (Object.keys(FEATURE_SET) as ExcelFeature[]).filter((f) => !supportsFeature(supports, f));
}

/** The highest ExcelApi 1.x the host reports (checked up to 1.20), for messages; '1.0' when none. */
export function apiLevel(supports: SetSupport): string {
  let level = 0;
  for (let minor = 1; minor <= 20; minor++) if (supports('ExcelApi', `1.${minor}`)) level = minor;
  return `1.${level}`;
}

/**
 * What the pane says once at start when this Excel lacks features, or null when it has them all:
 * which features, which set they need, what still works, and what to do.
 */
export function limitsNotice(supports: SetSupport): Bilingual | null {
  const missing = missingFeatures(supports);
  if (missing.length === 0) return null;
  const level = apiLevel(supports);
  return {
    zh:
      `此版本的 Excel(ExcelApi ${level})不支持:${missing.map((f) => NAMES[f].zh).join('、')}` +
      `(需要 ExcelApi ${FULL_SET},即 Excel 2019 或更新版本、Microsoft 365、Excel 网页版)。` +
      '核查工作簿、查看问题清单和点击定位单元格可以正常使用;其余功能请更新 Excel,或在浏览器中打开独立页面处理工作簿文件。',
    en:
      `This version of Excel (ExcelApi ${level}) does not support ${missing.map((f) => NAMES[f].en).join(', ')} ` +
      `(they need ExcelApi ${FULL_SET}: Excel 2019 or later, Microsoft 365, Excel on the web). ` +
      'Checking the workbook, the list of findings and selecting their cells work; for the rest, update Excel or open the standalone page in a browser to work on the workbook files.',
  };
}

/** The PortError text's "what" and "set" for a feature this Excel lacks. */
export function featureName(feature: ExcelFeature): Bilingual {
  return NAMES[feature];
}
