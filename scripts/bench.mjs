#!/usr/bin/env node
// `npm run bench -- --lwc-recipes <dir> [--runs N]`: this project's `npm test` against lwc-recipes' `npm run
// test:unit`, cold, after one edit and unchanged, alternating so both meet the same load (CONTRIBUTING.md, "How to
// measure speed"). A failing command is timed all the same and counted: its figure is suspect.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name) => process.argv[process.argv.indexOf(name) + 1];
const runs = Number(process.argv.includes('--runs') ? option('--runs') : 3);
const recipes = process.argv.includes('--lwc-recipes') && path.resolve(option('--lwc-recipes'));
if (!recipes || !fs.existsSync(path.join(recipes, 'node_modules', '.bin', 'jest'))) {
    console.error('bench: pass --lwc-recipes <dir>, a checkout of trailheadapps/lwc-recipes with npm ci done');
    process.exit(1);
}
let failures = 0;
/** Wall seconds of a shell command in `cwd`, optionally with one line added to `edit` (put back after). */
function time(label, command, cwd, edit) {
    const file = edit && path.join(cwd, edit);
    const text = file && fs.readFileSync(file, 'utf8');
    if (file) {
        fs.writeFileSync(file, `${text}// bench: one edit\n`);
    }
    const started = process.hrtime.bigint();
    const run = spawnSync(command, { cwd, shell: true, stdio: 'ignore', env: { ...process.env, HUSKY: '0' } });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (file) {
        fs.writeFileSync(file, text);
    }
    failures += run.status === 0 ? 0 : 1;
    const failed = run.status === 0 ? '' : `, FAILED (exit ${run.status ?? run.signal})`;
    console.error(`bench: ${label}: ${seconds.toFixed(1)} s (load ${os.loadavg()[0].toFixed(1)})${failed}`);
    return seconds;
}

const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const times = { cold: [[], []], edit: [[], []], unchanged: [[], []] };
try {
    execSync(`git clone --quiet --no-hardlinks ${JSON.stringify(root)} ${JSON.stringify(clone)}`);
    execSync('npm ci --no-audit --no-fund', { cwd: clone, stdio: 'ignore', env: { ...process.env, HUSKY: '0' } });
    for (let round = 1; round <= runs; round++) {
        for (const cache of ['node_modules/.cache', '.wireit']) {
            fs.rmSync(path.join(clone, cache), { recursive: true, force: true });
        }
        times.cold[0].push(time(`round ${round} cold npm test`, 'npm test', clone));
        execSync('npx jest --clearCache', { cwd: recipes, stdio: 'ignore' });
        times.cold[1].push(time(`round ${round} cold lwc-recipes test:unit`, 'npm run test:unit', recipes));
        const ours = 'src-ts/lwc/whatsappOtpComposer/otpStages.ts';
        times.edit[0].push(time(`round ${round} edit, build, npm test`, 'npm run build && npm test', clone, ours));
        // The edit is undone: build again (untimed), or the next cold run would find force-app out of date.
        execSync('npm run build', { cwd: clone, stdio: 'ignore' });
        const theirs = 'force-app/main/default/lwc/hello/hello.js';
        times.edit[1].push(time(`round ${round} edit, lwc-recipes test:unit`, 'npm run test:unit', recipes, theirs));
        // Nothing changed since the last runs: what each tool's own cache and wireit's freshness check save.
        times.unchanged[0].push(time(`round ${round} unchanged npm test`, 'npm test', clone));
        times.unchanged[1].push(time(`round ${round} unchanged lwc-recipes test:unit`, 'npm run test:unit', recipes));
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
