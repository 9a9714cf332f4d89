// Builds a schema of the Metadata API types from @salesforce/types lib/metadata.d.ts (generated from the
// Metadata WSDL) with the TypeScript compiler API.
//
// Every declaration in that file is a type alias:
//   export type X = 'A' | 'B';                 -> enum
//   export type X = string;                    -> string (the WSDL declares it as a restriction we do not know)
//   export type X = Base & Other & { f?: T };  -> object with the fields of the bases and its own
//   export type X = { f: T[]; g: Y };          -> object; arrays, scalars, references to other types
// Field types: string, boolean, number, Date, any, unknown, references, arrays of those.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import ts from 'typescript';

const require = createRequire(import.meta.url);

/** @returns {{ file: string, types: Map<string, object> }} */
export function loadMetadataSchema() {
    // The package exports ./metadata (the .js); the .d.ts sits beside it.
    const file = path.join(path.dirname(require.resolve('@salesforce/types/metadata')), 'metadata.d.ts');
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
    // Resolve each object's bases into one flat field map.
    const flat = new Map();
    const fieldsOf = (name, seen = new Set()) => {
        if (flat.has(name)) {
            return flat.get(name);
        }
        const type = types.get(name);
        const fields = new Map();
        if (type?.kind === 'object' && !seen.has(name)) {
            seen.add(name);
            for (const base of type.bases) {
                for (const [k, v] of fieldsOf(base, seen)) {
                    fields.set(k, v);
                }
            }
            for (const [k, v] of type.ownFields) {
                fields.set(k, v);
            }
        }
        flat.set(name, fields);
        return fields;
    };
    for (const [name, type] of types) {
        if (type.kind === 'object') {
            type.fields = fieldsOf(name);
        }
    }
    return { file, types };
}

function describe(node, name) {
    if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
        return { kind: 'enum', name, values: new Set(node.types.map((t) => t.literal.text)) };
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) {
        return { kind: 'enum', name, values: new Set([node.literal.text]) };
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
                        ownFields.set(member.name.escapedText ?? member.name.text, fieldType(member.type));
                    }
                }
            }
        }
        return { kind: 'object', name, bases, ownFields };
    }
    return { kind: 'scalar', name, scalar: scalarName(node) ?? 'any' };
}

function scalarName(node) {
    switch (node.kind) {
        case ts.SyntaxKind.StringKeyword:
            return 'string';
        case ts.SyntaxKind.BooleanKeyword:
            return 'boolean';
        case ts.SyntaxKind.NumberKeyword:
            return 'number';
        case ts.SyntaxKind.AnyKeyword:
        case ts.SyntaxKind.UnknownKeyword:
            return 'any';
        default:
            return undefined;
    }
}

/** A field's type: { array, scalar } or { array, ref }. */
function fieldType(node) {
    let array = false;
    if (ts.isArrayTypeNode(node)) {
        array = true;
        node = node.elementType;
    }
    const scalar = scalarName(node);
    if (scalar) {
        return { array, scalar };
    }
    if (ts.isTypeReferenceNode(node)) {
        const ref = node.typeName.escapedText;
        if (ref === 'Date') {
            return { array, scalar: 'date' };
        }
        return { array, ref };
    }
    return { array, scalar: 'any' };
}
