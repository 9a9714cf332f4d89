// Tests of the check:setting-bounds gate: a validation rule's range must be WhatsAppOtpPolicy's bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/setting-bounds';

let run;
function badRun() {
    run ??= spawnSync(
        process.execPath,
        ['scripts/gates/setting-bounds.mjs', `${fixtures}/rules`, `${fixtures}/Policy.cls`],
        { cwd: root, encoding: 'utf8' }
    );
    assert.equal(run.status, 1, run.stdout + run.stderr);
    return run.stderr;
}

test('a validation rule whose range disagrees with the Policy bound fails, in its formula and its message', () => {
    const out = badRun();
    assert.match(
        out,
        /Hourly_Send_Cap_Range\.validationRule-meta\.xml: the formula allows 1 to 50, WhatsAppOtpPolicy 1 to 20/
    );
    assert.match(out, /Hourly_Send_Cap_Range\.validationRule-meta\.xml: the error message does not say "from 1 to 20"/);
    assert.doesNotMatch(out, /Code_Length_Range/, 'the rule that agrees passes');
});

test('a Policy bound without a validation rule fails', () => {
    assert.match(badRun(), /no validation rule for the Bound maxattempts/);
});
