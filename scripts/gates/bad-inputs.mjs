#!/usr/bin/env node
// Gate: every row of the bad-input table in docs/security.md names tests that exist. The table is the first Markdown
// table after a heading that contains "Bad inputs"; its "test" column holds, per row, one of
//   - one or more Apex test methods as `Class.method` (backticks, separated by commas): each must be a method
//     annotated @IsTest in a class file Class.cls under the source paths;
//   - org-only: <the check to run in an org> (only rows that no Apex test can run, e.g. real concurrency);
//   - untested: <why> (counted and printed, so the rows still to do stay visible).
// Fails on a missing table, an empty or unreadable test cell, a duplicate row id, or a named method that does not
// exist (file:line of the row, and the name). Prints how many rows are tested, org-only and untested.
//   node scripts/gates/bad-inputs.mjs [table.md] [source paths...]   (default: docs/security.md force-app)
import { blankComments, collectFiles, fail, finish, rel, requireExisting } from './lib/common.mjs';
import fs from 'node:fs';
import path from 'node:path';

const GATE = 'bad-inputs';
const [docArg, ...sourceArgs] = process.argv.slice(2);
const doc = docArg ?? 'docs/security.md';
const sources = sourceArgs.length ? sourceArgs : ['force-app'];
requireExisting(GATE, [doc, ...sources]);

// Every @IsTest method by "Class.method" (the class is the file's name, as Apex requires of a top-level class).
const testMethods = new Set();
for (const file of collectFiles(sources, (f) => f.endsWith('.cls'))) {
    const className = path.basename(file, '.cls');
    const code = blankComments(fs.readFileSync(file, 'utf8'));
    for (const match of code.matchAll(
        /@IsTest\b(?:\([^)]*\))?\s+(?:(?:public|private|global|static)\s+)*void\s+(\w+)\s*\(/gi
    )) {
        testMethods.add(`${className}.${match[1]}`);
    }
}

const lines = fs.readFileSync(doc, 'utf8').split('\n');
const heading = lines.findIndex((line) => /^#+ .*bad inputs/i.test(line));
if (heading < 0) {
    fail(GATE, [`${rel(doc)}: no heading containing "Bad inputs"`]);
}
const start = lines.findIndex((line, i) => i > heading && line.trim().startsWith('|'));
const cellsOf = (line) =>
    line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim());
const header = start < 0 ? [] : cellsOf(lines[start]).map((cell) => cell.toLowerCase());
const testColumn = header.indexOf('test');
if (start < 0 || testColumn < 0) {
    fail(GATE, [`${rel(doc)}: no table with a "test" column after the "Bad inputs" heading`]);
}

const findings = [];
const seen = new Set();
const counts = { tested: 0, 'org-only': 0, untested: 0 };
let rows = 0;
for (let i = start + 2; i < lines.length && lines[i].trim().startsWith('|'); i++) {
    const where = `${rel(doc)}:${i + 1}`;
    const cells = cellsOf(lines[i]);
    const id = cells[0];
    rows++;
    if (seen.has(id)) {
        findings.push(`${where} row ${id} appears twice`);
    }
    seen.add(id);
    const cell = cells[testColumn] ?? '';
    const kind = /^(org-only|untested):\s*\S/.exec(cell)?.[1];
    if (kind) {
        counts[kind]++;
        continue;
    }
    const names = [...cell.matchAll(/`([^`]*)`/g)].map((match) => match[1]);
    if (names.length === 0 || cell.replace(/`[^`]*`/g, '').replace(/[,\s]/g, '') !== '') {
        findings.push(
            `${where} row ${id}: the test cell must be \`Class.method\`, "org-only: <check>" or "untested: <why>"`
        );
        continue;
    }
    counts.tested++;
    for (const name of names) {
        if (!testMethods.has(name)) {
            findings.push(
                `${where} row ${id} names ${name}, which is not an @IsTest method under ${sources.join(', ')}`
            );
        }
    }
}
if (rows === 0) {
    findings.push(`${rel(doc)}: the bad-input table has no rows`);
}
console.log(
    `${GATE}: ${rows} row(s): ${counts.tested} tested, ${counts['org-only']} org-only, ${counts.untested} untested`
);
finish(GATE, rows, findings, 'row(s)');
