/**
 * Presentation grouping of a check report's findings: by file and sheet (in report order), then by
 * level, errors first. Pure; it only arranges what the engine found.
 */
import type { Finding, Level } from '../domain/types';

export const LEVEL_ORDER: Level[] = ['error', 'warning', 'info'];

export interface LevelGroup {
  level: Level;
  findings: Finding[];
}

export interface SheetGroup {
  key: string;
  file: string | null;
  sheet: string | null;
  levels: LevelGroup[];
}

export function groupFindings(findings: Finding[]): SheetGroup[] {
  const groups = new Map<string, SheetGroup>();
  for (const f of findings) {
    const key = `${f.file ?? ''}\u0000${f.sheet ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, file: f.file, sheet: f.sheet, levels: [] };
      groups.set(key, g);
    }
    let lg = g.levels.find((l) => l.level === f.level);
    if (!lg) {
      lg = { level: f.level, findings: [] };
      g.levels.push(lg);
    }
    lg.findings.push(f);
  }
  const out = [...groups.values()];
  for (const g of out) g.levels.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  // Sheets with errors come first, then warnings; report order otherwise (stable sort).
  const worst = (g: SheetGroup) => LEVEL_ORDER.indexOf(g.levels[0].level);
  return out.sort((a, b) => worst(a) - worst(b));
}
