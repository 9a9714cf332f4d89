// Tests of check:gateway-callers (scripts/gates/gateway-callers.mjs: only the delivery job obtains the 8x8 gateway,
// only the gateway calls out) on known-good and known-bad fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/gateway-callers';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/gateway-callers.mjs', ...args], {
        cwd: root,
        encoding: 'utf8'
    });
    return { status: r.status, out: r.stdout + r.stderr };
}

test('the delivery job, a class that only queues it, and a test class pass', () => {
    const { status, out } = runGate(`${fixtures}/good`);
    assert.equal(status, 0, out);
    assert.match(out, /^gateway-callers: checked 3 file\(s\)$/m);
});

test('a class that obtains the gateway or calls out itself fails, naming file:line and the reference', () => {
    const { status, out } = runGate(`${fixtures}/bad`);
    assert.equal(status, 1, out);
    const bad = 'bad/classes/SendsItself.cls';
    assert.match(
        out,
        new RegExp(`${bad}:4 SendsItself obtains the 8x8 gateway.*\\(CPaasMessagingGateway\\.forSettings\\(\\)`)
    );
    assert.match(out, new RegExp(`${bad}:5 SendsItself obtains the 8x8 gateway.*\\(newCPaasMessagingGateway\\(\\)`));
    assert.match(out, new RegExp(`${bad}:6 SendsItself calls out directly.*\\(HttpRequest\\)`));
    assert.match(out, new RegExp(`${bad}:7 SendsItself names a callout endpoint`));
    assert.match(
        out,
        new RegExp(`${bad}:8 SendsItself calls out directly.*\\(ExternalService\\.CPaasMessagingApps\\)`)
    );
    assert.match(out, /^gateway-callers: 7 finding\(s\)$/m);
});

test('the shipped sources pass: only WhatsAppOtpDeliveryJob calls the gateway', () => {
    const { status, out } = runGate();
    assert.equal(status, 0, out);
});
