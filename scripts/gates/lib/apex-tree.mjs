// The Apex parse tree for the gates that read Apex structure (apex-test-flows, apex-test-runas, controller-contract):
// one class per file parsed with @apexdevtools/apex-parser, once per process however many gates ask (the parser's
// first files cost most: ANTLR builds its prediction tables as it goes, ~5 CPU s for this package's tests against
// under 1 s for a second pass), and the few questions those gates ask of it. Node kinds are the ANTLR contexts of the
// parser's grammar (ApexParser.g4), matched by constructor name. Apex names are case-insensitive, so every name is
// compared lower-cased.
import fs from 'node:fs';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { fail, rel } from './common.mjs';

export const kind = (node) => node?.constructor?.name;

/** The first child of a kind, or undefined. */
export const child = (node, k) => node?.children?.find((c) => kind(c) === k);

/** Every node under `node` (itself included) whose kind is one of `kinds`, in document order. */
export function findAll(node, kinds, out = []) {
    if (node?.children) {
        if (kinds.includes(kind(node))) {
            out.push(node);
        }
        node.children.forEach((c) => findAll(c, kinds, out));
    }
    return out;
}

/** A declaration's modifiers: lower-cased annotation names (e.g. 'istest') and keywords (e.g. 'testmethod'). */
export function modifiers(node) {
    const all = (node?.children ?? []).filter((c) => kind(c) === 'ModifierContext');
    const annotation = (m) => child(m, 'AnnotationContext');
    const name = (a) => child(a, 'QualifiedNameContext')?.getText() ?? child(a, 'IdContext')?.getText() ?? '';
    return {
        annotations: all.filter(annotation).map((m) => name(annotation(m)).toLowerCase()),
        keywords: all.filter((m) => !annotation(m)).map((m) => m.getText().toLowerCase())
    };
}

const parsed = new Map();

/**
 * The top-level class of one .cls file: { name, annotations, body, node }, or undefined for an interface or enum. A
 * syntax error fails the gate, naming file:line: it cannot judge a file it cannot parse.
 */
export function parseTopLevelClass(file) {
    if (!parsed.has(file)) {
        parsed.set(file, parse(file));
    }
    return parsed.get(file);
}

function parse(file) {
    const errors = [];
    const listener = new (class extends ApexErrorListener {
        apexSyntaxError(line, column, message) {
            errors.push(`${line}:${column + 1} ${message}`);
        }
    })();
    const tree = ApexParserFactory.createLexerAndParser(
        fs.readFileSync(file, 'utf8'),
        listener
    ).parser.compilationUnit();
    if (errors.length) {
        fail(`${rel(file)}:${errors[0]} (not valid Apex; format:check, through Prettier's Apex parser, names it)`);
    }
    const type = child(tree, 'TypeDeclarationContext');
    const declaration = child(type, 'ClassDeclarationContext');
    return (
        declaration && {
            name: child(declaration, 'IdContext').getText(),
            annotations: modifiers(type).annotations,
            body: child(declaration, 'ClassBodyContext'),
            node: declaration
        }
    );
}

/**
 * The methods declared in a class body, with its inner classes' unless `own`: [{ name, annotations, keywords, node }].
 */
export function methodsOf(classBody, own = false) {
    return (classBody?.children ?? []).flatMap((declaration) => {
        const member = child(declaration, 'MemberDeclarationContext');
        const method = child(member, 'MethodDeclarationContext');
        const inner = !own && child(child(member, 'ClassDeclarationContext'), 'ClassBodyContext');
        return [
            ...(method
                ? [{ name: child(method, 'IdContext').getText(), ...modifiers(declaration), node: method }]
                : []),
            ...(inner ? methodsOf(inner) : [])
        ];
    });
}

/** Whether a node lies inside the block of a `System.runAs(...) { }` (not its argument), looking no higher than `top`. */
export function insideRunAs(node, top) {
    for (let from = node, n = node.parentCtx; n && n !== top; from = n, n = n.parentCtx) {
        if (kind(n) === 'RunAsStatementContext' && kind(from) === 'BlockContext') {
            return true;
        }
    }
    return false;
}
