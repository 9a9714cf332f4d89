// The Apex model of the types Salesforce's External Services derive from an OpenAPI 3.0 spec, so apex-ls can
// type-check Apex that calls ExternalService.<Service> offline (written into a temp workspace only, never deployed:
// the org generates the real classes from the ExternalServiceRegistration), and the org:setup probe's names.
// Sources: Salesforce Help "External Service Registrations in Apex"
// (help.salesforce.com/apex/HTViewHelpDoc?id=platform.external_services_apex_registrations.htm), the Apex
// Developer Guide's "Reserved Keywords"
// (developer.salesforce.com/docs/atlas.en-us.264.0.apexcode.meta/pages/apex_reserved_words.htm) and
// apex-dev-tools/standard-types' stub of aiplatform.ModelsAPI (inline array items named without an `_items` suffix):
//  - service: class <Service> with one method per operation, <op>(<op>_Request input) returning <op>_Response and
//    throwing <op>_ResponseException; <op>_Request has one field per parameter plus `body`; <op>_Response has
//    Code<NNN> per 2xx response with content and Integer responseCode; <op>_ResponseException extends Exception
//    with responseCode, Code<NNN> per other response and defaultResponse for `default`;
//  - a named object schema is <Service>_<schema>; an inline object property (or array items) <Owner>_<property>;
//    an inline response object <Service>_<op>_OUT_<code>;
//  - names: every character but a letter or digit becomes x<utf-8 hex> (`-` -> x2d, `_` -> x5f, a leading digit
//    too); a property named after an Apex reserved keyword, or `type` or `user`, gets `z0` (Help's examples:
//    `type` -> `z0type`, `User` -> `z0User`; `z0date`, `z0user` seen in public compiled code);
//  - stored operation names (the registration's <operations><name>): the encoded operationId in lower case (a
//    registration retrieved from an org, github.com/awesomeandrey/minlopro-dx, stores "Create Leads" as
//    createx20leads while its Apex keeps Createx20Leads);
//  - types: string -> String (enums too), date-time -> Datetime, date -> Date, integer -> Integer (int64 -> Long),
//    number -> Double, boolean -> Boolean, array -> List<T>.
// INFERRED (confirm in an org): the exact names for this spec, the depth of inline nesting, and an object without
// properties or untyped items as Object (the loosest choice: only member access on it fails the check).
import fs from 'node:fs';

/** Apex reserved keywords, exactly as the current "Reserved Keywords" page lists them (lower case). */
export const APEX_RESERVED_KEYWORDS = Object.freeze(
    (
        'abstract activate and any array as asc autonomous begin bigdecimal blob boolean break bulk by byte case ' +
        'cast catch char class collect commit const continue currency date datetime decimal default delete desc do ' +
        'double else end enum exception exit export extends false final finally float for from global goto group ' +
        'having hint if implements import in inner insert instanceof int integer interface into join like limit ' +
        'list long loop map merge new not null nulls number object of on or outer override package parallel ' +
        'pragma private protected public retrieve return rollback select set short sobject sort static string ' +
        'super switch synchronized system testmethod then this throw time transaction trigger true try undelete ' +
        'update upsert using virtual void webservice when where while'
    ).split(' ')
);

/** Every word External Services prefixes with `z0`: the keywords, and `type` and `user`, which are not Apex's. */
export const ENCODED_WORDS = new Set([...APEX_RESERVED_KEYWORDS, 'type', 'user']);

// The documented type mapping (see the header); `type:format` first, then `type`, else Object.
const SCALAR_TYPES = {
    ...{ 'string:date-time': 'Datetime', 'string:date': 'Date', string: 'String', 'integer:int64': 'Long' },
    ...{ integer: 'Integer', number: 'Double', boolean: 'Boolean' }
};

/** Encodes a spec name as an Apex identifier part: [A-Za-z0-9] kept, everything else as x<utf-8 hex>. */
export function encodeName(name) {
    let out = '';
    for (const ch of name) {
        if (/[A-Za-z]/.test(ch) || (/[0-9]/.test(ch) && out.length > 0)) {
            out += ch;
        } else {
            out += [...Buffer.from(ch, 'utf8')].map((b) => `x${b.toString(16)}`).join('');
        }
    }
    return out;
}

/** A property name as an Apex field name. */
export function encodeProperty(name) {
    const encoded = encodeName(name);
    return ENCODED_WORDS.has(encoded.toLowerCase()) ? `z0${encoded}` : encoded;
}

/** An operationId as the registration XML stores it: encoded, lower case (INFERRED from one retrieved org file). */
export function storedOperationName(operationId) {
    return encodeName(operationId).toLowerCase();
}

/**
 * The Apex names an org may have generated where the evidence leaves more than one, the model's choice first
 * (the org:setup name probe tries each in its own anonymous Apex run). Names with one candidate are settled.
 * @param {'property' | 'operation'} kind
 * @param {string} specName the name in the spec
 * @returns {string[]}
 */
export function nameCandidates(kind, specName) {
    const chosen = kind === 'operation' ? encodeName(specName) : encodeProperty(specName);
    const alternatives = [];
    if (kind === 'property' && chosen.startsWith('z0') && specName.toLowerCase() !== 'type') {
        // Only `type` -> `z0type` is seen in compiled code for a property; `user` -> `z0user` is seen in data
        // access code and Help's table, so the unprefixed name stays a candidate.
        alternatives.push(encodeName(specName));
    }
    if (kind === 'operation' && /[^A-Za-z0-9]/.test(specName)) {
        // The x<hex> rule is documented for names; an operationId with the separators dropped is the fallback.
        alternatives.push(specName.replace(/[^A-Za-z0-9]/g, ''));
    }
    return [chosen, ...alternatives.filter((n) => n !== chosen)];
}

/**
 * @param {string} specPath OpenAPI 3.0 JSON file
 * @param {string} service External Service registration name (the Apex class name)
 * @returns {{ files: Map<string, string>, names: string[], objects: Map<string, { fields: string[][] }>,
 *   operations: object[] }} Apex sources by class name; the qualified ExternalService.* names of every generated
 *   type, method and field, for documentation; the object classes with their [apexType, name, specName] fields;
 *   the operations ({ operationId, opName, request, response, exception }, fields as [apexType, name]).
 */
export function generateExternalServiceModel(specPath, service) {
    const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
    const schemas = spec.components?.schemas ?? {};
    const topLevel = new Map(); // class name -> { fields: [[apexType, name, specName]] }
    const names = [];

    const resolveRef = (ref) => {
        const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
        if (!m || !schemas[m[1]]) {
            throw new Error(`${specPath}: unresolved $ref ${ref}`);
        }
        return m[1];
    };

    /** Apex type for a schema used by a field; `owner` names inline objects. */
    const apexType = (schema, owner) => {
        if (schema.$ref) {
            const name = resolveRef(schema.$ref);
            const target = schemas[name];
            if (isObject(target)) {
                return defineObject(`${service}_${encodeName(name)}`, target);
            }
            return apexType(target, owner);
        }
        if (schema.type === 'array') {
            return `List<${apexType(schema.items ?? {}, owner)}>`;
        }
        if (isObject(schema)) {
            return schema.properties ? defineObject(owner, schema) : 'Object';
        }
        const format = `${schema.type}:${schema.format}`;
        return SCALAR_TYPES[format] ?? SCALAR_TYPES[schema.type] ?? 'Object';
    };

    const defineObject = (className, schema) => {
        if (topLevel.has(className)) {
            return className;
        }
        const cls = { fields: [] };
        topLevel.set(className, cls);
        for (const [prop, propSchema] of Object.entries(schema.properties ?? {})) {
            cls.fields.push([apexType(propSchema, `${className}_${encodeName(prop)}`), encodeProperty(prop), prop]);
        }
        return className;
    };

    // Every named object schema exists in the org, used or not.
    for (const [name, schema] of Object.entries(schemas)) {
        if (isObject(schema)) {
            defineObject(`${service}_${encodeName(name)}`, schema);
        }
    }

    const operations = [];
    for (const [pathKey, item] of Object.entries(spec.paths ?? {})) {
        for (const [method, op] of Object.entries(item)) {
            if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method)) {
                continue;
            }
            const operationId = op.operationId ?? `${method}${pathKey}`;
            const opName = encodeName(operationId);
            const request = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => [
                apexType(p.schema ?? { type: 'string' }, `${service}_${opName}_IN_${encodeName(p.name)}`),
                encodeProperty(p.name),
                p.name
            ]);
            const bodySchema = op.requestBody?.content?.['application/json']?.schema;
            if (bodySchema) {
                request.push([apexType(bodySchema, `${service}_${opName}_IN_body`), 'body', 'body']);
            }
            const response = [];
            const exception = [];
            for (const [code, r] of Object.entries(op.responses ?? {})) {
                const schema = r.content?.['application/json']?.schema;
                const field = code === 'default' ? 'defaultResponse' : `Code${code}`;
                const type = schema ? apexType(schema, `${service}_${opName}_OUT_${code}`) : undefined;
                if (/^2\d\d$/.test(code)) {
                    if (type) {
                        response.push([type, field]);
                    }
                } else if (type || code === 'default') {
                    exception.push([type ?? 'String', field]);
                }
            }
            response.push(['Integer', 'responseCode']);
            exception.unshift(['Integer', 'responseCode']);
            operations.push({ operationId, opName, request, response, exception });
        }
    }

    const files = new Map();
    const header = (what) =>
        `// GENERATED by scripts/gates/lib/external-service-model.mjs from the OpenAPI spec, for the offline apex-semantic gate only.\n// ${what}\n`;
    for (const [className, cls] of topLevel) {
        names.push(`ExternalService.${className}`);
        const body = cls.fields.map(([t, n, specName]) => {
            names.push(`ExternalService.${className}.${n}: ${t}${n !== specName ? ` (spec: ${specName})` : ''}`);
            return `    global ${t} ${n};\n`;
        });
        files.set(
            className,
            `${header('An External Services object type.')}global class ${className} {\n${body.join('')}}\n`
        );
    }
    const inner = (name, fields, ext = '') =>
        `    global class ${name}${ext} {\n${fields.map(([t, n]) => `        global ${t} ${n};\n`).join('')}    }\n`;
    let serviceBody = '';
    names.push(`ExternalService.${service}`);
    for (const op of operations) {
        const q = (s) => `ExternalService.${service}.${op.opName}${s}`;
        names.push(
            `ExternalService.${service}.${op.opName}(${op.opName}_Request input): ${op.opName}_Response throws ${op.opName}_ResponseException`
        );
        for (const [suffix, fields] of [
            ['_Request', op.request],
            ['_Response', op.response],
            ['_ResponseException', op.exception]
        ]) {
            names.push(...fields.map(([t, n]) => `${q(suffix)}.${n}: ${t}`));
        }
        serviceBody +=
            `    global ${op.opName}_Response ${op.opName}(${op.opName}_Request input) {\n        return null;\n    }\n` +
            inner(`${op.opName}_Request`, op.request) +
            inner(`${op.opName}_Response`, op.response) +
            inner(`${op.opName}_ResponseException`, op.exception, ' extends Exception');
    }
    files.set(
        service,
        `${header('The External Service class: its operations and their request/response/exception types.')}global class ${service} {\n${serviceBody}}\n`
    );
    return { files, names, objects: topLevel, operations };
}

function isObject(schema) {
    return schema && !schema.$ref && (schema.type === 'object' || (!schema.type && schema.properties));
}
