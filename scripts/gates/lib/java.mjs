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
