/**
 * The build shell without building: webpack.config.js's choices (office.js URL per --env, no eval in
 * production, exceljs aliased to its browser bundle and kept out of the initial chunk, certificates
 * only when serving), the deployment address written into the manifest (--env url, checked with
 * office-addin-manifest), office.js bundled for an isolated network (--env officejs=local) and the
 * CSP that follows, and scripts/serve.js (content types, no directory traversal).
 */
import { execFileSync } from 'node:child_process';
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = path.join(__dirname, '..', '..');

interface CopyPattern {
  from: string;
  to: string;
  context?: string;
  transform?: (content: Buffer) => string;
  filter?: (file: string) => boolean;
}
interface Config {
  mode: string;
  target: string[];
  devtool: string | false;
  entry: Record<string, string>;
  output: { filename: string; chunkFilename: string; path: string };
  resolve: { alias: Record<string, string> };
  optimization: { splitChunks: { chunks: string } };
  plugins: {
    userOptions?: { template?: string; templateParameters?: unknown };
    patterns?: CopyPattern[];
    constructor: { name: string };
  }[];
  devServer?: unknown;
}
type MakeConfig = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Config>;

const webpackConfig = require(path.join(ROOT, 'webpack.config.js')) as MakeConfig & {
  deploymentUrl: (raw: string) => string;
  manifestFor: (xml: string, url: string | null) => string;
  isLocalOfficeFile: (rel: string) => boolean;
  DEV_ORIGIN: string;
};
const makeConfig: MakeConfig = webpackConfig;

type TemplateParams = (compilation: unknown, assets: unknown, tags: unknown, options: unknown) => Record<string, string>;

/** The page's template parameters as the HTML plugin would compute them (a start script already emitted). */
function templateParameters(c: Config): Record<string, string> {
  const params = c.plugins.find((p) => p.userOptions?.templateParameters)?.userOptions?.templateParameters as TemplateParams;
  const compilation = { options: c, getAssets: () => [{ name: 'start.0123abcd.js' }, { name: 'taskpane.89abcdef.js' }] };
  return params(compilation, { js: ['taskpane.89abcdef.js'] }, {}, {});
}

function officeJsUrl(c: Config): string | undefined {
  return templateParameters(c).officeJsUrl;
}

function copyPatterns(c: Config): CopyPattern[] {
  return c.plugins.flatMap((p) => p.patterns ?? []);
}

describe('webpack.config.js', () => {
  test('production: hashed names, no eval devtool, exceljs browser bundle, async split, global office.js', async () => {
    const c = await makeConfig({}, { mode: 'production' });
    expect(c.mode).toBe('production');
    expect(c.devtool === false || c.devtool === 'source-map').toBe(true);
    expect(c.entry).toEqual({ taskpane: './src/taskpane/index.tsx' });
    expect(c.output.filename).toContain('[contenthash');
    expect(c.output.chunkFilename).toContain('[contenthash');
    expect(c.output.path).toBe(path.join(ROOT, 'dist'));
    expect(fs.existsSync(c.resolve.alias.exceljs$)).toBe(true);
    expect(c.resolve.alias.exceljs$).toMatch(/exceljs[\\/]dist[\\/]exceljs\.min\.js$/);
    expect(c.optimization.splitChunks.chunks).toBe('async');
    expect(officeJsUrl(c)).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(c.devServer).toBeUndefined(); // no certificates at build time
  });

  test('--env officejs=china picks the partner cloud CDN; anything else is refused', async () => {
    const c = await makeConfig({ officejs: 'china' }, { mode: 'production' });
    expect(officeJsUrl(c)).toBe('https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js');
    await expect(makeConfig({ officejs: 'elsewhere' }, { mode: 'production' })).rejects.toThrow(/global|china|local/);
  });

  test('the page gets the start script (hashed, copied as written: not minified) and a CSP allowing the office.js CDNs', async () => {
    const c = await makeConfig({}, { mode: 'production' });
    const p = templateParameters(c);
    expect(p.startScript).toBe('start.0123abcd.js');
    expect(p.officeJsCspSources).toBe(' https://appsforoffice.microsoft.com https://appsforoffice.cdn.partner.office365.cn');
    const start = copyPatterns(c).find((x) => x.from === 'src/taskpane/start/start.js');
    expect(start?.to).toBe('start.[contenthash:8].js');
    expect(start).toMatchObject({ info: { minimized: true } });
    // webpack's own runtime is written for the level the bundle is checked at
    expect(c.target).toEqual(['web', 'es2022']);
  });

  test('--env officejs=local: office.js from dist/office-js/, the Excel files it loads copied from the npm package, script-src \'self\' only', async () => {
    const c = await makeConfig({ officejs: 'local' }, { mode: 'production' });
    expect(officeJsUrl(c)).toBe('office-js/office.js');
    expect(templateParameters(c).officeJsCspSources).toBe('');
    const local = copyPatterns(c).find((x) => x.to === 'office-js');
    expect(local?.context).toBe(path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist'));
    const pick = webpackConfig.isLocalOfficeFile;
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'es6-promise.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js', 'telemetry/oteljs_agave.js']) {
      expect({ f, picked: pick(f) }).toEqual({ f, picked: true });
    }
    for (const f of ['word-win32-16.01.js', 'outlook-web-16.01.js', 'zh-cn/outlook_strings.js', 'office-vsdoc.js', 'custom-functions-runtime.js']) {
      expect({ f, picked: pick(f) }).toEqual({ f, picked: false });
    }
  });

  test('--env url: every development address of the manifest is replaced, and office-addin-manifest reads the result', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-manifest-'));
    try {
      const c = await makeConfig({ url: 'https://zr.example.gov.cn/zone-report/' }, { mode: 'production' });
      const pattern = copyPatterns(c).find((x) => x.from === 'manifest.xml');
      const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'));
      expect(source.toString('utf8').split(webpackConfig.DEV_ORIGIN).length - 1).toBeGreaterThanOrEqual(8);
      const out = pattern?.transform?.(source) ?? '';
      expect(out).not.toContain('localhost');
      const addresses = [...out.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
      expect(addresses.length).toBeGreaterThanOrEqual(8);
      for (const a of addresses) expect(a.startsWith('https://zr.example.gov.cn/zone-report/')).toBe(true);
      const file = path.join(tmp, 'manifest.xml');
      fs.writeFileSync(file, out);
      const info = execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js'), 'info', file], { encoding: 'utf8' });
      expect(info).toContain('Source Location: https://zr.example.gov.cn/zone-report/taskpane.html');
      expect(info).toContain('Id: 984bfc67-9ffe-45a4-a769-6dc812916b3f');
      // no url: the manifest is copied as written
      const dev = await makeConfig({}, { mode: 'production' });
      expect(copyPatterns(dev).find((x) => x.from === 'manifest.xml')?.transform?.(source)).toBe(source.toString('utf8'));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('--env url is refused unless it is a plain https address', async () => {
    expect(webpackConfig.deploymentUrl('https://zr.example.gov.cn')).toBe('https://zr.example.gov.cn');
    expect(webpackConfig.deploymentUrl('https://zr.example.gov.cn:8443/a/b/')).toBe('https://zr.example.gov.cn:8443/a/b');
    for (const bad of ['http://zr.example.gov.cn', 'zr.example.gov.cn', 'https://u:p@zr.example.gov.cn', 'https://zr.example.gov.cn/?x=1', 'https://zr.example.gov.cn/#a', "https://zr.example.gov.cn/a'b", 'https://zr.example.gov.cn/a&b']) {
      await expect(makeConfig({ url: bad }, { mode: 'production' })).rejects.toThrow(/--env url/);
    }
  });

  test('development keeps readable names', async () => {
    const c = await makeConfig({}, { mode: 'development' });
    expect(c.output.filename).toBe('[name].js');
  });
});

describe('scripts/serve.js', () => {
  const serve: { createServer: (dir: string) => http.Server; resolveInside: (root: string, url: string) => string | null } = require(
    path.join(ROOT, 'scripts', 'serve.js'),
  );
  let dir: string;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-serve-'));
    fs.writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html><title>x</title>');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.copyFileSync(path.join(ROOT, 'assets', 'icon-16.png'), path.join(dir, 'assets', 'icon-16.png'));
    fs.writeFileSync(path.join(dir, 'a.js'), 'void 0;');
    server = serve.createServer(dir);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function get(p: string): Promise<{ status: number; type: string | undefined; body: string }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: p }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString('latin1')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
        })
        .on('error', reject);
    });
  }

  test('serves the page, scripts and icons with their content types', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get('/a.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    const png = await get('/assets/icon-16.png');
    expect(png).toMatchObject({ status: 200, type: 'image/png' });
    expect(png.body.slice(1, 4)).toBe('PNG');
    expect((await get('/missing.js')).status).toBe(404);
  });

  test('never serves outside its root', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/%00', '/%E0%A4%A']) {
      expect([400, 404]).toContain((await get(p)).status);
    }
    expect(serve.resolveInside(dir, '/../x')).toBeNull();
    expect(serve.resolveInside(dir, '/assets/icon-16.png')).toBe(path.join(dir, 'assets', 'icon-16.png'));
  });
});
