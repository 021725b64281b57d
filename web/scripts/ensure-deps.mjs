// Runs `npm ci` unless node_modules already holds exactly what package-lock.json pins (npm writes a copy of
// the lockfile to node_modules/.package-lock.json on install), so repeated Maven builds do not reinstall.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const installedFile = 'node_modules/.package-lock.json';
let upToDate = false;
if (existsSync(installedFile)) {
  const installed = JSON.parse(readFileSync(installedFile, 'utf8'));
  const wanted = Object.entries(lock.packages ?? {}).filter(([path]) => path.startsWith('node_modules/'));
  // optional packages may be missing (other platforms); extraneous ones (in the lockfile, needed by nothing) npm ci
  // never installs, so waiting for them made every build reinstall node_modules
  upToDate = wanted.every(([path, meta]) => meta.optional || meta.extraneous || installed.packages?.[path]?.version === meta.version);
}
if (upToDate) {
  console.log('node_modules matches package-lock.json');
} else {
  console.log('npm ci');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
