#!/usr/bin/env node
// Gate: the docs are in step with their sources, and their local links resolve.
//   node scripts/gates/docs.mjs [file-or-dir...]   (default: README.md, CONTRIBUTING.md, SECURITY.md, docs)
//  1. Every generated table (scripts/docs.mjs: error codes, settings, Flow action inputs and outputs) equals what
//     its source gives now: a label, bound or annotation changed without `npm run docs` fails here.
//  2. Every local link and image points to an existing file, and every #anchor to a heading of its file, across
//     files (remark-validate-links run through unified-engine, as the remark CLI runs it; offline).
//  3. No prose a reader cannot follow: no issue numbers or "item N" (the project has no tracker a reader can open;
//     upstream threads read owner/repo#N), no "new" markers, no path outside the repository.
//  4. README.md stays a router: at most 250 lines and 20 KB.
// The gate tests call checkLinks(), checkProse() and syncDocs() in their own process.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remark } from 'remark';
import remarkValidateLinks from 'remark-validate-links';
import { engine } from 'unified-engine';
import { syncDocs } from '../docs.mjs';
import { collectFiles, finish, rel, requireExisting, root, targets } from './lib/common.mjs';

const GATE = 'docs';
const DEFAULTS = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'docs'];

/**
 * The broken local links of the given Markdown files.
 * @param {string[]} files absolute paths
 * @returns {Promise<string[]>} one line per broken link: `file:line:column message`
 */
export function checkLinks(files) {
    return new Promise((resolve, reject) => {
        engine(
            {
                processor: remark(),
                files,
                cwd: root,
                // Links to the hosted repository are not checked: the project names no remote.
                plugins: [[remarkValidateLinks, { repository: false, root }]],
                detectConfig: false,
                detectIgnore: false,
                output: false,
                out: false,
                silent: true,
                reporter: () => ''
            },
            (error, _code, context) => {
                if (error) {
                    reject(error);
                    return;
                }
                const findings = [];
                for (const file of context.files) {
                    for (const message of file.messages) {
                        findings.push(
                            `${rel(file.path)}:${message.line ?? 1}:${message.column ?? 1} ${message.reason}`
                        );
                    }
                }
                resolve(findings);
            }
        );
    });
}

const PROSE_RULES = [
    [/\b[Ii]ssue #?\d+/, 'an issue number (cite upstream threads as owner/repo#N)'],
    [/\bitem \d+/, '"item N"'],
    [/_new_|\*\*new\*\*|\(new\)/, 'a "new" marker (say what it does, not when it came)'],
    [/shared\/notes|(^|[\s(`'"])\/(work|home|root|tmp|Users|mnt)\//, 'a path outside the repository']
];
const README_LIMITS = { lines: 250, bytes: 20 * 1024 };

/**
 * Prose findings: one per rule per line.
 * @param {string[]} files absolute paths of Markdown files
 * @returns {string[]}
 */
export function checkProse(files) {
    const findings = [];
    for (const file of files) {
        fs.readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, index) => {
                for (const [pattern, what] of PROSE_RULES) {
                    if (pattern.test(line)) {
                        findings.push(`${rel(file)}:${index + 1} ${what}`);
                    }
                }
            });
    }
    return findings;
}

/**
 * The README's size finding, if it grew past a router's.
 * @param {string} text the README
 * @returns {string[]}
 */
export function checkReadmeSize(text) {
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const bytes = Buffer.byteLength(text);
    return lines > README_LIMITS.lines || bytes > README_LIMITS.bytes
        ? [
              `README.md: ${lines} lines, ${bytes} bytes; keep it at most ${README_LIMITS.lines} lines and ${README_LIMITS.bytes} bytes, and move the detail into a guide`
          ]
        : [];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const paths = targets(DEFAULTS);
    requireExisting(GATE, paths);
    const files = collectFiles(paths, (p) => p.endsWith('.md'));
    const findings = [
        ...(await syncDocs({ files })),
        ...(await checkLinks(files)),
        ...checkProse(files),
        ...checkReadmeSize(fs.readFileSync(path.join(root, 'README.md'), 'utf8'))
    ];
    finish(GATE, files.length, findings);
}
