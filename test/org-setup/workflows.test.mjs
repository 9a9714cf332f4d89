// The workflows' own command lines, as written, against the fake sf: every `npm run org:setup` line reaches the
// core deploy with standard input closed (CI has no terminal and no secrets on stdin), the coverage line runs
// the tests it names, and every `package:version` line changes nothing while sfdx-project.json has no
// packageAliases. A workflow that changes a flag is tested by the change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'yaml';
import { main as orgSetup } from '../../scripts/org-setup.mjs';
import { main as packageVersion } from '../../scripts/package-version.mjs';
import * as fakeSf from './fake-sf/fake-sf.mjs';
import { commandOf, fakeEnv, project, readCalls, root, valuesOf } from './harness.mjs';

const SCRATCH_ORG = {
    IsSandbox: true,
    TrialExpirationDate: '2026-12-31T00:00:00.000+0000',
    OrganizationType: 'Developer Edition'
};

/** Every line of every workflow step's `run` that starts with `prefix`, split into its words (no quoting used). */
function lines(prefix) {
    const dir = path.join(root, '.github', 'workflows');
    return fs
        .readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .flatMap((f) =>
            Object.values(parse(fs.readFileSync(path.join(dir, f), 'utf8')).jobs ?? {}).flatMap((job) =>
                (job.steps ?? []).flatMap((step) =>
                    String(step.run ?? '')
                        .split('\n')
                        .map((l) => l.trim())
                        .filter((l) => l.startsWith(prefix))
                        .map((l) => ({ file: f, words: l.split(/\s+/) }))
                )
            )
        );
}

/** The arguments after `--` of an `npm run <script> -- ...` line. */
const afterDashes = (words) => words.slice(words.indexOf('--') + 1);

test('every org:setup line of the workflows reaches the core deploy with stdin closed', async () => {
    const found = lines('npm run org:setup');
    assert.ok(found.length > 0, 'a workflow runs org:setup');
    for (const { file, words } of found) {
        const p = project();
        let out = '';
        const sink = { write: (t) => ((out += t), true) };
        const status = await orgSetup(afterDashes(words), {
            cwd: p.cwd,
            stdin: Readable.from([]),
            stdout: sink,
            stderr: sink,
            env: fakeEnv(p, { organization: SCRATCH_ORG }),
            spawn: fakeSf.spawnSync
        });
        assert.equal(status, 0, `${file}: ${words.join(' ')}\n${out}`);
        const calls = readCalls(p);
        assert.ok(
            calls.some(
                (argv) =>
                    commandOf(argv) === 'project deploy start' &&
                    valuesOf(argv, '--source-dir').includes('force-app/core')
            ),
            `${file}: the core deploy was reached`
        );
    }
});

test("the coverage line of the workflows runs the named directories' tests and passes on full coverage", () => {
    const found = lines('npm run org:tests');
    assert.ok(found.length > 0, 'a workflow checks coverage');
    for (const { file, words } of found) {
        const p = project();
        const r = spawnSync(
            process.execPath,
            [path.join(root, 'scripts', 'org-setup', 'apex-tests.mjs'), ...afterDashes(words)],
            {
                cwd: p.cwd,
                env: fakeEnv(p, {}),
                encoding: 'utf8'
            }
        );
        assert.equal(r.status, 0, `${file}: ${r.stdout}${r.stderr}`);
        const [run] = readCalls(p);
        assert.equal(commandOf(run), 'apex run test');
        assert.ok(valuesOf(run, '--class-names').includes('CPaasMessagingGatewayTest'));
        assert.ok(run.includes('--code-coverage'));
        assert.match(r.stdout, /apex-tests: ran \d+ test class\(es\) of force-app\/core/);
    }
});

test('no workflow creates a package, and each package:version line skips while there are no aliases', () => {
    const found = lines('npm run package:version');
    assert.ok(found.length > 0, 'a workflow packages');
    for (const { file, words } of found) {
        assert.ok(!words.includes('--create'), `${file}: ${words.join(' ')}`);
        const p = project();
        let out = '';
        const status = packageVersion(afterDashes(words), {
            cwd: p.cwd,
            stdout: { write: (t) => ((out += t), true) },
            env: fakeEnv(p, {}),
            spawn: fakeSf.spawnSync
        });
        assert.equal(status, 0, out);
        assert.match(out, /skipped, nothing changed: sfdx-project.json has no packageAliases/);
        assert.deepEqual(readCalls(p), []);
    }
    const [check] = lines('node scripts/package-version.mjs --check-aliases');
    assert.ok(check, 'the workflow checks the aliases before its packaging job');
    const p = project();
    const output = path.join(p.dir, 'github-output');
    packageVersion(['--check-aliases'], {
        cwd: p.cwd,
        stdout: { write: () => true },
        env: { GITHUB_OUTPUT: output }
    });
    assert.equal(fs.readFileSync(output, 'utf8'), 'ready=false\n');
});
