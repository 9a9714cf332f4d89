#!/usr/bin/env node
// Writes the ExternalServiceRegistration's <schema> from the one source of the 8x8 spec.
// Usage: node scripts/sync-external-service.mjs [--check]
//   --check  exit 1 (naming the file) when the registration is not what this script would write.
//
// The schema is embedded as the spec file's exact text (pretty JSON, one property a line), XML-escaped
// the way Salesforce escapes retrieved metadata (& < > " '). Prettier (@prettier/plugin-xml, default
// xmlWhitespaceSensitivity "strict") keeps element text byte-identical, so `npm run format` and this
// script never fight; scripts/gates/spec.mjs checks both parse to the same document.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SPEC_FILE = path.join(root, 'spec', 'cpaas-messaging-apps.openapi.json');
export const REGISTRATION_FILE = path.join(
    root,
    'force-app',
    'main',
    'default',
    'externalServiceRegistrations',
    'CPaasMessagingApps.externalServiceRegistration-meta.xml'
);

const XML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** XML-escapes text for use as element content. */
export function escapeXml(text) {
    return text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]);
}

const SCHEMA_ELEMENT = /<schema>[\s\S]*?<\/schema>/;

/** Returns the registration XML with its <schema> replaced by the escaped spec text. */
export function withSchema(registrationXml, specText) {
    if (!SCHEMA_ELEMENT.test(registrationXml)) {
        throw new Error('the registration has no <schema> element');
    }
    JSON.parse(specText); // refuse to embed a spec that is not JSON
    const schema = `<schema>${escapeXml(specText.trimEnd())}</schema>`;
    return registrationXml.replace(SCHEMA_ELEMENT, () => schema);
}

function main(argv) {
    const check = argv.includes('--check');
    const specText = readFileSync(SPEC_FILE, 'utf8');
    const current = readFileSync(REGISTRATION_FILE, 'utf8');
    const next = withSchema(current, specText);
    const relative = path.relative(process.cwd(), REGISTRATION_FILE);
    if (check) {
        if (next !== current) {
            console.error(
                `${relative}: <schema> differs from ${path.relative(process.cwd(), SPEC_FILE)}; run node scripts/sync-external-service.mjs`
            );
            return 1;
        }
        console.log(`${relative}: <schema> is in sync`);
        return 0;
    }
    if (next !== current) writeFileSync(REGISTRATION_FILE, next);
    console.log(`${relative}: <schema> ${next === current ? 'already in sync' : 'written'}`);
    return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    process.exitCode = main(process.argv.slice(2));
}
