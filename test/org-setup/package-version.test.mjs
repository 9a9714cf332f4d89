// npm run package:version against the fake sf: the commands in dependency order, coverage and the key decision on
// every version, promotion only when asked, and package creation only with --create.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../scripts/package-version.mjs';
import * as fakeSf from './fake-sf/fake-sf.mjs';
import { commandOf, fakeEnv, project, readCalls, valuesOf } from './harness.mjs';

const NAMES = ['WhatsApp OTP Connection', 'WhatsApp OTP Core', 'WhatsApp OTP Receipts'];

function run(p, args) {
    let out = '';
    const status = main(args, {
        cwd: p.cwd,
        stdout: { write: (t) => ((out += t), true) },
        env: fakeEnv(p, {}),
        spawn: fakeSf.spawnSync
    });
    return { status, out, calls: readCalls(p) };
}

/** The project copy with a packageAliases entry for every package, as a maintainer commits it. */
function withAliases(p) {
    const file = path.join(p.cwd, 'sfdx-project.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.packageAliases = Object.fromEntries(NAMES.map((n, i) => [n, `0Ho00000000000${i}AAA`]));
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    return p;
}

test('--dry-run prints every command in dependency order, each version with coverage and no key', () => {
    const p = project();
    const { status, out, calls } = run(p, ['--target-dev-hub', 'hub', '--dry-run', '--create', '--promote']);
    assert.equal(status, 0, out);
    assert.deepEqual(calls, []);
    const lines = out.split('\n').filter((l) => l.startsWith('  sf '));
    const kinds = lines.map(
        (l) => l.match(/^ {2}sf (package create|package version create|package version promote)/)?.[1]
    );
    assert.deepEqual(kinds, [
        ...Array(3).fill('package create'),
        ...Array(3).fill('package version create'),
        ...Array(3).fill('package version promote')
    ]);
    assert.deepEqual(
        lines.slice(0, 3).map((l) => l.match(/--name "([^"]+)"/)[1]),
        NAMES,
        'connection, then core, then receipts'
    );
    for (const l of lines.slice(3, 6)) {
        assert.match(l, /--code-coverage --installation-key-bypass/);
    }
    assert.ok(!lines.some((l) => l.includes('force-app/samples')), 'the samples are no package');
});

test('with aliases it creates a version of each package in order and promotes them only with --promote', () => {
    const p = withAliases(project());
    const created = run(p, ['--target-dev-hub', 'hub']);
    assert.equal(created.status, 0, created.out);
    assert.deepEqual(created.calls.map(commandOf), Array(3).fill('package version create'));
    assert.deepEqual(
        created.calls.map((a) => valuesOf(a, '--package')[0]),
        NAMES
    );
    assert.match(created.out, /unpromoted: scratch orgs and sandboxes only/);
    fs.rmSync(p.log);
    const promoted = run(p, ['--target-dev-hub', 'hub', '--promote']);
    assert.equal(promoted.status, 0, promoted.out);
    const promotes = promoted.calls.filter((a) => commandOf(a) === 'package version promote');
    assert.deepEqual(
        promotes.map((a) => valuesOf(a, '--package')[0]),
        ['04t000000000023AAA', '04t000000000017AAA', '04t000000000021AAA'],
        'the 04t of each version this run created, connection first'
    );
    assert.ok(!promoted.calls.some((a) => commandOf(a) === 'package create'));
});

test('--create creates only the packages without an alias', () => {
    const p = project();
    const { status, out, calls } = run(p, ['--target-dev-hub', 'hub', '--create']);
    assert.equal(status, 0, out);
    assert.deepEqual(calls.slice(0, 3).map(commandOf), Array(3).fill('package create'));
    assert.deepEqual(
        calls.slice(0, 3).map((a) => valuesOf(a, '--package-type')[0]),
        Array(3).fill('Unlocked')
    );
    assert.match(out, /commit sfdx-project.json's packageAliases/);
});
