// The docs gate (scripts/docs.mjs --check) on the project's docs and on known-bad fixtures, in this process (the
// generator, Prettier and the link check loaded once), and every command the README and the guides show, as pasted
// into a fresh clone: each `npm run X` names a script, each `sf …` command and flag exists in the project's own sf
// (the oclif manifests its plugins ship, which `sf commands` lists) and each installer option exists. What the
// --help and --dry-run lines do is test:org-setup's. It starts no process, no server and no `npm test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'shell-quote';
import { OPTIONS } from '../../scripts/org-setup.mjs';
import {
    SOURCES,
    checkDocs,
    checkProse,
    checkReadmeSize,
    docFiles,
    readProjectFile,
    root,
    syncDocs
} from '../../scripts/docs.mjs';

const fixtures = path.join(root, 'test', 'gates', 'fixtures', 'docs');
/** A project reader with one edit to one source (SOURCES[name]) in memory. */
const editing = (name, from, to) => (file) =>
    file === SOURCES[name] ? readProjectFile(file).replace(from, to) : readProjectFile(file);

const brokenLinks = path.join(fixtures, 'broken-links.md');
let gate;
/** The gate over the project's docs and the broken-links fixture in one run: the link check parses each doc once. */
const gateFindings = async (file) =>
    (await (gate ??= checkDocs([...docFiles(), brokenLinks]))).filter((f) => f.startsWith(file));

test("the project's docs pass the docs gate: generated tables, links, prose and the README's size", async () => {
    const fixture = path.relative(root, brokenLinks);
    assert.deepEqual(
        (await gateFindings('')).filter((f) => !f.startsWith(fixture)),
        []
    );
});

test('a Custom Label changed without regenerating fails, naming the doc and the table', async () => {
    const read = editing(
        'labels',
        /(<fullName>WhatsAppOtp_Error_Cooldown<\/fullName>[\s\S]*?<value>)[^<]*/,
        '$1Slow down.'
    );
    assert.deepEqual(await syncDocs({ read }), [
        'docs/flow-actions.md: the generated block "error-codes" differs from its source; run npm run docs (hand edits go in the source)'
    ]);
});

test('a generated table edited by hand, and an unknown block, fail', async () => {
    const findings = await syncDocs({ files: [path.join(fixtures, 'hand-edited.md')] });
    assert.deepEqual(
        findings.filter((f) => !f.includes('is in no doc')),
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
    test(name, () => assert.rejects(syncDocs({ read: editing(...edit) }), error));
}

test('a missing file, a missing heading and a missing heading in another file fail; good links pass', async () => {
    // In line order (the fixture's lines are 3 and 4): the other file's headings are checked once the set is read.
    const findings = (await gateFindings(path.relative(root, brokenLinks))).sort();
    assert.equal(findings.length, 3, findings.join('\n'));
    assert.match(findings[0], /broken-links\.md:3:\d+ Cannot find file `no-such-guide\.md`/);
    assert.match(findings[1], /broken-links\.md:3:\d+ Cannot find heading for `#no-such-heading`/);
    assert.match(
        findings[2],
        /broken-links\.md:4:\d+ Cannot find heading for `#no-such-section` in `(\.\.\/)*docs\/admin-guide\.md`/
    );
});

test('an issue number, "item N", a "new" marker and a path outside the repository fail; owner/repo#N passes', () => {
    // The fixture spells the stale words as placeholders, so the repository itself never holds them.
    const file = path.join(fixtures, 'stale-prose.md');
    const outside = ['', 'work', 'shared', 'notes'].join('/');
    const words = { issue: 'issue', item: 'item', outside };
    const read = () => fs.readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, word) => words[word]);
    const where = path.relative(root, file);
    assert.deepEqual(checkProse([file], read), [
        `${where}:3 an issue number (cite upstream threads as owner/repo#N)`,
        `${where}:5 "item N"`,
        `${where}:9 a "new" marker (say what it does, not when it came)`,
        `${where}:11 a path outside the repository`
    ]);
});

test('a README over 250 lines or 20 KB fails', () => {
    assert.match(checkReadmeSize('line\n'.repeat(251)).join(''), /^README\.md: 251 lines, 1255 bytes; keep it at most/);
    assert.match(checkReadmeSize(`${'x'.repeat(21000)}\n`).join(''), /^README\.md: 1 lines, 21001 bytes/);
});

const SHELL = new Set(['bash', 'sh', 'shell', 'zsh', 'console']);
const ASSIGNMENT = /^[A-Za-z_]\w*=/;
// A fenced code block, indented or not, of three or more backticks or tildes, and its info string's language
// (https://spec.commonmark.org/0.31.2/#fenced-code-blocks).
const FENCE = /^( *)(`{3,}|~{3,})(\w*)[^\n]*\n([\s\S]*?)^ *\2/gm;

/** Every simple command of the shell blocks of a Markdown file (shell-quote's parse): { file, line, text, words }. */
function shellCommands(file) {
    const commands = [];
    const markdown = fs.readFileSync(file, 'utf8');
    for (const fence of markdown.matchAll(FENCE)) {
        if (!SHELL.has(fence[3].toLowerCase())) {
            continue;
        }
        const first = markdown.slice(0, fence.index).split('\n').length + 1;
        let pending = '';
        let line;
        fence[4].split('\n').forEach((raw, i) => {
            const text = raw.trim().replace(/^\$\s+/, '');
            line = pending ? line : first + i;
            if (text.endsWith('\\')) {
                pending += `${text.slice(0, -1)} `;
                return;
            }
            let words = [];
            // An operator (&&, |, ;, a brace or parenthesis) ends a command; `$VAR` and a <placeholder> stay as written.
            const command = `${pending}${text}`.replace(/<([^<>]+)>/g, "'<$1>'");
            for (const token of [...parse(command, (name) => `$${name}`), { op: ';' }].map((t) =>
                t === '{' || t === '}' ? { op: t } : t
            )) {
                if (typeof token === 'string' || token.op === 'glob') {
                    words.push(token.pattern ?? token);
                } else if (token.op) {
                    // Leading NAME=value assignments are not the command; `npx sf` runs the project's own sf.
                    words = words.slice(words.findIndex((w) => !ASSIGNMENT.test(w)) >>> 0);
                    words = words[0] === 'npx' && words[1] === 'sf' ? words.slice(1) : words;
                    if (words.length && !ASSIGNMENT.test(words[0])) {
                        commands.push({ file: path.relative(root, file), line, text: words.join(' '), words });
                    }
                    words = [];
                }
            }
            pending = '';
        });
    }
    return commands;
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
const project = readProject();

/** The problems of the commands: a script, file, sf command or flag, or installer option that does not exist. */
function commandProblems(commands) {
    const { scripts, sfCommands, installerFlags } = project;
    return commands.flatMap(({ file, line, text, words: [tool, first, ...rest] }) => {
        const where = `${file}:${line}: ${text}`;
        if (tool === 'npm') {
            const script = first === 'run' || first === 'run-script' ? rest[0] : first;
            const options = script === 'org:setup' && rest.includes('--') ? rest.slice(rest.indexOf('--') + 1) : [];
            return [
                ...(NPM_COMMANDS.has(first) ? [] : [`${where}: npm ${first} is not a command the docs should use`]),
                ...(['run', 'run-script', 'test', 'start'].includes(first) && !scripts[script]
                    ? [`${where}: package.json has no "${script}" script`]
                    : []),
                ...flagsOf(options)
                    .filter((f) => !installerFlags.has(f))
                    .map((f) => `${where}: the installer has no ${f} option (npm run org:setup -- --help)`)
            ];
        }
        if (tool === 'node' && first && !first.startsWith('-') && !fs.existsSync(path.join(root, first))) {
            return [`${where}: ${first} does not exist`];
        }
        if (tool !== 'sf') {
            return [];
        }
        const words = [first, ...rest];
        const id = words.slice(0, words.findIndex((w) => w.startsWith('-')) >>> 0).join(':');
        const flags = sfCommands.get(id);
        if (!flags) {
            return [`${where}: the project's sf has no command "${id.replace(/:/g, ' ')}"`];
        }
        return flagsOf(words)
            .filter((f) => !flags.has(f) && !SF_GLOBAL_FLAGS.has(f))
            .map((f) => `${where}: sf ${id.replace(/:/g, ' ')} has no ${f} flag`);
    });
}

const docCommands = docFiles().flatMap(shellCommands);

test('the docs show npm run and sf commands, and every npm, node and sf command and flag exists', () => {
    const shown = ['sf', 'npm run'].filter((kind) => docCommands.some((c) => c.text.startsWith(`${kind} `)));
    assert.deepEqual(shown, ['sf', 'npm run'], 'the docs show sf and npm run commands');
    assert.deepEqual(commandProblems(docCommands), []);
});

test('a wrong npm run name, a wrong sf command, a wrong sf flag and a wrong installer option each fail', () => {
    const problems = commandProblems(shellCommands(path.join(fixtures, 'wrong-commands.md')));
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems[0], /wrong-commands\.md:6: npm run no-such-script: package.json has no "no-such-script"/);
    assert.match(problems[1], /wrong-commands\.md:7: .*the project's sf has no command "project deploy begin"/);
    assert.match(problems[2], /wrong-commands\.md:8: .*sf org assign permset has no --perm-set-name flag/);
    assert.match(problems[3], /wrong-commands\.md:9: .*the installer has no --no-such-option option/);
});
