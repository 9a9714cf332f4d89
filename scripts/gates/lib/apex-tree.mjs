// The Apex parse tree for the gates that read Apex structure (apex-test-flows, apex-test-runas): one class per
// file parsed with @apexdevtools/apex-parser, and the few questions those gates ask of it (annotations, methods,
// calls, runAs blocks). Node kinds are the ANTLR contexts of the parser's grammar (ApexParser.g4), matched by
// constructor name. Apex names are case-insensitive, so every name is compared lower-cased.
import fs from 'node:fs';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { fail, rel } from './common.mjs';

class CollectingListener extends ApexErrorListener {
    constructor() {
        super();
        this.errors = [];
    }
    apexSyntaxError(line, column, message) {
        this.errors.push(`${line}:${column + 1} ${message}`);
    }
}

/**
 * The top-level class of one .cls file (see topLevelClass), or undefined for an interface or enum. A syntax error
 * fails the gate, naming file:line: it cannot judge a file it cannot parse.
 */
export function parseTopLevelClass(gate, file) {
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(fs.readFileSync(file, 'utf8'), listener);
    const tree = parser.compilationUnit();
    if (listener.errors.length) {
        fail(
            gate,
            `${rel(file)}:${listener.errors[0]} (not valid Apex; format:check, through Prettier's Apex parser, names it)`
        );
    }
    return topLevelClass(tree);
}

export const kind = (node) => node?.constructor?.name;

/** Every node under `node` (itself included) whose kind is one of `kinds`, in document order. */
export function findAll(node, kinds, out = []) {
    if (!node?.children) {
        return out;
    }
    if (kinds.includes(kind(node))) {
        out.push(node);
    }
    for (const child of node.children) {
        findAll(child, kinds, out);
    }
    return out;
}

/** The first child of a kind, or undefined. */
export const child = (node, k) => node?.children?.find((c) => kind(c) === k);

/** Lower-cased annotation names among a declaration's modifiers (e.g. 'istest', 'auraenabled'). */
export function annotationsOf(modifiers) {
    return modifiers
        .map((m) => child(m, 'AnnotationContext'))
        .filter(Boolean)
        .map((a) => child(a, 'QualifiedNameContext')?.getText() ?? child(a, 'IdContext')?.getText() ?? '')
        .map((name) => name.toLowerCase());
}

/** Lower-cased keywords among a declaration's modifiers (e.g. 'public', 'static', 'testmethod'). */
export const keywordsOf = (modifiers) =>
    modifiers.filter((m) => !child(m, 'AnnotationContext')).map((m) => m.getText().toLowerCase());

const modifiersOf = (node) => (node?.children ?? []).filter((c) => kind(c) === 'ModifierContext');

/**
 * The top-level class of a file: { name, annotations, body, node }, or undefined for an interface, enum or trigger.
 * annotations are the class's own (lower-cased).
 */
export function topLevelClass(tree) {
    const type = child(tree, 'TypeDeclarationContext');
    const declaration = child(type, 'ClassDeclarationContext');
    if (!declaration) {
        return undefined;
    }
    return {
        name: child(declaration, 'IdContext').getText(),
        annotations: annotationsOf(modifiersOf(type)),
        body: child(declaration, 'ClassBodyContext'),
        node: declaration
    };
}

/**
 * The methods declared directly in a class body (not in its inner classes):
 * [{ name, annotations, keywords, node, line }].
 */
export function methodsOf(classBody) {
    const methods = [];
    for (const declaration of classBody?.children ?? []) {
        if (kind(declaration) !== 'ClassBodyDeclarationContext') {
            continue;
        }
        const method = child(child(declaration, 'MemberDeclarationContext'), 'MethodDeclarationContext');
        if (method) {
            const modifiers = modifiersOf(declaration);
            methods.push({
                name: child(method, 'IdContext').getText(),
                annotations: annotationsOf(modifiers),
                keywords: keywordsOf(modifiers),
                node: method,
                line: method.start.line
            });
        }
    }
    return methods;
}

/** Every method of a class, its inner classes' included, each with the name of the class that declares it. */
export function allMethodsOf(classBody, className) {
    const methods = methodsOf(classBody).map((m) => ({ ...m, className }));
    for (const declaration of classBody?.children ?? []) {
        const inner = child(
            child(child(declaration, 'MemberDeclarationContext'), 'ClassDeclarationContext'),
            'ClassBodyContext'
        );
        if (inner) {
            methods.push(...allMethodsOf(inner, className));
        }
    }
    return methods;
}

/**
 * Whether a node lies inside the block of a `System.runAs(...) { }` statement (not in its argument), looking no
 * higher than `top`.
 */
export function insideRunAs(node, top) {
    for (let from = node, n = node.parentCtx; n && n !== top; from = n, n = n.parentCtx) {
        if (kind(n) === 'RunAsStatementContext' && kind(from) === 'BlockContext') {
            return true;
        }
    }
    return false;
}
