#!/usr/bin/env node
// `npm test`: runs every offline gate and test suite of the project (the npm scripts below, exactly as
// package.json defines them), at most two at a time (CI machines have two cores), and prints each one's
// output under its name, a timing table, and as the last line `gates: N passed, M failed`.
// A gate whose script or script file is missing is a failure, never a skip.
//   node scripts/run-gates.mjs [script-name...]   (default: all of GATES)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PARALLEL = 2;
const TIMEOUT_MS = 5 * 60 * 1000;

// Longest first (the browser e2e run and Jest), so the two lanes finish together; the quick static gates
// fill the other lane meanwhile. The order inside each group is the order a developer would fix things in.
const GATES = [
    'test:e2e',
    'test:unit',
    'test:gates',
    'check:build-sync',
    'typecheck',
    'lint',
    'format:check',
    'check:lwc',
    'check:apex-syntax',
    'check:metadata',
    'check:flows',
    'check:source',
    'check:spec',
    'check:apex-semantic',
    'check:pmd'
];

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const requested = process.argv.slice(2);
const names = requested.length ? requested : GATES;

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
            resolve({ name, ok: code === 0, ms: Date.now() - started, output, code: code ?? signal });
        });
        child.on('error', (error) => {
            clearTimeout(timer);
            resolve({ name, ok: false, ms: Date.now() - started, output: `${output}${error.message}\n` });
        });
    });
}

const results = [];
const queue = [...names];
const started = Date.now();
async function lane() {
    while (queue.length) {
        const name = queue.shift();
        const result = await runOne(name);
        results.push(result);
        const status = result.ok ? 'PASS' : `FAIL (exit ${result.code ?? 1})`;
        process.stdout.write(
            `\n===== ${name}: ${status} in ${(result.ms / 1000).toFixed(1)} s =====\n${result.output.trimEnd()}\n`
        );
    }
}
await Promise.all(Array.from({ length: Math.min(PARALLEL, names.length) }, lane));

const wall = ((Date.now() - started) / 1000).toFixed(1);
const width = Math.max(...names.map((n) => n.length));
console.log(`\n${'gate'.padEnd(width)}  result  time`);
for (const name of names) {
    const r = results.find((x) => x.name === name);
    console.log(`${name.padEnd(width)}  ${r.ok ? 'pass  ' : 'FAIL  '}  ${(r.ms / 1000).toFixed(1).padStart(5)} s`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`wall time ${wall} s (at most ${PARALLEL} at a time)`);
console.log(`gates: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
