// Gate: Apex tests reach the package's entry points only inside System.runAs. A production deploy runs the tests
// as the deploying admin before any permission set is assigned, and fields deployed by the Metadata API give that
// admin no field access (forcedotcom/cli#1876), so a test calling an entry point as the running user fails there.
//   node scripts/gates/run.mjs apex-test-runas [paths...]   (default: force-app)
// Entry points are read from the Apex: every @AuraEnabled and @InvocableMethod method, every @HttpPost method of an
// @RestResource class, and every public or global method of SERVICE_CLASS (the gate fails without it, so a rename
// cannot switch the rule off). A call is resolved by its receiver (Class.method(), new Class().method(), or a
// variable's declared class). Helpers (any method of an @IsTest class) are followed: a test may call one outside
// runAs only if it reaches no entry point outside runAs, so a helper either runs its own runAs
// (WhatsAppOtpTestData.assertBulkFlowSend) or is called inside one. Overloads are judged together (by name).
// Checked: @IsTest, testMethod and @TestSetup methods.
import fs from 'node:fs';
import path from 'node:path';
import { collectFiles, fail, parseArgs, rel } from './lib/common.mjs';
import { declarations, findAll, kind, methodsOf, nameOf, parseClasses, parseTopLevelClass } from './lib/apex-tree.mjs';

const SERVICE_CLASS = 'WhatsAppOtpService';
// A class that is neither a test nor declares an entry point can be neither caller nor callee: not parsed.
const MAY_MATTER = /@\s*(istest|auraenabled|invocablemethod|httppost)\b|\btestmethod\b/i;

export function check(args) {
    const { paths } = parseArgs(args, { paths: ['force-app'] });
    const files = collectFiles(paths, (f) => f.endsWith('.cls'));
    const parsed = files.filter(
        (file) => MAY_MATTER.test(fs.readFileSync(file, 'utf8')) || path.basename(file, '.cls') === SERVICE_CLASS
    );
    parseClasses(parsed);
    const classes = parsed.flatMap((file) => [parseTopLevelClass(file)].filter(Boolean).map((c) => ({ ...c, file })));
    const classNames = new Set(classes.map((c) => c.name.toLowerCase()));
    if (!classNames.has(SERVICE_CLASS.toLowerCase())) {
        fail(`no class ${SERVICE_CLASS} under ${paths.map(rel).join(', ')}: the service's entry points cannot be read`);
    }
    const isTest = (c) => c.annotations.includes('istest');
    const entryPoints = entryPointsOf(classes.filter((c) => !isTest(c)));
    const testMethods = testMethodsOf(classes.filter(isTest), classNames);

    // For each test-class method: the first entry point it reaches outside runAs ({ entry, file, line }), if any.
    const reaches = new Map();
    const reachedBy = (method, call) =>
        entryPoints.has(call.target)
            ? { entry: entryPoints.get(call.target), file: method.file, line: call.line }
            : reaches.get(call.target);
    for (let changed = true; changed;) {
        changed = false;
        for (const [key, method] of testMethods) {
            const found = !reaches.has(key) && method.calls.map((call) => reachedBy(method, call)).find(Boolean);
            if (found) {
                reaches.set(key, found);
                changed = true;
            }
        }
    }

    const findings = [];
    for (const method of [...testMethods.values()].filter((m) => m.roots.some(Boolean))) {
        for (const [call, via] of method.calls.map((c) => [c, reachedBy(method, c)]).filter(([, v]) => v)) {
            const where = `${rel(method.file)}:${call.line}`;
            findings.push(
                entryPoints.has(call.target)
                    ? `${where} ${via.entry}() called outside System.runAs in ${method.name}`
                    : `${where} ${call.text}() called outside System.runAs in ${method.name} reaches ` +
                          `${via.entry}() outside System.runAs (${rel(via.file)}:${via.line})`
            );
        }
    }
    return { count: files.length, findings };
}

/** Entry points: 'class.method' (lower-cased) -> 'Class.method' as written. */
function entryPointsOf(classes) {
    const entryPoints = new Map();
    for (const c of classes) {
        const restResource = c.annotations.includes('restresource');
        const service = c.name.toLowerCase() === SERVICE_CLASS.toLowerCase();
        for (const m of methodsOf(c.node, true)) {
            const annotated = ['auraenabled', 'invocablemethod', restResource && 'httppost'].some((a) =>
                m.annotations.includes(a)
            );
            if (annotated || (service && ['public', 'global'].some((k) => m.keywords.includes(k)))) {
                entryPoints.set(`${c.name}.${m.name}`.toLowerCase(), `${c.name}.${m.name}`);
            }
        }
    }
    return entryPoints;
}

/** Every method of every test class, by 'class.method', with its calls outside runAs: { target, line, text }. */
function testMethodsOf(testClasses, classNames) {
    const testMethods = new Map();
    for (const c of testClasses) {
        for (const m of methodsOf(c.node)) {
            const key = `${c.name}.${m.name}`.toLowerCase();
            const types = variableTypes(c.node, m.node);
            const calls = unguardedCalls(m.node).flatMap((call) => {
                const target = targetOf(call, c.name, types, classNames);
                return target ? [{ target, line: lineOf(call), text: nameOf(call) }] : [];
            });
            const entry = testMethods.get(key) ?? { file: c.file, name: `${c.name}.${m.name}`, roots: [], calls: [] };
            entry.calls.push(...calls);
            entry.roots.push(
                ['istest', 'testsetup', 'testmethod'].some((w) => [...m.annotations, ...m.keywords].includes(w))
            );
            testMethods.set(key, entry);
        }
    }
    return testMethods;
}

/** The method calls under a node outside the block of every System.runAs (its argument runs outside). */
function unguardedCalls(node, out = []) {
    if (node && typeof node === 'object') {
        if (kind(node) === 'MethodCallExpr') {
            out.push(node);
        }
        const guarded = kind(node) === 'RunAsBlock' ? node.stmnt : undefined;
        Object.values(node).forEach((value) => value !== guarded && unguardedCalls(value, out));
    }
    return out;
}

/** The line an expression starts on: its receiver's, or its first name's. */
const lineOf = (node) =>
    node.loc?.line ?? (node.dottedExpr?.value ? lineOf(node.dottedExpr.value) : node.names[0].loc.line);

/** Declared types of a method's variables and parameters and its class's fields: name -> type (lower-cased). */
function variableTypes(classNode, methodNode) {
    const fields = findAll(classNode, ['FieldMember']).map((f) => f.variableDecls);
    const declared = [...declarations(fields), ...declarations(methodNode)];
    return new Map(declared.map(({ type, id }) => [id.value.toLowerCase(), type.toLowerCase()]));
}

/**
 * 'class.method' (lower-cased) a call reaches, or undefined when it cannot be told: Class.method(...),
 * variable.method(...) by the variable's declared type, new Class(...).method(...), or method(...) of the caller's class.
 */
function targetOf(call, className, types, classNames) {
    const receiver = call.dottedExpr?.value;
    // A safe navigation (variable?.method()) leaves its receiver a variable expression of its own.
    const plain = kind(receiver) === 'VariableExpr' && !receiver.dottedExpr?.value;
    const names = [...(plain ? receiver.names : []), ...call.names].map((n) => n.value.toLowerCase());
    const [first, second, ...more] = names;
    if (receiver && !plain) {
        const created = kind(receiver) === 'NewExpr' && kind(receiver.creator) === 'NewStandard';
        return created && !second ? `${nameOf(receiver.creator.type).toLowerCase()}.${first}` : undefined;
    }
    if (!second) {
        return `${className.toLowerCase()}.${first}`;
    }
    const owner = types.get(first) ?? (classNames.has(first) ? first : undefined);
    return owner && !more.length ? `${owner}.${second}` : undefined;
}
