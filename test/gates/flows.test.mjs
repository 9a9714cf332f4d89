// Tests of the check:flows gate (Lightning Flow Scanner with config/flow-scanner.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/flows';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/flows.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

test('a flow whose action has a fault path passes every rule', () => {
    const { status, out } = runGate(`${fixtures}/good`);
    assert.equal(status, 0, out);
    assert.match(out, /^flows: checked 1 file\(s\)$/m);
});

test('a flow action without a fault path fails, naming file:line and the element', () => {
    const { status, out } = runGate(`${fixtures}/bad`);
    assert.equal(status, 1, out);
    assert.match(out, /bad\/Fixture_No_Fault_Path\.flow-meta\.xml:\d+ MissingFaultPath: Send_OTP \(actionCalls\)/);
    assert.match(out, /^flows: 1 finding\(s\)$/m);
});

test('an exception with its reason suppresses the result', () => {
    const { status, out } = runGate(`${fixtures}/bad`, '--config', `${fixtures}/exception-with-reason.json`);
    assert.equal(status, 0, out);
});

test('an exception without a reason fails, naming the exception', () => {
    const { status, out } = runGate(`${fixtures}/bad`, '--config', `${fixtures}/exception-without-reason.json`);
    assert.equal(status, 1, out);
    assert.match(
        out,
        /exception-without-reason\.json: exceptions\.Fixture_No_Fault_Path\.MissingFaultPath\.Send_OTP: an exception without a reason/
    );
    assert.doesNotMatch(out, /MissingFaultPath: Send_OTP \(actionCalls\)/);
});
