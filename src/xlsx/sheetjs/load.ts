/**
 * SheetJS Community Edition, loaded only when a file needs it: `@e965/xlsx` 0.20.3 (SheetJS's own
 * release republished unchanged; never the npm `xlsx` 0.18.5, which has known prototype-pollution
 * and ReDoS advisories). A dynamic import, so the pane's bundler puts it in a chunk of its own that
 * only a legacy file loads, and the command line requires it only then.
 *
 * SheetJS needs a codepage table to read 8-bit text of old files (BIFF5 .xls from a Chinese Excel 95
 * or WPS store their strings in codepage 936). Its full table (cpexcel, ~470 KB) is replaced by the
 * platform's TextDecoder, which knows every codepage a Chinese report is written in.
 */
type SheetJs = typeof import('@e965/xlsx');

/** Windows codepage → WHATWG encoding label (TextDecoder). Unknown codepages read as Windows-1252. */
const CODEPAGES: ReadonlyMap<number, string> = new Map([
  [1200, 'utf-16le'],
  [1201, 'utf-16be'],
  [65001, 'utf-8'],
  [936, 'gbk'],
  [54936, 'gb18030'],
  [950, 'big5'],
  [932, 'shift_jis'],
  [949, 'euc-kr'],
  [874, 'windows-874'],
  [1250, 'windows-1250'],
  [1251, 'windows-1251'],
  [1252, 'windows-1252'],
  [1253, 'windows-1253'],
  [1254, 'windows-1254'],
  [1255, 'windows-1255'],
  [1256, 'windows-1256'],
  [1257, 'windows-1257'],
  [1258, 'windows-1258'],
  [10000, 'macintosh'],
  [28591, 'iso-8859-1'],
  [20127, 'windows-1252'],
]);

const decoders = new Map<number, TextDecoder>();

function decoder(cp: number): TextDecoder {
  let d = decoders.get(cp);
  if (!d) {
    d = new TextDecoder(CODEPAGES.get(cp) ?? 'windows-1252');
    decoders.set(cp, d);
  }
  return d;
}

/** The part of a codepage table SheetJS calls when reading: decode(cp, bytes) → string. */
const cptable = {
  utils: {
    decode(cp: number, data: ArrayLike<number>): string {
      return decoder(cp).decode(data instanceof Uint8Array ? data : Uint8Array.from(data));
    },
    // only writers encode; the tool never writes with SheetJS
    encode(): never {
      throw new Error('SheetJS encode is not used');
    },
  },
};

let loaded: Promise<SheetJs> | null = null;

/** SheetJS, loaded once (its codepage table set to the platform's decoders). */
export function loadSheetJs(): Promise<SheetJs> {
  loaded ??= import('@e965/xlsx').then((m) => {
    m.set_cptable(cptable);
    return m;
  });
  return loaded;
}
