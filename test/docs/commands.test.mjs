// Every command the README and the guides show works when pasted into a fresh clone: each `npm run X` names a
// script of package.json, each `sf …` command and flag exists in the project's own sf (`sf commands --json`), each
// installer option exists, and the `--help` and `--dry-run` lines run, with the org:setup tests' fake `sf` first on
// PATH (a dry run must not call it). It starts no server and no `npm test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandProblems, sfCommandMap, shellCommands } from './doc-commands.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'test', 'gates', 'fixtures', 'docs');
const fakeSf = path.join(root, 'test', 'org-setup', 'fake-sf');

const DOCS = [
    'README.md',
    'CONTRIBUTING.md',
    'SECURITY.md',
    ...fs
        .readdirSync(path.join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`)
];

/** The commands of some Markdown files, each tagged with its file. */
const commandsOf = (files, base = root) =>
    files.flatMap((file) => shellCommands(fs.readFileSync(path.join(base, file), 'utf8')).map((c) => ({ ...c, file })));

/** The project's sf: its commands and flags. Fails (never skips) when the devDependency is missing. */
function projectSf() {
    const bin = path.join(root, 'node_modules', '.bin', 'sf');
    assert.ok(fs.existsSync(bin), `${bin} is missing: npm ci installs @salesforce/cli (a devDependency)`);
    const env = {
        ...process.env,
        SF_DISABLE_TELEMETRY: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        SF_HIDE_RELEASE_NOTES: 'true',
        SF_JSON_TO_STDOUT: 'true'
    };
    const r = spawnSync(bin, ['commands', '--json'], { cwd: root, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, `sf commands --json failed: ${r.stderr}`);
    return sfCommandMap(JSON.parse(r.stdout));
}

function installerFlags() {
    const r = spawnSync(process.execPath, ['scripts/org-setup.mjs', '--help'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return new Set(r.stdout.match(/--[a-z][a-z-]*/g));
}

let project;
function theProject() {
    project ??= {
        root,
        scripts: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts,
        sfCommands: projectSf(),
        installerFlags: installerFlags()
    };
    return project;
}

test('the docs show shell commands, and every npm, node and sf command and flag exists', () => {
    const commands = commandsOf(DOCS);
    assert.ok(
        commands.some((c) => c.words[0] === 'sf'),
        'the docs show sf commands'
    );
    assert.ok(
        commands.some((c) => c.words[1] === 'run'),
        'the docs show npm run commands'
    );
    assert.deepEqual(commandProblems(commands, theProject()), []);
});

test('a wrong npm run name, a wrong sf command, a wrong sf flag and a wrong installer option each fail', () => {
    const problems = commandProblems(commandsOf(['wrong-commands.md'], fixtures), theProject());
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems[0], /wrong-commands\.md:\d+: npm run no-such-script: package.json has no "no-such-script"/);
    assert.match(problems[1], /the project's sf has no command "project deploy begin"/);
    assert.match(problems[2], /sf org assign permset has no --perm-set-name flag/);
    assert.match(problems[3], /the installer has no --no-such-option option/);
});

test('the --help and --dry-run lines of the docs run and call no sf', () => {
    const lines = commandsOf(DOCS).filter(
        (c) => c.words[0] === 'npm' && (c.words.includes('--help') || c.words.includes('--dry-run'))
    );
    assert.ok(lines.length >= 2, 'the docs show a --help and a --dry-run line');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-commands-'));
    const log = path.join(dir, 'sf.log');
    fs.writeFileSync(log, '');
    fs.writeFileSync(path.join(dir, 'scenario.json'), '{}');
    const env = {
        ...process.env,
        PATH: `${fakeSf}${path.delimiter}${process.env.PATH}`,
        FAKE_SF_LOG: log,
        FAKE_SF_SCENARIO: path.join(dir, 'scenario.json')
    };
    try {
        for (const { file, line, text, words } of lines) {
            const r = spawnSync(words[0], words.slice(1), { cwd: root, encoding: 'utf8', env, input: '' });
            assert.equal(r.status, 0, `${file}:${line}: ${text}\n${r.stdout}${r.stderr}`);
        }
        assert.equal(fs.readFileSync(log, 'utf8'), '', 'a --help or --dry-run line called sf');
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});
