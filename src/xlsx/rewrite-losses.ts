/**
 * What an annotated copy will lack: exceljs keeps cells, formats, notes, merges, classic validation
 * and conditional formats, but drops charts, drawings/images, pivot tables, sparklines and other
 * Excel 2010 extensions, and custom document properties (spec/engineering-notes.md). The user's
 * original file is never changed; this lets the command line say plainly what the copy lacks.
 */
import JSZip from 'jszip';
import type { Bilingual } from '../domain/types';

export type RewriteLoss = 'charts' | 'drawings' | 'pivots' | 'extensions' | 'customProperties';

const LOSS_TEXT: Record<RewriteLoss, Bilingual> = {
  charts: { zh: '图表', en: 'charts' },
  drawings: { zh: '图片和形状', en: 'pictures and shapes' },
  pivots: { zh: '数据透视表', en: 'pivot tables' },
  extensions: { zh: '迷你图、数据条等 Excel 2010 扩展格式', en: 'sparklines, data bars and other Excel 2010 extensions' },
  customProperties: { zh: '自定义文档属性', en: 'custom document properties' },
};

/** The features of this workbook that a read-and-write through exceljs loses. Never throws. */
export async function rewriteLosses(bytes: Uint8Array | ArrayBuffer): Promise<RewriteLoss[]> {
  const found = new Set<RewriteLoss>();
  try {
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files)) {
      if (/^xl\/charts\//.test(name)) found.add('charts');
      else if (/^xl\/drawings\/drawing\d*\.xml$/.test(name) || /^xl\/media\//.test(name)) found.add('drawings');
      else if (/^xl\/pivot(Tables|Cache)\//.test(name)) found.add('pivots');
      else if (name === 'docProps/custom.xml') found.add('customProperties');
    }
    for (const name of Object.keys(zip.files)) {
      if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
      const xml = await zip.file(name)?.async('string');
      if (xml && /<x14:(sparklineGroups|conditionalFormattings|dataValidations)\b/.test(xml)) {
        found.add('extensions');
        break;
      }
    }
  } catch {
    // unreadable here means exceljs could not read it either; nothing to add
  }
  const order: RewriteLoss[] = ['charts', 'drawings', 'pivots', 'extensions', 'customProperties'];
  return order.filter((l) => found.has(l));
}

/** "图表、数据透视表" / "charts, pivot tables" */
export function lossesText(losses: RewriteLoss[]): Bilingual {
  return { zh: losses.map((l) => LOSS_TEXT[l].zh).join('、'), en: losses.map((l) => LOSS_TEXT[l].en).join(', ') };
}
