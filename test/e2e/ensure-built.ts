// Builds the UI once when web/dist is missing, so the browser tests run against what `npm start` would serve.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST } from '../../src/web-api/web-api.ts';

export function ensureBuilt(): void {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  execFileSync('npm', ['run', 'build'], { cwd: join(WEB_DIST, '..', '..'), stdio: 'inherit' });
}
