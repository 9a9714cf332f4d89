// npm run package:version against the fake sf, in a folder holding only sfdx-project.json: the commands in
// dependency order, coverage and no installation key on every version, promotion only when asked, package creation
// only with --create.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../scripts/package-version.mjs';
import { commandOf, fakeSf, valuesOf } from './fake-sf/fake-sf.mjs';

const NAMES = ['WhatsApp OTP Connection', 'WhatsApp OTP Core', 'WhatsApp OTP Receipts'];

/** Runs package:version in a copy of sfdx-project.json with `aliases` (0Ho ids of the first n packages). */
function run(args, aliases = 0) {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'package-version-'));
    const project = JSON.parse(fs.readFileSync('sfdx-project.json', 'utf8'));
    project.packageAliases = Object.fromEntries(NAMES.slice(0, aliases).map((n, i) => [n, `0Ho00000000000${i}AAA`]));
    fs.writeFileSync(path.join(cwd, 'sfdx-project.json'), JSON.stringify(project));
    const sf = fakeSf();
    let out = '';
    const status = main(args, { cwd, stdout: { write: (t) => ((out += t), true) }, spawn: sf.spawn });
    fs.rmSync(cwd, { recursive: true });
    return { status, out, calls: sf.calls };
}

test('--dry-run prints every command in dependency order, each version with coverage and no key, and runs none', () => {
    const { status, out, calls } = run(['--target-dev-hub', 'hub', '--dry-run', '--create', '--promote']);
    assert.equal(status, 0, out);
    assert.deepEqual(calls, []);
    const lines = out.split('\n').filter((l) => l.startsWith('  sf '));
    assert.deepEqual(
        lines.map((l) => l.match(/sf (package (version )?\w+)/)[1]),
        ['create', 'version create', 'version promote'].flatMap((c) => Array(3).fill(`package ${c}`))
    );
    assert.deepEqual(
        lines.slice(0, 3).map((l) => l.match(/--name "([^"]+)"/)[1]),
        NAMES
    );
    lines.slice(3, 6).forEach((l) => assert.match(l, /--code-coverage --installation-key-bypass/));
});

test('with aliases it creates a version of each package in order and promotes them only with --promote', () => {
    const plain = run(['--target-dev-hub', 'hub'], 3);
    assert.equal(plain.status, 0, plain.out);
    assert.deepEqual(
        plain.calls.map((c) => valuesOf(c, '--package')[0]),
        NAMES
    );
    const promoted = run(['--target-dev-hub', 'hub', '--promote'], 3);
    assert.deepEqual(promoted.calls.map(commandOf), [
        ...Array(3).fill('package version create'),
        ...Array(3).fill('package version promote')
    ]);
});

test('--create creates only the packages without an alias; without --create a missing alias skips everything', () => {
    const created = run(['--target-dev-hub', 'hub', '--create'], 1);
    assert.deepEqual(
        created.calls.filter((c) => commandOf(c) === 'package create').map((c) => valuesOf(c, '--name')[0]),
        NAMES.slice(1)
    );
    const skipped = run(['--target-dev-hub', 'hub'], 1);
    assert.deepEqual(skipped.calls, []);
    assert.match(skipped.out, /skipped, nothing changed/);
});
