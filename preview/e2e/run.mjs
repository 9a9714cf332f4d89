#!/usr/bin/env node
// `npm run test:e2e`: the preview's tests: the simulated org and 8x8 (Node), then the browser tests.
// Prints which browser it uses; fails (never skips) when none is found. The browser is found (and the npm
// one unpacked) here, once, before the test files start in parallel.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCachedBundle } from '../build/bundle-cache.mjs';
import { findBrowser } from './browser.mjs';

try {
    const browser = await findBrowser();
    console.log(`e2e: browser ${browser.description}`);
} catch (error) {
    console.error(`e2e: FAILED. ${error.message}`);
    process.exit(1);
}
// One build into the bundle cache (preview/build/bundle-cache.mjs), so the test files' previews, which
// start at the same time, find it instead of each building it. A failing or warning build is left to them
// to report.
if (!readCachedBundle()) {
    const { buildBundle } = await import('../server.mjs');
    await buildBundle().catch(() => {});
}
const here = path.dirname(fileURLToPath(import.meta.url));
// The browser tests are one file (one server, one browser, pages side by side); the Node tests of the simulation
// run beside it while it waits on the browser (node --test would run one file at a time on a 2-core machine).
const testFiles = ['bundle-cache.test.mjs', 'server-port.test.mjs', 'simulated-org.test.mjs', 'composer.test.mjs'];
const result = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=2', '--test-reporter=spec', ...testFiles.map((file) => path.join(here, file))],
    { stdio: 'inherit' }
);
process.exit(result.status ?? 1);
