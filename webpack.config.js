/**
 * Builds the task pane (src/taskpane/index.tsx → dist/): one page for Excel and for a plain browser.
 *
 *   npx webpack --mode production [--env officejs=global|china]   content-hashed files, no eval
 *   npx webpack --mode development                                  readable, fast rebuilds
 *   npx webpack serve --mode development                            https://localhost:3000 for sideloading
 *
 * The pane imports src/xlsx with a dynamic import() when a file is opened, and src/xlsx imports
 * exceljs with another only when it writes a workbook of its own (the summary workbook): reading a
 * file never loads exceljs, and neither chunk is in the initial bundle (tsconfig.web.json keeps
 * `module: esnext` so ts-loader leaves import() for webpack to split).
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS = {
  global: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  // the China partner cloud (世纪互联) serves its own copy
  china: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
};
const DEV_PORT = 3000;

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
  const officeJsUrl = OFFICE_JS[officeKey];
  if (!officeJsUrl) {
    throw new Error(`--env officejs must be "global" or "china", not "${officeKey}"`);
  }
  // Certificates only when the dev server runs (webpack serve sets WEBPACK_SERVE), never at build time.
  const serving = Boolean(env.WEBPACK_SERVE || process.env.WEBPACK_SERVE);

  return {
    mode,
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
        templateParameters: { officeJsUrl },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
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
