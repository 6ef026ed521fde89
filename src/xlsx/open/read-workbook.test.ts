/**
 * The one entry for reading a file: every hostile-corpus file (every format) gets the outcome and the
 * code expected; every code of the closed list has a message in both languages that tells the clerk
 * what to do; a refusal of a file that is not an .xlsx names the format it was taken for; mangled
 * files of every format never make it throw. (Cell-for-cell agreement between the formats:
 * test/formats, over files LibreOffice writes.)
 */
import fc from 'fast-check';
import { buildCorpus, type CorpusFile } from '../../../test/hostile/corpus';
import { INPUT_ERROR_CODES, inputError } from '../guard/codes';
import { readWorkbookBytes } from './read-workbook';

let corpus: CorpusFile[];
beforeAll(() => {
  corpus = buildCorpus();
});

describe('readWorkbookBytes on the hostile corpus', () => {
  it('answers the expected code for every input-error file and reads every findings file', async () => {
    const wrong: string[] = [];
    for (const f of corpus) {
      const r = await readWorkbookBytes(f.bytes, f.name);
      if (f.expect === 'input-error' && (r.ok || r.error.code !== f.code)) wrong.push(`${f.name}: ${r.ok ? 'read' : r.error.code} ≠ ${f.code}`);
      if (f.expect === 'findings' && !r.ok) wrong.push(`${f.name}: refused ${r.error.code}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has a corpus file for every code a file can earn (not the operating system\'s, nor the reader thread\'s time limit)', () => {
    const covered = new Set(corpus.map((f) => f.code));
    const byTheSystem = ['E_NOT_FOUND', 'E_UNREADABLE', 'E_TIMEOUT'];
    expect(INPUT_ERROR_CODES.filter((c) => !covered.has(c) && !byTheSystem.includes(c))).toEqual([]);
  });

  it('names the format it took a refused file for, when that is not an .xlsx', async () => {
    const byName = new Map(corpus.map((f) => [f.name, f]));
    const refused = async (name: string): Promise<{ zh: string; en: string }> => {
      const f = byName.get(name);
      if (!f) throw new Error(`corpus has no ${name}`);
      const r = await readWorkbookBytes(f.bytes, f.name);
      if (r.ok) throw new Error(`${name} was read`);
      return r.error.message;
    };
    expect((await refused('xls-fat-loop.xls')).zh).toMatch(/^\(按Excel 97-2003 工作簿\(\.xls\)读取\)/);
    expect((await refused('ods-repeat-bomb.ods')).en).toMatch(/^\(Read as: OpenDocument spreadsheet \(\.ods\)\.\)/);
    expect((await refused('csv-giant-line.csv')).zh).toContain('CSV 文本');
    // an .xlsx's messages speak of it already; an encrypted package is said to be one, whatever it holds
    expect((await refused('bomb-lying-size.xlsx')).zh).not.toMatch(/^\(按/);
    expect((await refused('xlsx-encrypted-in-ole2.xlsx')).zh).toMatch(/^工作簿设置了打开密码/);
  });
});

describe('the closed list of refusals', () => {
  it('has a message in both languages for every code, telling what to do', () => {
    for (const code of INPUT_ERROR_CODES) {
      const e = inputError(code);
      expect(e.code).toBe(code);
      expect(e.message.zh).toMatch(/请/);
      expect(e.message.en.length).toBeGreaterThan(30);
      expect(e.message.en).toMatch(/\.$/);
    }
  });
});

describe('mangled files of every format', () => {
  it('never make reading throw: a sheet list or a closed-list code', async () => {
    const seeds = corpus.filter((f) => f.expect !== 'input-error' && f.bytes.length < 200_000);
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), fc.boolean(), async (i, junk, at, cut) => {
        const seed = seeds[i].bytes;
        const b = cut ? seed.slice(0, at % seed.length) : Uint8Array.from(seed);
        if (!cut) b.set(junk.subarray(0, Math.max(0, b.length - (at % b.length))), at % b.length);
        const r = await readWorkbookBytes(b, seeds[i].name);
        if (r.ok) expect(r.sheets.length).toBeGreaterThan(0);
        else expect(INPUT_ERROR_CODES).toContain(r.error.code);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
