// `npm start`: builds the client if the build is missing or older than its sources, then serves it on PORT (8080).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

const root = process.cwd();
const dist = join(root, 'dist');
const port = Number(process.env.PORT ?? 8080);

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = st.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function needsBuild(): boolean {
  const built = join(dist, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    ...['src', 'assets', 'public', 'index.html', 'vite.config.ts'].map((p) => newest(join(root, p))),
  );
  return sources > statSync(built).mtimeMs;
}

if (needsBuild()) {
  console.log('Building the game…');
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const r = spawnSync(vite, ['build'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(r.status ?? 1);
  }
}

const serve = sirv(dist, { single: true, etag: true, gzip: true });
const server = createServer((req, res) => serve(req, res));
server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(
    err.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another port.` : err.message,
  );
  process.exit(1);
});
server.listen(port, () => console.log(`Shuttle Diplomacy is being served at http://localhost:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
