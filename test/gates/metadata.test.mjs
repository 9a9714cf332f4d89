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

// One run over every fixture folder (the gate's start-up is most of its cost); each test reads the findings
// of its own folder.
const DIRS = ['good', 'bad', 'too-long-description', 'too-long', 'folder-alias', 'first-deploy'];
let all;
function findingsIn(dir) {
    all ??= runGate(...DIRS.map((d) => `${fixtures}/${d}`));
    assert.equal(all.status, 1, all.out);
    assert.match(all.out, /^metadata: checked 21 file\(s\)$/m);
    const lines = all.out.split('\n').filter((l) => l.startsWith(`metadata: ${fixtures}/${dir}/`));
    return { lines, out: lines.join('\n') };
}

test('valid object, field, custom metadata record (xsi:type, xsi:nil), LWC targetConfigs and texts at their limits pass', () => {
    assert.deepEqual(findingsIn('good').lines, []);
});

test('each kind of defect fails, naming the file and line', () => {
    const { lines, out } = findingsIn('bad');
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
    assert.equal(lines.length, 8, out);
});

test('a site without its required indexPage fails, naming the file, line and element', () => {
    const { out } = findingsIn('first-deploy');
    assert.match(
        out,
        /No_Index_Page\.site-meta\.xml:5 <CustomSite>: required element "indexPage" of CustomSite is missing/
    );
});

test("a permission set flow entry that is not a bare API name (a formatter's semicolon) fails", () => {
    const { out } = findingsIn('first-deploy');
    assert.match(
        out,
        /Flow_Name_With_Semicolon\.permissionset-meta\.xml:5 <PermissionSet\.flowAccesses\.flow>: "Send_WhatsApp_OTP;" is not an API name/
    );
});

test('a Protected custom setting outside a namespace fails, naming the file and line', () => {
    const { lines, out } = findingsIn('first-deploy');
    assert.match(
        out,
        /Protected_Secret__c\.object-meta\.xml:6 <CustomObject\.visibility>: Protected outside a namespace/
    );
    // The folder's three findings: this one, the site's missing indexPage and the flow name.
    assert.equal(lines.length, 3, out);
});

test('a permission set description of 256 characters fails, naming the file, line and limit', () => {
    const { lines, out } = findingsIn('too-long-description');
    assert.match(
        out,
        /Long_Description\.permissionset-meta\.xml:4 <PermissionSet\.description>: 256 characters, Salesforce accepts at most 255/
    );
    assert.equal(lines.length, 1, out);
});

test('an API name, label, inline help, picklist value, Custom Label value and flow element name one over their limits fail', () => {
    const { lines, out } = findingsIn('too-long');
    const expected = [
        /F{41}__c\.field-meta\.xml:3 <CustomField API name>: 41 characters, Salesforce accepts at most 40/,
        /F{41}__c\.field-meta\.xml:5 <CustomField\.inlineHelpText>: 511 characters, Salesforce accepts at most 510/,
        /F{41}__c\.field-meta\.xml:6 <CustomField\.label>: 41 characters, Salesforce accepts at most 40/,
        /F{41}__c\.field-meta\.xml:12 <CustomField\.valueSet\.valueSetDefinition\.value\.fullName>: 256 characters, Salesforce accepts at most 255/,
        /CustomLabels\.labels-meta\.xml:8 <CustomLabels\.labels\.shortDescription>: 81 characters, Salesforce accepts at most 80/,
        /CustomLabels\.labels-meta\.xml:9 <CustomLabels\.labels\.value>: 1001 characters, Salesforce accepts at most 1000/,
        /Long_Element\.flow-meta\.xml:9 <Flow\.variables\.name>: 81 characters, Salesforce accepts at most 80 \(FlowElement\.name\)/
    ];
    for (const pattern of expected) {
        assert.match(out, pattern);
    }
    assert.equal(lines.length, 7, out);
});

// @salesforce/types declares the folder types as bare aliases (`export type ReportFolder = Folder;`); without
// resolving them the gate would call a valid folder "not a Metadata API type".
test('a valid ReportFolder passes: the bare alias ReportFolder = Folder resolves to Folder', () => {
    const { out } = findingsIn('folder-alias');
    assert.doesNotMatch(out, /Otp_Reports\.reportFolder-meta\.xml/);
});

test('a DashboardFolder is checked as the Folder it aliases: an unknown element, a wrong enum value and the missing name fail', () => {
    const { lines, out } = findingsIn('folder-alias');
    assert.match(
        out,
        /Otp_Dashboards\.dashboardFolder-meta\.xml:9 <DashboardFolder\.nmae>: unknown element "nmae" in DashboardFolder/
    );
    assert.match(
        out,
        /Otp_Dashboards\.dashboardFolder-meta\.xml:10 <DashboardFolder\.publicFolderAccess>: invalid PublicFolderAccess value "ReadOnyl"/
    );
    // The misspelt <nmae> also leaves Folder's required name missing.
    assert.match(
        out,
        /Otp_Dashboards\.dashboardFolder-meta\.xml:2 <DashboardFolder>: required element "name" of DashboardFolder/
    );
    assert.equal(lines.length, 3, out);
});
