// The composer's compiled rules, run by the simulated org as the card runs them: person.ts (which person a record
// page's code goes to, shared WhatsAppOtpPersonCases.json), phoneCheck.ts (WhatsAppPhoneNumber.normalize, shared
// WhatsAppPhoneNumberCases.json) and otpFormat.ts (a Custom Label's {0}… filled in as String.format). Each is
// import-free and imported as a data: URL: force-app's .js files sit under a package.json without "type": "module",
// where Node would warn that it has to guess their module type.
import fs from 'node:fs';
import path from 'node:path';
import { lwcRoot } from './paths.mjs';

const compiled = (file) =>
    import(`data:text/javascript,${encodeURIComponent(fs.readFileSync(path.join(lwcRoot, file), 'utf8'))}`);

export const [{ personOf }, { normalizePhone }, { formatLabel }] = await Promise.all(
    ['person.js', 'phoneCheck.js', 'otpFormat.js'].map((file) => compiled(path.join('whatsappOtpComposer', file)))
);

/** The person of a record of the store (contacts.mjs), by the same rule. */
export const personOfRecord = (record) => personOf(record.apiName, { Id: record.id, ...record.fields });
