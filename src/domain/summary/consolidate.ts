/**
 * Consolidation: one record set per zone for the period summarised, zones in register order (or in
 * order of appearance without a register), each marked rated or gray. A zone is gray when it sent no
 * report, when the same zone and period came twice (V-DUP), or when it has unresolved findings
 * (errors, or warnings without a 说明) at the cut-off, unless the user explicitly includes it.
 */
import type { Config } from '../config/schema';
import type { Register } from '../recognise/register';
import type { Bilingual, CheckReport, Finding, SheetResult, Zone } from '../types';
import { buildFigures, type Figure, type RawFigure } from './figures';

export interface ZoneData {
  zone: Zone;
  figures: Map<string, Figure>;
  /** a report for the period was found */
  reported: boolean;
  /** has unresolved findings (error, or unexplained warning) */
  unresolved: boolean;
  /** ranked and rated: reported, and either clean or explicitly included */
  rated: boolean;
  includedWithErrors: boolean;
  grayReason: Bilingual | null;
  /** indicators with an unresolved finding: not ranked on them even when included */
  flagged: Set<string>;
}

export interface Consolidation {
  period: string | null;
  zones: ZoneData[];
  /** findings added by consolidation (V-DUP) */
  findings: Finding[];
}

interface Source {
  file: string;
  sheet: SheetResult;
}

/** The latest 'YYYY-MM' among the report sheets ('YYYY-MM' strings sort by time). */
export function latestPeriod(report: CheckReport): string | null {
  let best: string | null = null;
  for (const f of report.files) {
    for (const s of f.sheets) {
      if (s.kind === 'report' && s.zone && s.period && (best === null || s.period > best)) best = s.period;
    }
  }
  return best;
}

function isUnresolved(f: Finding): boolean {
  return f.level === 'error' || (f.level === 'warning' && !f.explained);
}

function plainZone(code: string, name: string): Zone {
  return { code, name, aliases: [], level: null, type: null, city: null, province: null };
}

const NO_REPORT: Bilingual = { zh: '未报送本期报表', en: 'no report for this period' };
const DUPLICATE: Bilingual = { zh: '本期报表重复报送(V-DUP)', en: 'the report for this period was sent twice (V-DUP)' };
const UNRESOLVED: Bilingual = {
  zh: '有未修正的错误或未说明的警告',
  en: 'unresolved errors or unexplained warnings',
};

export function consolidate(
  report: CheckReport,
  register: Register | null,
  config: Config,
  period: string | null,
  include: 'none' | 'all' | string[],
): Consolidation {
  const sources = new Map<string, Source[]>();
  const order: ZoneData['zone'][] = [];
  for (const f of report.files) {
    for (const s of f.sheets) {
      if (s.kind !== 'report' || !s.zone || s.period !== period) continue;
      const list = sources.get(s.zone.code);
      if (list) list.push({ file: f.file, sheet: s });
      else {
        sources.set(s.zone.code, [{ file: f.file, sheet: s }]);
        order.push(register?.byCode.get(s.zone.code) ?? plainZone(s.zone.code, s.zone.name));
      }
    }
  }
  // Register order first; zones that reported but are not in the register (already V-ZONE errors
  // in the check) follow in order of appearance, so no figure disappears from the summary.
  const zones: Zone[] = register ? [...register.zones, ...order.filter((z) => !register.byCode.has(z.code))] : order;

  const added: Finding[] = [];
  const out: ZoneData[] = zones.map((zone) => {
    const src = sources.get(zone.code) ?? [];
    if (src.length === 0) {
      return {
        zone, figures: new Map(), reported: false, unresolved: false, rated: false,
        includedWithErrors: false, grayReason: NO_REPORT, flagged: new Set<string>(),
      };
    }
    const duplicate = src.length > 1;
    if (duplicate && !report.findings.some((f) => f.rule === 'V-DUP' && f.zone === zone.code && f.period === period)) {
      added.push(dupFinding(zone, period, src));
    }
    const mine = report.findings.filter((f) => isUnresolved(f) && concerns(f, zone, period, src));
    const flagged = new Set<string>();
    for (const f of mine) if (f.indicator) flagged.add(f.indicator);
    const unresolved = duplicate || mine.length > 0;
    const included = include === 'all' || (Array.isArray(include) && include.includes(zone.code));
    const rated = !unresolved || included;
    const raw = new Map<string, RawFigure>();
    // With a duplicate the first report counts (only ever used when the user includes the zone).
    for (const r of src[0].sheet.records) {
      // a growth taken as published (no 上年同期 figure, template.md §5) is kept as it is
      if (!raw.has(r.indicator)) raw.set(r.indicator, { ytd: r.ytd, base: r.base, target: r.target, note: r.note, ...(r.growth.published ? { growth: r.growth } : {}) });
    }
    return {
      zone,
      figures: buildFigures(config, raw),
      reported: true,
      unresolved,
      rated,
      includedWithErrors: unresolved && included,
      grayReason: rated ? null : duplicate ? DUPLICATE : UNRESOLVED,
      flagged,
    };
  });
  return { period, zones: out, findings: added };
}

/**
 * A finding concerns the zone's report: found on its sheet (on a table of many zones, on its own
 * row: a finding about the table as a whole names no zone), or naming the zone for this period.
 */
function concerns(f: Finding, zone: Zone, period: string | null, src: Source[]): boolean {
  if (src.some((s) => f.file === s.file && f.sheet === s.sheet.sheet && (s.sheet.layout !== 'table' || f.zone === zone.code))) return true;
  const named = f.zone === zone.code || f.zone === zone.name;
  // Register problems about the zone (a duplicate code...) put its identity in doubt.
  return named && (f.period === period || f.rule === 'V-REGISTER');
}

function dupFinding(zone: Zone, period: string | null, src: Source[]): Finding {
  const where = src.map((s) => `${s.file}/${s.sheet.sheet}`).join('、');
  const whereEn = src.map((s) => `${s.file}/${s.sheet.sheet}`).join(', ');
  return {
    level: 'error', rule: 'V-DUP', file: src[1].file, sheet: src[1].sheet.sheet, cell: null,
    zone: zone.code, period, indicator: null, value: zone.name, expected: null,
    message: {
      zh: `${zone.name}的${period ?? ''}报表出现${src.length}次(${where}),请只保留一份。`,
      en: `${zone.name}: the ${period ?? ''} report appears ${src.length} times (${whereEn}); keep only one.`,
    },
    explained: false,
  };
}
