/**
 * Display formatting of figures the engine computed (no computing here): amounts with thousands
 * separators, growth as shown or its label, ranks as 第N位/共M个 (并列 when tied).
 */
import type { Lang } from '../domain/types';
import type { RankPlace } from '../domain/summary/types';
import { translate } from './i18n/i18n';

const LABEL_EN: Record<string, string> = {
  新增: 'new',
  '—': '—',
  扭亏为盈: 'turned profitable',
  由盈转亏: 'turned to loss',
  减亏: 'loss reduced',
  增亏: 'loss increased',
};

export function amount(v: number | null, lang: Lang): string {
  if (v === null) return '—';
  return v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function oneDecimal(v: number | null): string {
  return v === null ? '—' : v.toFixed(1);
}

/** The engine's rounded growth, or its label when no % is shown. */
export function growthCell(yoy: number | null, label: string | null, lang: Lang): string {
  if (yoy !== null) return yoy.toFixed(1);
  if (label === null) return '—';
  return lang === 'zh' ? label : LABEL_EN[label] ?? label;
}

export function rankText(r: RankPlace | null, lang: Lang): string {
  if (!r) return '—';
  return translate(lang, r.tied ? 'rankTied' : 'rankOf', { n: r.n, of: r.of });
}
