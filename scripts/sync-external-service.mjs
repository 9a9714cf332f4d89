#!/usr/bin/env node
// Writes the ExternalServiceRegistration's <schema> from the one source of the 8x8 spec: `node
// scripts/sync-external-service.mjs`. The spec file's exact text is embedded, XML-escaped as Salesforce escapes
// retrieved metadata (& < > " '); Prettier (@prettier/plugin-xml, xmlWhitespaceSensitivity "strict") keeps element
// text byte-identical, so `npm run format` and this script never fight. The spec gate (scripts/gates/spec.mjs) fails
// when the two differ.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = 'spec/cpaas-messaging-apps.openapi.json';
const REGISTRATION =
    'force-app/connection/externalServiceRegistrations/CPaasMessagingApps.externalServiceRegistration-meta.xml';
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** The registration XML with its <schema> replaced by the escaped spec text (the spec gate validates the JSON). */
export function withSchema(registrationXml, specText) {
    if (!/<schema>[\s\S]*?<\/schema>/.test(registrationXml)) {
        throw new Error('the registration has no <schema> element');
    }
    const schema = `<schema>${specText.trimEnd().replace(/[&<>"']/g, (ch) => ESCAPES[ch])}</schema>`;
    return registrationXml.replace(/<schema>[\s\S]*?<\/schema>/, () => schema);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const current = fs.readFileSync(path.join(root, REGISTRATION), 'utf8');
    const next = withSchema(current, fs.readFileSync(path.join(root, SPEC), 'utf8'));
    fs.writeFileSync(path.join(root, REGISTRATION), next);
    console.log(`${REGISTRATION}: <schema> ${next === current ? 'already in sync' : 'written'}`);
}
