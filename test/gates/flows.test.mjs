// Tests of the check:flows gate (Lightning Flow Scanner with config/flow-scanner.json). The scans run in this
// process through the gate's own checkFlows() (the scanner loaded once); the command line (the `flows:`
// lines, the exit status) runs once, on the flow without a fault path, and by the check:flows gate on the
// project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFlows } from '../../scripts/gates/flows.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/flows';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/flows.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

/** The gate's scan of a fixture folder with a configuration (default: the project's), in this process. */
async function check(dir, config = 'config/flow-scanner.json') {
    const { count, findings, error } = await checkFlows([path.join(root, fixtures, dir)], path.join(root, config));
    assert.equal(error, undefined);
    return { count, findings, text: findings.join('\n') };
}

test('a flow whose action has a fault path passes every rule', async () => {
    const { count, findings } = await check('good');
    assert.deepEqual(findings, []);
    assert.equal(count, 1);
});

test('a flow action without a fault path fails, naming file:line and the element', () => {
    const { status, out } = runGate(`${fixtures}/bad`);
    assert.equal(status, 1, out);
    assert.match(out, /^flows: checked 1 file\(s\)$/m);
    assert.match(out, /bad\/Fixture_No_Fault_Path\.flow-meta\.xml:\d+ MissingFaultPath: Send_OTP \(actionCalls\)/);
    assert.match(out, /^flows: 1 finding\(s\)$/m);
});

test('an exception with its reason suppresses the result', async () => {
    const { findings } = await check('bad', `${fixtures}/exception-with-reason.json`);
    assert.deepEqual(findings, []);
});

test('an exception without a reason fails, naming the exception', async () => {
    const { findings, text } = await check('bad', `${fixtures}/exception-without-reason.json`);
    assert.ok(findings.length > 0);
    assert.match(
        text,
        /exception-without-reason\.json: exceptions\.Fixture_No_Fault_Path\.MissingFaultPath\.Send_OTP: an exception without a reason/
    );
    assert.doesNotMatch(text, /MissingFaultPath: Send_OTP \(actionCalls\)/);
});
