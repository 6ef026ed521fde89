/**
 * Property: names are equal under noise. For every catalogue name and alias (the default
 * configuration) and every register name and alias (the sample register, src/domain/sample), adding
 * zero-width characters, full-width forms of ASCII characters (NFKC folds them back), spaces
 * (ASCII, no-break, ideographic) and line breaks still matches the same indicator / zone through
 * the real matching code: matchName (src/domain/recognise/catalogue-match.ts), the register's
 * resolve and resolveZone (register.ts, zone.ts).
 */
import fc from 'fast-check';
import { defaultConfig } from '../../src/domain/config/validate';
import { indexCatalogue, matchName } from '../../src/domain/recognise/catalogue-match';
import { buildRegister } from '../../src/domain/recognise/register';
import { resolveZone } from '../../src/domain/recognise/zone';
import { sampleRegister } from '../../src/domain/sample';
import { propertyParams, propertyTimeout } from './runs';

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const SPACES = [' ', '  ', '\u00A0', '\u3000', '\t'];
const BREAKS = ['\n', '\r\n', '\r'];

/** The full-width form of a printable ASCII character (NFKC maps it back); others unchanged. */
function fullWidth(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x21 && c <= 0x7e ? String.fromCodePoint(c + 0xfee0) : ch;
}

interface Noise {
  /** per gap between characters (and both ends): what to insert there */
  inserts: string[][];
  /** per character: whether to write it full-width */
  wide: boolean[];
}

function noiseFor(length: number): fc.Arbitrary<Noise> {
  const insert = fc.array(fc.constantFrom(...ZERO_WIDTH, ...SPACES, ...BREAKS), { maxLength: 2 });
  return fc.record({
    inserts: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 2, arbitrary: insert }), { minLength: length + 1, maxLength: length + 1 }),
    wide: fc.array(fc.boolean(), { minLength: length, maxLength: length }),
  });
}

/** The name with noise applied (code points, so a surrogate pair is never split). */
function noisy(name: string, n: Noise): string {
  const chars = [...name];
  let out = n.inserts[0].join('');
  chars.forEach((ch, i) => {
    out += (n.wide[i] ? fullWidth(ch) : ch) + n.inserts[i + 1].join('');
  });
  return out;
}

/** A name with the noise that can be generated for it. */
function named<T>(items: { name: string; target: T }[]): fc.Arbitrary<{ name: string; target: T; text: string }> {
  return fc
    .constantFrom(...items)
    .chain((it) => noiseFor([...it.name].length).map((n) => ({ ...it, text: noisy(it.name, n) })));
}

const config = defaultConfig();
const catalogue = indexCatalogue(config.catalogue);
const catalogueNames = config.catalogue.flatMap((ind) => [ind.name, ...ind.aliases].map((name) => ({ name, target: ind.code })));

const zones = sampleRegister(40);
const { register, findings } = buildRegister(zones);
const zoneNames = zones.flatMap((z) => [z.name, ...z.aliases].map((name) => ({ name, target: z.code })));

describe('property: names equal under zero-width, full-width, space and line-break noise', () => {
  test('the baselines: every catalogue name/alias and every register name/alias matches its own entry', () => {
    expect(catalogueNames.length).toBeGreaterThanOrEqual(23);
    expect(findings).toEqual([]);
    expect(zoneNames.length).toBeGreaterThan(40);
    for (const { name, target } of catalogueNames) expect({ name, code: matchName(catalogue, name)?.code }).toEqual({ name, code: target });
    for (const { name, target } of zoneNames) expect({ name, code: register.resolve(name)?.code }).toEqual({ name, code: target });
  });

  test(
    'a catalogue name or alias with noise matches the same indicator',
    () => {
      fc.assert(
        fc.property(named(catalogueNames), ({ name, target, text }) => {
          expect({ name, text, code: matchName(catalogue, text)?.code }).toEqual({ name, text, code: target });
        }),
        propertyParams(),
      );
    },
    propertyTimeout(5),
  );

  test(
    'a register name or alias with noise resolves to the same zone (register lookup and a report sheet’s 填报单位)',
    () => {
      fc.assert(
        fc.property(named(zoneNames), ({ name, target, text }) => {
          expect({ name, text, code: register.resolve(text)?.code }).toEqual({ name, text, code: target });
          const r = resolveZone({ name: { text, cell: 'B2' }, code: null }, register, '表1');
          expect({ name, text, zone: r.zone?.code, problems: r.problems }).toEqual({ name, text, zone: target, problems: [] });
        }),
        propertyParams(),
      );
    },
    propertyTimeout(5),
  );

  test(
    'a zone code with noise (spaces, zero-width, full-width, lower case) resolves to its zone',
    () => {
      const codes = zones.map((z) => ({ name: z.code, target: z.code }));
      fc.assert(
        fc.property(named(codes), fc.boolean(), ({ target, text }, lower) => {
          const typed = lower ? text.toLowerCase() : text;
          const r = resolveZone({ name: null, code: { text: typed, cell: 'B3' } }, register, '表1');
          expect({ typed, zone: r.zone?.code }).toEqual({ typed, zone: target });
        }),
        propertyParams(),
      );
    },
    propertyTimeout(5),
  );

  test('noise is real: the noisy text differs from the name, yet a different name still does not match', () => {
    const n: Noise = { inserts: [['\u200B'], ['\u3000'], ['\r\n'], []], wide: [false, true, false] };
    expect(noisy('A1B', n)).toBe('\u200BA\u3000１\r\nB');
    // noise never makes two different entries equal: 出口额 and 进口额 stay apart
    expect(matchName(catalogue, noisy('出口额', { inserts: [[' '], ['\u200B'], ['\n'], []], wide: [false, false, false] }))?.code).toBe('17');
    expect(matchName(catalogue, '进\u200B口 额')?.code).toBe('18');
    expect(matchName(catalogue, '出进口额')).toBeNull();
  });
});
