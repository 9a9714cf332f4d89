// Gate: every *-meta.xml validated against the Metadata API types Salesforce publishes in @salesforce/types
// (lib/metadata.d.ts, generated from the Metadata WSDL; see lib/metadata-schema.mjs).
//   node scripts/gates/run.mjs metadata [paths...]   (default: force-app config/per-org)
// Reports malformed XML, a wrong root namespace, an unknown root type, unknown elements, invalid enum values,
// non-boolean booleans, non-numeric numbers, invalid dates, child elements where the type has text and text where it
// has child elements, a missing required element, a root element that does not match the file's suffix (SDR's
// registry), a permission set entry that is not a bare API name, a Protected setting outside a namespace, and text
// longer than Salesforce accepts (TEXT_LIMITS in lib/metadata-schema.mjs). Loose spots of the WSDL, on purpose:
//  - CustomMetadataValue.value is xsd:anyType: it is checked against its xsi:type; xsi:nil="true" must be empty;
//  - LightningComponentBundle.targetConfigs is a string in the WSDL but free XML in .js-meta.xml: its element names
//    are checked against the documented js-meta.xml tags (TARGET_CONFIG_ELEMENTS), its attributes are not;
//  - an xsi:type naming a Metadata type checks the element as that type; `any`/`unknown` fields accept anything;
//  - the Tooling namespace is accepted too: Salesforce's tools write it into .cls-meta.xml files that deploy.
// Passed with no finding on the force-app folders of trailheadapps/lwc-recipes @3c27819d and apex-recipes @94e0020
// (fetched read-only, never committed).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadMetadataSchema, textLimit } from './lib/metadata-schema.mjs';
import { collectFiles, lineAt, parseArgs, rel, root } from './lib/common.mjs';

const NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
const TOOLING_NAMESPACE = 'urn:metadata.tooling.soap.sforce.com';

// js-meta.xml <targetConfigs> content (LWC Developer Guide, "XML Configuration File Elements"); others hold none.
const TARGET_CONFIG_ELEMENTS = {
    targetConfigs: ['targetConfig'],
    targetConfig: ['property', 'propertyType', 'objects', 'supportedFormFactors', 'actionType', 'event', 'sourceType'],
    objects: ['object'],
    supportedFormFactors: ['supportedFormFactor'],
    event: ['schema'],
    property: ['datasource']
};

// Elements that hold the API name of another component (a permission set's class, page and flow entries). A name
// with anything else around it (a formatter's semicolon, a line break) names nothing in the org.
const API_NAME_FIELDS = new Set(['apexClass', 'apexPage', 'flow']);
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

// Source-format suffix -> the metadata types that use it (SDR's registry, the CLI's own mapping), so that a
// root element that does not match its file name (e.g. <CustomObject> in a .field-meta.xml) is reported.
// Bundle-like types without a suffix of their own (ExperienceBundle's meta file is <name>.site-meta.xml, for one)
// are exempt.
// (The registry JSON alone: importing the whole SDR library would double this gate's start-up time.)
const registry = createRequire(import.meta.url)(
    '@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json'
);
const TYPES_BY_SUFFIX = new Map();
const TYPES_WITHOUT_SUFFIX = new Set();
const addSuffixes = (type) => {
    if (!type.suffix) {
        TYPES_WITHOUT_SUFFIX.add(type.name);
    }
    for (const suffix of [type.suffix, type.metaFileSuffix, type.legacySuffix].filter(Boolean)) {
        TYPES_BY_SUFFIX.set(suffix, [...(TYPES_BY_SUFFIX.get(suffix) ?? []), type.name]);
    }
    Object.values(type.children?.types ?? {}).forEach(addSuffixes);
};
Object.values(registry.types).forEach(addSuffixes);

let types; // the schema, built once per process
const NAMESPACE_OF_PROJECT = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')).namespace;
const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    captureMetaData: true,
    commentPropName: '#comment',
    processEntities: true,
    htmlEntities: false
});
const META = XMLParser.getMetaDataSymbol();

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATETIME = new RegExp(`${DATE.source.slice(0, -1)}T${TIME.source.slice(1)}`);
const XSD_CHECKS = {
    ...{ string: /^/, anyType: /^/, boolean: /^(true|false)$/, date: DATE, dateTime: DATETIME, time: TIME },
    ...{ double: NUMBER, decimal: NUMBER, float: NUMBER, int: INTEGER, long: INTEGER, integer: INTEGER }
};

export function check(args) {
    const { paths } = parseArgs(args, { paths: ['force-app', 'config/per-org'] });
    const files = collectFiles(paths, (f) => f.endsWith('-meta.xml'));
    types ??= loadMetadataSchema();
    const findings = [];
    files.forEach((file) => checkFile(file, findings));
    return { count: files.length, findings };
}

function checkFile(file, findings) {
    const xml = fs.readFileSync(file, 'utf8');
    const report = (node, message) => {
        const index = node?.[META]?.startIndex;
        findings.push(`${rel(file)}${index === undefined ? '' : `:${lineAt(xml, index)}`} ${message}`);
    };

    const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
    if (valid !== true) {
        findings.push(`${rel(file)}:${valid.err.line}:${valid.err.col} malformed XML: ${valid.err.msg}`);
        return;
    }
    const roots = parser.parse(xml).filter((n) => !('?xml' in n) && !('#comment' in n));
    const rootNode = roots[0];
    const rootName = rootNode && elementName(rootNode);
    if (!rootName || roots.length !== 1) {
        report(rootNode, 'malformed XML: expected exactly one root element');
        return;
    }
    const attrs = rootNode[':@'] ?? {};
    if (attrs.xmlns !== NAMESPACE && attrs.xmlns !== TOOLING_NAMESPACE) {
        report(
            rootNode,
            `<${rootName}>: root namespace must be xmlns="${NAMESPACE}"${attrs.xmlns ? `, found "${attrs.xmlns}"` : ' (missing)'}`
        );
    }
    const type = types.get(rootName);
    if (!type || type.kind !== 'object' || !type.fields.has('fullName')) {
        report(rootNode, `<${rootName}>: not a Metadata API type (root element must name the type, e.g. CustomObject)`);
        return;
    }
    const suffix = /\.([^.]+)-meta\.xml$/.exec(file)?.[1];
    const expected = TYPES_BY_SUFFIX.get(suffix) ?? [];
    // Settings files are named <Name>.settings-meta.xml with root <NameSettings>.
    const settings = expected.includes('Settings') && rootName.endsWith('Settings');
    if (expected.length && !expected.includes(rootName) && !settings && !TYPES_WITHOUT_SUFFIX.has(rootName)) {
        report(rootNode, `<${rootName}>: a .${suffix}-meta.xml file holds ${expected.join(' or ')}, not ${rootName}`);
    }
    // In source format the API name is the file name (the folder's, for an object).
    const apiName = /([^/\\]+?)(?:__(?:c|mdt|e|b|x))?\.(?:field|object|permissionset|flow)-meta\.xml$/.exec(file)?.[1];
    if (apiName) {
        checkLength(rootNode, `${rootName} API name`, rootName, '(name)', apiName, report);
    }
    checkObject(rootNode, rootName, type, rootName, report);
    const visibility = childElements(rootNode, rootName).find((c) => elementName(c) === 'visibility');
    if (visibility && textOf(visibility, 'visibility') === 'Protected' && !NAMESPACE_OF_PROJECT) {
        report(
            visibility,
            `<${rootName}.visibility>: Protected outside a namespace deploys only to developer and scratch orgs and protects nothing; use Public`
        );
    }
}

function checkLength(node, path, ownerType, field, value, report) {
    const limit = textLimit(types, ownerType, field);
    if (limit && value.length > limit.max) {
        report(
            node,
            `<${path}>: ${value.length} characters, Salesforce accepts at most ${limit.max} (${limit.type}.${limit.field})`
        );
    }
}

const elementName = (node) => Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#comment');

const childElements = (node, name) => node[name].filter((c) => !('#comment' in c) && !('#text' in c));

function textOf(node, name) {
    return node[name]
        .filter((c) => '#text' in c)
        .map((c) => c['#text'])
        .join('');
}

/** An xsi: attribute (Salesforce's tools write the XMLSchema-instance namespace as `xsi`). */
const xsiAttr = (node, local) => node[':@']?.[`xsi:${local}`];

function checkObject(node, name, type, path, report) {
    const text = textOf(node, name);
    if (text.trim()) {
        report(node, `<${path}>: unexpected text "${text.slice(0, 40)}"; ${type.name} has child elements only`);
    }
    const present = new Set();
    for (const child of childElements(node, name)) {
        const childName = elementName(child);
        present.add(childName);
        const childPath = `${path}.${childName}`;
        const field = type.fields.get(childName);
        if (!field) {
            report(child, `<${childPath}>: unknown element "${childName}" in ${type.name}`);
            continue;
        }
        checkField(child, childName, field, childPath, report, type.name);
    }
    for (const [fieldName, field] of type.fields) {
        if (field.required && !field.array && !present.has(fieldName)) {
            report(node, `<${path}>: required element "${fieldName}" of ${type.name} is missing`);
        }
    }
}

function checkField(node, name, field, path, report, ownerType) {
    // (4) explicit polymorphic type.
    const xsiType = xsiAttr(node, 'type');
    const nil = xsiAttr(node, 'nil') === 'true';
    if (nil) {
        if (childElements(node, name).length || textOf(node, name)) {
            report(node, `<${path}>: xsi:nil="true" but the element has content`);
        }
        return;
    }
    if (xsiType !== undefined) {
        const [, local] = xsiType.includes(':') ? xsiType.split(':') : ['', xsiType];
        if (xsiType.startsWith('xsd:') || !types.has(local)) {
            const check = XSD_CHECKS[local];
            if (!check) {
                report(node, `<${path}>: unknown xsi:type "${xsiType}"`);
            } else if (childElements(node, name).length) {
                report(node, `<${path}>: xsi:type "${xsiType}" holds text, found child elements`);
            } else if (!check.test(textOf(node, name))) {
                report(node, `<${path}>: "${textOf(node, name)}" is not a valid ${xsiType}`);
            }
            return;
        }
        field = { ref: local };
    }
    // (2) free XML inside LightningComponentBundle.targetConfigs.
    if (ownerType === 'LightningComponentBundle' && name === 'targetConfigs') {
        checkTargetConfigs(node, name, path, report);
        return;
    }
    // A named scalar type is checked as its scalar; a reference the d.ts does not define has nothing to check against.
    const type = field.ref && types.get(field.ref);
    const scalar = field.scalar ?? (type?.kind === 'scalar' ? type.scalar : undefined);
    const expected = scalar ?? (type?.kind === 'enum' ? type.name : undefined);
    if ((!type && !scalar) || scalar === 'any') {
        return; // (5)
    }
    if (expected && childElements(node, name).length) {
        report(node, `<${path}>: ${expected} value expected, found child elements`);
        return;
    }
    const value = textOf(node, name);
    const form = { boolean: XSD_CHECKS.boolean, number: NUMBER, date: new RegExp(`${DATE.source}|${DATETIME.source}`) };
    if (form[scalar] && !form[scalar].test(value)) {
        report(node, `<${path}>: "${value}" is not a ${scalar}`);
    } else if (scalar === 'string') {
        checkLength(node, path, ownerType, name, value, report);
        if (API_NAME_FIELDS.has(name) && !API_NAME.test(value)) {
            report(node, `<${path}>: "${value.trim()}" is not an API name (letters, digits and underscores)`);
        }
    } else if (!scalar && type.kind === 'enum' && !type.values.has(value)) {
        const allowed = [...type.values];
        const more = allowed.length > 30 ? ', ...' : '';
        report(
            node,
            `<${path}>: invalid ${type.name} value "${value}"; allowed: ${allowed.slice(0, 30).join(', ')}${more}`
        );
    } else if (!scalar && type.kind === 'object') {
        checkObject(node, name, type, path, report);
    }
}

function checkTargetConfigs(node, name, path, report) {
    const allowed = TARGET_CONFIG_ELEMENTS[name] ?? [];
    for (const child of childElements(node, name)) {
        const childName = elementName(child);
        if (!allowed.includes(childName)) {
            report(
                child,
                `<${path}.${childName}>: unknown element "${childName}" in <${name}> (js-meta.xml configuration)`
            );
            continue;
        }
        checkTargetConfigs(child, childName, `${path}.${childName}`, report);
    }
}
