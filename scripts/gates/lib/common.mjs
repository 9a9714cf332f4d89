// Shared plumbing for the offline gates: project paths, file discovery, and the one way a gate
// reports (`<gate>: checked N file(s)`, then one line per finding, exit 1 on any finding).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Path relative to the project root (or absolute when outside it), with forward slashes. */
export function rel(p) {
    const r = path.relative(root, path.resolve(p));
    return (r.startsWith('..') ? path.resolve(p) : r).split(path.sep).join('/');
}

/** The gate's path arguments (anything not starting with "--"), or the defaults. */
export function targets(defaults) {
    const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
    return (args.length ? args : defaults).map((p) => path.resolve(root, p));
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.sfdx', '.sf', '.tmp']);

/** Every file under the given files/directories whose path satisfies `accept`, sorted. */
export function collectFiles(paths, accept) {
    const out = [];
    const walk = (p) => {
        if (!fs.existsSync(p)) {
            return;
        }
        const stat = fs.statSync(p);
        if (stat.isDirectory()) {
            for (const entry of fs.readdirSync(p)) {
                if (!SKIP_DIRS.has(entry)) {
                    walk(path.join(p, entry));
                }
            }
        } else if (accept(p)) {
            out.push(p);
        }
    };
    for (const p of paths) {
        walk(p);
    }
    return [...new Set(out)].sort();
}

/**
 * Source text with its comments blanked (`//`, `/* *\/`, `<!-- -->`), line breaks kept so line numbers hold. String
 * literals ('…', "…", `…`) are kept, or blanked too with keepStrings false; a `//` inside a string is not a comment.
 * @param {string} source Apex, JavaScript or HTML
 * @param {{ keepStrings?: boolean }} [options]
 */
export function blankComments(source, { keepStrings = true } = {}) {
    return source.replace(
        /\/\*[\s\S]*?\*\/|\/\/[^\n]*|<!--[\s\S]*?-->|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g,
        (match) => (keepStrings && /^['"`]/.test(match) ? match : match.replace(/[^\n]/g, ' '))
    );
}

/** Fails when a path argument does not exist (a typo must not turn into "checked 0 files"). */
export function requireExisting(gate, paths) {
    const missing = paths.filter((p) => !fs.existsSync(p));
    if (missing.length) {
        fail(
            gate,
            missing.map((p) => `${rel(p)}: no such file or directory`)
        );
    }
}

/** Prints the count and the findings; exits 1 when there are findings. */
export function finish(gate, count, findings, noun = 'file(s)') {
    console.log(`${gate}: checked ${count} ${noun}`);
    if (findings.length) {
        for (const f of findings) {
            console.error(`${gate}: ${f}`);
        }
        console.error(`${gate}: ${findings.length} finding(s)`);
        process.exit(1);
    }
}

/** A gate that cannot run is a failure, never a skip. */
export function fail(gate, messages) {
    for (const m of [].concat(messages)) {
        console.error(`${gate}: ${m}`);
    }
    process.exit(1);
}

/**
 * A gate's `--<name> <file>` option (resolved against the project root; `fallback` when absent) and its path
 * arguments (anything else not starting with "--"), or the default paths.
 */
export function fileOptionAndPaths(name, fallback, defaultPaths) {
    const args = process.argv.slice(2);
    const index = args.indexOf(`--${name}`);
    const file = path.resolve(root, index >= 0 ? args[index + 1] : fallback);
    const pathArgs = args.filter((a, i) => !a.startsWith('--') && (index < 0 || i !== index + 1));
    return { file, paths: (pathArgs.length ? pathArgs : defaultPaths).map((p) => path.resolve(root, p)) };
}
