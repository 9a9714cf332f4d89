#!/usr/bin/env node
// Gate: the docs are in step with their sources, and their local links resolve.
//   node scripts/gates/docs.mjs [file-or-dir...]   (default: README.md, CONTRIBUTING.md, SECURITY.md, docs)
//  1. Every generated table (scripts/docs.mjs: error codes, settings, Flow action inputs and outputs) equals what
//     its source gives now: a label, bound or annotation changed without `npm run docs` fails here.
//  2. Every local link and image points to an existing file, and every #anchor to a heading of its file, across
//     files (remark-validate-links run through unified-engine, as the remark CLI runs it; offline).
// The gate tests call checkLinks() and syncDocs() in their own process.
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const paths = targets(DEFAULTS);
    requireExisting(GATE, paths);
    const files = collectFiles(paths, (p) => p.endsWith('.md'));
    const findings = [...(await syncDocs({ files })).map((f) => `${f}`), ...(await checkLinks(files))];
    finish(GATE, files.length, findings);
}
