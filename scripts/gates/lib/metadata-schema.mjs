// A schema of the Metadata API types, built from @salesforce/types lib/metadata.d.ts (generated from the Metadata WSDL)
// with the TypeScript compiler API. Every declaration there is a type alias: `'A' | 'B'` is an enum, `string` a
// scalar, `Base & { f?: T }` or `{ f: T[] }` an object (a field without `?` is required: minOccurs 1), a bare
// `X = Folder` the type it names.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import ts from 'typescript';

/** @returns {Map<string, object>} the types by name */
export function loadMetadataSchema() {
    // The package exports ./metadata (the .js); the .d.ts sits beside it.
    const file = path.join(
        path.dirname(createRequire(import.meta.url).resolve('@salesforce/types/metadata')),
        'metadata.d.ts'
    );
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const raw = new Map();
    for (const statement of source.statements) {
        if (ts.isTypeAliasDeclaration(statement)) {
            raw.set(statement.name.text, statement.type);
        }
    }
    const types = new Map();
    for (const [name, node] of raw) {
        types.set(name, describe(node, name));
    }
    // `export type ReportFolder = Folder;`: a bare alias is the type it names.
    for (const [name, node] of raw) {
        if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && types.has(node.typeName.text)) {
            types.set(name, { ...types.get(node.typeName.text), name });
        }
    }
    // Resolve each object's bases into one flat field map (a base's fields first, so the type's own win).
    const fieldsOf = (name, seen = new Set()) => {
        const type = types.get(name);
        if (type?.kind !== 'object' || seen.has(name)) {
            return [];
        }
        seen.add(name);
        return [...type.bases.flatMap((base) => fieldsOf(base, seen)), ...type.ownFields];
    };
    for (const [name, type] of types) {
        if (type.kind === 'object') {
            type.fields = new Map(fieldsOf(name));
        }
    }
    return types;
}

function describe(node, name) {
    const literals = ts.isUnionTypeNode(node) ? node.types : [node];
    if (literals.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
        return { kind: 'enum', name, values: new Set(literals.map((t) => t.literal.text)) };
    }
    if (ts.isTypeLiteralNode(node) || ts.isIntersectionTypeNode(node)) {
        const parts = ts.isIntersectionTypeNode(node) ? node.types : [node];
        const bases = [];
        const ownFields = new Map();
        for (const part of parts) {
            if (ts.isTypeReferenceNode(part)) {
                bases.push(part.typeName.escapedText);
            } else if (ts.isTypeLiteralNode(part)) {
                for (const member of part.members) {
                    if (ts.isPropertySignature(member) && member.type) {
                        // A field the WSDL marks required (minOccurs 1) is typed without `?`.
                        const field = { ...fieldType(member.type), required: !member.questionToken };
                        ownFields.set(member.name.escapedText ?? member.name.text, field);
                    }
                }
            }
        }
        return { kind: 'object', name, bases, ownFields };
    }
    return { kind: 'scalar', name, scalar: scalarName(node) ?? 'any' };
}

const SCALARS = { StringKeyword: 'string', BooleanKeyword: 'boolean', NumberKeyword: 'number' };
// Anything else (any, unknown, a construct not listed) is 'any' at the callers: a field that accepts anything.
const scalarName = (node) => SCALARS[ts.SyntaxKind[node.kind]];

/** A field's type: { array, scalar } or { array, ref }. */
function fieldType(node) {
    const array = ts.isArrayTypeNode(node);
    const element = array ? node.elementType : node;
    const ref = ts.isTypeReferenceNode(element) ? element.typeName.escapedText : undefined;
    return ref && ref !== 'Date' ? { array, ref } : { array, scalar: ref ? 'date' : (scalarName(element) ?? 'any') };
}

// Text lengths Salesforce enforces on deploy, for the metadata types this package ships. One row per
// limit: [type, field, max characters, source]. `type` may be a base type (FlowElement covers every flow
// element: actions, assignments, decisions, screens, variables, ...); `(name)` is the API name, which in
// source format is the file name (without __c). Characters are counted as Salesforce (Java) counts them,
// in UTF-16 code units, after XML entities are decoded.
// A figure marked INFERRED is the one Setup enforces in the UI; the page cited describes the field but the
// figure itself was not in the part of it we could read (UNCONFIRMED until a deploy shows it).
const KB_40 =
    'Salesforce Help KB 000381913 "DescribeFieldResult.getLength() returns maximum of 40 characters": "the current character limit for creating field names and labels is 40 characters"; an object name likewise (40 + __c)';
const FIELD_ATTRIBUTES = 'Salesforce Help "Custom Field Attributes" (platform.custom_field_attributes.htm)';
const PERMISSION_SET =
    'Object Reference, PermissionSet (sfFieldRef): Description string(255), Label string(80), Name string(80); Metadata API PermissionSet.description "up to 255 characters"';
const CUSTOM_LABELS =
    'Salesforce Help "Custom Labels" (cl_about.htm): "up to 1,000 characters in length"; Metadata API CustomLabels: "custom text values, up to 1,000 characters"';
const PICKLIST = 'INFERRED: Salesforce Help "Picklist Limitations": a value is up to 255 characters';
const EXTERNAL_STRING = 'INFERRED: Tooling API ExternalString (the custom label object)';
export const TEXT_LIMITS = [
    ['CustomField', '(name)', 40, KB_40],
    ['CustomField', 'label', 40, KB_40],
    ['CustomField', 'description', 1000, `INFERRED: ${FIELD_ATTRIBUTES}, Description`],
    ['CustomField', 'inlineHelpText', 510, `INFERRED: ${FIELD_ATTRIBUTES}, Help Text`],
    ['CustomField', 'relationshipLabel', 80, `INFERRED: ${FIELD_ATTRIBUTES}, Related List Label`],
    ['CustomObject', '(name)', 40, KB_40],
    ['CustomObject', 'label', 40, `INFERRED: ${KB_40}`],
    ['CustomObject', 'pluralLabel', 40, `INFERRED: ${KB_40}`],
    ['CustomObject', 'description', 1000, `INFERRED: ${FIELD_ATTRIBUTES} (objects share the 1,000 limit)`],
    ['CustomValue', 'fullName', 255, PICKLIST],
    ['CustomValue', 'label', 255, PICKLIST],
    ['CustomLabel', 'value', 1000, CUSTOM_LABELS],
    ['CustomLabel', 'shortDescription', 80, `${EXTERNAL_STRING}, MasterLabel`],
    ['CustomLabel', 'fullName', 80, `${EXTERNAL_STRING}, Name`],
    ['FlowElement', 'name', 80, 'INFERRED: Flow Builder element API Name field (80 characters)'],
    ['QuickAction', 'description', 255, 'INFERRED: Metadata API QuickAction.description; Setup limits it to 255'],
    ['PermissionSet', '(name)', 80, PERMISSION_SET],
    ['PermissionSet', 'label', 80, PERMISSION_SET],
    ['PermissionSet', 'description', 255, PERMISSION_SET]
].map(([type, field, max, source]) => ({ type, field, max, source }));

/**
 * The text-length limit on `field` of `typeName` (or of one of its bases), or undefined.
 * @param {Map<string, object>} types the schema from loadMetadataSchema()
 */
export function textLimit(types, typeName, field, seen = new Set()) {
    if (seen.has(typeName)) {
        return undefined;
    }
    seen.add(typeName);
    const own = TEXT_LIMITS.find((l) => l.type === typeName && l.field === field);
    return own ?? (types.get(typeName)?.bases ?? []).map((b) => textLimit(types, b, field, seen)).find(Boolean);
}
