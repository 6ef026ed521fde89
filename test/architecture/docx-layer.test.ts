/**
 * src/docx (the bulletin's .docx renderer) runs in the browser and the command line alike: it
 * imports the domain's model and `docx`, never Node, Office.js, the pane or the .xlsx port.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const DIR = path.resolve(__dirname, '../../src/docx');

test('src/docx imports only docx and the domain', () => {
  const bad: string[] = [];
  for (const f of readdirSync(DIR).filter((n) => /\.ts$/.test(n) && !/\.test\.ts$/.test(n))) {
    const text = readFileSync(path.join(DIR, f), 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      const ok = spec === 'docx' || spec.startsWith('docx/') || spec.startsWith('./') || spec.startsWith('../domain/');
      if (!ok) bad.push(`${f} → ${spec}`);
    }
  }
  expect(bad).toEqual([]);
});
