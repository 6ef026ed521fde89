#!/usr/bin/env node
/**
 * A tiny static server for dist/ (standalone mode on this machine and the browser tests):
 *   node scripts/serve.js [port] [dir]      port also from $PORT, default 3100; dir default dist/
 * Listens on 127.0.0.1 only, over plain http (no certificates needed outside Office). Serves GET and
 * HEAD, never a path outside the root (decoded, normalised and checked), "/" → taskpane.html.
 */
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file under root that a URL path names, or null when it would leave root or is malformed. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' ? 'taskpane.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

function createServer(rootDir) {
  const root = path.resolve(rootDir);
  return http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveInside(root, req.url || '/');
    if (!file) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad path\n');
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
}

if (require.main === module) {
  const port = Number(process.argv[2] || process.env.PORT || 3100);
  const dir = process.argv[3] || path.join(__dirname, '..', 'dist');
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`端口无效 / invalid port: ${process.argv[2] || process.env.PORT}`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(dir, 'taskpane.html'))) {
    console.error(`未找到 ${dir}/taskpane.html,请先构建 (npx webpack --mode production)。\n` +
      `${dir}/taskpane.html not found: build first (npx webpack --mode production).`);
    process.exit(2);
  }
  createServer(dir).listen(port, '127.0.0.1', () => {
    console.log(`ZoneReport: http://127.0.0.1:${port}/taskpane.html`);
  });
}

module.exports = { createServer, resolveInside };
