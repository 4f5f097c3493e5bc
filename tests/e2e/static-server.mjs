// A static file server on 127.0.0.1 that compresses as a CDN does: gzip
// (level 6) for every compressible file the browser accepts gzip for, with
// `Cache-Control: no-store` so every load measures the transfer. Used by
// Lighthouse (lighthouse.mjs) and the side-by-side benchmark
// (bench/compare.mjs); the Playwright tests use their own plain server.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.csv': 'text/csv', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};
// Already compressed, or data files a test reads whole.
const STORED = new Set(['.png', '.csv']);

/**
 * Serves on `port` the file `resolve(urlPath)` names (null or a missing file: 404).
 * Resolves to the listening server once it accepts connections.
 */
export async function serveFiles(port, resolve) {
  const gzipped = new Map();
  const server = http.createServer((req, res) => {
    const file = resolve(decodeURIComponent(req.url.split('?')[0]));
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    let body = fs.readFileSync(file);
    const ext = path.extname(file);
    const headers = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (!STORED.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${file}:${fs.statSync(file).mtimeMs}`;
      if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 6 }));
      body = gzipped.get(key);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  return server;
}

/** Serves the directory `dir` at `/` (`/` itself is its index.html). */
export function serveDir(port, dir) {
  return serveFiles(port, (p) => {
    const rel = path.normalize(p === '/' ? 'index.html' : p.slice(1));
    return rel.startsWith('..') ? null : path.join(dir, rel);
  });
}
