/**
 * The architecture, checked: src/domain is pure (no Office, DOM, React or Node APIs); the command
 * line and the .xlsx port never import Office.js or pane code (so the CLI builds and runs without
 * office.js types, as on a fresh clone); only src/excel touches Excel/Office.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

/** Files of a layer that import something a predicate forbids, as "file → import". */
function offenders(layer: string, forbidden: (spec: string, file: string) => boolean): string[] {
  return files(path.join(SRC, layer)).flatMap((f) =>
    imports(f)
      .filter((spec) => forbidden(spec, f))
      .map((spec) => `${path.relative(SRC, f)} → ${spec}`),
  );
}

function resolvesInto(spec: string, file: string, folder: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), spec);
  return target === path.join(SRC, folder) || target.startsWith(path.join(SRC, folder) + path.sep);
}

describe('layers', () => {
  it('src/domain imports nothing outside itself but zod (no Node, Office, DOM or React)', () => {
    const bad = offenders('domain', (spec, file) => (spec.startsWith('.') ? !resolvesInto(spec, file, 'domain') : spec !== 'zod'));
    expect(bad).toEqual([]);
  });

  it('the .xlsx port and the command line never import Office.js or pane code', () => {
    const officeOrPane = (spec: string, file: string) =>
      resolvesInto(spec, file, 'excel') || resolvesInto(spec, file, 'taskpane') || /office-js|office-addin|^react/.test(spec);
    expect([...offenders('xlsx', officeOrPane), ...offenders('cli', officeOrPane)]).toEqual([]);
  });

  it('the .xlsx port uses no Node APIs outside its Node-only files (node-*.ts), which only the CLI imports', () => {
    const nodeOnly = (file: string): boolean => /[\\/]node-[\w-]+\.ts$/.test(file);
    const bad = offenders('xlsx', (spec, file) => /^(node:|fs$|path$|crypto$|buffer$)/.test(spec) && !nodeOnly(file));
    expect(bad).toEqual([]);
    // the browser build reaches src/xlsx only through xlsx-port.ts: no other layer but the CLI imports a node-* file
    const importers = ['domain', 'xlsx', 'taskpane', 'excel'].flatMap((layer) => offenders(layer, (spec, file) => /(^|\/)node-[\w-]+$/.test(spec) && !nodeOnly(file) && !file.endsWith('.test.ts')));
    expect(importers).toEqual([]);
  });

  it('only src/excel (and the pane entry) use the Office or Excel globals', () => {
    const bad = ['domain', 'xlsx', 'cli'].flatMap((layer) =>
      files(path.join(SRC, layer))
        .filter((f) => /\b(Excel|Office)\.(run|onReady|context)\b/.test(readFileSync(f, 'utf8')))
        .map((f) => path.relative(SRC, f)),
    );
    expect(bad).toEqual([]);
  });
});
