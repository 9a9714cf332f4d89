// The composer's compiled person rule (person.ts, shared cases WhatsAppOtpPersonCases.json), so the simulated org
// resolves a record page's person by the card's own code. Imported as a data: URL: force-app's .js files sit under
// a package.json without "type": "module", where Node would warn that it has to guess their module type.
import fs from 'node:fs';
import path from 'node:path';
import { lwcRoot } from './paths.mjs';

const source = fs.readFileSync(path.join(lwcRoot, 'whatsappOtpComposer', 'person.js'), 'utf8');
export const { personOf } = await import(`data:text/javascript,${encodeURIComponent(source)}`);

/** The person of a record of the store (contacts.mjs), by the same rule. */
export const personOfRecord = (record) => personOf(record.apiName, { Id: record.id, ...record.fields });
