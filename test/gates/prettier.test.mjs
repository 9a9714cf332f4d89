// Tests of the format:check gate (Prettier with prettier-plugin-apex and @prettier/plugin-xml).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/prettier';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/prettier.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

// One run over both fixtures (loading Prettier and its plugins is most of the cost): the good one must have
// no finding.
let both;
function runBoth() {
    both ??= runGate(`${fixtures}/good`, `${fixtures}/bad`);
    assert.equal(both.status, 1, both.out);
    assert.match(both.out, /^prettier: checked 4 file\(s\)$/m);
    return both.out;
}

test('formatted Apex and JavaScript pass', () => {
    assert.doesNotMatch(runBoth(), /^prettier: .*fixtures\/prettier\/good\//m);
});

test('unformatted Apex and JavaScript fail, naming each file', () => {
    const out = runBoth();
    assert.match(out, /prettier\/bad\/Unformatted\.cls: not formatted/);
    assert.match(out, /prettier\/bad\/unformatted\.js: not formatted/);
    assert.match(out, /^prettier: 2 finding\(s\)$/m);
});
