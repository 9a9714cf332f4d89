// Tests of the check:workflows gate: the project's workflows pass; each known-bad workflow fails, naming the rule.
// The checks of a file run in this process through the gate's own checkWorkflows() (the WebAssembly
// validator loaded once); the command line (file discovery, the `workflows:` lines, the exit status) runs
// on the project and on a missing path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkflows } from '../../scripts/gates/workflows.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/workflows';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/workflows.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

test('the project workflows validate', () => {
    const { status, out } = runGate();
    assert.equal(status, 0, out);
    assert.match(out, /^workflows: checked 3 file\(s\)$/m);
});

/** The findings of one fixture file, as one text. */
const check = (file) => checkWorkflows([path.join(root, fixtures, file)]).join('\n');

test('a secret-gated workflow routed through env and a job output passes', () => {
    const files = fs.readdirSync(path.join(root, fixtures, 'good')).filter((f) => /\.ya?ml$/.test(f));
    assert.ok(files.length > 0, 'the good fixture has a workflow');
    for (const file of files) {
        assert.equal(check(`good/${file}`), '', file);
    }
});

test('a workflow outside the schema fails, naming the file and the path', () => {
    const out = check('bad/not-a-workflow.yml');
    assert.match(out, /bad\/not-a-workflow\.yml: \/on OneOf conditions are not met/);
    assert.match(out, /bad\/not-a-workflow\.yml: \/jobs\/build OneOf conditions are not met/);
});

test('secrets in if: and env in a job condition fail', () => {
    const out = check('bad/secret-in-if.yml');
    assert.match(out, /jobs\.scratch-org\.if reads secrets, which GitHub does not allow in if:/);
    assert.match(out, /jobs\.second\.if reads env, which a job's if: cannot see/);
});

test('a path that does not exist fails instead of checking nothing', () => {
    const { status, out } = runGate(`${fixtures}/none`);
    assert.equal(status, 1, out);
    assert.match(out, /no such file or directory/);
});

test('a step that installs a CLI globally fails', () => {
    const out = check('bad/global-install.yml');
    assert.match(out, /jobs\.build\.steps\[0\] installs a package globally; use the project's own/);
    assert.match(out, /jobs\.build\.steps\[1\] installs a package globally/);
    assert.doesNotMatch(out, /steps\[2\]/, 'a local devDependency install is fine');
});
