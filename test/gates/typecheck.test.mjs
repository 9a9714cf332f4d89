// Tests of the typecheck gate (tsc --noEmit through the compiler API). The checks run in this process
// through the gate's own typecheck() (TypeScript loaded once, not once per case); the command line (the
// `typecheck:` lines, the exit status) is the shared finish() of every gate, run by the typecheck gate on
// the project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { typecheck } from '../../scripts/gates/typecheck.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'test', 'gates', 'fixtures', 'typecheck');

test('a well-typed project passes and its src-ts files are counted', () => {
    const { count, findings } = typecheck(path.join(fixtures, 'good'));
    assert.deepEqual(findings, []);
    assert.equal(count, 1);
});

test('a type error fails, naming file:line:column', () => {
    const { findings } = typecheck(path.join(fixtures, 'bad', 'tsconfig.json'));
    assert.equal(findings.length, 1, findings.join('\n'));
    assert.match(findings[0], /bad\/src-ts\/wrong\.ts:5:36 TS2345: Argument of type 'string' is not assignable/);
});
