// The shell commands shown in the docs, and what each must satisfy to work when pasted into a fresh clone.
// Used by commands.test.mjs on the project's docs and on known-bad fixtures.
import fs from 'node:fs';
import path from 'node:path';

const SHELL_INFO = new Set(['bash', 'sh', 'shell', 'zsh', 'console']);

/**
 * Every command line of the shell blocks (```bash, ```sh …) of a Markdown text: continuations joined, comments
 * dropped, split at `&&`, `||`, `;` and `|`.
 * @returns {{ line: number, text: string, words: string[] }[]}
 */
export function shellCommands(markdown) {
    const commands = [];
    const lines = markdown.split('\n');
    let fence;
    let pending = '';
    let start = 0;
    lines.forEach((raw, index) => {
        const open = /^\s*(```+|~~~+)\s*(\S*)/.exec(raw);
        if (!fence && open) {
            fence = { marker: open[1], shell: SHELL_INFO.has(open[2].toLowerCase()) };
            return;
        }
        if (fence && raw.trim().startsWith(fence.marker)) {
            fence = undefined;
            return;
        }
        if (!fence?.shell) {
            return;
        }
        const text = raw.trim().replace(/^\$\s+/, '');
        if (!pending) {
            start = index + 1;
        }
        if (text.endsWith('\\')) {
            pending += `${text.slice(0, -1)} `;
            return;
        }
        const whole = stripComment(pending + text);
        pending = '';
        for (const part of splitOutsideQuotes(whole)) {
            const words = shellWords(part);
            if (words.length) {
                commands.push({ line: start, text: part.trim(), words });
            }
        }
    });
    return commands;
}

/** The line without a trailing `# comment` (a `#` outside quotes that starts a word). */
function stripComment(text) {
    let quote;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            quote = c === quote ? undefined : quote;
        } else if (c === "'" || c === '"') {
            quote = c;
        } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
            return text.slice(0, i);
        }
    }
    return text;
}

/** The parts of a command line between `&&`, `||`, `;`, `|`, `{`, `}`, `(` and `)` outside quotes. */
function splitOutsideQuotes(text) {
    const parts = [];
    let quote;
    let current = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            quote = c === quote ? undefined : quote;
            current += c;
        } else if (c === "'" || c === '"') {
            quote = c;
            current += c;
        } else if ('&|;{}()'.includes(c)) {
            parts.push(current);
            current = '';
            if ((c === '&' || c === '|') && text[i + 1] === c) {
                i++;
            }
        } else {
            current += c;
        }
    }
    parts.push(current);
    return parts;
}

/** The words of one simple command, quotes removed, leading `NAME=value` assignments and `npx` dropped. */
function shellWords(text) {
    const words = [...text.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
        words.shift();
    }
    // `npx sf …` runs the project's own sf, so it is checked as an sf command.
    if (words[0] === 'npx' && words[1] === 'sf') {
        words.shift();
    }
    return words;
}

/** Every `--flag` word of a command (its name only, without `=value`). */
const flagsOf = (words) => words.filter((w) => w.startsWith('--') && w.length > 2).map((w) => w.split('=')[0]);

const NPM_COMMANDS = new Set(['ci', 'install', 'test', 'start', 'run', 'run-script', 'ls', 'view', 'exec']);
const SF_GLOBAL_FLAGS = new Set(['--json', '--flags-dir', '--help']);

/**
 * The problems of the commands: an `npm run` of a script package.json lacks, a `node` file that does not exist, an `sf`
 * command or flag the project's `sf` does not have, an installer flag its --help does not list.
 * @param {{ file: string, line: number, text: string, words: string[] }[]} commands
 * @param {{ root: string, scripts: Record<string, string>, sfCommands: Map<string, Set<string>>, installerFlags: Set<string> }} project
 * @returns {string[]}
 */
export function commandProblems(commands, { root, scripts, sfCommands, installerFlags }) {
    const problems = [];
    for (const { file, line, text, words } of commands) {
        const where = `${file}:${line}: ${text}`;
        const [tool, first] = words;
        if (tool === 'npm') {
            if (!NPM_COMMANDS.has(first)) {
                problems.push(`${where}: npm ${first} is not a command the docs should use`);
            }
            const script = first === 'run' || first === 'run-script' ? words[2] : first;
            if (['run', 'run-script', 'test', 'start'].includes(first) && !scripts[script]) {
                problems.push(`${where}: package.json has no "${script}" script`);
            }
            if (script === 'org:setup') {
                const unknown = flagsOf(words.slice(words.indexOf('--') + 1)).filter((f) => !installerFlags.has(f));
                for (const flag of unknown) {
                    problems.push(`${where}: the installer has no ${flag} option (npm run org:setup -- --help)`);
                }
            }
        } else if (tool === 'node' && first && !first.startsWith('-') && !fs.existsSync(path.join(root, first))) {
            problems.push(`${where}: ${first} does not exist`);
        } else if (tool === 'sf') {
            const id = words
                .slice(1)
                .filter((w, i, all) => all.slice(0, i + 1).every((x) => !x.startsWith('-')))
                .join(':');
            const flags = sfCommands.get(id);
            if (!flags) {
                problems.push(`${where}: the project's sf has no command "${id.replace(/:/g, ' ')}"`);
                continue;
            }
            for (const flag of flagsOf(words).filter((f) => !flags.has(f) && !SF_GLOBAL_FLAGS.has(f))) {
                problems.push(`${where}: sf ${id.replace(/:/g, ' ')} has no ${flag} flag`);
            }
        }
    }
    return problems;
}

/**
 * `sf commands --json` as command id (and alias) -> its `--flags` (and their aliases).
 * @param {object[]} listing the parsed JSON
 */
export function sfCommandMap(listing) {
    const map = new Map();
    for (const command of listing) {
        const flags = new Set();
        for (const [name, flag] of Object.entries({ ...command.baseFlags, ...command.flags })) {
            flags.add(`--${name}`);
            for (const alias of flag.aliases ?? []) {
                flags.add(`--${alias}`);
            }
        }
        for (const id of [command.id, ...(command.aliases ?? [])]) {
            map.set(id, flags);
        }
    }
    return map;
}
