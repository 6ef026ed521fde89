/**
 * Which package each byte of a minified bundle came from, read from its source map (webpack writes
 * one in production): the mappings are decoded (base64 VLQ, source map v3) and every generated
 * segment, up to the next one, is credited to its source, grouped by npm package or `app`.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

interface SourceMap {
  sources: string[];
  mappings: string;
}

/** Decode one segment's VLQ fields. */
function decodeSegment(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of seg) {
    const d = DIGIT.get(c) ?? 0;
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** 'webpack://zone-report/./node_modules/@fluentui/react-tabs/lib/…' → '@fluentui/react-tabs'; src → 'app'. */
export function packageOf(source: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (m) return m[1];
  if (/\/src\//.test(source) || /^webpack:\/\/[^/]*\/\.\/src/.test(source)) return 'app (src/)';
  return 'webpack runtime / other';
}

/** The code of each package in the bundle (unmapped bytes go to 'unmapped'). */
export function slicesByPackage(code: string, map: SourceMap): Map<string, string[]> {
  const lines = code.split('\n');
  const groups = new Map<string, string[]>();
  const put = (k: string, s: string) => {
    const list = groups.get(k);
    if (list) list.push(s);
    else groups.set(k, [s]);
  };
  const mapLines = map.mappings.split(';');
  let src = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const segs = (mapLines[li] ?? '').split(',').filter((s) => s !== '');
    let col = 0;
    const starts: { col: number; src: number | null }[] = [];
    for (const seg of segs) {
      const f = decodeSegment(seg);
      col += f[0];
      if (f.length >= 4) {
        src += f[1];
        starts.push({ col, src });
      } else starts.push({ col, src: null });
    }
    if (starts.length === 0 || starts[0].col > 0) put('unmapped', line.slice(0, starts[0]?.col ?? line.length));
    starts.forEach((s, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].col : line.length;
      put(s.src === null ? 'unmapped' : packageOf(map.sources[s.src] ?? ''), line.slice(s.col, end));
    });
  }
  return groups;
}
