#!/usr/bin/env node
// Gate: the 8x8 OpenAPI spec, the External Service registration that embeds it, and the request fixture.
//   node scripts/gates/spec.mjs [--spec=FILE] [--registration=FILE] [--fixture=FILE] [--fallbackFixture=FILE]
// Defaults: spec/cpaas-messaging-apps.openapi.json, the CPaasMessagingApps registration and
// the WhatsAppOtpSendMessageFixture and WhatsAppOtpSendMessageFallbackFixture (SMS fallback) static resources.
//  1. The registration's <schema> parses to the same JSON document as the spec file, and its operation
//     names are the spec's operationIds as an org stores them (lib/external-service-model.mjs
//     storedOperationName: non-alphanumerics as x<hex>, lower case; INFERRED from one retrieved registration,
//     checked against the org by `npm run org:setup`, whose --write-back writes the org's names here; the
//     case is not compared).
//  2. The spec is a valid OpenAPI 3.0 document and every local $ref resolves.
//  3. Each fixture validates against the spec's single-message-request schema, and a batch body built from
//     it validates against batch-message-request. Enums are exact (8x8's own example spells "template",
//     the spec "Template"). For this check every object schema that lists properties is closed
//     (additionalProperties: false), so a misspelt property such as "subtype" fails instead of being
//     ignored; the spec itself stays open, as 8x8 wrote it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { fail, finish, rel, requireExisting, root } from './lib/common.mjs';
import { storedOperationName } from './lib/external-service-model.mjs';

const Ajv = AjvModule.default ?? AjvModule;
const addFormats = addFormatsModule.default ?? addFormatsModule;

const GATE = 'spec';
const DEFAULTS = {
    spec: 'spec/cpaas-messaging-apps.openapi.json',
    registration:
        'force-app/connection/externalServiceRegistrations/CPaasMessagingApps.externalServiceRegistration-meta.xml',
    fixture: 'force-app/core/staticresources/WhatsAppOtpSendMessageFixture.json',
    fallbackFixture: 'force-app/core/staticresources/WhatsAppOtpSendMessageFallbackFixture.json'
};
// A base URI for the embedded spec so Ajv can resolve its #/components/schemas/... refs.
const SPEC_ID = 'https://spec.invalid/openapi.json';
const SINGLE_REQUEST = 'single-message-request';
const BATCH_REQUEST = 'batch-message-request';
// OpenAPI 3.0 schema keywords that Ajv 8 does not know (it knows nullable and deprecated); strict mode
// must accept them as annotations.
const OPENAPI_KEYWORDS = ['discriminator', 'xml', 'externalDocs', 'example'];

/** Reads `--name=value` options, falling back to the defaults (resolved from the project root). */
export function parseOptions(argv) {
    const options = {};
    for (const key of Object.keys(DEFAULTS)) {
        const arg = argv.find((a) => a.startsWith(`--${key}=`));
        options[key] = path.resolve(root, arg ? arg.slice(key.length + 3) : DEFAULTS[key]);
    }
    return options;
}

/** The first JSON path at which two parsed documents differ, or null when they are equal. */
export function firstDifference(a, b, at = '$') {
    if (isDeepStrictEqual(a, b)) {
        return null;
    }
    if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
        for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
            const found = firstDifference(a[key], b[key], Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`);
            if (found) {
                return found;
            }
        }
    }
    return at;
}

function readJson(file, findings) {
    try {
        return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
        findings.push(`${rel(file)}: not valid JSON (${error.message})`);
        return undefined;
    }
}

function operationIds(spec) {
    return Object.values(spec.paths ?? {}).flatMap((item) =>
        Object.values(item ?? {})
            .map((operation) => operation?.operationId)
            .filter(Boolean)
    );
}

function checkRegistration(file, spec, specFile, findings) {
    const parser = new XMLParser({
        ignoreAttributes: true,
        parseTagValue: false,
        trimValues: false,
        isArray: () => true
    });
    let document;
    try {
        document = parser.parse(fs.readFileSync(file, 'utf8'), true);
    } catch (error) {
        findings.push(`${rel(file)}: malformed XML (${error.message ?? error.err?.msg ?? error})`);
        return;
    }
    const registration = document.ExternalServiceRegistration?.[0];
    const schemas = registration?.schema ?? [];
    if (schemas.length !== 1 || typeof schemas[0] !== 'string') {
        findings.push(`${rel(file)}: expected exactly one <schema> with the spec as text, found ${schemas.length}`);
        return;
    }
    let embedded;
    try {
        embedded = JSON.parse(schemas[0]);
    } catch (error) {
        findings.push(
            `${rel(file)}: <schema> is not JSON (${error.message}); run node scripts/sync-external-service.mjs`
        );
        return;
    }
    if (spec !== undefined) {
        const difference = firstDifference(embedded, spec);
        if (difference) {
            findings.push(
                `${rel(file)}: <schema> differs from ${rel(specFile)} at ${difference}; run node scripts/sync-external-service.mjs`
            );
        }
        const expected = operationIds(spec).map(storedOperationName).sort();
        const declared = (registration.operations ?? []).map((op) => String(op.name?.[0] ?? '')).sort();
        // The encoding must match; the case may be what an org wrote back (org:setup --write-back), since Apex
        // and the registration match operation names without case.
        const lower = (names) => names.map((n) => n.toLowerCase());
        if (!isDeepStrictEqual(expected, lower(declared).sort())) {
            findings.push(
                `${rel(file)}: <operations> names [${declared.join(', ')}] are not the spec's operationIds as an org stores them [${expected.join(', ')}]`
            );
        }
    }
}

// Built once per process (compiling the OpenAPI meta-schema, and a spec's request schemas, is most of a
// check's time): the gate checks two fixtures against one spec, and the gate tests run many checks.
let openApiValidator;
const requestSchemas = new Map();

async function checkOpenApi(file, spec, findings) {
    openApiValidator ??= new Validator();
    const result = await openApiValidator.validate(structuredClone(spec));
    if (!result.valid) {
        const errors = [].concat(result.errors ?? []).slice(0, 5);
        findings.push(`${rel(file)}: not a valid OpenAPI document: ${JSON.stringify(errors)}`);
        return false;
    }
    if (!String(spec.openapi).startsWith('3.0.')) {
        findings.push(`${rel(file)}: openapi is ${spec.openapi}; External Services takes OpenAPI 3.0`);
        return false;
    }
    let ok = true;
    const visit = (node, at) => {
        if (Array.isArray(node)) {
            node.forEach((child, i) => visit(child, `${at}[${i}]`));
        } else if (node && typeof node === 'object') {
            if (typeof node.$ref === 'string' && resolvePointer(spec, node.$ref) === undefined) {
                findings.push(`${rel(file)}: ${at}.$ref ${node.$ref} does not resolve`);
                ok = false;
            }
            for (const [key, child] of Object.entries(node)) {
                visit(child, `${at}.${key}`);
            }
        }
    };
    visit(spec, '$');
    return ok;
}

function resolvePointer(document, ref) {
    if (!ref.startsWith('#/')) {
        return undefined;
    }
    return ref
        .slice(2)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), document);
}

/** A copy of a schema in which every object schema that lists properties rejects unknown properties. */
export function closeObjects(schema) {
    if (Array.isArray(schema)) {
        return schema.map(closeObjects);
    }
    if (!schema || typeof schema !== 'object') {
        return schema;
    }
    const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closeObjects(value)]));
    if (copy.properties && typeof copy.properties === 'object' && copy.additionalProperties === undefined) {
        copy.additionalProperties = false;
    }
    return copy;
}

function formatAjvErrors(errors) {
    return errors
        .map((e) => {
            const detail = e.keyword === 'enum' ? ` (allowed: ${e.params.allowedValues.join(', ')})` : '';
            const extra = e.keyword === 'additionalProperties' ? ` "${e.params.additionalProperty}"` : '';
            return `${e.instancePath || '/'} ${e.message}${extra}${detail}`;
        })
        .join('; ');
}

function checkFixture(file, spec, specFile, findings) {
    const fixture = readJson(file, findings);
    if (fixture === undefined) {
        return;
    }
    const schemas = spec.components?.schemas ?? {};
    for (const name of [SINGLE_REQUEST, BATCH_REQUEST]) {
        if (!schemas[name]) {
            findings.push(`${rel(specFile)}: has no components.schemas.${name} to validate ${rel(file)} against`);
            return;
        }
    }
    const validate = (ajv, name, body, label) => {
        const check = ajv.getSchema(`${SPEC_ID}#/components/schemas/${name}`);
        if (!check(body)) {
            findings.push(
                `${rel(file)}: ${label} does not match ${rel(specFile)} ${name}: ${formatAjvErrors(check.errors)}`
            );
        }
    };
    try {
        const key = JSON.stringify(schemas);
        let ajv = requestSchemas.get(key);
        if (!ajv) {
            ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
            addFormats(ajv);
            ajv.addVocabulary([...OPENAPI_KEYWORDS, 'components']);
            // Only components.schemas is compiled; refs keep their #/components/schemas/... form.
            ajv.addSchema({ $id: SPEC_ID, components: { schemas: closeObjects(schemas) } });
            requestSchemas.set(key, ajv);
        }
        validate(ajv, SINGLE_REQUEST, fixture, 'the fixture');
        validate(ajv, BATCH_REQUEST, { messages: [fixture, fixture] }, 'a batch body built from the fixture');
    } catch (error) {
        findings.push(`${rel(specFile)}: its request schemas cannot be compiled (${error.message})`);
    }
}

/** Runs every check; returns the number of files checked and the findings. */
export async function checkSpec(options) {
    const findings = [];
    const files = [options.spec, options.registration, options.fixture, options.fallbackFixture];
    const spec = readJson(options.spec, findings);
    if (spec !== undefined && (await checkOpenApi(options.spec, spec, findings))) {
        checkFixture(options.fixture, spec, options.spec, findings);
        checkFixture(options.fallbackFixture, spec, options.spec, findings);
    }
    checkRegistration(options.registration, spec, options.spec, findings);
    return { count: files.length, findings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const unknown = args.filter((a) => !Object.keys(DEFAULTS).some((key) => a.startsWith(`--${key}=`)));
    if (unknown.length) {
        fail(
            GATE,
            `unknown argument(s) ${unknown.join(' ')}; use --spec=, --registration=, --fixture= or --fallbackFixture=`
        );
    }
    const options = parseOptions(args);
    requireExisting(GATE, Object.values(options));
    const { count, findings } = await checkSpec(options);
    finish(GATE, count, findings);
}
