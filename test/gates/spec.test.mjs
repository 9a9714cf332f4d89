// Tests of the check:spec gate: the real project passes, and each known-bad input under
// test/gates/fixtures/spec makes it fail with a message naming that file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { withSchema } from '../../scripts/sync-external-service.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/spec';

function runGate(...args) {
    const result = spawnSync(process.execPath, ['scripts/gates/spec.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('the project spec, registration and both fixtures pass', () => {
    const { status, stdout, stderr } = runGate();
    assert.equal(status, 0, stderr);
    assert.match(stdout, /^spec: checked 4 file\(s\)$/m);
});

test('a fallback fixture with a misspelt channel property and a wrong successStatus fails, naming both', () => {
    const file = `${fixtures}/fallback-bad-channel/fixture.json`;
    const { status, stderr } = runGate(`--fallbackFixture=${file}`);
    assert.equal(status, 1);
    assert.ok(stderr.includes(`${file}: the fixture does not match`), stderr);
    assert.ok(stderr.includes('must NOT have additional properties "fallbackAfterSeconds"'), stderr);
    assert.ok(stderr.includes('/channels/0/successStatus must be equal to one of the allowed values'), stderr);
});

test('a registration whose schema differs from the spec fails, naming the registration', () => {
    const file = `${fixtures}/registration-differs/CPaasMessagingApps.externalServiceRegistration-meta.xml`;
    const { status, stderr } = runGate(`--registration=${file}`);
    assert.equal(status, 1);
    assert.ok(stderr.includes(`${file}: <schema> differs from spec/cpaas-messaging-apps.openapi.json`), stderr);
    assert.ok(stderr.includes('.responses.429.description'), stderr);
});

test('a registration whose operation names are not stored as an org stores them fails, naming both', () => {
    const file = `${fixtures}/operation-names-not-stored/CPaasMessagingApps.externalServiceRegistration-meta.xml`;
    const { status, stderr } = runGate(`--registration=${file}`);
    assert.equal(status, 1);
    assert.ok(
        stderr.includes(
            `${file}: <operations> names [Send-Message, sendx2dmessagex2dmany] are not the spec's operationIds as an org stores them [sendx2dmessage, sendx2dmessagex2dmany]`
        ),
        stderr
    );
});

test('an invalid OpenAPI document fails, naming the spec', () => {
    const file = `${fixtures}/invalid-spec/openapi.json`;
    const { status, stderr } = runGate(`--spec=${file}`);
    assert.equal(status, 1);
    assert.ok(stderr.includes(`${file}: not a valid OpenAPI document`), stderr);
    assert.match(stderr, /missingProperty.*version/);
});

test('a fixture with an enum value outside the spec fails, naming the fixture', () => {
    const file = `${fixtures}/wrong-enum/fixture.json`;
    const { status, stderr } = runGate(`--fixture=${file}`);
    assert.equal(status, 1);
    assert.ok(stderr.includes(`${file}: the fixture does not match`), stderr);
    assert.match(stderr, /\/type must be equal to one of the allowed values \(allowed: .*Template\)/);
    assert.ok(stderr.includes(`${file}: a batch body built from the fixture does not match`), stderr);
});

test('a fixture with a misspelt property fails, naming the fixture and the property', () => {
    const file = `${fixtures}/misspelt-property/fixture.json`;
    const { status, stderr } = runGate(`--fixture=${file}`);
    assert.equal(status, 1);
    assert.ok(stderr.includes(`${file}: the fixture does not match`), stderr);
    assert.ok(stderr.includes('must NOT have additional properties "subtype"'), stderr);
});

test('a path that does not exist fails instead of checking nothing', () => {
    const { status, stderr } = runGate(`--fixture=${fixtures}/no-such-fixture.json`);
    assert.equal(status, 1);
    assert.ok(stderr.includes('no-such-fixture.json: no such file or directory'), stderr);
});

test('the sync script embeds a spec so that XML parsing gives back the same JSON, markup characters included', () => {
    const spec = { info: { description: `Tom's "quoted" <b>bold</b> & more` }, paths: {} };
    const specText = JSON.stringify(spec, null, 4);
    const xml = withSchema('<ExternalServiceRegistration><schema>old</schema></ExternalServiceRegistration>', specText);
    assert.ok(!xml.includes('<b>'), xml);
    const parsed = new XMLParser({ parseTagValue: false, trimValues: false }).parse(xml);
    assert.deepEqual(JSON.parse(parsed.ExternalServiceRegistration.schema), spec);
});
