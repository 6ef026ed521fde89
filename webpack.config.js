/**
 * Builds the task pane (src/taskpane/index.tsx → dist/): one page for Excel and for a plain browser.
 *
 *   npx webpack --mode production                         content-hashed files, no eval
 *     --env url=https://zr.example.gov.cn/zone-report      where dist/ will be served: every address in
 *                                                          dist/manifest.xml (checked after the build)
 *     --env officejs=global|china|local                    office.js from Microsoft's CDN (default), the
 *                                                          China partner cloud's (世纪互联), or bundled in
 *                                                          dist/office-js/ for networks that reach no CDN
 *   npx webpack --mode development                         readable, fast rebuilds
 *   npx webpack serve --mode development                   https://localhost:3000 for sideloading
 *   (npm run build -- --env url=… passes the --env on.)
 *
 * The page loads office.js, then the ES5 start script (src/taskpane/start/start.js, copied with a
 * content hash, never minified): it shows a message in engines the pane cannot run in (Internet
 * Explorer 11, Edge Legacy) and otherwise loads the bundle named in its data-entry attribute.
 *
 * The pane imports src/xlsx with a dynamic import() when a file is opened, and src/xlsx imports
 * exceljs with another only when it writes a workbook of its own (the summary workbook): reading a
 * file never loads exceljs, and neither chunk is in the initial bundle (tsconfig.web.json keeps
 * `module: esnext` so ts-loader leaves import() for webpack to split).
 */
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** The office.js CDNs the pane may load from (both allowed by a CDN build's CSP). */
const OFFICE_JS_CDN = {
  global: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  // the China partner cloud (世纪互联) serves its own copy
  china: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
};
const OFFICE_JS_CDN_HOSTS = ['https://appsforoffice.microsoft.com', 'https://appsforoffice.cdn.partner.office365.cn'];
/** Where a bundled office.js lives in dist/ (relative to the page). */
const LOCAL_OFFICE_DIR = 'office-js';
const OFFICE_JS_DIST = path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist');
const DEV_PORT = 3000;
/** The origin manifest.xml is written for (the development server); --env url replaces it. */
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;

/**
 * The files of the @microsoft/office-js npm copy an Excel add-in needs: office.js and what it loads
 * next to itself for Excel (the host scripts of every platform, the string tables of every locale,
 * the promise polyfill for Internet Explorer, telemetry and the error page). Word, PowerPoint,
 * Outlook, OneNote, Project and Access files and the debug builds are left out.
 */
const LOCAL_OFFICE_FILES = [
  'office.js',
  'excel*.js',
  'es6-promise.js',
  'o15apptofilemappingtable.js',
  '*/office_strings.js',
  'telemetry/**',
  'ariatelemetry/**',
  'agaveerrorux/**',
];

/**
 * The address dist/ will be served from, as written into the manifest: https, no query, fragment or
 * credentials, nothing that would need escaping in XML, no trailing slash. Throws with the reason.
 */
function deploymentUrl(raw) {
  const fail = (why) => {
    throw new Error(`--env url: ${why} ("${raw}"). Example: --env url=https://office-addins.example.gov.cn/zone-report`);
  };
  let u;
  try {
    u = new URL(String(raw));
  } catch {
    return fail('not an address');
  }
  if (u.protocol !== 'https:') fail('Office loads add-ins over https only');
  if (u.username || u.password) fail('no user name or password in the address');
  if (u.search || u.hash || String(raw).includes('?') || String(raw).includes('#')) fail('no query or fragment');
  const clean = `${u.origin}${u.pathname}`.replace(/\/+$/, '');
  if (/[&<>"'\s]/.test(clean)) fail('characters that cannot stand in the manifest');
  return clean;
}

/** manifest.xml with every development address replaced by `url`. */
function manifestFor(xml, url) {
  return url ? xml.split(DEV_ORIGIN).join(url) : xml;
}

/**
 * After the build: reads dist/manifest.xml with office-addin-manifest (offline; it checks no schema)
 * and checks that every address in it is on the deployment url (or, without one, on the development
 * server). A failure fails the build.
 */
class ManifestCheckPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise('ManifestCheckPlugin', async (compilation) => {
      const file = path.join(compilation.outputOptions.path, 'manifest.xml');
      if (!fs.existsSync(file)) return;
      try {
        const { OfficeAddinManifest } = require('office-addin-manifest');
        const info = await OfficeAddinManifest.readManifestFile(file);
        const base = this.url ?? DEV_ORIGIN;
        const xml = fs.readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
        const addresses = [...xml.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((a) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(a));
        const elsewhere = addresses.filter((a) => a !== base && !a.startsWith(base + '/'));
        if (this.url && xml.includes(DEV_ORIGIN)) throw new Error(`still names ${DEV_ORIGIN}`);
        if (elsewhere.length > 0) throw new Error(`addresses not on ${base}: ${elsewhere.join(', ')}`);
        if (!info.defaultSettings?.sourceLocation?.startsWith(base + '/')) throw new Error(`SourceLocation ${info.defaultSettings?.sourceLocation} is not on ${base}`);
        if (!this.url && compiler.options.mode === 'production') {
          compilation.warnings.push(new Error(`dist/manifest.xml points at ${DEV_ORIGIN} (development). Build with --env url=https://… for a deployment.`));
        }
      } catch (e) {
        compilation.errors.push(new Error(`dist/manifest.xml: ${e instanceof Error ? e.message : String(e)}`));
      }
    });
  }
}

/** HTTPS options for the dev server from office-addin-dev-certs (installs a trusted localhost CA). */
async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new Error(
      `无法创建本地 HTTPS 证书,开发服务器不能启动。请运行 "npx office-addin-dev-certs install" 后重试。\n` +
        `Could not create the localhost HTTPS certificate, so the dev server cannot start. ` +
        `Run "npx office-addin-dev-certs install" and try again.\n(${reason})`,
    );
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const prod = mode === 'production';
  const officeKey = env.officejs || 'global';
  if (officeKey !== 'local' && !OFFICE_JS_CDN[officeKey]) {
    throw new Error(`--env officejs must be "global", "china" or "local", not "${officeKey}"`);
  }
  const local = officeKey === 'local';
  if (local && !fs.existsSync(path.join(OFFICE_JS_DIST, 'office.js'))) {
    throw new Error(`--env officejs=local needs the @microsoft/office-js package (${OFFICE_JS_DIST}/office.js is missing); run npm ci`);
  }
  const officeJsUrl = local ? `${LOCAL_OFFICE_DIR}/office.js` : OFFICE_JS_CDN[officeKey];
  const url = env.url === undefined ? null : deploymentUrl(env.url);
  // Certificates only when the dev server runs (webpack serve sets WEBPACK_SERVE), never at build time.
  const serving = Boolean(env.WEBPACK_SERVE || process.env.WEBPACK_SERVE);
  const startName = prod ? 'start.[contenthash:8].js' : 'start.js';

  return {
    mode,
    // the runtime webpack writes (and the level the bundle is checked at: test/e2e/bundle-level.test.ts)
    target: ['web', 'es2022'],
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: prod ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: prod ? '[name].[contenthash:8].chunk.js' : '[name].chunk.js',
      // page and chunks sit side by side in dist/, so chunk URLs are relative to the page
      publicPath: '',
      // the runtime then reads globalThis directly (no new Function fallback, which a CSP would block)
      environment: { globalThis: true },
      clean: true,
    },
    // No eval in production (a strict CSP forbids it); separate source maps are fine.
    devtool: prod ? 'source-map' : 'eval-cheap-module-source-map',
    // webpack's `global` shim falls back to new Function('return this'); every target browser has
    // globalThis, and exceljs's browser bundle finds its global object by itself.
    node: { global: false },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      alias: {
        // exceljs's package "main" is the Node build (fs, stream, zlib…); its prebuilt browser bundle
        // carries its own polyfills, so no Node fallbacks are needed. `$` = exact import only.
        exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.min.js'),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.web.json') },
          },
        },
      ],
      // exceljs.min.js is already bundled; parsing it again only costs time.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
    },
    optimization: {
      // exceljs (≈1 MB) stays out of the initial chunk and out of the reader's: only writing a new workbook loads it.
      splitChunks: { chunks: 'async' },
    },
    performance: {
      // the exceljs chunk is large by nature and loaded on demand; the initial bundle is what matters
      assetFilter: (file) => file.startsWith('taskpane') && file.endsWith('.js'),
      maxAssetSize: 2_000_000,
      maxEntrypointSize: 2_000_000,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // the start script loads the bundle (the template lists it in data-entry)
        inject: false,
        templateParameters: (compilation, assets, assetTags, options) => ({
          compilation,
          webpackConfig: compilation.options,
          htmlWebpackPlugin: { tags: assetTags, files: assets, options },
          officeJsUrl,
          officeJsCspSources: local ? '' : ` ${OFFICE_JS_CDN_HOSTS.join(' ')}`,
          startScript: compilation.getAssets().find((a) => /^start(\.[0-9a-f]{8})?\.js$/.test(a.name))?.name ?? 'start.js',
        }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString('utf8'), url) },
          // ES5 as written: not minified (the minifier may write newer syntax)
          { from: 'src/taskpane/start/start.js', to: startName, info: { minimized: true } },
          ...(local
            ? [
                {
                  from: '**/*',
                  context: OFFICE_JS_DIST,
                  to: LOCAL_OFFICE_DIR,
                  globOptions: { ignore: ['**/*.debug.js'] },
                  filter: (file) => isLocalOfficeFile(path.relative(OFFICE_JS_DIST, file)),
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
      new ManifestCheckPlugin(url),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          server: { type: 'https', options: await httpsOptions() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
        }
      : undefined,
  };
};

/** Whether a path inside the office-js dist folder is one LOCAL_OFFICE_FILES names. */
function isLocalOfficeFile(rel) {
  const p = rel.split(path.sep).join('/');
  return LOCAL_OFFICE_FILES.some((pattern) => {
    const re = new RegExp(
      '^' +
        pattern
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*/g, '\u0000')
          .replace(/\*/g, '[^/]*')
          .replace(/\u0000/g, '.*') +
        '$',
    );
    return re.test(p);
  });
}

module.exports.deploymentUrl = deploymentUrl;
module.exports.manifestFor = manifestFor;
module.exports.isLocalOfficeFile = isLocalOfficeFile;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
