// Shared plumbing for the offline gates: project paths, file discovery, and the one way a gate reports
// (`<gate>: checked N file(s)`, then one line per finding, exit 1 on any finding; a gate that cannot run fails).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Path relative to the project root (or absolute when outside it), with forward slashes. */
export function rel(p) {
    const r = path.relative(root, path.resolve(p));
    return (r.startsWith('..') ? path.resolve(p) : r).split(path.sep).join('/');
}

/**
 * The gate's path arguments (anything not starting with "--" and not the value of an option in `options`), or the
 * defaults, resolved against the project root; a path that does not exist fails the gate (a typo must not turn into
 * "checked 0 files").
 */
export function targets(gate, defaults, options = []) {
    const args = process.argv.slice(2);
    const values = new Set(options.map((o) => args.indexOf(o) + 1).filter((i) => i > 0));
    const given = args.filter((a, i) => !a.startsWith('--') && !values.has(i));
    return requireExisting(
        gate,
        (given.length ? given : defaults).map((p) => path.resolve(root, p))
    );
}

/** The paths, after failing the gate when one does not exist. */
export function requireExisting(gate, paths) {
    const missing = paths.filter((p) => !fs.existsSync(p));
    if (missing.length) {
        fail(
            gate,
            missing.map((p) => `${rel(p)}: no such file or directory`)
        );
    }
    return paths;
}

/** The value of a `--name <file>` option, resolved against the project root, or the fallback. */
export function option(name, fallback) {
    const args = process.argv.slice(2);
    return path.resolve(root, args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
}

const SKIP = /(^|[/\\])(node_modules|\.git|\.sfdx|\.sf|\.tmp)([/\\]|$)/;

/** Every file under the given files/directories whose path satisfies `accept`, sorted, without duplicates. */
export function collectFiles(paths, accept) {
    const out = new Set();
    for (const p of paths.filter((x) => fs.existsSync(x))) {
        const files = fs.statSync(p).isDirectory()
            ? fs.readdirSync(p, { recursive: true }).map((f) => path.join(p, f))
            : [p];
        for (const f of files) {
            if (!SKIP.test(path.relative(p, f)) && fs.statSync(f).isFile() && accept(f)) {
                out.add(f);
            }
        }
    }
    return [...out].sort();
}

/**
 * Source text with its comments blanked (`//`, `/* *\/`, `<!-- -->`), line breaks kept so line numbers hold. String
 * literals ('…', "…", `…`) are kept, or blanked too with keepStrings false; a `//` inside a string is not a comment.
 */
export function blankComments(source, { keepStrings = true } = {}) {
    return source.replace(
        /\/\*[\s\S]*?\*\/|\/\/[^\n]*|<!--[\s\S]*?-->|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g,
        (match) => (keepStrings && /^['"`]/.test(match) ? match : match.replace(/[^\n]/g, ' '))
    );
}

/** Prints the count and the findings; exits 1 when there are findings. */
export function finish(gate, count, findings, noun = 'file(s)') {
    console.log(`${gate}: checked ${count} ${noun}`);
    if (findings.length) {
        fail(gate, [...findings, `${findings.length} finding(s)`]);
    }
}

/** A gate that cannot run is a failure, never a skip. */
export function fail(gate, messages) {
    for (const m of [].concat(messages)) {
        console.error(`${gate}: ${m}`);
    }
    process.exit(1);
}
