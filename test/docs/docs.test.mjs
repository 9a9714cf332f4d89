// The docs gate (scripts/docs.mjs --check) on known-bad fixtures, in this process (the generator, Prettier and the link
// check loaded once), and every command the README and the guides show, as pasted into a fresh clone: each `npm run X`
// names a script, each `sf …` command and flag exists in the project's own sf (`sf commands --json`), each installer
// option exists, and the `--help` and `--dry-run` lines run with the org:setup tests' fake `sf` first on PATH (a dry
// run must not call it). It starts no server and no `npm test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { remark } from 'remark';
import { parse } from 'shell-quote';
import {
    SOURCES,
    checkLinks,
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

test('an error code without a meaning fails, naming the code', async () => {
    const read = editing('meanings', /\n\s*"BUSY": "[^"]*",/, '');
    await assert.rejects(syncDocs({ read }), /docs\/error-code-meanings\.json: no meaning for BUSY/);
});

test('an error code without its own label fails, naming the code (the preview reads the same map)', async () => {
    // The bad fixture: a constant PAUSED that labelFor has no arm for, so it would show the fallback's message.
    const read = editing(
        'exception',
        /(public static final String BUSY = 'BUSY';)/,
        "$1 public static final String PAUSED = 'PAUSED';"
    );
    await assert.rejects(syncDocs({ read }), /WhatsAppOtpException\.cls: PAUSED has no label \(add `when 'PAUSED'`/);
});

test('an error code whose label is not a Custom Label fails, naming both', async () => {
    const read = editing('labels', '<fullName>WhatsAppOtp_Error_Busy</fullName>', '<fullName>Gone</fullName>');
    await assert.rejects(syncDocs({ read }), /no label WhatsAppOtp_Error_Busy \(used for BUSY\)/);
});

test('a missing file, a missing heading and a missing heading in another file fail; good links pass', async () => {
    const findings = await checkLinks([path.join(fixtures, 'broken-links.md')]);
    assert.equal(findings.length, 3, findings.join('\n'));
    assert.match(findings[0], /broken-links\.md:3:\d+ Cannot find file `no-such-guide\.md`/);
    assert.match(findings[1], /broken-links\.md:3:\d+ Cannot find heading for `#no-such-heading`/);
    assert.match(
        findings[2],
        /broken-links\.md:4:\d+ Cannot find heading for `#no-such-section` in `(\.\.\/)*docs\/admin-guide\.md`/
    );
});

test('an issue number, "item N", a "new" marker and a path outside the repository fail; owner/repo#N passes', (t) => {
    // The fixture spells the stale words as placeholders, so the repository itself never holds them.
    const file = path.join(root, '.tmp', `stale-prose-${process.pid}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = fs.readFileSync(path.join(fixtures, 'stale-prose.md'), 'utf8');
    const outside = ['', 'work', 'shared', 'notes'].join('/');
    fs.writeFileSync(
        file,
        text.replace('{{issue}}', 'issue').replace('{{item}}', 'item').replace('{{outside}}', outside)
    );
    t.after(() => fs.rmSync(file, { force: true }));
    const where = path.relative(root, file);
    assert.deepEqual(checkProse([file]), [
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

/** Every simple command of the shell blocks of a Markdown file (shell-quote's parse): { file, line, text, words }. */
function shellCommands(file) {
    const commands = [];
    const visit = (node) => {
        node.children?.forEach(visit);
        if (node.type !== 'code' || !SHELL.has(node.lang?.toLowerCase())) {
            return;
        }
        let pending = '';
        let line;
        node.value.split('\n').forEach((raw, i) => {
            const text = raw.trim().replace(/^\$\s+/, '');
            line = pending ? line : node.position.start.line + 1 + i;
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
    };
    visit(remark().parse(fs.readFileSync(file, 'utf8')));
    return commands;
}

const NPM_COMMANDS = new Set(['ci', 'install', 'test', 'start', 'run', 'run-script', 'ls', 'view', 'exec']);
const SF_GLOBAL_FLAGS = new Set(['--json', '--flags-dir', '--help']);
const flagsOf = (words) => words.filter((w) => w.startsWith('--') && w.length > 2).map((w) => w.split('=')[0]);

let project;
/** The scripts, the project's sf's commands and flags (failing, never skipping, without it), the installer's options. */
function theProject() {
    if (project) {
        return project;
    }
    const env = {
        ...process.env,
        SF_DISABLE_TELEMETRY: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        SF_HIDE_RELEASE_NOTES: 'true'
    };
    const bin = path.join(root, 'node_modules', '.bin', 'sf');
    const sf = spawnSync(bin, ['commands', '--json'], { cwd: root, encoding: 'utf8', env, maxBuffer: 1 << 26 });
    assert.equal(sf.status, 0, `sf commands --json failed (npm ci installs @salesforce/cli): ${sf.error ?? sf.stderr}`);
    const sfCommands = new Map();
    for (const command of JSON.parse(sf.stdout)) {
        const flags = Object.entries({ ...command.baseFlags, ...command.flags }).flatMap(([name, flag]) => [
            name,
            ...(flag.aliases ?? [])
        ]);
        for (const id of [command.id, ...(command.aliases ?? [])]) {
            sfCommands.set(id, new Set(flags.map((f) => `--${f}`)));
        }
    }
    const installer = spawnSync(process.execPath, ['scripts/org-setup.mjs', '--help'], { cwd: root, encoding: 'utf8' });
    assert.equal(installer.status, 0, installer.stderr);
    const scripts = JSON.parse(readProjectFile('package.json')).scripts;
    project = { scripts, sfCommands, installerFlags: new Set(installer.stdout.match(/--[a-z][a-z-]*/g)) };
    return project;
}

/** The problems of the commands: a script, file, sf command or flag, or installer option that does not exist. */
function commandProblems(commands) {
    const { scripts, sfCommands, installerFlags } = theProject();
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

const docCommands = () => docFiles().flatMap(shellCommands);

test('the docs show npm run and sf commands, and every npm, node and sf command and flag exists', () => {
    const commands = docCommands();
    const shown = ['sf', 'npm run'].filter((kind) => commands.some((c) => c.words.join(' ').startsWith(`${kind} `)));
    assert.deepEqual(shown, ['sf', 'npm run'], 'the docs show sf and npm run commands');
    assert.deepEqual(commandProblems(commands), []);
});

test('a wrong npm run name, a wrong sf command, a wrong sf flag and a wrong installer option each fail', () => {
    const problems = commandProblems(shellCommands(path.join(fixtures, 'wrong-commands.md')));
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems[0], /wrong-commands\.md:6: npm run no-such-script: package.json has no "no-such-script"/);
    assert.match(problems[1], /wrong-commands\.md:7: .*the project's sf has no command "project deploy begin"/);
    assert.match(problems[2], /wrong-commands\.md:8: .*sf org assign permset has no --perm-set-name flag/);
    assert.match(problems[3], /wrong-commands\.md:9: .*the installer has no --no-such-option option/);
});

test('the --help and --dry-run lines of the docs run and call no sf', (t) => {
    const lines = docCommands().filter(
        (c) => c.words[0] === 'npm' && (c.words.includes('--help') || c.words.includes('--dry-run'))
    );
    assert.ok(lines.length >= 2, 'the docs show a --help and a --dry-run line');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-commands-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const log = path.join(dir, 'sf.log');
    fs.writeFileSync(log, '');
    fs.writeFileSync(path.join(dir, 'scenario.json'), '{}');
    const fakeSf = path.join(root, 'test', 'org-setup', 'fake-sf');
    const PATH = `${fakeSf}${path.delimiter}${process.env.PATH}`;
    const env = { ...process.env, PATH, FAKE_SF_LOG: log, FAKE_SF_SCENARIO: path.join(dir, 'scenario.json') };
    for (const { file, line, text, words } of lines) {
        const r = spawnSync(words[0], words.slice(1), { cwd: root, encoding: 'utf8', env, input: '' });
        assert.equal(r.status, 0, `${file}:${line}: ${text}\n${r.stdout}${r.stderr}`);
    }
    assert.equal(fs.readFileSync(log, 'utf8'), '', 'a --help or --dry-run line called sf');
});
