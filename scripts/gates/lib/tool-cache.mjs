// The output of a deterministic tool run (apex-ls, PMD: a JVM each) kept by a hash of everything that run
// reads, in node_modules/.cache/tool-results/<gate>/. A gate whose inputs are byte for byte those of an
// earlier run reads that run's output instead of starting the JVM again; the gate's own checks of that
// output run as always, so a failing run fails again the same way. The key always takes in
// package-lock.json (the tool's version, and `npm ci` empties the cache), the Java version and flags, and
// each input file's path and text; the caller adds what else the run depends on. The few outputs used
// last per gate are kept.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keepNewest, writeWhole } from '../../lib/kept-files.mjs';
import { root } from './common.mjs';

const KEEP = 6;
const dirOf = (gate) => path.join(root, 'node_modules', '.cache', 'tool-results', gate);

/** The key of a run: the lock file, then each part (a string), then each file's path and text. */
export function runKey(parts, files) {
    const hash = crypto.createHash('sha256');
    const lock = path.join(root, 'package-lock.json');
    hash.update(fs.existsSync(lock) ? fs.readFileSync(lock) : '');
    for (const part of parts) {
        hash.update('\0').update(String(part));
    }
    for (const file of [...files].sort()) {
        hash.update('\0').update(file).update('\0').update(fs.readFileSync(file));
    }
    return hash.digest('hex');
}

/**
 * The stored output of the run with this key, or undefined. A hit is marked newest, so the outputs kept
 * are the ones used last: the project's own run stays while the gate tests' fixtures come and go.
 */
export function storedOutput(gate, key) {
    const file = path.join(dirOf(gate), `${key}.out`);
    let text;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        return undefined;
    }
    try {
        const now = new Date();
        fs.utimesSync(file, now, now);
    } catch {
        // a read-only node_modules: the output is still good
    }
    return text;
}

/** Stores a run's output (written whole, then renamed); keeps the newest KEEP per gate. */
export function storeOutput(gate, key, text) {
    try {
        const dir = dirOf(gate);
        writeWhole(path.join(dir, `${key}.out`), text);
        keepNewest(dir, '.out', KEEP);
    } catch {
        // a read-only node_modules only costs a JVM run next time
    }
}
