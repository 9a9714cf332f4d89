// The docs gate, on the project's docs and on known-bad fixtures (test/gates/fixtures/docs), in this process:
//  1. every generated block equals what its source gives now (scripts/docs.mjs; `npm run docs` rewrites them);
//  2. every local link, image and #anchor resolves (remark-validate-links through unified-engine, offline);
//  3. no prose a reader cannot follow: issue numbers, "item N", "new" markers, paths outside the repository;
//  4. README.md stays a router: at most 250 lines and 20 KB;
//  5. every command the README and the guides show works pasted into a fresh clone: each `npm run X` names a script,
//     each `sf …` command and flag exists in the project's own sf (the oclif manifests its plugins ship, which
//     `sf commands` lists) and each installer option exists. What the --help and --dry-run lines do is
//     test:org-setup's.
// It starts no process, no server and no `npm test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { remark } from 'remark';
import remarkValidateLinks from 'remark-validate-links';
import { parse } from 'shell-quote';
import { engine } from 'unified-engine';
import { OPTIONS } from '../../scripts/org-setup.mjs';
import { SOURCES, docFiles, readProjectFile, root, syncDocs } from '../../scripts/docs.mjs';

const fixture = (name) => path.join(root, 'test', 'gates', 'fixtures', 'docs', name);
const relative = (file) => path.relative(root, file);
const docs = docFiles();

test("the project's generated blocks equal their sources", () => {
    assert.deepEqual(syncDocs(), []);
});

/** A project reader with one edit to one source (SOURCES[name]) in memory. */
const editing = (name, from, to) => (file) =>
    file === SOURCES[name] ? readProjectFile(file).replace(from, to) : readProjectFile(file);

test('a generated table edited by hand, and an unknown block, fail', () => {
    const findings = syncDocs({ files: [fixture('hand-edited.md')] });
    assert.deepEqual(
        findings.filter((f) => !f.includes('not 0 (none)')),
        [
            'test/gates/fixtures/docs/hand-edited.md: the generated block "error-codes" differs from its source; run npm run docs (hand edits go in the source)',
            'test/gates/fixtures/docs/hand-edited.md: unknown generated block "no-such-table"'
        ]
    );
});

// Each bad source, one edit in memory: what the generator refuses, naming the code.
const BAD_SOURCES = {
    'an error code without a meaning fails, naming the code': [
        ['meanings', /\n\s*"BUSY": "[^"]*",/, ''],
        /docs\/error-code-meanings\.json: no meaning for BUSY/
    ],
    // A constant PAUSED that labelFor has no arm for would show the fallback's message; the preview reads this map.
    'an error code without its own label fails, naming the code': [
        [
            'exception',
            /(public static final String BUSY = 'BUSY';)/,
            "$1 public static final String PAUSED = 'PAUSED';"
        ],
        /WhatsAppOtpException\.cls: PAUSED has no label \(add `when 'PAUSED'`/
    ],
    'an error code whose label is not a Custom Label fails, naming both': [
        ['labels', '<fullName>WhatsAppOtp_Error_Busy</fullName>', '<fullName>Gone</fullName>'],
        /no label WhatsAppOtp_Error_Busy \(used for BUSY\)/
    ]
};
for (const [name, [edit, error]] of Object.entries(BAD_SOURCES)) {
    test(name, () => assert.throws(() => syncDocs({ read: editing(...edit) }), error));
}

/** The broken local links of the given Markdown files, `file:line:column message` each, in one engine run. */
async function brokenLinks(files) {
    // Links to the hosted repository are not checked: the project names no remote.
    const plugins = [[remarkValidateLinks, { repository: false, root }]];
    const options = { processor: remark(), files, cwd: root, plugins, detectConfig: false, detectIgnore: false };
    const quiet = { output: false, out: false, silent: true, reporter: () => '' };
    const context = await new Promise((resolve, reject) =>
        engine({ ...options, ...quiet }, (error, _, result) => (error ? reject(error) : resolve(result)))
    );
    return context.files.flatMap((file) =>
        file.messages.map((m) => `${relative(file.path)}:${m.line ?? 1}:${m.column ?? 1} ${m.reason}`)
    );
}

// The project's docs and the fixture in one run: the link check parses each doc once.
const links = await brokenLinks([...docs, fixture('broken-links.md')]);
const linksOf = (file) => links.filter((f) => f.startsWith(relative(file)));

test('every local link, image and anchor of the docs resolves', () => {
    assert.deepEqual(docs.flatMap(linksOf), []);
});

test('a missing file, a missing heading and a missing heading in another file fail; good links pass', () => {
    // In line order (the fixture's lines are 3 and 4): the other file's headings are checked once the set is read.
    const findings = linksOf(fixture('broken-links.md')).sort();
    const expected = [
        /broken-links\.md:3:\d+ Cannot find file `no-such-guide\.md`/,
        /broken-links\.md:3:\d+ Cannot find heading for `#no-such-heading`/,
        /broken-links\.md:4:\d+ Cannot find heading for `#no-such-section` in `(\.\.\/)*docs\/admin-guide\.md`/
    ];
    assert.equal(findings.length, expected.length, findings.join('\n'));
    expected.forEach((pattern, i) => assert.match(findings[i], pattern));
});

const PROSE_RULES = [
    [/\b[Ii]ssue #?\d+/, 'an issue number (cite upstream threads as owner/repo#N)'],
    [/\bitem \d+/, '"item N"'],
    [/_new_|\*\*new\*\*|\(new\)/, 'a "new" marker (say what it does, not when it came)'],
    [/shared\/notes|(^|[\s(`'"])\/(work|home|root|tmp|Users|mnt)\//, 'a path outside the repository']
];

/** Prose findings of the given Markdown files (read by `read`): one per rule per line. */
const proseFindings = (files, read = (file) => fs.readFileSync(file, 'utf8')) =>
    files.flatMap((file) =>
        read(file)
            .split('\n')
            .flatMap((line, i) =>
                PROSE_RULES.filter(([re]) => re.test(line)).map(([, what]) => `${relative(file)}:${i + 1} ${what}`)
            )
    );

test('the docs have no issue number, "item N", "new" marker or path outside the repository', () => {
    assert.deepEqual(proseFindings(docs), []);
});

test('an issue number, "item N", a "new" marker and a path outside the repository fail; owner/repo#N passes', () => {
    // The fixture spells the stale words as placeholders, so the repository itself never holds them.
    const file = fixture('stale-prose.md');
    const words = { issue: 'issue', item: 'item', outside: ['', 'work', 'shared', 'notes'].join('/') };
    const read = () => fs.readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, word) => words[word]);
    assert.deepEqual(
        proseFindings([file], read),
        [3, 5, 9, 11].map((line, i) => `${relative(file)}:${line} ${PROSE_RULES[i][1]}`)
    );
});

// README.md is a router: its detail belongs in the guides.
const tooBig = (text) => text.split('\n').length - 1 > 250 || Buffer.byteLength(text) > 20 * 1024;

test('README.md is at most 250 lines and 20 KB', () => {
    assert.ok(
        !tooBig(readProjectFile('README.md')),
        'README.md: over 250 lines or 20 KB; move the detail into a guide'
    );
});

test('a README one line or one byte over the limit is too big', () => {
    const [lines, bytes] = [(n) => 'line\n'.repeat(n), (n) => `${'x'.repeat(n - 1)}\n`];
    assert.deepEqual([lines(250), lines(251), bytes(20480), bytes(20481)].map(tooBig), [false, true, false, true]);
});

const SHELL = new Set(['bash', 'sh', 'shell', 'zsh', 'console']);
const ASSIGNMENT = /^[A-Za-z_]\w*=/;
// A fenced code block, indented or not, of three or more backticks or tildes, and its info string's language
// (https://spec.commonmark.org/0.31.2/#fenced-code-blocks).
const FENCE = /^( *)(`{3,}|~{3,})(\w*)[^\n]*\n([\s\S]*?)^ *\2/gm;

/**
 * The simple commands of shell-quote's tokens: split at each operator (&&, |, ;, a brace or parenthesis), without
 * leading NAME=value assignments; `npx sf` runs the project's own sf.
 */
function simpleCommands(tokens) {
    const commands = [[]];
    for (const token of tokens) {
        // A glob is a word; a comment is neither word nor operator.
        const word = typeof token === 'string' && token !== '{' && token !== '}' ? token : token.pattern;
        if (word !== undefined) {
            commands.at(-1).push(word);
        } else if (token.op || typeof token === 'string') {
            commands.push([]);
        }
    }
    return commands
        .map((words) => words.slice(words.findIndex((w) => !ASSIGNMENT.test(w)) >>> 0))
        .map((words) => (words[0] === 'npx' && words[1] === 'sf' ? words.slice(1) : words))
        .filter((words) => words.length);
}

/** Every simple command of the shell blocks of a Markdown file: { file, line, words }. */
function shellCommands(file) {
    const markdown = fs.readFileSync(file, 'utf8');
    return [...markdown.matchAll(FENCE)]
        .filter((fence) => SHELL.has(fence[3].toLowerCase()))
        .flatMap((fence) => {
            let line = markdown.slice(0, fence.index).split('\n').length + 1;
            // One command line, continued by a trailing backslash, at a time, for its line number.
            return fence[4].split(/(?<!\\)\n/).flatMap((text) => {
                const at = line;
                line += text.split('\n').length;
                // A `$ ` prompt is not the command; `$VAR` and a <placeholder> stay as written.
                const command = text.replace(/^\s*\$\s+|\\\n/g, ' ').replace(/<([^<>]+)>/g, "'<$1>'");
                const tokens = parse(command, (name) => `$${name}`);
                return simpleCommands(tokens).map((words) => ({ file: relative(file), line: at, words }));
            });
        });
}

const NPM_COMMANDS = new Set(['ci', 'install', 'test', 'start', 'run', 'run-script', 'ls', 'view', 'exec']);
const SF_GLOBAL_FLAGS = new Set(['--json', '--flags-dir', '--help']);
const flagsOf = (words) => words.filter((w) => w.startsWith('--') && w.length > 2).map((w) => w.split('=')[0]);

/** The scripts, the project's sf's commands (id or alias -> flags) from its plugins' oclif manifests, the installer's options. */
function readProject() {
    const modules = path.join(root, 'node_modules');
    const cli = path.join(modules, '@salesforce', 'cli');
    const json = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
    // A plugin sits in the CLI's own node_modules or is hoisted; a missing one fails here (npm ci installs them).
    const plugins = json(path.join(cli, 'package.json')).oclif.plugins.map((name) =>
        [path.join(cli, 'node_modules', name), path.join(modules, name)].find((dir) => fs.existsSync(dir))
    );
    const sfCommands = new Map();
    for (const dir of [cli, ...plugins]) {
        for (const c of Object.values(json(path.join(dir, 'oclif.manifest.json')).commands).filter((c) => !c.hidden)) {
            const flags = Object.entries(c.flags).flatMap(([name, flag]) => [name, ...(flag.aliases ?? [])]);
            [c.id, ...(c.aliases ?? [])].forEach((id) => sfCommands.set(id, new Set(flags.map((f) => `--${f}`))));
        }
    }
    const { scripts } = json(path.join(root, 'package.json'));
    return { scripts, sfCommands, installerFlags: new Set(OPTIONS.map(([flag]) => flag)) };
}

/** What one command names that does not exist: an npm script or installer option, a node script, an sf command or flag. */
function missing([tool, first, ...rest], { scripts, sfCommands, installerFlags }) {
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
    if (tool === 'node') {
        return first && !first.startsWith('-') && !fs.existsSync(path.join(root, first))
            ? [`${first} does not exist`]
            : [];
    }
    if (tool !== 'sf') {
        return [];
    }
    const words = [first, ...rest];
    const id = words.slice(0, words.findIndex((w) => w.startsWith('-')) >>> 0).join(':');
    const [name, flags] = [id.replace(/:/g, ' '), sfCommands.get(id)];
    return flags
        ? flagsOf(words)
              .filter((f) => !flags.has(f) && !SF_GLOBAL_FLAGS.has(f))
              .map((f) => `sf ${name} has no ${f} flag`)
        : [`the project's sf has no command "${name}"`];
}

/** The problems of the commands, `file:line: command: problem` each. */
const commandProblems = (commands, project) =>
    commands.flatMap(({ file, line, words }) =>
        missing(words, project).map((problem) => `${file}:${line}: ${words.join(' ')}: ${problem}`)
    );

const project = readProject();

test('the docs show npm run and sf commands, and every npm, node and sf command and flag exists', () => {
    const commands = docs.flatMap(shellCommands);
    const shown = ['sf', 'npm run'].filter((kind) => commands.some((c) => c.words.join(' ').startsWith(`${kind} `)));
    assert.deepEqual(shown, ['sf', 'npm run'], 'the docs show sf and npm run commands');
    assert.deepEqual(commandProblems(commands, project), []);
});

test('a wrong npm run name, a wrong sf command, a wrong sf flag and a wrong installer option each fail', () => {
    const problems = commandProblems(shellCommands(fixture('wrong-commands.md')), project);
    const expected = [
        /wrong-commands\.md:6: npm run no-such-script: package.json has no "no-such-script"/,
        /wrong-commands\.md:7: .*the project's sf has no command "project deploy begin"/,
        /wrong-commands\.md:8: .*sf org assign permset has no --perm-set-name flag/,
        /wrong-commands\.md:9: .*the installer has no --no-such-option option/
    ];
    assert.equal(problems.length, expected.length, problems.join('\n'));
    expected.forEach((pattern, i) => assert.match(problems[i], pattern));
});
