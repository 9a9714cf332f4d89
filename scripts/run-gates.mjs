#!/usr/bin/env node
// `npm test`: runs every offline gate and test suite of the project (the npm scripts below, exactly as
// package.json defines them), at most one more at a time than the machine has cores (see PARALLEL), and
// prints each one's output under its name, a timing table with each gate's wall and CPU time, the critical path (the lane
// that finished last), and as the last line `gates: N passed, M failed`.
// A gate whose script or script file is missing is a failure, never a skip.
// Scheduling: longest first, so the lanes finish together. "Longest" is what earlier runs on this
// machine measured (node_modules/.cache/run-gates/times.json, merged run after run) when every gate to run
// has a time there, else the order of GATES below.
//   node scripts/run-gates.mjs [script-name...]   (default: all of GATES)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childCpuSeconds, machineBusySeconds } from './lib/child-cpu.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// One lane more than cores: the e2e gate, the longest, spends about half its time waiting (on the browser,
// on the composer's real timers), and the extra lane keeps both cores busy meanwhile. Measured on the
// 2-core machine, one run each under the same outside load: 3 lanes 56 s wall, 2 lanes 75 s, CPU alike.
// GATES_PARALLEL=<n> overrides it.
const PARALLEL = Number(process.env.GATES_PARALLEL) || os.availableParallelism() + 1;
const TIMEOUT_MS = 5 * 60 * 1000;

// Longest first as measured on the project's 2-core machine (wall time of a warm run, 2026-12), so that
// without a previous run (a fresh clone, CI) the lanes still finish together: the e2e gate, which waits
// half its time, first; the quick static gates fill the other lanes meanwhile.
const GATES = [
    'test:e2e',
    'test:gates',
    'test:unit',
    'test:org-setup',
    'test:docs',
    'typecheck',
    'check:pmd',
    'check:apex-semantic',
    'format:check',
    'lint',
    'check:apex-syntax',
    'check:apex-test-runas',
    'check:apex-test-flows',
    'check:build-sync',
    'check:source',
    'check:lwc',
    'check:spec',
    'check:metadata',
    'check:workflows',
    'check:flows',
    'check:package-references',
    'check:docs',
    'check:gateway-callers',
    'check:bad-inputs'
];

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const requested = process.argv.slice(2);
const names = requested.length ? requested : GATES;
const timesFile = path.join(root, 'node_modules', '.cache', 'run-gates', 'times.json');

/** The previous run's wall time per gate (ms), or {} on a first run. */
function previousTimes() {
    try {
        return JSON.parse(fs.readFileSync(timesFile, 'utf8'));
    } catch {
        return {};
    }
}

/** Why a script cannot run (missing script, missing file), or undefined. */
function missing(name) {
    const command = pkg.scripts?.[name];
    if (!command) {
        return `no "${name}" script in package.json`;
    }
    // `node [options] <file-or-dir> ...`: the file must exist (inline code, -e/-p, has no file).
    const m = /^node\s+((?:-\S+\s+)*)(\S+)/.exec(command);
    if (m && !/(^|\s)(-e|--eval|-p|--print)(\s|$)/.test(m[1]) && !fs.existsSync(path.join(root, m[2]))) {
        return `${m[2]} does not exist (script "${name}": ${command})`;
    }
    return undefined;
}

// Each gate runs in its own process group (so a timeout can end its whole tree); on Ctrl-C or a CI cancel
// those groups are ended too.
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        for (const pid of running) {
            try {
                process.kill(-pid, 'SIGKILL');
            } catch {
                /* already gone */
            }
        }
        process.exit(130);
    });
}

function runOne(name) {
    const started = Date.now();
    const problem = missing(name);
    if (problem) {
        return Promise.resolve({ name, ok: false, ms: 0, output: `${problem}\n` });
    }
    return new Promise((resolve) => {
        const env = {
            ...process.env,
            PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`
        };
        const child = spawn('sh', ['-c', pkg.scripts[name]], {
            cwd: root,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true
        });
        running.add(child.pid);
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        const timer = setTimeout(() => {
            output += `\n${name}: timed out after ${TIMEOUT_MS / 1000} s\n`;
            try {
                process.kill(-child.pid, 'SIGKILL');
            } catch {
                /* already gone */
            }
        }, TIMEOUT_MS);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            running.delete(child.pid);
            resolve({
                name,
                ok: code === 0,
                ms: Date.now() - started,
                output,
                code: code ?? signal,
                cpu: cpuOf()
            });
        });
        child.on('error', (error) => {
            clearTimeout(timer);
            resolve({ name, ok: false, ms: Date.now() - started, output: `${output}${error.message}\n` });
        });
    });
}

// CPU per gate: 'close' events are serial, so the growth since the last reading is the gate's that just
// closed (two gates ending within the same instant may swap their figures; the total stays exact).
let childCpu = childCpuSeconds();
function cpuOf() {
    const now = childCpuSeconds();
    const seconds = now === undefined || childCpu === undefined ? undefined : now - childCpu;
    childCpu = now;
    return seconds;
}

const previous = previousTimes();
// Longest first by the previous times when every gate has one; else the order of GATES (or as requested).
const queue = names.every((n) => previous[n] !== undefined)
    ? [...names].sort((a, b) => previous[b] - previous[a])
    : [...names];
const results = [];
const lanes = [];
const started = Date.now();
const busyBefore = machineBusySeconds();
async function lane(index) {
    const ran = (lanes[index] = []);
    while (queue.length) {
        const name = queue.shift();
        const result = await runOne(name);
        result.end = Date.now() - started;
        results.push(result);
        ran.push(result);
        const status = result.ok ? 'PASS' : `FAIL (exit ${result.code ?? 1})`;
        process.stdout.write(
            `\n===== ${name}: ${status} in ${(result.ms / 1000).toFixed(1)} s =====\n${result.output.trimEnd()}\n`
        );
    }
}
await Promise.all(Array.from({ length: Math.min(PARALLEL, names.length) }, (_, i) => lane(i)));

const seconds = (ms) => (ms / 1000).toFixed(1);
const wall = seconds(Date.now() - started);
const width = Math.max(...names.map((n) => n.length));
console.log(`\n${'gate'.padEnd(width)}  result   wall     CPU`);
for (const name of names) {
    const r = results.find((x) => x.name === name);
    const cpu = r.cpu === undefined ? '    -' : r.cpu.toFixed(1).padStart(5);
    console.log(`${name.padEnd(width)}  ${r.ok ? 'pass  ' : 'FAIL  '}  ${seconds(r.ms).padStart(5)} s  ${cpu} s`);
}
// The critical path: the lane that finished last, gate by gate (the gates are independent, so the run can
// end no sooner than that lane's sum).
const critical = lanes.reduce((a, b) => ((a.at(-1)?.end ?? 0) >= (b.at(-1)?.end ?? 0) ? a : b), []);
console.log(
    `critical path: ${critical.map((r) => `${r.name} ${seconds(r.ms)} s`).join(' -> ')} = ${seconds(critical.at(-1)?.end ?? 0)} s`
);
const totalCpu = results.every((r) => r.cpu !== undefined) ? results.reduce((sum, r) => sum + r.cpu, 0) : undefined;
try {
    fs.mkdirSync(path.dirname(timesFile), { recursive: true });
    // Merged, so a run of a few gates keeps the others' times.
    const times = { ...previous, ...Object.fromEntries(results.map((r) => [r.name, r.ms])) };
    fs.writeFileSync(timesFile, JSON.stringify(times));
} catch {
    /* no node_modules (a bare checkout): the next run falls back to the GATES order */
}
const failed = results.filter((r) => !r.ok).length;
// The gates' CPU misses what left their trees before it ended (Chromium's renderers, reparented to init when the
// browser closes); the machine's busy time counts it, and anything else the machine ran meanwhile.
const busy = busyBefore === undefined ? undefined : machineBusySeconds() - busyBefore;
console.log(
    `wall time ${wall} s (at most ${PARALLEL} at a time)` +
        (totalCpu === undefined ? '' : `, CPU ${totalCpu.toFixed(1)} s`) +
        (busy === undefined ? '' : `, machine busy ${busy.toFixed(1)} s`)
);
console.log(`gates: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
