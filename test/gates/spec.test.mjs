// Tests of the check:spec gate: the real project passes, and each known-bad input under
// test/gates/fixtures/spec makes it fail with a message naming that file. The checks run in this process
// through the gate's own checkSpec/parseOptions (loading the OpenAPI and Ajv validators once, not once per
// case); the command line itself (exit status, the `spec:` lines) is run once, on a missing file, and by
// the check:spec gate on the project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { checkSpec, parseOptions } from '../../scripts/gates/spec.mjs';
import { withSchema } from '../../scripts/sync-external-service.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/spec';

function runGate(...args) {
    const result = spawnSync(process.execPath, ['scripts/gates/spec.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The gate's checks with these arguments, in this process: the count, and the findings as one text. */
async function check(...args) {
    const { count, findings } = await checkSpec(parseOptions(args));
    return { count, findings, text: findings.join('\n') };
}

test('the project spec, registration and both fixtures pass', async () => {
    const { count, findings } = await check();
    assert.deepEqual(findings, []);
    assert.equal(count, 4);
});

test('a fallback fixture with a misspelt channel property and a wrong successStatus fails, naming both', async () => {
    const file = `${fixtures}/fallback-bad-channel/fixture.json`;
    const { text } = await check(`--fallbackFixture=${file}`);
    assert.ok(text.includes(`${file}: the fixture does not match`), text);
    assert.ok(text.includes('must NOT have additional properties "fallbackAfterSeconds"'), text);
    assert.ok(text.includes('/channels/0/successStatus must be equal to one of the allowed values'), text);
});

test('a registration whose schema differs from the spec fails, naming the registration', async () => {
    const file = `${fixtures}/registration-differs/CPaasMessagingApps.externalServiceRegistration-meta.xml`;
    const { text } = await check(`--registration=${file}`);
    assert.ok(text.includes(`${file}: <schema> differs from spec/cpaas-messaging-apps.openapi.json`), text);
    assert.ok(text.includes('.responses.429.description'), text);
});

test('a registration whose operation names are not stored as an org stores them fails, naming both', async () => {
    const file = `${fixtures}/operation-names-not-stored/CPaasMessagingApps.externalServiceRegistration-meta.xml`;
    const { text } = await check(`--registration=${file}`);
    assert.ok(
        text.includes(
            `${file}: <operations> names [Send-Message, sendx2dmessagex2dmany] are not the spec's operationIds as an org stores them [sendx2dmessage, sendx2dmessagex2dmany]`
        ),
        text
    );
});

test('an invalid OpenAPI document fails, naming the spec', async () => {
    const file = `${fixtures}/invalid-spec/openapi.json`;
    const { text } = await check(`--spec=${file}`);
    assert.ok(text.includes(`${file}: not a valid OpenAPI document`), text);
    assert.match(text, /missingProperty.*version/);
});

test('a fixture with an enum value outside the spec fails, naming the fixture', async () => {
    const file = `${fixtures}/wrong-enum/fixture.json`;
    const { text } = await check(`--fixture=${file}`);
    assert.ok(text.includes(`${file}: the fixture does not match`), text);
    assert.match(text, /\/type must be equal to one of the allowed values \(allowed: .*Template\)/);
    assert.ok(text.includes(`${file}: a batch body built from the fixture does not match`), text);
});

test('a fixture with a misspelt property fails, naming the fixture and the property', async () => {
    const file = `${fixtures}/misspelt-property/fixture.json`;
    const { text } = await check(`--fixture=${file}`);
    assert.ok(text.includes(`${file}: the fixture does not match`), text);
    assert.ok(text.includes('must NOT have additional properties "subtype"'), text);
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
