// Bundle budget: the initial JS (the entry chunk plus every chunk it imports statically, gzip)
// must stay within BUDGET_KB. Lazily loaded pages (React.lazy) and ECharts are not counted,
// and ECharts must not be part of the initial load at all.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_KB = 350;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8'));

const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
if (entries.length === 0) {
  console.error('check-bundle: no entry chunk in the manifest');
  process.exit(1);
}

const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
entries.forEach(visit);

let total = 0;
let raw = 0;
const rows = [];
let echartsInInitial = false;
for (const key of seen) {
  const file = manifest[key].file;
  if (!file.endsWith('.js')) continue;
  const bytes = readFileSync(resolve(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  raw += bytes.length;
  rows.push([file, gz]);
  if (/echarts/i.test(key) || bytes.includes('echarts.apache.org') || bytes.includes('__ec_inner_')) echartsInInitial = true;
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, gz] of rows) console.log(`  ${(gz / 1024).toFixed(1).padStart(7)} KB  ${file}`);
const kb = total / 1024;
console.log(`check-bundle: initial JS ${kb.toFixed(1)} KB gzip (${(raw / 1024).toFixed(0)} KB raw) in ${rows.length} chunk(s); budget ${BUDGET_KB} KB`);
if (echartsInInitial) {
  console.error('check-bundle: ECharts is part of the initial load; import it only from lazily loaded chunks');
  process.exit(1);
}
if (kb > BUDGET_KB) {
  console.error(`check-bundle: over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
