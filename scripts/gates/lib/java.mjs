// Java for the JVM-based gates (apex-semantic, pmd). Both run jars that @salesforce/code-analyzer-pmd-engine
// bundles in dist/java-lib (apex-ls 6 with Salesforce's standard and SObject type stubs, PMD 7 core + Apex),
// fully offline. A missing or too old Java is a gate failure with instructions, never a skip.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fail, root } from './common.mjs';

const require = createRequire(import.meta.url);
// Short single-shot runs: the C1 compiler only and the serial collector halve the CPU time of an apex-ls or
// PMD run (measured: apex-ls 3.8 -> 1.8 CPU s, PMD 3.5 -> 1.8 CPU s) without changing any result.
export const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

const INSTALL_HINT = 'install a JDK 17, e.g. apt-get install openjdk-17-jdk-headless (or set JAVA_HOME)';

/** dist/java-lib of @salesforce/code-analyzer-pmd-engine. */
export function javaLib(gate) {
    let pkg;
    try {
        pkg = require.resolve('@salesforce/code-analyzer-pmd-engine/package.json');
    } catch {
        fail(gate, '@salesforce/code-analyzer-pmd-engine is not installed; run npm ci');
    }
    const dir = path.join(path.dirname(pkg), 'dist', 'java-lib');
    if (!fs.existsSync(dir)) {
        fail(gate, `${dir} is missing; run npm ci`);
    }
    return dir;
}

/** The java executable (JAVA_HOME first, then PATH), checked to be Java 17 or newer. */
export function javaExecutable(gate) {
    const candidates = [];
    if (process.env.JAVA_HOME) {
        candidates.push(path.join(process.env.JAVA_HOME, 'bin', 'java'));
    }
    candidates.push('java');
    for (const java of candidates) {
        const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
        if (probe.error || probe.status !== 0) {
            continue;
        }
        const m = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr);
        const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
        if (major < 17) {
            fail(
                gate,
                `Java ${major || '(unknown version)'} found at ${java}; Java 17 or newer is required: ${INSTALL_HINT}`
            );
        }
        return java;
    }
    fail(gate, `Java was not found (this gate runs the bundled apex-ls/PMD jars): ${INSTALL_HINT}`);
    return undefined;
}

const STALE_DUMP_MS = 5 * 60 * 1000;

/**
 * Runs a bundled tool's main class in one JVM (spawnSync's result), with class-data sharing: the first run
 * dumps the classes it loaded into a dynamic archive (-XX:ArchiveClassesAtExit, JDK 13+) kept in
 * node_modules/.cache/jvm-cds under a key of the java executable, the jars, the flags and the main class; later
 * runs map that archive (-XX:SharedArchiveFile) instead of loading and verifying those classes again.
 * Measured here on apex-ls: 5.0 -> 3.6 CPU s per run, same report. (PMD is not run this way: on JDK 17.0.15
 * its dump crashes the JVM at exit, SIGSEGV.) An archive the JVM cannot use (another JDK build) is ignored,
 * and classes load as usual (-Xshare:auto, the default). One process dumps at a time (a lock file); a dump is
 * renamed into place only when complete, and a dumping run that crashes is run again without sharing, so
 * the archive can only ever cost time. JVM log lines go to stderr, so a tool's stdout report is unaffected.
 * JDK documentation: https://docs.oracle.com/en/java/javase/17/vm/class-data-sharing.html
 */
export function runJavaShared(java, lib, mainClass, args, options) {
    const cp = ['-cp', path.join(lib, '*'), mainClass];
    const name = path.basename(mainClass); // a class name, or a source-file launcher's .java file
    const plain = [...JVM_FLAGS, '-Xlog:disable', '-Xlog:all=warning,cds*=off:stderr'];
    const dir = path.join(root, 'node_modules', '.cache', 'jvm-cds');
    let archive;
    try {
        const jars = fs
            .readdirSync(lib)
            .filter((f) => f.endsWith('.jar'))
            .sort()
            .map((f) => `${f}:${fs.statSync(path.join(lib, f)).size}`);
        const key = crypto
            .createHash('sha256')
            .update([java, lib, ...jars, ...plain].join('\n'))
            .digest('hex')
            .slice(0, 16);
        archive = path.join(dir, `${name}-${key}.jsa`);
    } catch {
        return spawnSync(java, [...plain, ...cp, ...args], options);
    }
    if (fs.existsSync(archive)) {
        return spawnSync(java, [...plain, `-XX:SharedArchiveFile=${archive}`, ...cp, ...args], options);
    }
    const lock = `${archive}.lock`;
    try {
        fs.mkdirSync(dir, { recursive: true });
        try {
            if (Date.now() - fs.statSync(lock).mtimeMs > STALE_DUMP_MS) {
                fs.rmSync(lock, { force: true }); // left by a run that was killed
            }
        } catch {
            // no lock
        }
        fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
        // another run is dumping, or the cache is not writable: no archive this time
        return spawnSync(java, [...plain, ...cp, ...args], options);
    }
    const partial = `${archive}.${process.pid}`;
    const crashLog = `${partial}.hs_err.log`;
    try {
        const run = spawnSync(
            java,
            [...plain, `-XX:ArchiveClassesAtExit=${partial}`, `-XX:ErrorFile=${crashLog}`, ...cp, ...args],
            options
        );
        if (run.signal || run.error || fs.existsSync(crashLog)) {
            return spawnSync(java, [...plain, ...cp, ...args], options);
        }
        if (fs.existsSync(partial)) {
            for (const old of fs.readdirSync(dir)) {
                if (old.startsWith(`${name}-`) && old.endsWith('.jsa')) {
                    fs.rmSync(path.join(dir, old), { force: true }); // another JDK's or jars' archive
                }
            }
            fs.renameSync(partial, archive);
        }
        return run;
    } finally {
        for (const leftover of [partial, crashLog, lock]) {
            fs.rmSync(leftover, { force: true });
        }
    }
}
