// Tests of the check:apex-syntax gate (scripts/gates/apex-syntax.mjs) on known-good and known-bad fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/apex';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/apex-syntax.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

test('well-formed classes and a trigger pass, and the count is printed', () => {
    const { status, out } = runGate(`${fixtures}/good`);
    assert.equal(status, 0, out);
    assert.match(out, /^apex-syntax: checked 3 file\(s\)$/m);
});

test('a missing semicolon fails, naming file:line:column', () => {
    const { status, out } = runGate(`${fixtures}/bad-syntax`);
    assert.equal(status, 1, out);
    assert.match(out, /bad-syntax\/classes\/MissingSemicolon\.cls:4:9 missing ';' at 'return'/);
});
