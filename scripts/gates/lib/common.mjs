// Shared plumbing for the offline gates: project paths, arguments, file discovery, and the one way a gate says it
// cannot run (GateError, which scripts/gates/run.mjs reports as a failure, never a skip).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseCommandLine } from 'node:util';

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
 * A gate's arguments (node:util parseArgs): its paths, or defaults.paths, and each `--name <file>` option of
 * `defaults`, or its default; all checked to exist (a typo must not turn into "checked 0 files"). An unknown option,
 * or a path given to a gate that takes none, fails the gate.
 */
export function parseArgs(args, { paths = [], ...defaults } = {}) {
    const options = Object.fromEntries(Object.keys(defaults).map((name) => [name, { type: 'string' }]));
    let given;
    try {
        given = parseCommandLine({ args, options, allowPositionals: paths.length > 0 });
    } catch (error) {
        fail(`${error.message}; options: ${Object.keys(defaults).join(', ')}`);
    }
    const files = existing(Object.keys(defaults).map((name) => given.values[name] ?? defaults[name]));
    const named = Object.fromEntries(Object.keys(defaults).map((name, i) => [name, files[i]]));
    return { paths: existing(given.positionals.length ? given.positionals : paths), ...named };
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
