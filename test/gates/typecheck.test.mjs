// Tests of the typecheck gate (tsc --noEmit through the compiler API).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/typecheck';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/typecheck.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

test('a well-typed project passes and its src-ts files are counted', () => {
    const { status, out } = runGate(`${fixtures}/good`);
    assert.equal(status, 0, out);
    assert.match(out, /^typecheck: checked 1 file\(s\)$/m);
});

test('a type error fails, naming file:line:column', () => {
    const { status, out } = runGate(`${fixtures}/bad/tsconfig.json`);
    assert.equal(status, 1, out);
    assert.match(out, /bad\/src-ts\/wrong\.ts:5:36 TS2345: Argument of type 'string' is not assignable/);
});
