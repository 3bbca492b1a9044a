#!/usr/bin/env node
// Copies third-party browser bundles from webroot/node_modules into webroot/vendor/.
//
// Usage (from anywhere; paths resolve relative to this file):
//   npm ci --prefix webroot          # installs the exact abcjs version pinned in package-lock.json
//   node webroot/scripts/vendor.mjs  # copies node_modules/abcjs/dist/abcjs-basic-min.js -> vendor/
//
// Flags:
//   --if-present  exit 0 with a warning when node_modules is missing (the SPA then shows
//                 ABC text instead of rendered sheet music).
// No dependencies beyond Node's standard library.

import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const webroot = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendorDir = join(webroot, 'vendor');
const ifPresent = process.argv.includes('--if-present');

const files = [
  { pkg: 'abcjs', from: 'dist/abcjs-basic-min.js', to: 'abcjs-basic-min.js' },
  { pkg: 'abcjs', from: 'dist/abcjs-basic-min.js.LICENSE', to: 'abcjs-basic-min.js.LICENSE', optional: true },
];

function lockedVersion(pkg) {
  try {
    const lock = JSON.parse(readFileSync(join(webroot, 'package-lock.json'), 'utf8'));
    return lock.packages?.[`node_modules/${pkg}`]?.version ?? null;
  } catch {
    return null;
  }
}

function installedVersion(pkg) {
  try {
    return JSON.parse(readFileSync(join(webroot, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

let failed = false;
mkdirSync(vendorDir, { recursive: true });
for (const f of files) {
  const src = join(webroot, 'node_modules', f.pkg, f.from);
  const dest = join(vendorDir, f.to);
  if (!existsSync(src)) {
    if (f.optional) continue;
    const msg = `vendor: ${relative(process.cwd(), src)} not found; run "npm ci --prefix ${relative(process.cwd(), webroot) || '.'}" first`;
    if (ifPresent) {
      console.warn(`${msg} (skipped: --if-present)`);
      continue;
    }
    console.error(msg);
    failed = true;
    continue;
  }
  const want = lockedVersion(f.pkg);
  const have = installedVersion(f.pkg);
  if (want && have && want !== have) {
    console.error(`vendor: ${f.pkg} ${have} installed but package-lock.json pins ${want}; run "npm ci --prefix webroot"`);
    failed = true;
    continue;
  }
  copyFileSync(src, dest);
  console.log(`vendor: ${f.pkg}@${have ?? '?'} ${f.from} -> ${relative(process.cwd(), dest)}`);
}
process.exit(failed ? 1 : 0);
