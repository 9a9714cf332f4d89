#!/usr/bin/env node
// `npm run bench`: measures, on this machine, what the README's "Measured times" table shows, and prints
// that table (with the date and the machine) to paste into the README.
//   node scripts/bench.mjs [--runs N] [--lwc-recipes <dir>]
// In a fresh clone of this repository's HEAD (in the temp dir, removed afterwards) it times `npm ci`, then
// `npm test` N times (default 3; the first run is the cold one, with empty caches), `npm test` once more after
// one edit to a component source and `npm run build`, `npm run test:e2e` alone and the cold preview build
// (`node preview/server.mjs --build-only`). Each figure is wall time and CPU time: the machine's busy time
// during the command (/proc/stat, all processes, so Chromium's renderers count too; run the bench on an
// otherwise idle machine), or the process tree's where /proc is missing. With --lwc-recipes <dir> (a checkout
// of trailheadapps/lwc-recipes with its `npm ci` done) each of the N `npm test` runs is followed by that
// project's `npm run test:unit`, alternating, and the ratio of the medians is printed: both commands then
// meet the same machine load.
// Nothing is downloaded except what `npm ci` installs from the npm registry (its cache usually has it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childCpuSeconds, machineBusySeconds } from './lib/child-cpu.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 3);
const recipes = option('--lwc-recipes') && path.resolve(option('--lwc-recipes'));
if (recipes && !fs.existsSync(path.join(recipes, 'node_modules', '.bin', 'sfdx-lwc-jest'))) {
    console.error(`bench: ${recipes} has no node_modules/.bin/sfdx-lwc-jest; run npm ci there first`);
    process.exit(1);
}

/** Runs a command to the end; returns wall and CPU seconds. Fails the bench when the command fails. */
function measure(label, command, commandArgs, cwd, env = process.env) {
    process.stderr.write(`bench: ${label} ...`);
    const cpuBefore = machineBusySeconds() ?? childCpuSeconds();
    const started = process.hrtime.bigint();
    const r = spawnSync(command, commandArgs, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const after = machineBusySeconds() ?? childCpuSeconds();
    const cpu = cpuBefore === undefined ? undefined : after - cpuBefore;
    process.stderr.write(` ${wall.toFixed(1)} s wall, ${cpu?.toFixed(1) ?? '-'} s CPU\n`);
    if (r.status !== 0) {
        console.error(`${r.stdout}\n${r.stderr}\nbench: ${label} failed (exit ${r.status ?? r.signal})`);
        process.exit(1);
    }
    return { wall, cpu, out: r.stdout };
}

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** The source the bench edits once, as a developer would between two runs. */
const EDITED_SOURCE = 'src-ts/lwc/whatsappOtpComposer/otpStages.ts';
const fmt = (m) => `${m.wall.toFixed(1)} s (${m.cpu === undefined ? '-' : m.cpu.toFixed(1)} s CPU)`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const clone = path.join(work, 'repo');
try {
    measure('git clone', 'git', ['clone', '--quiet', '--no-hardlinks', root, clone], work);
    const ci = measure('npm ci', 'npm', ['ci', '--no-audit', '--no-fund'], clone);
    const tests = [];
    const theirs = [];
    for (let i = 0; i < runs; i++) {
        tests.push(measure(`npm test (run ${i + 1}${i === 0 ? ', cold' : ''})`, 'npm', ['test'], clone));
        if (recipes) {
            theirs.push(measure(`lwc-recipes npm run test:unit (run ${i + 1})`, 'npm', ['run', 'test:unit'], recipes));
        }
    }
    const gates = /^gates: (\d+) passed, (\d+) failed$/m.exec(tests[0].out);
    // The developer's loop: one edit to a component's TypeScript source, `npm run build`, `npm test`. The
    // caches that keep a result for unchanged inputs then miss where that file is an input (every static gate's
    // whole-project replay, the typecheck, the preview bundle, the Jest transform of that file).
    fs.appendFileSync(path.join(clone, EDITED_SOURCE), '// bench: one edit\n');
    measure('npm run build after one edit', 'npm', ['run', 'build'], clone);
    const edited = measure('npm test after one edit', 'npm', ['test'], clone);
    spawnSync('git', ['checkout', '--', '.'], { cwd: clone });
    measure('npm run build (edit undone)', 'npm', ['run', 'build'], clone);
    const e2e = measure('npm run test:e2e', 'npm', ['run', 'test:e2e'], clone);
    const e2eTests = /^ℹ tests (\d+)$/m.exec(e2e.out)?.[1] ?? '?';
    const browser = /^e2e: browser (.*)$/m.exec(e2e.out)?.[1] ?? '?';
    // Cold: without the LWC transform cache the npm test runs above have filled (preview/rollup.config.mjs).
    const preview = measure('cold preview build', process.execPath, ['preview/server.mjs', '--build-only'], clone, {
        ...process.env,
        PREVIEW_BUILD_CACHE: 'off'
    });

    const warm = tests.slice(1);
    const med = (list) => ({ wall: median(list.map((m) => m.wall)), cpu: median(list.map((m) => m.cpu ?? NaN)) });
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr?.split('\n')[0] ?? 'no java';
    const cpus = os.cpus();
    const rows = [
        ['`npm ci` (install and build; npm cache warm)', fmt(ci)],
        [
            `\`npm test\`, first run after \`npm ci\` (${gates ? Number(gates[1]) + Number(gates[2]) : '?'} gates)`,
            fmt(tests[0])
        ],
        ...(warm.length ? [[`\`npm test\`, median of the next ${warm.length}`, fmt(med(warm))]] : []),
        [`\`npm test\` after one edit to \`${EDITED_SOURCE}\` and \`npm run build\``, fmt(edited)],
        [`\`npm run test:e2e\` alone (${e2eTests} tests; ${browser})`, fmt(e2e)],
        ['cold preview build (`node preview/server.mjs --build-only`)', fmt(preview)]
    ];
    if (recipes) {
        const ours = med(tests);
        const them = med(theirs);
        rows.push(
            [`lwc-recipes \`npm run test:unit\`, median of ${theirs.length} (alternating with ours)`, fmt(them)],
            [
                `ratio \`npm test\` / lwc-recipes \`test:unit\` (medians of the ${runs} alternating pairs)`,
                `${(ours.wall / them.wall).toFixed(2)} wall, ${(ours.cpu / them.cpu).toFixed(2)} CPU`
            ],
            [
                'ratio `npm test` after one edit / lwc-recipes `test:unit` median',
                `${(edited.wall / them.wall).toFixed(2)} wall, ${(edited.cpu / them.cpu).toFixed(2)} CPU`
            ]
        );
    }
    const width = Math.max(...rows.map(([c]) => c.length));
    console.log(
        `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0]?.model.trim()}, ` +
            `${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${java}` +
            `, load average ${os.loadavg()[0].toFixed(1)} at the end.\n`
    );
    console.log(`| ${'command'.padEnd(width)} | time |`);
    console.log(`| ${'-'.repeat(width)} | ---- |`);
    for (const [command, time] of rows) {
        console.log(`| ${command.padEnd(width)} | ${time} |`);
    }
} finally {
    fs.rmSync(work, { recursive: true, force: true });
}
