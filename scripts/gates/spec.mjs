// Gate: the 8x8 OpenAPI spec, the External Service registration that embeds it, and the request fixtures.
//   node scripts/gates/run.mjs spec [--spec FILE] [--registration FILE] [--fixture FILE] [--fallbackFixture FILE] ...
// Defaults: spec/cpaas-messaging-apps.openapi.json, the CPaasMessagingApps registration and the static resources
// WhatsAppOtpSendMessageFixture, ...FallbackFixture (SMS fallback) and ...LanguageFixture (languageFixture: German).
//  1. The registration's <schema> is the spec file's text as scripts/sync-external-service.mjs embeds it (its one
//     writer, so compared byte for byte), and its operation names are the spec's operationIds as an org stores
//     them (lib/external-service-model.mjs storedOperationName: INFERRED from one retrieved registration, checked
//     against the org by `npm run org:setup`'s name probe; the case is not compared).
//  2. The spec is a valid OpenAPI 3.0 document whose local $refs resolve (@seriousme/openapi-schema-validator).
//  3. Each fixture validates against the spec's single-message-request schema, and a batch body built from it
//     against batch-message-request. Enums are exact (8x8's own example spells "template", the spec "Template").
//     For this check every object schema that lists properties is closed (additionalProperties: false), so a
//     misspelt property such as "subtype" fails instead of being ignored; the spec itself stays open.
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parseArgs, rel } from './lib/common.mjs';
import { storedOperationName } from './lib/external-service-model.mjs';
import { withSchema } from '../sync-external-service.mjs';

const Ajv = AjvModule.default ?? AjvModule;
const addFormats = addFormatsModule.default ?? addFormatsModule;
const DEFAULTS = {
    spec: 'spec/cpaas-messaging-apps.openapi.json',
    registration:
        'force-app/connection/externalServiceRegistrations/CPaasMessagingApps.externalServiceRegistration-meta.xml',
    fixture: 'force-app/core/staticresources/WhatsAppOtpSendMessageFixture.json',
    fallbackFixture: 'force-app/core/staticresources/WhatsAppOtpSendMessageFallbackFixture.json',
    languageFixture: 'force-app/core/staticresources/WhatsAppOtpSendMessageLanguageFixture.json'
};
// A base URI for the spec's schemas, so Ajv resolves their #/components/schemas/... refs.
const SPEC_ID = 'https://spec.invalid/openapi.json';
// OpenAPI 3.0 schema keywords Ajv 8 does not know (it knows nullable and deprecated): annotations in strict mode.
const OPENAPI_KEYWORDS = ['discriminator', 'xml', 'externalDocs', 'example', 'components'];

/** The registration embeds the spec's text as the sync script writes it, and names its operations as an org does. */
function checkRegistration(file, specFile, spec, findings) {
    const xml = fs.readFileSync(file, 'utf8');
    let synced;
    try {
        synced = spec && withSchema(xml, fs.readFileSync(specFile, 'utf8'));
    } catch (error) {
        return findings.push(`${rel(file)}: ${error.message}`);
    }
    if (spec && synced !== xml) {
        const sync = 'run node scripts/sync-external-service.mjs';
        findings.push(`${rel(file)}: <schema> is not the text of ${rel(specFile)} (escaped as retrieved); ${sync}`);
    }
    const operationIds = Object.values(spec?.paths ?? {}).flatMap((item) =>
        Object.values(item ?? {}).flatMap((operation) => operation?.operationId ?? [])
    );
    const expected = operationIds.map(storedOperationName).sort();
    const declared = [...xml.matchAll(/<operations>[^]*?<name>([^<]*)<\/name>/g)].map((m) => m[1]).sort();
    // The encoding must match; the case may be what an org wrote back (Apex and the registration ignore it).
    if (spec && !isDeepStrictEqual(expected, declared.map((n) => n.toLowerCase()).sort())) {
        findings.push(
            `${rel(file)}: <operations> names [${declared.join(', ')}] are not the spec's operationIds as an org stores them [${expected.join(', ')}]`
        );
    }
}

/** A copy of a schema in which every object schema that lists properties rejects unknown properties. */
const closeObjects = (schema) =>
    JSON.parse(JSON.stringify(schema), (_key, value) =>
        value?.properties && value.additionalProperties === undefined
            ? { ...value, additionalProperties: false }
            : value
    );

const ajvErrors = (errors) =>
    errors
        .map((e) => {
            const extra = e.keyword === 'additionalProperties' ? ` "${e.params.additionalProperty}"` : '';
            const allowed = e.keyword === 'enum' ? ` (allowed: ${e.params.allowedValues.join(', ')})` : '';
            return `${e.instancePath || '/'} ${e.message}${extra}${allowed}`;
        })
        .join('; ');

function checkFixture(file, ajv, specFile, findings) {
    const fixture = JSON.parse(fs.readFileSync(file, 'utf8'));
    const bodies = [
        ['the fixture', 'single-message-request', fixture],
        ['a batch body built from the fixture', 'batch-message-request', { messages: [fixture, fixture] }]
    ];
    for (const [label, name, body] of bodies) {
        const check = ajv.getSchema(`${SPEC_ID}#/components/schemas/${name}`);
        if (!check) {
            findings.push(`${rel(specFile)}: has no components.schemas.${name} to validate ${rel(file)} against`);
        } else if (!check(body)) {
            findings.push(`${rel(file)}: ${label} does not match ${rel(specFile)} ${name}: ${ajvErrors(check.errors)}`);
        }
    }
}

// The OpenAPI meta-schema is compiled once per process (most of a check's time), for every run of the gate; runs may
// overlap, so none reads the validator's state (its version) after a validation.
let openApiValidator;

/** Runs every check; returns the number of files checked and the findings. */
export async function check(args) {
    const options = parseArgs(args, DEFAULTS);
    const findings = [];
    let spec;
    try {
        spec = JSON.parse(fs.readFileSync(options.spec, 'utf8'));
    } catch (error) {
        findings.push(`${rel(options.spec)}: not valid JSON (${error.message})`);
    }
    openApiValidator ??= new Validator();
    const result = spec && (await openApiValidator.validate(structuredClone(spec)));
    if (result && !result.valid) {
        const errors = JSON.stringify([].concat(result.errors).slice(0, 5));
        findings.push(`${rel(options.spec)}: not a valid OpenAPI document: ${errors}`);
    } else if (result && !String(spec.openapi).startsWith('3.0')) {
        findings.push(`${rel(options.spec)}: openapi is ${spec.openapi}; External Services takes OpenAPI 3.0`);
    } else if (result) {
        try {
            const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
            addFormats(ajv).addVocabulary(OPENAPI_KEYWORDS);
            // Only components.schemas is compiled; refs keep their #/components/schemas/... form.
            ajv.addSchema({ $id: SPEC_ID, components: { schemas: closeObjects(spec.components?.schemas ?? {}) } });
            for (const fixture of [options.fixture, options.fallbackFixture, options.languageFixture]) {
                checkFixture(fixture, ajv, options.spec, findings);
            }
        } catch (error) {
            findings.push(`${rel(options.spec)}: its request schemas or a fixture cannot be read (${error.message})`);
        }
    }
    checkRegistration(options.registration, options.spec, spec, findings);
    return { count: 5, findings };
}
