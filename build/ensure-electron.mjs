// `npm start` on a developer's machine: Electron's binary is fetched by its own install
// script, which npm may not have run (npm 11 asks before running install scripts, and
// CI skips the download). Run it once if the binary is missing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
if (!existsSync(path.join(electronDir, 'path.txt'))) {
  console.log('Downloading the Electron binary (first run only)…');
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
  if (result.status !== 0) {
    console.error('Could not download Electron. Check your internet connection, or use the web app: npm run web');
    process.exit(1);
  }
}
