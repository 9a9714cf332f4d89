#!/usr/bin/env node
// The generated tables of the docs: each is written once in its source and only copied into the docs here.
//   node scripts/docs.mjs           rewrites every generated block in README.md, docs/*.md and CONTRIBUTING.md
//   node scripts/docs.mjs --check   changes nothing; exits 1 naming each block that differs (the check:docs gate)
// A block sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`; every block below must appear
// exactly once. Its sources:
//   error-codes        the constants and the code -> label switch of WhatsAppOtpException.cls (every code with its
//                      own label: gates/lib/contracts.mjs), the label texts of CustomLabels.labels-meta.xml, and the meanings in docs/error-code-meanings.json (checked to
//                      hold exactly the Apex codes)
//   settings           the fields of WhatsApp_OTP_Setting__mdt (label, type, inline help), the default and range of
//                      each numeric one (the Bound constants of WhatsAppOtpPolicy.cls, joined by FIELD_OF_BOUND in
//                      WhatsAppOtpSettings.cls), the text settings it requires (requireText), and, for the others,
//                      the default of the per-org Default record org:setup deploys
//   action:<Class>     the @InvocableMethod and @InvocableVariable annotations of each invocable action class
// The text is formatted by the project's Prettier, so the formatting gate and this one agree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import * as prettier from 'prettier';
import { parseBounds, parseErrorCodes, parseFieldOfBound } from './gates/lib/contracts.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SOURCES = {
    exception: 'force-app/core/classes/otp/WhatsAppOtpException.cls',
    labels: 'force-app/core/labels/CustomLabels.labels-meta.xml',
    meanings: 'docs/error-code-meanings.json',
    policy: 'force-app/core/classes/otp/WhatsAppOtpPolicy.cls',
    settings: 'force-app/core/classes/otp/WhatsAppOtpSettings.cls',
    settingFields: 'force-app/core/objects/WhatsApp_OTP_Setting__mdt/fields',
    defaultRecord: 'config/per-org/customMetadata/WhatsApp_OTP_Setting.Default.md-meta.xml',
    actions: 'force-app/core/classes/actions'
};

/** The Markdown files that may hold generated blocks. */
export function docFiles(base = root) {
    const docs = path.join(base, 'docs');
    return [
        path.join(base, 'README.md'),
        path.join(base, 'CONTRIBUTING.md'),
        ...fs
            .readdirSync(docs)
            .filter((f) => f.endsWith('.md'))
            .sort()
            .map((f) => path.join(docs, f))
    ].filter((f) => fs.existsSync(f));
}

/** Reads a project file; tests pass their own to change one source in memory. */
export const readProjectFile = (relative) => fs.readFileSync(path.join(root, relative), 'utf8');
const listProjectDir = (relative) => fs.readdirSync(path.join(root, relative)).sort();

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });

/** A table cell: no line breaks, and `|` escaped so it cannot end the cell. */
const cell = (text) =>
    String(text ?? '')
        .replace(/\s+/g, ' ')
        .replace(/\|/g, '\\|')
        .trim();
const code = (text) => `\`${text}\``;

function table(header, rows) {
    return [
        `| ${header.join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)
    ].join('\n');
}

/** Custom Labels by API name: { value, shortDescription }. */
export function parseLabels(text) {
    const labels = [].concat(xml.parse(text).CustomLabels?.labels ?? []);
    return new Map(labels.map((l) => [l.fullName, { value: l.value, shortDescription: l.shortDescription ?? '' }]));
}

/** The placeholder note of a label's short description, e.g. "{0}=seconds", or ''. */
const placeholders = (shortDescription) => /\(([^)]*\{\d\}[^)]*)\)/.exec(shortDescription)?.[1] ?? '';

function errorCodesBlock(read) {
    const codes = parseErrorCodes(read(SOURCES.exception));
    const labels = parseLabels(read(SOURCES.labels));
    const meanings = JSON.parse(read(SOURCES.meanings)).meanings;
    const problems = [];
    for (const { code: c, label } of codes) {
        if (!meanings[c]) {
            problems.push(`${SOURCES.meanings}: no meaning for ${c} (add it)`);
        }
        if (!labels.has(label)) {
            problems.push(`${SOURCES.labels}: no label ${label} (used for ${c})`);
        }
    }
    for (const c of Object.keys(meanings)) {
        if (!codes.some((e) => e.code === c)) {
            problems.push(`${SOURCES.meanings}: ${c} is not an error code of ${SOURCES.exception} (remove it)`);
        }
    }
    if (problems.length) {
        throw new Error(problems.join('\n'));
    }
    const rows = codes.map(({ code: c, label }) => {
        const { value, shortDescription } = labels.get(label);
        const note = placeholders(shortDescription);
        return [code(c), meanings[c], code(label), note ? `${value} (${note})` : value];
    });
    return table(['errorCode', 'meaning', 'label', 'agent message (the label, in English)'], rows);
}

const FIELD_TYPES = { Number: 'Number', Text: 'Text', LongTextArea: 'Long Text', Checkbox: 'Checkbox' };

function settingsBlock(read, list) {
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
        const type = FIELD_TYPES[f.type] ?? f.type;
        const size = f.type === 'Number' ? `(${f.precision},${f.scale})` : f.length ? `(${f.length})` : '';
        const recorded = values.get(f.fullName);
        let defaultValue = recorded ? code(recorded) : '_(blank)_';
        if (bound) {
            defaultValue = String(bound.defaultValue);
        } else if (f.type === 'Checkbox') {
            defaultValue = recorded === 'true' ? 'on' : 'off';
        }
        const allowed = bound ? `${bound.min} to ${bound.max}` : required.has(f.fullName) ? 'required' : '';
        return [f.label, code(f.fullName), `${type}${size}`, defaultValue, allowed, f.inlineHelpText ?? f.description];
    });
    return table(['setting', 'API name', 'type', 'default', 'allowed', 'what it does (its help text in Setup)'], rows);
}

const APEX_TYPES = { Id: 'ID', String: 'Text', Boolean: 'Boolean', Integer: 'Number', Datetime: 'Date/Time' };

/** The name='value' and name=true parameters of one annotation's parenthesised text. */
function annotationParameters(text) {
    const params = {};
    for (const m of text.matchAll(/(\w+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\w+))/g)) {
        params[m[1]] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    }
    return params;
}

/** The invocable method and the variables of its Request and Result classes. */
export function parseAction(apex) {
    const method = /@InvocableMethod\(([\s\S]*?)\)\s*public static/.exec(apex);
    if (!method) {
        return undefined;
    }
    const variablesOf = (className) => {
        const start = apex.indexOf(`public class ${className} {`);
        if (start < 0) {
            return [];
        }
        const body = apex.slice(start, apex.indexOf('\n    }', start));
        return [...body.matchAll(/@InvocableVariable\(([\s\S]*?)\)\s*public (\w+) (\w+);/g)].map((m) => ({
            ...annotationParameters(m[1]),
            type: m[2],
            name: m[3]
        }));
    };
    return { ...annotationParameters(method[1]), inputs: variablesOf('Request'), outputs: variablesOf('Result') };
}

function actionBlock(read, className) {
    const action = parseAction(read(`${SOURCES.actions}/${className}.cls`));
    const rows = [...action.inputs.map((v) => ['input', v]), ...action.outputs.map((v) => ['output', v])].map(
        ([direction, v]) => [
            direction,
            `${v.label} (${code(v.name)})`,
            `${APEX_TYPES[v.type] ?? v.type}${v.required === 'true' ? ', required' : ''}`,
            v.description
        ]
    );
    const facts = [
        `**${action.label}** (\`${className}\`), category **${action.category}**`,
        action.callout === 'true' ? 'makes callouts' : 'makes no callout',
        action.description
    ];
    return `${facts[0]}; ${facts[1]}. ${facts[2]}\n\n${table(['direction', 'name', 'type', 'meaning'], rows)}`;
}

/** Every generated block: name -> Markdown, before formatting. */
export function generateBlocks(read = readProjectFile, list = listProjectDir) {
    const blocks = new Map([
        ['error-codes', errorCodesBlock(read)],
        ['settings', settingsBlock(read, list)]
    ]);
    for (const file of list(SOURCES.actions)) {
        const className = file.replace(/\.cls$/, '');
        if (file.endsWith('.cls') && parseAction(read(`${SOURCES.actions}/${file}`))) {
            blocks.set(`action:${className}`, actionBlock(read, className));
        }
    }
    return blocks;
}

const BLOCK = /(<!-- generated:([\w:-]+) -->\n)([\s\S]*?)(<!-- \/generated:\2 -->)/g;

/** The Markdown as Prettier formats it (the project's own options). */
async function format(markdown, file) {
    const options = (await prettier.resolveConfig(file)) ?? {};
    return prettier.format(markdown, { ...options, filepath: file, parser: 'markdown' });
}

/**
 * Compares (or, with write, rewrites) every generated block of the given files.
 * @returns {Promise<string[]>} one finding per stale, unknown, missing or repeated block
 */
export async function syncDocs({ files = docFiles(), write = false, read, list } = {}) {
    const blocks = generateBlocks(read, list);
    const expected = new Map();
    for (const [name, markdown] of blocks) {
        // Blank lines around the table, as Prettier writes a block next to an HTML comment.
        expected.set(name, `\n${await format(`${markdown}\n`, path.join(root, 'docs', 'generated.md'))}\n`);
    }
    const findings = [];
    const seen = new Map();
    for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const relative = path.relative(root, file).split(path.sep).join('/');
        const updated = text.replace(BLOCK, (whole, open, name, body, close) => {
            seen.set(name, [...(seen.get(name) ?? []), relative]);
            if (!expected.has(name)) {
                findings.push(`${relative}: unknown generated block "${name}"`);
                return whole;
            }
            if (body !== expected.get(name)) {
                findings.push(
                    `${relative}: the generated block "${name}" differs from its source; run npm run docs (hand edits go in the source)`
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
            findings.push(
                where.length
                    ? `generated block "${name}" appears ${where.length} times (${where.join(', ')}); keep one`
                    : `generated block "${name}" is in no doc; add <!-- generated:${name} --> <!-- /generated:${name} -->`
            );
        }
    }
    return write ? findings.filter((f) => !f.includes('differs from its source')) : findings;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const check = process.argv.includes('--check');
    const findings = await syncDocs({ write: !check });
    for (const f of findings) {
        console.error(`docs: ${f}`);
    }
    if (!check && !findings.length) {
        console.log('docs: the generated blocks are written');
    }
    process.exitCode = findings.length ? 1 : 0;
}
