// A tiny static file server for the demo intranet (demo/intranet/). Plain Node, no dependencies,
// so the demo and the e2e tests start it in-process. HTML is served without a charset in the
// Content-Type, like many old servers: each page's own <meta> decides (one is ISO-8859-1).
// Error pages are real ones, with their HTTP status: a missing file is a 404, and
// /status/<4xx|5xx> answers with that status (e.g. /status/500), so tests can reach both.
// Run alone: node demo/serve-intranet.mjs [--port 8101]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ERROR_TITLES = { 403: 'Geen toegang', 404: 'Pagina niet gevonden', 500: 'Er ging iets mis op de server' };

const DEFAULT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), 'intranet');
const TYPES = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Starts the server; resolves once it listens. */
export async function startIntranet({ port = 8101, host = '127.0.0.1', root = DEFAULT_ROOT } = {}) {
  root = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const asked = /^\/status\/([45]\d\d)$/.exec(path);
      if (asked) throw Object.assign(new Error('status asked for'), { status: Number(asked[1]) });
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error('outside root'), { status: 403 });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      response.end(body);
    } catch (error) {
      const status = error?.status ?? 404;
      response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><title>${status} - Lindenet</title><h1>${ERROR_TITLES[status] ?? 'Foutmelding'}</h1><p>Foutcode ${status}.</p><p><a href="/">Naar de voorpagina</a></p>`,
      );
    }
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolveListen);
  });
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections(); // browsers keep connections alive; don't wait for them
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--port');
  const intranet = await startIntranet({ port: at > 0 ? Number(process.argv[at + 1]) : 8101 });
  console.log(`Demo intranet: ${intranet.url}`);
  process.on('SIGINT', () => void intranet.close().then(() => process.exit(0)));
}
