import { parseArgs } from './args';

const spec = { values: ['out', 'lang'], flags: ['json', 'help'] };

describe('parseArgs', () => {
  it('reads positionals, values (both spellings) and flags', () => {
    const a = parseArgs(['a.xlsx', '--out', 'o', '--lang=en', '--json', 'b'], spec);
    expect(a.positionals).toEqual(['a.xlsx', 'b']);
    expect(a.values).toEqual({ out: 'o', lang: 'en' });
    expect([...a.flags]).toEqual(['json']);
    expect(a.problems).toEqual([]);
  });
  it('reports unknown options, missing values, repeated values and values on flags', () => {
    const a = parseArgs(['--nope', '--out', '--json=1', '--lang', 'zh', '--lang', 'en'], spec);
    expect(a.problems.map((p) => p.en)).toEqual([
      'Unknown option: --nope',
      'Option --out needs a value.',
      'Option --json takes no value.',
      'Option --lang may be given only once.',
    ]);
  });
  it('treats everything after -- as files, and -h as help', () => {
    const a = parseArgs(['-h', '--', '--odd-name.xlsx'], spec);
    expect(a.flags.has('help')).toBe(true);
    expect(a.positionals).toEqual(['--odd-name.xlsx']);
  });
});
