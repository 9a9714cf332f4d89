// The docs gate (CONTRIBUTING.md, test:docs), in this process, on the project's docs and on known-bad inputs: the
// generated blocks, the local links, the prose, the README's size, and every command the README and the guides show
// (each `npm run X` names a script, each installer option and each `sf` command and flag exists in the project's own
// sf, as its oclif Config loads it). What the --help and --dry-run lines do is test:org-setup's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { remark } from 'remark';
import remarkValidateLinks from 'remark-validate-links';
import { parse } from 'shell-quote';
import { engine } from 'unified-engine';
import { OPTIONS } from '../../scripts/org-setup.mjs';
import { SOURCES, docFiles, readProjectFile, syncDocs } from '../../scripts/docs.mjs';
import { rel, root } from '../../scripts/gates/lib/common.mjs';

const fixture = (name) => path.join(root, 'test', 'gates', 'fixtures', 'docs', name);
const docs = docFiles();

// The broken local links, `file:line:column message` each, of the project's docs and the fixture in one engine run:
// the link check parses each doc once. Links to the hosted repository are not checked: the project names no remote.
const plugins = [[remarkValidateLinks, { repository: false, root }]];
const linked = [...docs, fixture('broken-links.md')];
const options = { processor: remark(), files: linked, cwd: root, plugins, detectConfig: false, detectIgnore: false };
const quiet = { output: false, out: false, silent: true, reporter: () => '' };
const { files: checked } = await new Promise((resolve, reject) =>
    engine({ ...options, ...quiet }, (error, _, context) => (error ? reject(error) : resolve(context)))
);
const links = checked.flatMap((file) =>
    file.messages.map((m) => `${rel(file.path)}:${m.line ?? 1}:${m.column ?? 1} ${m.reason}`)
);
const linksOf = (file) => links.filter((f) => f.startsWith(rel(file)));

const PROSE_RULES = [
    [/\b[Ii]ssue #?\d+/, 'an issue number (cite upstream threads as owner/repo#N)'],
    [/\bitem \d+/, '"item N"'],
    [/_new_|\*\*new\*\*|\(new\)/, 'a "new" marker (say what it does, not when it came)'],
    [/shared\/notes|(^|[\s(`'"])\/(work|home|root|tmp|Users|mnt)\//, 'a path outside the repository']
];

/** The prose findings of one Markdown file: one per rule per line. */
const proseFindings = (file, text = fs.readFileSync(file, 'utf8')) =>
    text
        .split('\n')
        .flatMap((line, i) =>
            PROSE_RULES.filter(([re]) => re.test(line)).map(([, what]) => `${rel(file)}:${i + 1} ${what}`)
        );

/** The README's finding if it grew past a router's 250 lines or 20 KB (Prettier ends it with a newline). */
function readmeSize(text) {
    const [lines, bytes] = [text.split('\n').length - 1, Buffer.byteLength(text)];
    return lines > 250 || bytes > 20 * 1024
        ? [`README.md: ${lines} lines, ${bytes} bytes; move the detail into a guide`]
        : [];
}

/** What the generator refuses with one edit to one source (SOURCES[name]) in memory: its error's lines. */
function refusal(name, from, to) {
    const read = (file) => (file === SOURCES[name] ? readProjectFile(file).replace(from, to) : readProjectFile(file));
    try {
        syncDocs({ read });
    } catch (error) {
        return error.message.split('\n');
    }
    return [];
}

const SHELL = new Set(['bash', 'sh', 'shell', 'zsh', 'console']);
const ASSIGNMENT = /^[A-Za-z_]\w*=/;
// A fenced code block, indented or not, of three or more backticks or tildes, and its info string's language
// (https://spec.commonmark.org/0.31.2/#fenced-code-blocks).
const FENCE = /^( *)(`{3,}|~{3,})(\w*)[^\n]*\n([\s\S]*?)^ *\2/gm;

/**
 * Every simple command of the shell blocks of a Markdown file, { file, line, words }: each command line (continued
 * by a trailing backslash) through shell-quote, split at each operator (&&, |, ;, a brace or parenthesis), without a
 * `$ ` prompt or leading NAME=value assignments; `$VAR` and a <placeholder> stay as written; `npx sf` is the
 * project's own sf.
 */
function shellCommands(file) {
    const markdown = fs.readFileSync(file, 'utf8');
    const commands = [];
    for (const fence of [...markdown.matchAll(FENCE)].filter((f) => SHELL.has(f[3].toLowerCase()))) {
        let line = markdown.slice(0, fence.index).split('\n').length + 1;
        for (const text of fence[4].split(/(?<!\\)\n/)) {
            const command = text.replace(/^\s*\$\s+|\\\n/g, ' ').replace(/<([^<>]+)>/g, "'<$1>'");
            let words = [];
            for (const token of [...parse(command, (name) => `$${name}`), { op: ';' }]) {
                // A glob is a word; a comment is neither word nor operator.
                const word = typeof token === 'string' && token !== '{' && token !== '}' ? token : token.pattern;
                if (word !== undefined) {
                    words.push(word);
                } else if (token.op || typeof token === 'string') {
                    words = words.slice(words.findIndex((w) => !ASSIGNMENT.test(w)) >>> 0);
                    words = words[0] === 'npx' && words[1] === 'sf' ? words.slice(1) : words;
                    if (words.length) {
                        commands.push({ file: rel(file), line, words });
                    }
                    words = [];
                }
            }
            line += text.split('\n').length;
        }
    }
    return commands;
}

const NPM_COMMANDS = new Set(['ci', 'install', 'test', 'start', 'run', 'run-script', 'ls', 'view', 'exec']);
const SF_GLOBAL_FLAGS = new Set(['--json', '--flags-dir', '--help']);
const flagsOf = (words) => words.filter((w) => w.startsWith('--') && w.length > 2).map((w) => w.split('=')[0]);

/** What one command names that does not exist: an npm script or installer option, an sf command or flag. */
function missing([tool, first, ...rest], { scripts, sf, installerFlags }) {
    if (tool === 'npm') {
        const script = first === 'run' || first === 'run-script' ? rest[0] : first;
        const options = script === 'org:setup' && rest.includes('--') ? rest.slice(rest.indexOf('--') + 1) : [];
        return [
            ...(NPM_COMMANDS.has(first) ? [] : [`npm ${first} is not a command the docs should use`]),
            ...(['run', 'run-script', 'test', 'start'].includes(first) && !scripts[script]
                ? [`package.json has no "${script}" script`]
                : []),
            ...flagsOf(options)
                .filter((f) => !installerFlags.has(f))
                .map((f) => `the installer has no ${f} option (npm run org:setup -- --help)`)
        ];
    }
    if (tool !== 'sf') {
        return [];
    }
    const words = [first, ...rest];
    const name = words.slice(0, words.findIndex((w) => w.startsWith('-')) >>> 0).join(' ');
    // By id or alias; a hidden command, or one of a plugin sf installs on first use, is not one to show.
    const command = sf.findCommand(name.replace(/ /g, ':'));
    if (!command || command.hidden || command.pluginType === 'jit') {
        return [`the project's sf has no command "${name}"`];
    }
    const flags = new Set(Object.entries(command.flags).flatMap(([flag, { aliases = [] }]) => [flag, ...aliases]));
    return flagsOf(words)
        .filter((f) => !flags.has(f.slice(2)) && !SF_GLOBAL_FLAGS.has(f))
        .map((f) => `sf ${name} has no ${f} flag`);
}

/** The problems of the commands, `file:line: command: problem` each. */
const commandProblems = (commands, project) =>
    commands.flatMap(({ file, line, words }) =>
        missing(words, project).map((problem) => `${file}:${line}: ${words.join(' ')}: ${problem}`)
    );

const cli = path.join(root, 'node_modules', '@salesforce', 'cli');
// The CLI's own @oclif/core (a dependency of @salesforce/cli), loading the plugins npm ci installs: none a user
// added with `sf plugins install`, none of the dev plugins.
const { Config } = createRequire(path.join(cli, 'package.json'))('@oclif/core');
// The scripts, the project's sf (its commands, aliases and flags), the installer's options.
const project = {
    scripts: JSON.parse(readProjectFile('package.json')).scripts,
    sf: await Config.load({ root: cli, userPlugins: false, devPlugins: false }),
    installerFlags: new Set(OPTIONS.map(([flag]) => flag))
};

// Each check over the project's docs: its findings, none expected.
const CHECKS = {
    'every generated block equals its source and sits in one doc': () => syncDocs({ files: docs }),
    'every local link, image and anchor resolves': () => docs.flatMap(linksOf),
    'no issue number, "item N", "new" marker or path outside the repository': () =>
        docs.flatMap((f) => proseFindings(f)),
    'README.md is at most 250 lines and 20 KB': () => readmeSize(readProjectFile('README.md')),
    'every npm and sf command and flag shown exists': () => commandProblems(docs.flatMap(shellCommands), project)
};
for (const [name, findings] of Object.entries(CHECKS)) {
    test(`the docs: ${name}`, () => assert.deepEqual(findings(), []));
}

// The fixture spells the stale words as placeholders, so the repository itself never holds them.
const STALE = { issue: 'issue', item: 'item', outside: ['', 'work', 'shared', 'notes'].join('/') };
const staleProse = fs.readFileSync(fixture('stale-prose.md'), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, w) => STALE[w]);
const [lines, bytes] = [(n) => 'line\n'.repeat(n), (n) => `${'x'.repeat(n - 1)}\n`];

// Each known-bad input: what the check finds in it, in order, and nothing else.
const BAD = {
    'a generated table edited by hand, and an unknown block, fail': [
        () => syncDocs({ files: [fixture('hand-edited.md')] }).filter((f) => !f.includes('not 0 (none)')),
        /hand-edited\.md: the generated block "error-codes" differs from its source; run npm run docs/,
        /hand-edited\.md: unknown generated block "no-such-table"/
    ],
    // In line order (the fixture's lines are 3 and 4): the other file's headings are checked once the set is read.
    'a missing file, a missing heading and a missing heading in another file fail; good links pass': [
        () => linksOf(fixture('broken-links.md')).sort(),
        /broken-links\.md:3:\d+ Cannot find file `no-such-guide\.md`/,
        /broken-links\.md:3:\d+ Cannot find heading for `#no-such-heading`/,
        /broken-links\.md:4:\d+ Cannot find heading for `#no-such-section` in `(\.\.\/)*docs\/admin-guide\.md`/
    ],
    'an issue number, "item N", a "new" marker and a path outside the repository fail; owner/repo#N passes': [
        () => proseFindings(fixture('stale-prose.md'), staleProse),
        /stale-prose\.md:3 an issue number/,
        /stale-prose\.md:5 "item N"/,
        /stale-prose\.md:9 a "new" marker/,
        /stale-prose\.md:11 a path outside the repository/
    ],
    'an error code without a meaning fails, naming the code': [
        () => refusal('meanings', /\n\s*"BUSY": "[^"]*",/, ''),
        /docs\/error-code-meanings\.json: no meaning for BUSY/
    ],
    // A constant PAUSED that labelFor has no arm for would show the fallback's message; the preview reads this map.
    'an error code without its own label fails, naming the code': [
        () => refusal('exception', /(String BUSY = 'BUSY';)/, "$1 public static final String PAUSED = 'PAUSED';"),
        /WhatsAppOtpException\.cls: PAUSED has no label \(add `when 'PAUSED'`/
    ],
    'an error code whose label is not a Custom Label fails, naming both': [
        () => refusal('labels', '<fullName>WhatsAppOtp_Error_Busy</fullName>', '<fullName>Gone</fullName>'),
        /no label WhatsAppOtp_Error_Busy \(used for BUSY\)/
    ],
    'a README one line or one byte over the limit fails': [
        () => [lines(250), lines(251), bytes(20480), bytes(20481)].flatMap(readmeSize),
        /^README\.md: 251 lines, 1255 bytes/,
        /^README\.md: 1 lines, 20481 bytes/
    ],
    'a wrong npm run name, a wrong sf command, a wrong sf flag and a wrong installer option each fail': [
        () => commandProblems(shellCommands(fixture('wrong-commands.md')), project),
        /wrong-commands\.md:6: npm run no-such-script: package.json has no "no-such-script"/,
        /wrong-commands\.md:7: .*the project's sf has no command "project deploy begin"/,
        /wrong-commands\.md:8: .*sf org assign permset has no --perm-set-name flag/,
        /wrong-commands\.md:9: .*the installer has no --no-such-option option/
    ]
};
for (const [name, [findings, ...expected]] of Object.entries(BAD)) {
    test(name, () => {
        const found = findings();
        assert.equal(found.length, expected.length, found.join('\n'));
        expected.forEach((pattern, i) => assert.match(found[i], pattern));
    });
}
