// Gate: the components' view of WhatsAppOtpController is the controller's own.
//   node scripts/gates/run.mjs controller-contract [WhatsAppOtpController.cls] [apex.d.ts]
// src-ts/types/apex.d.ts declares one module `@salesforce/apex/<Class>.<method>` per method the components may
// call (the form LWC imports Apex methods in: developer.salesforce.com/docs/platform/lwc/guide/apex-import-method).
// Each @AuraEnabled method of the class needs its module, with the same parameter names and types, and its result
// type the @AuraEnabled fields of the response class it returns: no field the Apex lacks, none missing, the same
// types (an Apex Id, String or Datetime reaches JavaScript as a string). A module without such a method fails too.
// The preview's simulated controller is held to the same shapes by its tests (dtsContract).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { findAll, kind, methodsOf, modifiers, nameOf, parseTopLevelClass } from './lib/apex-tree.mjs';
import { parseArgs, rel, root } from './lib/common.mjs';

export const CONTROLLER = path.join(root, 'force-app/core/classes/controllers/WhatsAppOtpController.cls');
export const DTS = path.join(root, 'src-ts/types/apex.d.ts');

// How an Apex value reaches JavaScript (an Id, a String and a Datetime arrive as strings).
const APEX_TO_JS = {
    ...Object.fromEntries(['id', 'string', 'datetime', 'date'].map((type) => [type, 'string'])),
    ...Object.fromEntries(['integer', 'long', 'decimal', 'double'].map((type) => [type, 'number'])),
    boolean: 'boolean',
    void: 'void'
};
const jsOf = (apexType) => APEX_TO_JS[apexType.toLowerCase()] ?? apexType;

/** The @AuraEnabled methods of a controller: name -> { params: Map name -> js type, returns, fields: Map | null }. */
export function apexContract(file) {
    const cls = parseTopLevelClass(file);
    const inner = new Map();
    for (const { body } of findAll(cls.node, ['InnerClassMember'])) {
        const fields = new Map();
        for (const { variableDecls: field } of body.members.filter((m) => kind(m) === 'FieldMember')) {
            if (modifiers(field.modifiers).annotations.includes('auraenabled')) {
                field.decls.forEach((d) => fields.set(d.name.value, jsOf(nameOf(field.type))));
            }
        }
        inner.set(body.name.value, fields);
    }
    const methods = new Map();
    for (const method of methodsOf(cls.node).filter((m) => m.annotations.includes('auraenabled'))) {
        const returnType = nameOf(method.node.type);
        const params = new Map(method.node.parameters.map((p) => [p.name.value, jsOf(nameOf(p.typeRef))]));
        const fields = inner.get(returnType) ?? null;
        methods.set(method.name, { params, returns: fields ? returnType : jsOf(returnType), fields });
    }
    return { className: cls.name, methods };
}

// A keyword or literal type's JavaScript kind, by SyntaxKind; null and undefined add none.
const KIND_OF_SYNTAX = new Map(
    Object.entries({
        ...{ StringKeyword: 'string', StringLiteral: 'string', NumberKeyword: 'number', NumericLiteral: 'number' },
        ...{ BooleanKeyword: 'boolean', TrueKeyword: 'boolean', FalseKeyword: 'boolean', VoidKeyword: 'void' },
        ...{ NullKeyword: null, UndefinedKeyword: null }
    }).map(([name, kind]) => [ts.SyntaxKind[name], kind])
);

/** The JavaScript kinds a type node allows, null and undefined aside: 'string', 'number', 'boolean', 'void', or an interface name. */
function kindsOf(node, locals) {
    if (!node) {
        return [];
    }
    if (ts.isUnionTypeNode(node)) {
        return [...new Set(node.types.flatMap((t) => kindsOf(t, locals)))];
    }
    if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText();
        if (name === 'Promise') {
            return kindsOf(node.typeArguments?.[0], locals);
        }
        const local = locals.get(name);
        return ts.isTypeAliasDeclaration(local ?? node) ? kindsOf(local.type, locals) : [name];
    }
    const syntax = ts.isLiteralTypeNode(node) ? node.literal.kind : node.kind;
    return KIND_OF_SYNTAX.has(syntax) ? [KIND_OF_SYNTAX.get(syntax)].filter(Boolean) : [node.getText()];
}

/** The members of a type literal or interface: name -> { kinds, optional }. */
function membersOf(declaration, locals) {
    return new Map(
        declaration.members.map((m) => [
            m.name.getText(),
            { kinds: kindsOf(m.type, locals), optional: Boolean(m.questionToken) }
        ])
    );
}

/**
 * The modules of a .d.ts for one Apex class: method -> { params: Map, shapes: [{ name, fields: Map }] }, where a
 * result that is a union of interfaces has one shape per interface (a void result has none).
 */
export function dtsContract(file = DTS, className = 'WhatsAppOtpController') {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const methods = new Map();
    for (const statement of source.statements.filter(ts.isModuleDeclaration)) {
        const method = new RegExp(`^@salesforce/apex/${className}\\.(\\w+)$`).exec(statement.name.text)?.[1];
        if (!method) {
            continue;
        }
        const locals = new Map(statement.body.statements.filter((s) => s.name).map((s) => [s.name.text, s]));
        const fn = statement.body.statements.find(ts.isFunctionDeclaration);
        const param = fn?.parameters[0]?.type;
        const shapes = kindsOf(fn?.type, locals)
            .filter((k) => ts.isInterfaceDeclaration(locals.get(k) ?? fn))
            .map((name) => ({ name, fields: membersOf(locals.get(name), locals) }));
        const returns = kindsOf(fn?.type, locals).filter((k) => !locals.has(k));
        methods.set(method, { params: param ? membersOf(param, locals) : new Map(), shapes, returns });
    }
    return methods;
}

/** One finding per difference between the Apex methods and the .d.ts modules. */
export function compareContracts(apex, dts, dtsName = 'apex.d.ts') {
    const findings = [];
    const differ = (where, apexType, dtsKinds) =>
        dtsKinds.length !== 1 || dtsKinds[0] !== apexType
            ? [`${where}: ${dtsName} says ${dtsKinds.join(' | ') || 'nothing'}, the Apex ${apexType}`]
            : [];
    /** One finding per name on one side only, and per name whose types differ (`at` names it). */
    const compare = (apexTypes, dtsMembers, at, { apexOnly, dtsOnly }) => [
        ...[...apexTypes]
            .map(([n, type]) => (dtsMembers.has(n) ? differ(at(n), type, dtsMembers.get(n).kinds) : [apexOnly(n)]))
            .flat(),
        ...[...dtsMembers.keys()].filter((n) => !apexTypes.has(n)).map(dtsOnly)
    ];
    for (const [name, method] of apex.methods) {
        const where = `${apex.className}.${name}`;
        const declared = dts.get(name);
        if (!declared) {
            findings.push(`${where}: @AuraEnabled, but ${dtsName} declares no module for it`);
            continue;
        }
        findings.push(
            ...compare(method.params, declared.params, (p) => `${where}(${p})`, {
                apexOnly: (p) => `${where}: ${dtsName} has no param ${p}`,
                dtsOnly: (p) => `${where}: ${dtsName} has a param ${p} the Apex lacks`
            })
        );
        if (!method.fields) {
            findings.push(...differ(`${where} result`, method.returns, declared.returns));
            continue;
        }
        const dtsFields = new Map(declared.shapes.flatMap((shape) => [...shape.fields]));
        findings.push(
            ...compare(method.fields, dtsFields, (f) => `${where} result ${f}`, {
                apexOnly: (f) => `${where} result ${f}: @AuraEnabled on ${method.returns}, missing from ${dtsName}`,
                dtsOnly: (f) => `${where} result ${f}: in ${dtsName}, not an @AuraEnabled field of ${method.returns}`
            })
        );
    }
    for (const name of dts.keys()) {
        if (!apex.methods.has(name)) {
            findings.push(
                `${apex.className}.${name}: ${dtsName} declares it, the class has no such @AuraEnabled method`
            );
        }
    }
    return findings;
}

export function check(args) {
    const [controller, dts] = parseArgs(args, { paths: [CONTROLLER, DTS] }).paths;
    const apex = apexContract(controller);
    return { count: 2, findings: compareContracts(apex, dtsContract(dts, apex.className), rel(dts)) };
}
