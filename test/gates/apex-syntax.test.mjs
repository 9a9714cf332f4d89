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

// One run over both fixtures (loading the parser is most of the cost): the good one must have no finding.
let both;
function runBoth() {
    both ??= runGate(`${fixtures}/good`, `${fixtures}/bad-syntax`);
    assert.equal(both.status, 1, both.out);
    assert.match(both.out, /^apex-syntax: checked 4 file\(s\)$/m);
    return both.out;
}

test('well-formed classes and a trigger pass', () => {
    assert.doesNotMatch(runBoth(), /^apex-syntax: .*fixtures\/apex\/good\//m);
});

test('a missing semicolon fails, naming file:line:column', () => {
    assert.match(runBoth(), /bad-syntax\/classes\/MissingSemicolon\.cls:4:9 missing ';' at 'return'/);
});
