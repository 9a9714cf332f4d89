#!/usr/bin/env node
// `npm run docs` rewrites the docs' generated tables (CONTRIBUTING.md, "The docs"), each written once in its source
// and only copied here: `error-codes` (WhatsAppOtpException.cls through gates/lib/contracts.mjs, the Custom Labels,
// docs/error-code-meanings.json), `settings` (the fields of WhatsApp_OTP_Setting__mdt, WhatsAppOtpPolicy's Bounds,
// the per-org Default record) and `action:<Class>` (the @InvocableMethod and @InvocableVariable annotations).
// test:docs fails on a block that differs from its source, or is unknown, missing or repeated.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { CONTRACT_SOURCES, parseBounds, parseErrorCodes, parseFieldOfBound } from './gates/lib/contracts.mjs';
import { rel, root } from './gates/lib/common.mjs';

export const SOURCES = {
    ...CONTRACT_SOURCES,
    labels: 'force-app/core/labels/CustomLabels.labels-meta.xml',
    meanings: 'docs/error-code-meanings.json',
    settingFields: 'force-app/core/objects/WhatsApp_OTP_Setting__mdt/fields',
    defaultRecord: 'config/per-org/customMetadata/WhatsApp_OTP_Setting.Default.md-meta.xml',
    actions: 'force-app/core/classes/actions'
};

/** The Markdown files of the project: README.md, CONTRIBUTING.md, SECURITY.md and docs/*.md. */
export function docFiles() {
    const docs = fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md'));
    return ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', ...docs.sort().map((f) => `docs/${f}`)].map((f) =>
        path.join(root, f)
    );
}

/** Reads a project file: the generated blocks' sources. */
export const readProjectFile = (relative) => fs.readFileSync(path.join(root, relative), 'utf8');
const list = (relative) => fs.readdirSync(path.join(root, relative)).sort();

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });

/** A table cell: no line breaks, and `|` escaped so it cannot end the cell. */
const cell = (text) =>
    String(text ?? '')
        .replace(/\s+/g, ' ')
        .replace(/\|/g, '\\|')
        .trim();
const code = (text) => `\`${text}\``;

/**
 * A Markdown table as Prettier prints one, each column padded to its widest cell (at least the three dashes of the
 * delimiter row), so format:check agrees with the generator. Widths count UTF-16 units, which is Prettier's width
 * for the Latin text of the sources; a wide character would show as a format:check finding.
 */
function table(header, rows) {
    const lines = [header, header.map(() => ''), ...rows.map((r) => r.map(cell))];
    const widths = header.map((_, i) => Math.max(3, ...lines.map((line) => line[i].length)));
    const pad = (line, row) => line.map((text, i) => (row === 1 ? '-'.repeat(widths[i]) : text.padEnd(widths[i])));
    return lines.map((line, row) => `| ${pad(line, row).join(' | ')} |`).join('\n');
}

function errorCodesBlock(read) {
    const codes = parseErrorCodes(read(SOURCES.exception));
    const labels = new Map([].concat(xml.parse(read(SOURCES.labels)).CustomLabels.labels).map((l) => [l.fullName, l]));
    const meanings = JSON.parse(read(SOURCES.meanings)).meanings;
    const problems = codes.flatMap(({ code: c, label }) => [
        ...(meanings[c] ? [] : [`${SOURCES.meanings}: no meaning for ${c} (add it)`]),
        ...(labels.has(label) ? [] : [`${SOURCES.labels}: no label ${label} (used for ${c})`])
    ]);
    for (const c of Object.keys(meanings).filter((m) => !codes.some((e) => e.code === m))) {
        problems.push(`${SOURCES.meanings}: ${c} is not an error code of ${SOURCES.exception} (remove it)`);
    }
    if (problems.length) {
        throw new Error(problems.join('\n'));
    }
    const rows = codes.map(({ code: c, label }) => {
        const { value, shortDescription } = labels.get(label);
        // The placeholder note of the label's short description, e.g. "{0}=seconds".
        const note = /\(([^)]*\{\d\}[^)]*)\)/.exec(shortDescription)?.[1];
        return [code(c), meanings[c], code(label), note ? `${value} (${note})` : value];
    });
    return table(['errorCode', 'meaning', 'label', 'agent message (the label, in English)'], rows);
}

function settingsBlock(read) {
    const bounds = parseBounds(read(SOURCES.policy));
    const settingsApex = read(SOURCES.settings);
    const boundOf = new Map([...parseFieldOfBound(settingsApex)].map(([bound, field]) => [field, bound]));
    // The text settings a send refuses to go without (SETTINGS_MISSING).
    const required = new Set([...settingsApex.matchAll(/requireText\(\s*record\.(\w+)/g)].map((m) => m[1]));
    const record = xml.parse(read(SOURCES.defaultRecord)).CustomMetadata;
    const values = new Map(
        [].concat(record.values ?? []).map((v) => [v.field, typeof v.value === 'object' ? v.value['#text'] : v.value])
    );
    const fields = list(SOURCES.settingFields)
        .filter((f) => f.endsWith('.field-meta.xml'))
        .map((f) => xml.parse(read(`${SOURCES.settingFields}/${f}`)).CustomField)
        .sort((a, b) => a.label.localeCompare(b.label));
    const rows = fields.map((f) => {
        const bound = bounds.get(boundOf.get(f.fullName));
        if (boundOf.has(f.fullName) && !bound) {
            throw new Error(`${SOURCES.policy}: no Bound named ${boundOf.get(f.fullName)} (${f.fullName})`);
        }
        // Setup's name for the one field type whose API name differs.
        const type = f.type === 'LongTextArea' ? 'Long Text' : f.type;
        const size = f.type === 'Number' ? `(${f.precision},${f.scale})` : f.length ? `(${f.length})` : '';
        const recorded = values.get(f.fullName);
        const checkbox = recorded === 'true' ? 'on' : 'off';
        const blank = recorded ? code(recorded) : '_(blank)_';
        const defaultValue = bound ? String(bound.defaultValue) : f.type === 'Checkbox' ? checkbox : blank;
        const allowed = bound ? `${bound.min} to ${bound.max}` : required.has(f.fullName) ? 'required' : '';
        return [f.label, code(f.fullName), `${type}${size}`, defaultValue, allowed, f.inlineHelpText ?? f.description];
    });
    return table(['setting', 'API name', 'type', 'default', 'allowed', 'what it does (its help text in Setup)'], rows);
}

const APEX_TYPES = { Id: 'ID', String: 'Text', Boolean: 'Boolean', Integer: 'Number', Datetime: 'Date/Time' };

/** The name='value' and name=true parameters of one annotation's parenthesised text. */
const annotationParameters = (text) =>
    Object.fromEntries(
        [...text.matchAll(/(\w+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\w+))/g)].map((m) => [
            m[1],
            m[2]?.replace(/\\(.)/g, '$1') ?? m[3]
        ])
    );

// A Request class's variables are the action's inputs; a Result class's, its outputs.
const VARIABLES = /public class (Request|Result) \{|@InvocableVariable\(([\s\S]*?)\)\s*public (\w+) (\w+);/g;
const DIRECTIONS = { Request: 'input', Result: 'output' };

/** An invocable action's facts (its @InvocableMethod) and its variables' table; undefined for any other class. */
function actionBlock(apex, className) {
    const method = /@InvocableMethod\(([\s\S]*?)\)\s*public static/.exec(apex);
    if (!method) {
        return undefined;
    }
    const rows = [];
    let direction;
    for (const [, inClass, annotation, type, name] of apex.matchAll(VARIABLES)) {
        const v = annotationParameters(annotation ?? '');
        direction = DIRECTIONS[inClass] ?? direction;
        if (!inClass) {
            const required = v.required === 'true' ? ', required' : '';
            rows.push([
                direction,
                `${v.label} (${code(name)})`,
                `${APEX_TYPES[type] ?? type}${required}`,
                v.description
            ]);
        }
    }
    const action = annotationParameters(method[1]);
    const callouts = action.callout === 'true' ? 'makes callouts' : 'makes no callout';
    const facts = `**${action.label}** (${code(className)}), category **${action.category}**; ${callouts}.`;
    return `${facts} ${action.description}\n\n${table(['direction', 'name', 'type', 'meaning'], rows)}`;
}

const BLOCK = /(<!-- generated:([\w:-]+) -->\n)([\s\S]*?)(<!-- \/generated:\2 -->)/g;

/**
 * Compares (or, with write, rewrites) every generated block of the given files; `read` reads the sources (tests
 * change one in memory).
 * @returns {string[]} one finding per stale, unknown, missing or repeated block
 */
export function syncDocs({ files = docFiles(), write = false, read = readProjectFile } = {}) {
    const actions = list(SOURCES.actions).flatMap((f) => (f.endsWith('.cls') ? [f.slice(0, -4)] : []));
    const blocks = [
        ['error-codes', errorCodesBlock(read)],
        ['settings', settingsBlock(read)],
        ...actions.map((name) => [`action:${name}`, actionBlock(read(`${SOURCES.actions}/${name}.cls`), name)])
    ];
    // Blank lines around each block, as Prettier writes one next to an HTML comment; a class that is no action has none.
    const expected = new Map(
        blocks.filter(([, markdown]) => markdown).map(([name, markdown]) => [name, `\n${markdown}\n\n`])
    );
    const findings = [];
    const seen = new Map();
    for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const updated = text.replace(BLOCK, (whole, open, name, body, close) => {
            seen.set(name, [...(seen.get(name) ?? []), rel(file)]);
            if (!expected.has(name)) {
                findings.push(`${rel(file)}: unknown generated block "${name}"`);
                return whole;
            }
            if (body !== expected.get(name) && !write) {
                findings.push(
                    `${rel(file)}: the generated block "${name}" differs from its source; run npm run docs (hand edits go in the source)`
                );
            }
            return `${open}${expected.get(name)}${close}`;
        });
        if (write && updated !== text) {
            fs.writeFileSync(file, updated);
        }
    }
    for (const name of expected.keys()) {
        const where = seen.get(name) ?? [];
        if (where.length !== 1) {
            const markers = `<!-- generated:${name} --> <!-- /generated:${name} -->`;
            const docs = where.join(', ') || 'none';
            findings.push(`generated block "${name}" belongs in one doc, not ${where.length} (${docs}): ${markers}`);
        }
    }
    return findings;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const findings = syncDocs({ write: true });
    findings.forEach((finding) => console.error(`docs: ${finding}`));
    console.log('docs: the generated blocks are written');
    process.exitCode = findings.length ? 1 : 0;
}
