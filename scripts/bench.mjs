#!/usr/bin/env node
// `npm run bench -- --lwc-recipes <dir>`: this project's `npm test` against trailheadapps/lwc-recipes'
// `npm run test:unit` (a checkout with its `npm ci` done), alternating round by round so both meet the same
// machine load. In a fresh clone of HEAD (after its own `npm ci`), each round times:
//   cold: every tool cache emptied (node_modules/.cache here, Jest's cache there), then each command;
//   after one edit: one line added to a composer .ts here (then `npm run build && npm test`, what a developer
//   runs) and to a component .js there (then `npm run test:unit`), caches warm; the edits are then undone.
// Prints each situation's medians, spreads (min-max) and the ratio of the medians.
//   node scripts/bench.mjs --lwc-recipes <dir> [--runs N]   (default 3 rounds)
// A command that fails is timed all the same and counted in the last lines: its figure is suspect.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 3);
const recipes = option('--lwc-recipes') && path.resolve(option('--lwc-recipes'));
if (!recipes || !fs.existsSync(path.join(recipes, 'node_modules', '.bin', 'jest'))) {
    console.error('bench: pass --lwc-recipes <dir>, a checkout of trailheadapps/lwc-recipes with npm ci done');
    process.exit(1);
}
const OUR_EDIT = 'src-ts/lwc/whatsappOtpComposer/otpStages.ts';
const THEIR_EDIT = 'force-app/main/default/lwc/hello/hello.js';

/** Wall seconds of a shell command (its output discarded); a failure is reported, and counted. */
let failures = 0;
function time(label, command, cwd) {
    const started = process.hrtime.bigint();
    const run = spawnSync(command, { cwd, shell: true, stdio: 'ignore', env: { ...process.env, HUSKY: '0' } });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    failures += run.status === 0 ? 0 : 1;
    const failed = run.status === 0 ? '' : `, FAILED (exit ${run.status ?? run.signal})`;
    console.error(`bench: ${label}: ${seconds.toFixed(1)} s (load ${os.loadavg()[0].toFixed(1)})${failed}`);
    return seconds;
}

/** Runs `measure` with one line added to `file` (under `dir`), then puts the file back. */
function edited(dir, file, measure) {
    const full = path.join(dir, file);
    const text = fs.readFileSync(full, 'utf8');
    fs.writeFileSync(full, `${text}// bench: one edit\n`);
    try {
        return measure();
    } finally {
        fs.writeFileSync(full, text);
    }
}

const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const times = { cold: [[], []], edit: [[], []] };
try {
    execSync(`git clone --quiet --no-hardlinks ${JSON.stringify(root)} ${JSON.stringify(clone)}`);
    execSync('npm ci --no-audit --no-fund', { cwd: clone, stdio: 'ignore', env: { ...process.env, HUSKY: '0' } });
    for (let round = 1; round <= runs; round++) {
        fs.rmSync(path.join(clone, 'node_modules', '.cache'), { recursive: true, force: true });
        times.cold[0].push(time(`round ${round} cold npm test`, 'npm test', clone));
        execSync('npx jest --clearCache', { cwd: recipes, stdio: 'ignore' });
        times.cold[1].push(time(`round ${round} cold lwc-recipes test:unit`, 'npm run test:unit', recipes));
        times.edit[0].push(
            edited(clone, OUR_EDIT, () =>
                time(`round ${round} edit, build, npm test`, 'npm run build && npm test', clone)
            )
        );
        times.edit[1].push(
            edited(recipes, THEIR_EDIT, () =>
                time(`round ${round} edit, lwc-recipes test:unit`, 'npm run test:unit', recipes)
            )
        );
    }
} finally {
    fs.rmSync(clone, { recursive: true, force: true });
}
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
const show = (list) => `${median(list).toFixed(1)} s (${Math.min(...list).toFixed(1)}-${Math.max(...list).toFixed(1)})`;
console.log(
    `${os.availableParallelism()} cores, Node ${process.version}, ${runs} rounds, ${failures} failed command(s)`
);
for (const [situation, [ours, theirs]] of Object.entries(times)) {
    const ratio = (median(ours) / median(theirs)).toFixed(2);
    console.log(`${situation}: ours ${show(ours)}, lwc-recipes ${show(theirs)}, ratio ${ratio}`);
}
