// Tests of the lint gate (ESLint 9 with eslint.config.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/eslint';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/eslint.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

// One ESLint run (its start-up is the cost) over both fixtures: the clean one must have no finding.
test('an LWC rule (compiled JS) and a typescript-eslint rule (src-ts) fail, naming file:line; clean code passes', () => {
    const { status, out } = runGate(`${fixtures}/good`, `${fixtures}/bad`);
    assert.equal(status, 1, out);
    assert.match(out, /^eslint: checked 3 file\(s\)$/m);
    assert.match(
        out,
        /bad\/lwc\/timer\/timer\.js:5:9 error Restricted async operation "setTimeout" \(@lwc\/lwc\/no-async-operation\)/
    );
    assert.match(out, /bad\/src-ts\/loose\.ts:1:\d+ error Unexpected any.*\(@typescript-eslint\/no-explicit-any\)/);
    assert.doesNotMatch(out, /fixtures\/eslint\/good\//);
    assert.match(out, /^eslint: 2 finding\(s\)$/m);
});
