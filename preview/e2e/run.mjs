#!/usr/bin/env node
// `npm run test:e2e`: the preview's tests: the simulated org and 8x8 (Node), then the browser tests.
// Prints which browser it uses; fails (never skips) when none is found. The browser is found (and the npm
// one unpacked) here, once, before the test files start in parallel.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { findBrowser } from './browser.mjs';

try {
    const browser = await findBrowser();
    console.log(`e2e: browser ${browser.description}`);
} catch (error) {
    console.error(`e2e: FAILED. ${error.message}`);
    process.exit(1);
}
// One build into preview/dist, which the test files' previews then serve (PREVIEW_DIST, see buildBundle in
// server.mjs) instead of each building the same page. A failing build is left to them to report.
const { buildBundle } = await import('../server.mjs');
const { distDir } = await import('../sim/paths.mjs');
try {
    const { files } = await buildBundle();
    fs.rmSync(distDir, { recursive: true, force: true });
    for (const [name, code] of files) {
        fs.mkdirSync(path.dirname(path.join(distDir, name)), { recursive: true });
        fs.writeFileSync(path.join(distDir, name), code);
    }
    process.env.PREVIEW_DIST = '1';
} catch {
    // each test file builds, and fails, on its own
}
const here = path.dirname(fileURLToPath(import.meta.url));
// The browser tests are one file (one server, one browser, pages side by side); the Node tests of the simulation
// run beside it while it waits on the browser (node --test would run one file at a time on a 2-core machine).
const testFiles = ['server-port.test.mjs', 'simulated-org.test.mjs', 'composer.test.mjs'];
const result = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=2', '--test-reporter=spec', ...testFiles.map((file) => path.join(here, file))],
    { stdio: 'inherit' }
);
process.exit(result.status ?? 1);
