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

test('formatted Apex and JavaScript pass', () => {
    const { status, out } = runGate(`${fixtures}/good`);
    assert.equal(status, 0, out);
    assert.match(out, /^prettier: checked 2 file\(s\)$/m);
});

test('unformatted Apex and JavaScript fail, naming each file', () => {
    const { status, out } = runGate(`${fixtures}/bad`);
    assert.equal(status, 1, out);
    assert.match(out, /prettier\/bad\/Unformatted\.cls: not formatted/);
    assert.match(out, /prettier\/bad\/unformatted\.js: not formatted/);
});
