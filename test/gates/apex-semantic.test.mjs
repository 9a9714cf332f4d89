// Tests of the check:apex-semantic gate (apex-ls with the generated ExternalService model).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    encodeName,
    encodeProperty,
    nameCandidates,
    storedOperationName
} from '../../scripts/gates/lib/external-service-model.mjs';
import { APEX_RESERVED_KEYWORDS, ENCODED_WORDS } from '../../scripts/gates/lib/apex-reserved-words.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/apex';

function runGate(args, env = process.env) {
    const r = spawnSync(process.execPath, ['scripts/gates/apex-semantic.mjs', ...args], {
        cwd: root,
        encoding: 'utf8',
        env
    });
    return { status: r.status, out: r.stdout + r.stderr };
}

test('correct Apex that uses the ExternalService model as documented passes', () => {
    const { status, out } = runGate([`${fixtures}/good`]);
    assert.equal(status, 0, out);
    assert.match(out, /^apex-semantic: checked 3 file\(s\)$/m);
});

test('a missing method, a type mismatch, an undefined variable and a wrong ExternalService field fail, naming file:line', () => {
    const { status, out } = runGate([`${fixtures}/bad-semantic`]);
    assert.equal(status, 1, out);
    assert.match(out, /CallsMissingMethod\.cls:7:\d+ Missing: No matching method found for 'roundUp'/);
    assert.match(
        out,
        /WrongTypes\.cls:3:\d+ Error: Incompatible types in assignment, from 'System\.String' to 'System\.Integer'/
    );
    assert.match(out, /WrongTypes\.cls:4:\d+ Missing: No variable or type found for 'undefinedVariable'/);
    // The spec's properties "type" and "user" are z0type and z0user in Apex: the model catches the plain spellings.
    assert.match(
        out,
        /WrongExternalServiceField\.cls:4:\d+ Missing: Unknown field or type 'type' on 'ExternalService\.CPaasMessagingApps_singlex2dmessagex2drequest'/
    );
    assert.match(
        out,
        /WrongExternalServiceField\.cls:5:\d+ Missing: Unknown field or type 'user' on 'ExternalService\.CPaasMessagingApps_singlex2dmessagex2drequest'/
    );
});

test('--list prints the inferred ExternalService names generated from the spec', () => {
    const { status, out } = runGate(['--list']);
    assert.equal(status, 0, out);
    assert.match(out, /^ExternalService\.CPaasMessagingApps\.Sendx2dMessage\(Sendx2dMessage_Request input\)/m);
    assert.match(
        out,
        /^ExternalService\.CPaasMessagingApps_content_template_components_parameters\.z0type: String \(spec: type\)$/m
    );
    assert.match(
        out,
        /^ExternalService\.CPaasMessagingApps\.sendx2dmessagex2dmany_ResponseException\.Code400: CPaasMessagingApps_errorx2dresponse$/m
    );
    assert.match(
        out,
        /^ExternalService\.CPaasMessagingApps_singlex2dmessagex2drequest\.z0user: CPaasMessagingApps_recipient \(spec: user\)$/m
    );
    assert.match(out, /^ExternalService\.CPaasMessagingApps_errorx2dresponse\.code: Integer$/m);
});

test('without Java the gate fails with install instructions instead of skipping', () => {
    // A PATH without java (the gate itself is started by absolute path) and no JAVA_HOME.
    const env = { ...process.env, PATH: path.join(os.tmpdir(), 'no-java-on-this-path'), JAVA_HOME: '' };
    const { status, out } = runGate([`${fixtures}/good`], env);
    assert.equal(status, 1, out);
    assert.match(out, /Java was not found.*install a JDK 17, e\.g\. apt-get install openjdk-17-jdk-headless/);
});

test('the model generator encodes names as Salesforce documents it', () => {
    // Salesforce Help, "Apex Reserved Keywords" (External Services): its own examples.
    assert.equal(encodeName('5getOpen-bankingV2.2Atms'), 'x35getOpenx2dbankingV2x2e2Atms');
    assert.equal(encodeName('fixed_array_of_AutoContext'), 'fixedx5farrayx5fofx5fAutoContext');
    assert.equal(encodeProperty('type'), 'z0type');
    assert.equal(encodeName('Send-Message'), 'Sendx2dMessage');
    assert.equal(encodeName('send-message-many'), 'sendx2dmessagex2dmany');
});

test('reserved words follow the current Apex list plus the words External Services encodes', () => {
    for (const word of ['user', 'date', 'currency', 'integer', 'string', 'type', 'datetime', 'boolean']) {
        assert.ok(ENCODED_WORDS.has(word), word);
    }
    assert.equal(encodeProperty('user'), 'z0user');
    assert.equal(encodeProperty('date'), 'z0date');
    // Seen unrenamed in compiled code, and not reserved.
    for (const plain of ['index', 'text', 'name', 'content', 'parameters', 'status', 'code', 'message']) {
        assert.equal(encodeProperty(plain), plain);
    }
    assert.ok(!APEX_RESERVED_KEYWORDS.includes('user'), 'user is an External Services addition, not an Apex keyword');
});

test('stored operation names are encoded and lower case; the probe candidates put the model first', () => {
    assert.equal(storedOperationName('Send-Message'), 'sendx2dmessage');
    assert.equal(storedOperationName('Create Leads'), 'createx20leads');
    assert.deepEqual(nameCandidates('property', 'user'), ['z0user', 'user']);
    assert.deepEqual(nameCandidates('property', 'type'), ['z0type']);
    assert.deepEqual(nameCandidates('property', 'msisdn'), ['msisdn']);
    assert.deepEqual(nameCandidates('operation', 'Send-Message'), ['Sendx2dMessage', 'SendMessage']);
});
