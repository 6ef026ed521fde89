/**
 * The build shell without building: webpack.config.js's choices (office.js URL per --env, no eval in
 * production, exceljs aliased to its browser bundle and kept out of the initial chunk, certificates
 * only when serving) and scripts/serve.js (content types, no directory traversal).
 */
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = path.join(__dirname, '..', '..');

interface Config {
  mode: string;
  devtool: string | false;
  entry: Record<string, string>;
  output: { filename: string; chunkFilename: string; path: string };
  resolve: { alias: Record<string, string> };
  optimization: { splitChunks: { chunks: string } };
  plugins: { userOptions?: { templateParameters?: { officeJsUrl?: string }; template?: string } }[];
  devServer?: unknown;
}
type MakeConfig = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Config>;

const makeConfig: MakeConfig = require(path.join(ROOT, 'webpack.config.js'));

function officeJsUrl(c: Config): string | undefined {
  return c.plugins.find((p) => p.userOptions?.templateParameters)?.userOptions?.templateParameters?.officeJsUrl;
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
    await expect(makeConfig({ officejs: 'elsewhere' }, { mode: 'production' })).rejects.toThrow(/global|china/);
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
