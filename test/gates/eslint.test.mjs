// Tests of the lint script (the ESLint 9 CLI with eslint.config.js) on the project's own rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = path.join(
    path.dirname(createRequire(import.meta.url).resolve('eslint/package.json')),
    'bin',
    'eslint.js'
);
const fixtures = 'test/gates/fixtures/eslint';

// One ESLint run (its start-up is the cost) over both fixtures, which the config ignores (--no-ignore): the
// clean one must have no finding.
test('an LWC rule (compiled JS) and a typescript-eslint rule (src-ts) fail, naming file:line; clean code passes', () => {
    const r = spawnSync(
        process.execPath,
        [eslint, '--no-ignore', '--format', 'json', `${fixtures}/good`, `${fixtures}/bad`],
        {
            cwd: root,
            encoding: 'utf8'
        }
    );
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const findings = JSON.parse(r.stdout).flatMap((file) =>
        file.messages.map((m) => `${path.relative(root, file.filePath)}:${m.line}:${m.column} ${m.ruleId}`)
    );
    assert.deepEqual(findings.sort(), [
        `${fixtures}/bad/lwc/timer/timer.js:5:9 @lwc/lwc/no-async-operation`,
        `${fixtures}/bad/src-ts/loose.ts:1:38 @typescript-eslint/no-explicit-any`
    ]);
});
