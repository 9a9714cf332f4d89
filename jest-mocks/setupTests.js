// Runs before every Jest test file (setupFilesAfterEnv).
// 1. expect(element).toBeAccessible() from @sa11y/jest, loaded on first use: sa11y and axe-core cost a test file
//    CPU to load, and most never check accessibility. The first call runs sa11y's own setup() (its matcher,
//    which replaces this one, and its custom axe rules), then sa11y's matcher.
// 2. Each @salesforce/label/c.<name> import is the label's value in CustomLabels.labels-meta.xml, so tests read the
//    text an agent reads, {0} placeholders included (sfdx-lwc-jest alone gives the string "c.<name>").
const fs = require('node:fs');
const path = require('node:path');

expect.extend({
    toBeAccessible(...args) {
        // The package's setup and matcher modules, not its index, which also loads its results processor.
        require('@sa11y/jest/dist/setup').setup();
        return require('@sa11y/jest/dist/matcher').toBeAccessible.apply(this, args);
    }
});

const XML_ENTITIES = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const labelsFile = path.join(__dirname, '..', 'force-app', 'core', 'labels', 'CustomLabels.labels-meta.xml');
// Regular expressions, not an XML parser: loading one into every test file's module registry costs more than most
// files' tests. An entry this does not read (CDATA, a comment or an element in a value, another entity) fails the
// count, so a test never gets wrong text.
const xml = fs.readFileSync(labelsFile, 'utf8');
const LABEL = /<labels>\s*<fullName>(\w+)<\/fullName>[^]*?<value>((?:[^<&]|&(?:lt|gt|amp|apos|quot);)*)<\/value>/g;
const labels = [...xml.matchAll(LABEL)];
if (labels.length === 0 || labels.length !== xml.split('<labels>').length - 1) {
    throw new Error(`${labelsFile}: ${labels.length} plain <fullName> and <value> in the <labels> entries`);
}
for (const [, fullName, raw] of labels) {
    const value = raw.trim().replace(/&(\w+);/g, (_, name) => XML_ENTITIES[name]);
    // doMock, not mock: a computed name must not be hoisted; it applies to every import that follows.
    jest.doMock(`@salesforce/label/c.${fullName}`, () => ({ __esModule: true, default: value }), { virtual: true });
}

// 3. The Apex methods the components import: one jest.fn() each, which every test file shares and answers
//    per test with jest.mocked(method).mockResolvedValue(...) (restoreMocks resets them between tests).
for (const method of ['sendOtp', 'getSendStatus', 'verifyOtp']) {
    jest.doMock(`@salesforce/apex/WhatsAppOtpController.${method}`, () => ({ __esModule: true, default: jest.fn() }), {
        virtual: true
    });
}
