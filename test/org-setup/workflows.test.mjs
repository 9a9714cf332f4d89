// The workflows' own command lines, as written, against the fake sf: every `npm run org:setup` line reaches the
// core deploy with standard input closed (CI has no terminal and no secrets on stdin), the coverage line runs the
// tests it names, and every `package:version` line changes nothing while sfdx-project.json has no packageAliases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'yaml';
import { main as orgSetup } from '../../scripts/org-setup.mjs';
import { main as packageVersion } from '../../scripts/package-version.mjs';
import { commandOf, fakeSf, valuesOf } from './fake-sf/fake-sf.mjs';

const SCRATCH_ORG = {
    IsSandbox: true,
    TrialExpirationDate: '2026-12-31T00:00:00.000+0000',
    OrganizationType: 'Developer Edition'
};

/** The arguments after `--` of every workflow `run` line that starts with `prefix` (the lines use no quoting). */
function lines(prefix) {
    const dir = '.github/workflows';
    const jobs = fs
        .readdirSync(dir)
        .flatMap((f) => Object.values(parse(fs.readFileSync(path.join(dir, f), 'utf8')).jobs));
    const runs = jobs.flatMap((job) => (job.steps ?? []).flatMap((step) => String(step.run ?? '').split('\n')));
    const found = runs.map((l) => l.trim()).filter((l) => l.startsWith(prefix));
    assert.ok(found.length > 0, `a workflow runs ${prefix}`);
    return found.map((l) => l.split(/\s+/).slice(l.split(/\s+/).indexOf('--') + 1));
}
const sink = () => ({
    text: '',
    write(t) {
        this.text += t;
        return true;
    }
});

test('every org:setup line of the workflows reaches the core deploy with stdin closed', async () => {
    for (const args of lines('npm run org:setup')) {
        const sf = fakeSf({ organization: SCRATCH_ORG });
        const out = sink();
        const status = await orgSetup(args, { stdin: Readable.from([]), stdout: out, stderr: out, spawn: sf.spawn });
        assert.equal(status, 0, `${args.join(' ')}\n${out.text}`);
        const deploys = sf.calls.filter((c) => commandOf(c) === 'project deploy start');
        assert.ok(deploys.some((c) => valuesOf(c, '--source-dir').includes('force-app/core')));
    }
});

test("the coverage line of the workflows runs the named directories' tests through the sf on PATH and passes", () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'org-tests-')), 'sf.log');
    for (const args of lines('npm run org:tests')) {
        const PATH = `${path.resolve('test/org-setup/fake-sf')}${path.delimiter}${process.env.PATH}`;
        const r = spawnSync(process.execPath, ['scripts/org-setup/apex-tests.mjs', ...args], {
            encoding: 'utf8',
            env: { ...process.env, PATH, FAKE_SF_LOG: log }
        });
        assert.equal(r.status, 0, r.stdout + r.stderr);
        const run = JSON.parse(fs.readFileSync(log, 'utf8').split('\n')[0]);
        assert.equal(commandOf(run), 'apex run test');
        assert.ok(valuesOf(run, '--class-names').includes('CPaasMessagingGatewayTest'));
        assert.ok(run.includes('--code-coverage'));
    }
    fs.rmSync(path.dirname(log), { recursive: true });
});

test('no workflow creates a package, each package:version line skips while there are no aliases, and the check says so', () => {
    for (const args of lines('npm run package:version')) {
        assert.ok(!args.includes('--create'), args.join(' '));
        const sf = fakeSf();
        const out = sink();
        assert.equal(packageVersion(args, { stdout: out, spawn: sf.spawn }), 0, out.text);
        assert.match(out.text, /skipped, nothing changed/);
        assert.deepEqual(sf.calls, []);
    }
    assert.ok(lines('node scripts/package-version.mjs --check-aliases'));
    const GITHUB_OUTPUT = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-')), 'output');
    packageVersion(['--check-aliases'], { stdout: sink(), env: { GITHUB_OUTPUT } });
    assert.equal(fs.readFileSync(GITHUB_OUTPUT, 'utf8'), 'ready=false\n');
    fs.rmSync(path.dirname(GITHUB_OUTPUT), { recursive: true });
});
