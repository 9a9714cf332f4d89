// Tests of the check:metadata gate (Metadata API types from @salesforce/types).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/metadata';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/metadata.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

test('valid object, field, custom metadata record (xsi:type, xsi:nil) and LWC targetConfigs pass', () => {
    const { status, out } = runGate(`${fixtures}/good`);
    assert.equal(status, 0, out);
    assert.match(out, /^metadata: checked 4 file\(s\)$/m);
});

test('each kind of defect fails, naming the file and line', () => {
    const { status, out } = runGate(`${fixtures}/bad`);
    assert.equal(status, 1, out);
    const expected = [
        /Misspelled__c\.field-meta\.xml:5 <CustomField\.lenght>: unknown element "lenght" in CustomField/,
        /BadEnum__c\.field-meta\.xml:6 <CustomField\.type>: invalid FieldType value "Txt"/,
        /BadScalars__c\.field-meta\.xml:5 <CustomField\.precision>: "three" is not a number/,
        /BadScalars__c\.field-meta\.xml:6 <CustomField\.required>: "yes" is not a boolean/,
        /Malformed\.permissionset-meta\.xml:5:\d+ malformed XML/,
        /WrongNamespace\.permissionset-meta\.xml:2 <PermissionSet>: root namespace must be/,
        /BadTargetConfig\.js-meta\.xml:10 <LightningComponentBundle\.targetConfigs\.targetConfig\.propery>: unknown element/,
        /WrongRoot__c\.field-meta\.xml:2 <CustomObject>: a \.field-meta\.xml file holds CustomField, not CustomObject/
    ];
    for (const pattern of expected) {
        assert.match(out, pattern);
    }
    assert.match(out, /^metadata: 8 finding\(s\)$/m);
});
