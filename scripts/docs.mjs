#!/usr/bin/env node
// The docs' generated tables, each written once in its source and only copied here, and the docs gate.
//   node scripts/docs.mjs           rewrites every generated block in README.md, docs/*.md and CONTRIBUTING.md
//   node scripts/docs.mjs --check   changes nothing (test:docs runs the same gate); exits 1 naming each finding:
//  1. a generated block (between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`) that differs from its
//     source, or is unknown, missing or repeated: `error-codes` (WhatsAppOtpException.cls through
//     gates/lib/contracts.mjs, the Custom Labels, docs/error-code-meanings.json), `settings` (the fields of
//     WhatsApp_OTP_Setting__mdt, WhatsAppOtpPolicy's Bounds, the per-org Default record) and `action:<Class>` (the
//     @InvocableMethod and @InvocableVariable annotations), formatted by Prettier so format:check agrees;
//  2. a broken local link, image or #anchor (remark-validate-links through unified-engine, offline);
//  3. prose a reader cannot follow: issue numbers, "item N", "new" markers, paths outside the repository;
//  4. a README.md over 250 lines or 20 KB (it is a router).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import * as prettier from 'prettier';
import { CONTRACT_SOURCES, parseBounds, parseErrorCodes, parseFieldOfBound } from './gates/lib/contracts.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
    return ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', ...docs.sort().map((f) => `docs/${f}`)]
        .map((f) => path.join(root, f))
        .filter((f) => fs.existsSync(f));
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

// Each block's Markdown, formatted once in a process (the tests regenerate every block with one source changed).
const formatted = new Map();
const BLOCK = /(<!-- generated:([\w:-]+) -->\n)([\s\S]*?)(<!-- \/generated:\2 -->)/g;
const relative = (file) => path.relative(root, file).split(path.sep).join('/');

/**
 * Compares (or, with write, rewrites) every generated block of the given files.
 * @returns {Promise<string[]>} one finding per stale, unknown, missing or repeated block
 */
export async function syncDocs({ files = docFiles(), write = false, read, list } = {}) {
    const expected = new Map();
    // The project's options for Markdown; its plugins (Apex, XML) format no Markdown, so they are not loaded.
    const options = { ...(await prettier.resolveConfig(path.join(root, 'docs', 'generated.md'))), plugins: [] };
    for (const [name, markdown] of generateBlocks(read, list)) {
        // Blank lines around the table, as Prettier writes a block next to an HTML comment.
        formatted.set(
            markdown,
            formatted.get(markdown) ?? prettier.format(`${markdown}\n`, { ...options, parser: 'markdown' })
        );
        expected.set(name, `\n${await formatted.get(markdown)}\n`);
    }
    const findings = [];
    const seen = new Map();
    for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const updated = text.replace(BLOCK, (whole, open, name, body, close) => {
            seen.set(name, [...(seen.get(name) ?? []), relative(file)]);
            if (!expected.has(name)) {
                findings.push(`${relative(file)}: unknown generated block "${name}"`);
                return whole;
            }
            if (body !== expected.get(name) && !write) {
                findings.push(
                    `${relative(file)}: the generated block "${name}" differs from its source; run npm run docs (hand edits go in the source)`
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
    return findings;
}

/** The broken local links of the given Markdown files: `file:line:column message` each. */
export async function checkLinks(files) {
    // Loaded here, not at the top: only --check needs it.
    const [{ remark }, { default: remarkValidateLinks }, { engine }] = await Promise.all(
        ['remark', 'remark-validate-links', 'unified-engine'].map((name) => import(name))
    );
    // Links to the hosted repository are not checked: the project names no remote.
    const plugins = [[remarkValidateLinks, { repository: false, root }]];
    const options = { processor: remark(), files, cwd: root, plugins, detectConfig: false, detectIgnore: false };
    const findings = (file) =>
        file.messages.map((m) => `${relative(file.path)}:${m.line ?? 1}:${m.column ?? 1} ${m.reason}`);
    const quiet = { output: false, out: false, silent: true, reporter: () => '' };
    return new Promise((resolve, reject) =>
        engine({ ...options, ...quiet }, (error, _, context) =>
            error ? reject(error) : resolve(context.files.flatMap(findings))
        )
    );
}

const PROSE_RULES = [
    [/\b[Ii]ssue #?\d+/, 'an issue number (cite upstream threads as owner/repo#N)'],
    [/\bitem \d+/, '"item N"'],
    [/_new_|\*\*new\*\*|\(new\)/, 'a "new" marker (say what it does, not when it came)'],
    [/shared\/notes|(^|[\s(`'"])\/(work|home|root|tmp|Users|mnt)\//, 'a path outside the repository']
];

/** Prose findings of the given Markdown files (read by `read`): one per rule per line. */
export function checkProse(files, read = (file) => fs.readFileSync(file, 'utf8')) {
    return files.flatMap((file) =>
        read(file)
            .split('\n')
            .flatMap((line, i) =>
                PROSE_RULES.filter(([re]) => re.test(line)).map(([, what]) => `${relative(file)}:${i + 1} ${what}`)
            )
    );
}

/** The README's size finding, if it grew past a router's (250 lines, 20 KB). */
export function checkReadmeSize(text) {
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const bytes = Buffer.byteLength(text);
    return lines > 250 || bytes > 20 * 1024
        ? [
              `README.md: ${lines} lines, ${bytes} bytes; keep it at most 250 lines and 20480 bytes, and move the detail into a guide`
          ]
        : [];
}

/** Every finding of the docs gate over the project's docs: generated blocks, links, prose and the README's size. */
export async function checkDocs(files = docFiles()) {
    const findings = await syncDocs({ files });
    findings.push(...(await checkLinks(files)), ...checkProse(files));
    return [...findings, ...checkReadmeSize(fs.readFileSync(path.join(root, 'README.md'), 'utf8'))];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const check = process.argv.includes('--check');
    const findings = check ? await checkDocs() : await syncDocs({ write: true });
    for (const f of findings) {
        console.error(`docs: ${f}`);
    }
    console.log(check ? `docs: checked ${docFiles().length} file(s)` : 'docs: the generated blocks are written');
    process.exitCode = findings.length ? 1 : 0;
}
