// Java for the JVM-based gates (apex-semantic, pmd). Both run jars that @salesforce/code-analyzer-pmd-engine
// bundles in dist/java-lib (apex-ls 6 with Salesforce's standard and SObject type stubs, PMD 7 core + Apex),
// fully offline. A missing or too old Java is a gate failure with instructions, never a skip.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fail } from './common.mjs';

const require = createRequire(import.meta.url);
// Short single-shot runs: the C1 compiler only and the serial collector halve the CPU time of an apex-ls or
// PMD run (measured: apex-ls 3.8 -> 1.8 CPU s, PMD 3.5 -> 1.8 CPU s) without changing any result.
const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

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
 * Runs a bundled tool's main class (apex-semantic's source-file launcher, PMD's wrapper) in one JVM (spawnSync's
 * result); JVM log lines go to stderr. No class-data archive: dumping one cost a cold run more (about 6 CPU s) than mapping it saves
 * a later run (about 1 CPU s), and the gate runs again only when the Apex changes.
 */
export function runJava(java, lib, mainClass, args, options) {
    const flags = [...JVM_FLAGS, '-Xlog:disable', '-Xlog:all=warning:stderr'];
    return spawnSync(java, [...flags, '-cp', path.join(lib, '*'), mainClass, ...args], options);
}
