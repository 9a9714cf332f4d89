// Tests of the check:controller-contract gate: the project's apex.d.ts matches WhatsAppOtpController; the bad
// fixture (a field the Apex lacks, a type mismatch, a renamed param, missing modules) fails, naming each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const gate = (...args) =>
    spawnSync(process.execPath, ['scripts/gates/controller-contract.mjs', ...args], { cwd: root, encoding: 'utf8' });

test('the project apex.d.ts matches the controller', () => {
    const r = gate();
    assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('the bad fixture fails on each difference', () => {
    const r = gate(
        'force-app/core/classes/controllers/WhatsAppOtpController.cls',
        'test/gates/fixtures/controller-contract/apex.d.ts'
    );
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const findings = [
        'sendOtp result codeLength: test/gates/fixtures/controller-contract/apex.d.ts says string, the Apex number',
        'sendOtp result nickname: in test/gates/fixtures/controller-contract/apex.d.ts, not an @AuraEnabled field',
        'verifyOtp: test/gates/fixtures/controller-contract/apex.d.ts has no param code',
        'verifyOtp: test/gates/fixtures/controller-contract/apex.d.ts has a param otp the Apex lacks',
        'verifyOtp result status: @AuraEnabled on VerifyOtpResponse, missing from',
        'getSendStatus: @AuraEnabled, but test/gates/fixtures/controller-contract/apex.d.ts declares no module'
    ];
    for (const finding of findings) {
        assert.ok(r.stderr.includes(`controller-contract: WhatsAppOtpController.${finding}`), finding);
    }
    assert.doesNotMatch(r.stderr, /sendOtp result (challengeId|retryAt)/, 'the fields that agree pass');
});
