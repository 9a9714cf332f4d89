// Gate: every row of the bad-input table in docs/security.md names tests that exist. The table is the first Markdown
// table after a heading that contains "Bad inputs"; its "test" column holds, per row, one of
//   - one or more Apex test methods as `Class.method` (backticks, separated by commas): each must be a method
//     annotated @IsTest in a class file Class.cls under the source paths;
//   - org-only: <the check to run in an org> (only rows that no Apex test can run, e.g. real concurrency);
//   - untested: <why> (counted and printed, so the rows still to do stay visible).
// Fails on a missing table, an empty or unreadable test cell, a duplicate row id, or a named method that does not
// exist (file:line of the row, and the name). Prints how many rows are tested, org-only and untested.
//   node scripts/gates/run.mjs bad-inputs [table.md] [source paths...]   (default: docs/security.md force-app)
// The shipped table keeps at least MIN_ROWS rows (the bad inputs the security review listed), so rows cannot
// quietly disappear.
import { blankComments, collectFiles, fail, parseArgs, rel } from './lib/common.mjs';
import fs from 'node:fs';
import path from 'node:path';

const MIN_ROWS = 155;
const cellsOf = (line) =>
    line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim());

export function check(args) {
    const [doc, ...sources] = parseArgs(args, { paths: ['docs/security.md', 'force-app'] }).paths;
    // Every @IsTest method by "Class.method" (the class is the file's name, as Apex requires of a top-level class).
    const testMethods = new Set();
    for (const file of collectFiles(sources, (f) => f.endsWith('.cls'))) {
        const code = blankComments(fs.readFileSync(file, 'utf8'));
        for (const match of code.matchAll(
            /@IsTest\b(?:\([^)]*\))?\s+(?:(?:public|private|global|static)\s+)*void\s+(\w+)\s*\(/gi
        )) {
            testMethods.add(`${path.basename(file, '.cls')}.${match[1]}`);
        }
    }
    const lines = fs.readFileSync(doc, 'utf8').split('\n');
    const heading = lines.findIndex((line) => /^#+ .*bad inputs/i.test(line));
    const start = lines.findIndex((line, i) => heading >= 0 && i > heading && line.trim().startsWith('|'));
    const testColumn = cellsOf(lines[start] ?? '')
        .map((cell) => cell.toLowerCase())
        .indexOf('test');
    if (testColumn < 0) {
        fail(`${rel(doc)}: no table with a "test" column after a heading containing "Bad inputs"`);
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
        const names = [...cell.matchAll(/`([^`]*)`/g)].map((match) => match[1]);
        if (kind) {
            counts[kind]++;
        } else if (names.length === 0 || cell.replace(/`[^`]*`/g, '').replace(/[,\s]/g, '') !== '') {
            findings.push(
                `${where} row ${id}: the test cell must be \`Class.method\`, "org-only: <check>" or "untested: <why>"`
            );
        } else {
            counts.tested++;
            const missing = names.filter((name) => !testMethods.has(name));
            findings.push(
                ...missing.map(
                    (name) =>
                        `${where} row ${id} names ${name}, which is not an @IsTest method under ${sources.map(rel).join(', ')}`
                )
            );
        }
    }
    const min = args.length ? 1 : MIN_ROWS;
    if (rows < min) {
        findings.push(`${rel(doc)}: the bad-input table has ${rows} row(s), fewer than ${min}`);
    }
    const notes = [
        `${rows} row(s): ${counts.tested} tested, ${counts['org-only']} org-only, ${counts.untested} untested`
    ];
    return { count: rows, noun: 'row(s)', notes, findings };
}
