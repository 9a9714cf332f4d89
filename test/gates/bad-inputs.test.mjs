// Tests of check:bad-inputs (scripts/gates/bad-inputs.mjs: every row of the bad-input table names @IsTest methods
// that exist, or says org-only / untested) on known-good and known-bad fixtures, and on the shipped table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/bad-inputs';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/bad-inputs.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

test('a table naming existing test methods, org-only checks and untested rows passes, with its counts', () => {
    const { status, out } = runGate(`${fixtures}/good/security.md`, `${fixtures}/classes`);
    assert.equal(status, 0, out);
    assert.match(out, /^bad-inputs: 3 row\(s\): 1 tested, 1 org-only, 1 untested$/m);
});

test('a missing method, a helper that is not a test, an empty cell and a duplicate id each fail', () => {
    const { status, out } = runGate(`${fixtures}/bad/security.md`, `${fixtures}/classes`);
    assert.equal(status, 1, out);
    assert.match(out, /security\.md:7 row A1 names FixtureTest\.missingTest, which is not an @IsTest method/);
    assert.match(out, /security\.md:8 row A2 names FixtureTest\.helperOnly, which is not an @IsTest method/);
    assert.match(out, /security\.md:9 row A3: the test cell must be/);
    assert.match(out, /security\.md:10 row A1 appears twice/);
    assert.match(out, /security\.md:10 row A1 names MissingClassTest\.anything/);
    assert.match(out, /^bad-inputs: 5 finding\(s\)$/m);
});

test('the shipped table holds at least the review\u2019s 155 rows and every test it names exists', () => {
    const { status, out } = runGate();
    assert.equal(status, 0, out);
    const rows = Number(/^bad-inputs: (\d+) row\(s\):/m.exec(out)?.[1]);
    assert.ok(rows >= 155, out);
});
