/**
 * Offline structural checks of manifest.xml (office-addin-manifest `validate` needs the internet and
 * `info` checks no schema). A minimal tag scanner, no XML dependency: the manifest is ours and simple.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
/** the XML without comments, so commented-out text never counts */
const body = xml.replace(/<!--[\s\S]*?-->/g, '');

interface Tag {
  name: string;
  attrs: Record<string, string>;
  index: number;
}

/** Every start (or self-closing) tag, in document order, with its attributes. */
function tags(text: string): Tag[] {
  const out: Tag[] = [];
  const re = /<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*\/?>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const attrs: Record<string, string> = {};
    const are = /([\w:.-]+)\s*=\s*"([^"]*)"/g;
    for (let a = are.exec(m[2]); a; a = are.exec(m[2])) attrs[a[1]] = a[2];
    out.push({ name: m[1], attrs, index: m.index });
  }
  return out;
}

/** Text content of the first <name>…</name>. */
function text(name: string): string | null {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(body);
  return m ? m[1].trim() : null;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const all = tags(body);
const DEV_ORIGIN = 'https://localhost:3000';

/** The local file a development URL serves (dist/ mirrors assets/ and the pane page). */
function localFile(url: string): string {
  expect(url.startsWith(DEV_ORIGIN + '/')).toBe(true);
  return path.join(ROOT, url.slice(DEV_ORIGIN.length + 1));
}

describe('manifest.xml', () => {
  test('is a TaskPaneApp for the Workbook host', () => {
    const root = all.find((t) => t.name === 'OfficeApp');
    expect(root?.attrs['xsi:type']).toBe('TaskPaneApp');
    const hosts = all.filter((t) => t.name === 'Host' && t.attrs.Name !== undefined);
    expect(hosts.map((h) => h.attrs.Name)).toEqual(['Workbook']);
  });

  test('Requirements sit after Hosts and before DefaultSettings, asking only for ExcelApi 1.1 (every Excel with the API; features are checked at run time)', () => {
    const hostsEnd = body.indexOf('</Hosts>');
    const req = body.indexOf('<Requirements>');
    const defaults = body.indexOf('<DefaultSettings>');
    expect(hostsEnd).toBeGreaterThan(0);
    expect(req).toBeGreaterThan(hostsEnd);
    expect(defaults).toBeGreaterThan(req);
    // and the first </Hosts> is the top-level one (VersionOverrides has its own, later)
    expect(body.indexOf('<VersionOverrides')).toBeGreaterThan(defaults);
    const sets = all.filter((t) => t.name === 'Set');
    expect(sets).toHaveLength(1);
    expect(sets[0].attrs).toEqual({ Name: 'ExcelApi', MinVersion: '1.1' });
    expect(all.find((t) => t.name === 'Sets')?.attrs.DefaultMinVersion).toBe('1.1');
  });

  test('asks for ReadWriteDocument and nothing else', () => {
    const perms = [...body.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1].trim());
    expect(perms).toEqual(['ReadWriteDocument']);
  });

  test('has exactly one Id, a GUID', () => {
    const ids = [...body.matchAll(/<Id>([^<]*)<\/Id>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  test('defaults to zh-CN with en-US overrides for the name and description', () => {
    expect(text('DefaultLocale')).toBe('zh-CN');
    for (const el of ['DisplayName', 'Description']) {
      const m = new RegExp(`<${el} DefaultValue="([^"]+)">\\s*<Override Locale="en-US" Value="([^"]+)"/>`).exec(body);
      expect(m).not.toBeNull();
      expect(m?.[1]).toMatch(/[\u4e00-\u9fff]/);
      expect(m?.[2]).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  test('the Home tab gets a custom group whose button, 月报助手 / Zone Report, shows taskpane.html', () => {
    const tab = all.find((t) => t.name === 'OfficeTab');
    expect(tab?.attrs.id).toBe('TabHome');
    const button = all.find((t) => t.name === 'Control' && t.attrs['xsi:type'] === 'Button');
    expect(button).toBeDefined();
    const group = all.find((t) => t.name === 'Group');
    expect(group && tab && button && tab.index < group.index && group.index < button.index).toBe(true);
    const labelRes = /<Control xsi:type="Button"[^>]*>\s*<Label resid="([^"]+)"\/>/.exec(body)?.[1];
    const str = new RegExp(
      `<bt:String id="${labelRes}" DefaultValue="([^"]+)">\\s*<bt:Override Locale="en-US" Value="([^"]+)"/>`,
    ).exec(body);
    expect(str?.[1]).toBe('月报助手');
    expect(str?.[2]).toBe('Zone Report');
    const action = all.find((t) => t.name === 'Action');
    expect(action?.attrs['xsi:type']).toBe('ShowTaskpane');
    const urlRes = /<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"\/>/.exec(body)?.[1];
    const url = all.find((t) => t.name === 'bt:Url' && t.attrs.id === urlRes)?.attrs.DefaultValue;
    expect(url).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(all.find((t) => t.name === 'SourceLocation' && t.attrs.DefaultValue)?.attrs.DefaultValue).toBe(url);
  });

  test('every resid names a declared resource', () => {
    const declared = new Set(all.filter((t) => t.name.startsWith('bt:') && t.attrs.id).map((t) => t.attrs.id));
    const used = all.filter((t) => t.attrs.resid).map((t) => t.attrs.resid);
    expect(used.length).toBeGreaterThan(0);
    for (const r of used) expect(declared.has(r)).toBe(true);
  });

  test('every icon points to an existing PNG of the right pixel size', () => {
    const icons: { url: string; size: number }[] = [];
    const iconUrl = all.find((t) => t.name === 'IconUrl')?.attrs.DefaultValue;
    const hiRes = all.find((t) => t.name === 'HighResolutionIconUrl')?.attrs.DefaultValue;
    expect(iconUrl).toBeDefined();
    expect(hiRes).toBeDefined();
    icons.push({ url: iconUrl ?? '', size: 32 }, { url: hiRes ?? '', size: 64 });
    const images = new Map(
      all.filter((t) => t.name === 'bt:Image' && t.attrs.id).map((t) => [t.attrs.id, t.attrs.DefaultValue]),
    );
    const refs = all.filter((t) => t.name === 'bt:Image' && t.attrs.resid);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const r of refs) {
      const url = images.get(r.attrs.resid);
      expect(url).toBeDefined();
      icons.push({ url: url ?? '', size: Number(r.attrs.size) });
    }
    for (const { url, size } of icons) {
      const file = localFile(url);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    // the generated set also has 128 px for stores and catalogues
    expect(pngSize(path.join(ROOT, 'assets', 'icon-128.png')).width).toBe(128);
  });

  test('every URL is https on the one development origin; no AppDomains', () => {
    const urls = all.flatMap((t) => Object.values(t.attrs)).filter((v) => /^[a-z]+:\/\//i.test(v));
    const schemaNs = urls.filter((u) => u.startsWith('http://schemas.microsoft.com/') || u.startsWith('http://www.w3.org/'));
    const real = urls.filter((u) => !schemaNs.includes(u));
    expect(real.length).toBeGreaterThanOrEqual(8);
    for (const u of real) {
      expect(u.startsWith('https://')).toBe(true);
      expect(new URL(u).origin).toBe(DEV_ORIGIN);
    }
    expect(body).not.toMatch(/<AppDomains?>/);
    // only namespace attributes may be plain http
    for (const t of all) {
      for (const [k, v] of Object.entries(t.attrs)) {
        if (v.startsWith('http://')) expect(k === 'xmlns' || k.startsWith('xmlns:')).toBe(true);
      }
    }
  });
});
