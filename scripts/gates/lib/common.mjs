// Shared plumbing for the offline gates: project paths, arguments, file discovery, and the one way a gate says it
// cannot run (GateError, which scripts/gates/run.mjs reports as a failure, never a skip).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Path relative to the project root (or absolute when outside it), with forward slashes. */
export function rel(p) {
    const r = path.relative(root, path.resolve(root, p));
    return (r.startsWith('..') ? path.resolve(root, p) : r).split(path.sep).join('/');
}

/** A gate that cannot run: its messages are the gate's findings. */
export class GateError extends Error {}

export function fail(messages) {
    throw new GateError([].concat(messages).join('\n'));
}

/** The paths resolved against the project root, after failing the gate when one does not exist. */
export function existing(paths) {
    const resolved = paths.map((p) => path.resolve(root, p));
    const missing = resolved.filter((p) => !fs.existsSync(p));
    if (missing.length) {
        fail(missing.map((p) => `${rel(p)}: no such file or directory`));
    }
    return resolved;
}

/**
 * A gate's arguments: its paths (anything not starting with "--" and not the value of a `--name <file>` option in
 * `defaults`), or defaults.paths, and each option's file, or its default; all checked to exist (a typo must not turn
 * into "checked 0 files"). An unknown option, or a path given to a gate that takes none, fails the gate.
 */
export function parseArgs(args, { paths = [], ...options } = {}) {
    const at = (o) => args.indexOf(`--${o}`) + 1; // the index of an option's value, or 0
    const values = new Set(Object.keys(options).map(at).filter(Boolean));
    const given = args.filter((a, i) => !a.startsWith('--') && !values.has(i));
    const unknown = args.filter((a) => a.startsWith('--') && !Object.hasOwn(options, a.slice(2)));
    if (unknown.length || (given.length && !paths.length)) {
        fail(`unknown argument(s) ${[...unknown, ...given].join(' ')}; options: ${Object.keys(options).join(', ')}`);
    }
    const files = existing(Object.keys(options).map((o) => (at(o) ? args[at(o)] : options[o])));
    const named = Object.fromEntries(Object.keys(options).map((o, i) => [o, files[i]]));
    return { paths: existing(given.length ? given : paths), ...named };
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

/** collectFiles, failing the gate when nothing matches (a gate that checks nothing proves nothing). */
export function requireFiles(paths, accept, what) {
    const files = collectFiles(paths, accept);
    return files.length ? files : fail(`no ${what} files under ${paths.map(rel).join(', ')}`);
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

/** The 1-based line of a character index in a text. */
export const lineAt = (text, index) => text.slice(0, index).split('\n').length;
