// The Apex syntax tree for the gates that read Apex structure (apex-test-runas, controller-contract,
// edition-dependency): jorje, Salesforce's own Apex parser, through the serializer that prettier-plugin-apex runs for
// format:check (dangmai/prettier-plugin-apex): its prebuilt native executable for this platform, or the plugin's Java
// build where none is installed. Each file is parsed once per process, however many gates ask, and a gate's files in
// one run of the serializer (its start-up is most of its cost; ANTLR's JavaScript runtime, the other parser at hand,
// rebuilds its prediction tables in every process). A node is the serializer's JSON: its kind is the last part of its
// "@class" (ClassDecl, MethodCallExpr, RunAsBlock), and an optional child is wrapped as { value }. Apex names are
// case-insensitive, so every name is compared lower-cased.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fail, rel } from './common.mjs';

const require = createRequire(import.meta.url);

export const kind = (node) => node?.['@class']?.split(/[.$]/).pop();

/** Every node under `node` (itself included) whose kind is one of `kinds`. */
export function findAll(node, kinds, out = []) {
    if (node && typeof node === 'object') {
        if (kinds.includes(kind(node))) {
            out.push(node);
        }
        Object.values(node).forEach((value) => findAll(value, kinds, out));
    }
    return out;
}

/** A type's, variable's or call's dotted name as written (`Flow.Interview`), type arguments included. */
export function nameOf(node) {
    const named = node?.['@class'] ? node : node?.value;
    const typeArguments = named?.typeArguments?.length ? `<${named.typeArguments.map(nameOf).join(',')}>` : '';
    return (named?.names ?? []).map((n) => n.value).join('.') + typeArguments;
}

/** A declaration's modifiers: lower-cased annotation names ('istest') and keywords ('public', 'testmethod'). */
export function modifiers(list = []) {
    const annotation = (m) => kind(m) === 'Annotation';
    return {
        annotations: list.filter(annotation).map((m) => m.name.value.toLowerCase()),
        keywords: list
            .filter((m) => !annotation(m))
            .map((m) =>
                kind(m)
                    .toLowerCase()
                    .replace(/modifier$/, '')
            )
    };
}

/**
 * The variables a subtree declares (fields, locals, parameters, loop variables): [{ type, id }], the type as written
 * and the declared identifier (a loop variable's name is a list of identifiers).
 */
export function declarations(node) {
    return findAll(node, ['VariableDecls', 'ForInits', 'EnhancedForControl', 'EmptyModifierParameterRef']).flatMap(
        (d) =>
            (d.decls ?? d.inits ?? [d.init ?? d]).map((v) => ({
                type: nameOf(d.type ?? d.typeRef),
                id: [].concat(v.name)[0]
            }))
    );
}

/** The serializer the plugin itself would run (its util.js getNativeExecutableWithFallback). */
function executable() {
    const [platform, windows] = [`${process.platform}-${process.arch}`, process.platform === 'win32'];
    try {
        const name = `apex-ast-serializer-${platform}`;
        return require.resolve(`@prettier-apex/${name}/${name}${windows ? '.exe' : ''}`);
    } catch {
        const plugin = path.dirname(require.resolve('prettier-plugin-apex'));
        return path.join(plugin, '../../vendor/apex-ast-serializer/bin', `apex-ast-serializer${windows ? '.bat' : ''}`);
    }
}

/** The serializer's output for an Apex text (named: one class; anonymous, -a: a block of statements and classes). */
function serialize(text, label, args = []) {
    const run = spawnSync(executable(), args, { input: text, encoding: 'utf8', maxBuffer: 1 << 30 });
    try {
        return JSON.parse(run.stdout)['apex.jorje.semantic.compiler.parser.ParserOutput'];
    } catch {
        return fail(`${label}: the Apex parser gave no tree (exit ${run.status}) ${run.error ?? run.stderr}`);
    }
}

/** A class declaration's { name, annotations, keywords, node }; undefined for none (an interface or enum). */
const classOf = (declaration) =>
    declaration && { name: declaration.name.value, ...modifiers(declaration.modifiers), node: declaration };

const parsed = new Map();

/**
 * Parses the files not parsed yet in one run of the serializer: their texts as one anonymous block, where each file's
 * type is one member (anonymous Apex may declare classes), its lines shifted back to its file's. If the block does not
 * parse, each file is parsed alone, and a syntax error fails the gate, naming file:line: it cannot judge a file it
 * cannot parse.
 */
export function parseClasses(files) {
    const todo = [...new Set(files)].filter((f) => !parsed.has(f));
    const texts = todo.map((f) => fs.readFileSync(f, 'utf8').replace(/\n?$/, '\n'));
    const block = todo.length > 1 && serialize(texts.join(''), 'the Apex classes', ['-a']);
    if (block && !block.parseErrors.length && block.unit.members.length === todo.length) {
        let offset = 0;
        block.unit.members.forEach((member, i) => {
            findAll(member, ['IndexLocation', 'PositionLocation']).forEach((loc) => (loc.line -= offset));
            offset += texts[i].split('\n').length - 1;
            parsed.set(todo[i], classOf(kind(member) === 'InnerClassMember' ? member.body : undefined));
        });
    }
    for (const file of todo.filter((f) => !parsed.has(f))) {
        const output = serialize(texts[todo.indexOf(file)], rel(file));
        const [error] = output.parseErrors;
        if (error) {
            const at = error.error?.error?.loc ?? {};
            fail(`${rel(file)}:${at.line}:${at.column} ${error.message} (not valid Apex; format:check names it too)`);
        }
        parsed.set(file, classOf(kind(output.unit) === 'ClassDeclUnit' ? output.unit.body : undefined));
    }
}

/** The top-level class of one .cls file: { name, annotations, keywords, node }, or undefined for an interface or enum. */
export function parseTopLevelClass(file) {
    parseClasses([file]);
    return parsed.get(file);
}

/** The methods declared in a class, with its inner classes' unless `own`: [{ name, annotations, keywords, node }]. */
export function methodsOf(classDecl, own = false) {
    return (classDecl?.members ?? []).flatMap((member) => {
        if (kind(member) === 'MethodMember') {
            const method = member.methodDecl;
            return [{ name: method.name.value, ...modifiers(method.modifiers), node: method }];
        }
        return kind(member) === 'InnerClassMember' && !own ? methodsOf(member.body) : [];
    });
}
