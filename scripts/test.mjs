#!/usr/bin/env node
// `npm test`: the package.json scripts named (or matched) by the arguments, through npm-run-all2's own API
// (what `run-p -c --aggregate-output` does: each script's output whole, under npm's own `> name` header), then
// one last line `gates: N passed, M failed` (as the README says), which run-p does not print. The order is the
// start order, so the longest check (test:e2e) is named first.
//   node scripts/test.mjs <script-or-pattern>...   e.g. node scripts/test.mjs lint "check:*"
import os from 'node:os';
import runAll from 'npm-run-all2';

const patterns = process.argv.slice(2);
let results;
try {
    results = await runAll(patterns, {
        parallel: true,
        // One more than the cores: test:e2e spends much of its time waiting on the browser.
        maxParallel: os.availableParallelism() + 1,
        continueOnError: true,
        aggregateOutput: true,
        stdout: process.stdout,
        stderr: process.stderr
    });
} catch (error) {
    // A failed script rejects with every script's result; a pattern that matches no script has none.
    if (!error.results) {
        console.error(`test: ${error.message}`);
        process.exit(1);
    }
    results = error.results;
}
const failed = results.filter((r) => r.code !== 0);
for (const r of failed) {
    console.error(`FAILED: ${r.name} (${r.code === undefined ? 'did not run' : `exit ${r.code}`})`);
}
console.log(`gates: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length ? 1 : 0;
