// Tests of the two Apex test gates on known-good and known-bad fixtures: check:apex-test-flows
// (scripts/gates/apex-test-flows.mjs: no core test starts a flow) and check:apex-test-runas
// (scripts/gates/apex-test-runas.mjs: entry points are called only inside System.runAs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/apex-tests';

function runGate(script, ...args) {
    const r = spawnSync(process.execPath, [`scripts/gates/${script}.mjs`, ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

// One run per gate over its good and bad fixtures (loading the parser is most of the cost).
let flows;
function runFlows() {
    flows ??= runGate('apex-test-flows', `${fixtures}/flows-good`, `${fixtures}/flows-bad`);
    assert.equal(flows.status, 1, flows.out);
    assert.match(flows.out, /^apex-test-flows: checked 3 file\(s\)$/m);
    return flows.out;
}

let runAs;
function runRunAs() {
    runAs ??= runGate('apex-test-runas', `${fixtures}/runas-good`, `${fixtures}/runas-bad`);
    assert.equal(runAs.status, 1, runAs.out);
    assert.match(runAs.out, /^apex-test-runas: checked 6 file\(s\)$/m);
    return runAs.out;
}

test('a test that calls the action, and production code that starts a flow, pass the flow gate', () => {
    assert.doesNotMatch(runFlows(), /flows-good\//);
});

test('a test class that creates or constructs a flow interview fails, naming file:line and the reference', () => {
    const out = runFlows();
    assert.match(out, /flows-bad\/classes\/StartsFlowsTest\.cls:5 .*\(Flow\.Interview\.createInterview\)/);
    assert.match(out, /flows-bad\/classes\/StartsFlowsTest\.cls:7 .*\(Flow\.Interview\.Send_WhatsApp_OTP\)/);
    assert.match(out, /^apex-test-flows: 2 finding\(s\)$/m);
});

test('entry points inside runAs, in a helper with its own runAs, or in a helper called inside runAs pass', () => {
    assert.doesNotMatch(runRunAs(), /runas-good\//);
});

test('each kind of entry point called outside runAs fails, naming file:line, the call and the test', () => {
    const out = runRunAs();
    const bad = 'runas-bad/classes/CallsOutsideRunAsTest.cls';
    assert.match(
        out,
        new RegExp(
            `${bad}:18 FixtureController\\.sendOtp\\(\\) called outside System\\.runAs in CallsOutsideRunAsTest\\.entryPointsOutsideRunAs`
        )
    );
    assert.match(
        out,
        new RegExp(`${bad}:20 WhatsAppOtpService\\.reserve\\(\\) called outside`),
        'a variable of the service'
    );
    assert.match(out, new RegExp(`${bad}:21 FixtureController\\.sendOtp\\(\\) called outside`), "in runAs's argument");
    assert.match(out, new RegExp(`${bad}:32 FixtureReceipts\\.receive\\(\\) called outside .*oldStyleTestMethod`));
    assert.match(out, new RegExp(`${bad}:13 FixtureAction\\.send\\(\\) called outside .*makeData`), '@TestSetup');
    assert.doesNotMatch(out, new RegExp(`${bad}:23 `), 'a call inside runAs');
});

test('a helper two calls away from an entry point outside runAs fails where the test calls it', () => {
    assert.match(
        runRunAs(),
        /CallsOutsideRunAsTest\.cls:28 reserveTwice\(\) called outside System\.runAs in CallsOutsideRunAsTest\.helpersThatReachAnEntryPoint reaches WhatsAppOtpService\.reserve\(\) outside System\.runAs \(.*CallsOutsideRunAsTest\.cls:4\)/
    );
    assert.match(runRunAs(), /^apex-test-runas: 6 finding\(s\)$/m);
});

test('without the service class the runAs gate fails instead of checking less', () => {
    const { status, out } = runGate('apex-test-runas', `${fixtures}/runas-bad`);
    assert.equal(status, 1, out);
    assert.match(out, /no class WhatsAppOtpService under test\/gates\/fixtures\/apex-tests\/runas-bad/);
});
