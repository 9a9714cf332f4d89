// Java for the JVM-based gates (apex-semantic, pmd). Both run jars that @salesforce/code-analyzer-pmd-engine
// bundles in dist/java-lib (apex-ls 6 with Salesforce's standard and SObject type stubs, PMD 7 core + Apex),
// fully offline, in one JVM (scripts/gates/run.mjs gathers their tasks). A missing or too old Java is a gate failure
// with instructions, never a skip.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fail, root } from './common.mjs';

const require = createRequire(import.meta.url);
// Short single-shot runs: the C1 compiler only, the serial collector and one CPU's worth of threads cost less CPU,
// and change no result.
const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:ActiveProcessorCount=1'];

const INSTALL_HINT = 'install a JDK 17, e.g. apt-get install openjdk-17-jdk-headless (or set JAVA_HOME)';

/**
 * The java executable (JAVA_HOME first, then PATH, of `env`), checked to be Java 17 or newer, and the dist/java-lib
 * folder of @salesforce/code-analyzer-pmd-engine. Either missing fails the gate.
 */
export function javaAndLib(env = process.env) {
    for (const java of [env.JAVA_HOME && path.join(env.JAVA_HOME, 'bin', 'java'), 'java']) {
        const probe = java && spawnSync(java, ['-version'], { encoding: 'utf8', env });
        if (!probe || probe.error || probe.status !== 0) {
            continue;
        }
        const m = /version "(?:1\.)?(\d+)/.exec(probe.stderr);
        if (!m || Number(m[1]) < 17) {
            fail(
                `Java ${m?.[1] ?? '(unknown version)'} found at ${java}; Java 17 or newer is required: ${INSTALL_HINT}`
            );
        }
        // Without the package, require.resolve throws, failing the gate with Node's "Cannot find module".
        const engine = path.dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json'));
        const lib = path.join(engine, 'dist', 'java-lib');
        if (!fs.existsSync(lib)) {
            fail('@salesforce/code-analyzer-pmd-engine (dist/java-lib) is not installed; run npm ci');
        }
        return { java, lib };
    }
    return fail(`Java was not found (this gate runs the bundled apex-ls/PMD jars): ${INSTALL_HINT}`);
}

/**
 * Runs every JVM gate's tasks (see JvmTasks.java: ['apex-ls', workspace], ['pmd', ruleset, report, ...files]) in one
 * JVM: one start-up, one compile of the launcher and one warm-up of the jars both tools share. Each task's stdout and
 * exit status, in order; a JVM that lost a task fails every gate that gave one. No class-data archive: dumping one
 * costs a cold run more than mapping it saves a later run.
 */
function runJvmTasks(tasks) {
    const { java, lib } = javaAndLib();
    const launcher = path.join(path.dirname(fileURLToPath(import.meta.url)), 'JvmTasks.java');
    const args = tasks.flatMap((task, i) => [...(i ? [';'] : []), ...task]);
    const flags = [...JVM_FLAGS, '-Xlog:disable', '-Xlog:all=warning:stderr', '-cp', path.join(lib, '*')];
    const run = spawnSync(java, [...flags, launcher, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // [output 0, status 0, output 1, status 1, ..., what follows the last task]
    const parts = (run.stdout ?? '').split(/^#task \d+ exit (-?\d+)$/m);
    if (run.error || parts.length !== tasks.length * 2 + 1) {
        fail([
            `the JVM gates' JVM ran ${(parts.length - 1) / 2} of ${tasks.length} task(s) (exit ${run.status}): ${run.error?.message ?? ''}`,
            (run.stdout ?? '').slice(-2000),
            (run.stderr ?? '').slice(-2000)
        ]);
    }
    return tasks.map((_, i) => ({ stdout: parts[2 * i], status: Number(parts[2 * i + 1]), stderr: run.stderr }));
}

let queue;

/**
 * One task's { stdout, status, stderr }: the tasks every gate asks for while scripts/gates/run.mjs starts its runs
 * (before any of them waits on input or output) run together in one JVM, once those runs have all asked.
 */
export function jvmTask(task) {
    if (!queue) {
        const batch = (queue = []);
        setImmediate(() => {
            queue = undefined;
            try {
                runJvmTasks(batch.map((q) => q.task)).forEach((output, i) => batch[i].resolve(output));
            } catch (error) {
                batch.forEach((q) => q.reject(error));
            }
        });
    }
    return new Promise((resolve, reject) => queue.push({ task, resolve, reject }));
}

/** A directory for this process's JVM task files (workspaces, PMD's input and results), removed when it exits. */
export function jvmWorkDir() {
    const dir = path.join(root, '.tmp', `jvm-gates-${process.pid}`);
    if (!fs.existsSync(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    }
    return dir;
}
