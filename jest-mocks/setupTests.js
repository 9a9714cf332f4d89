// Runs before every Jest test file (setupFilesAfterEnv).
// 1. @sa11y/jest: registers expect(element).toBeAccessible().
// 2. Custom Labels: every @salesforce/label/c.<name> import resolves to the label's real value from
//    force-app's CustomLabels.labels-meta.xml, so tests read the text an agent reads and see {0}
//    placeholders filled in. (sfdx-lwc-jest alone would give the string "c.<name>".)
const fs = require('node:fs');
const path = require('node:path');
const { XMLParser } = require('fast-xml-parser');
const { setup } = require('@sa11y/jest');

setup();

const labelsFile = path.join(__dirname, '..', 'force-app', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');
const parsed = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false }).parse(
    fs.readFileSync(labelsFile, 'utf8')
);
for (const label of parsed.CustomLabels.labels) {
    const value = String(label.value);
    // doMock, not mock: a computed name must not be hoisted; it applies to every import that follows.
    jest.doMock(`@salesforce/label/c.${label.fullName}`, () => ({ __esModule: true, default: value }), {
        virtual: true
    });
}

// 3. The Apex methods the components import: one jest.fn() each, which every test file shares and answers
//    per test with jest.mocked(method).mockResolvedValue(...) (restoreMocks resets them between tests).
for (const method of [
    'WhatsAppOtpController.sendOtp',
    'WhatsAppOtpController.getSendStatus',
    'WhatsAppOtpController.verifyOtp'
]) {
    jest.doMock(`@salesforce/apex/${method}`, () => ({ __esModule: true, default: jest.fn() }), { virtual: true });
}
