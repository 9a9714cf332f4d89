#!/usr/bin/env node
// Gate: PMD 7 Apex rules (config/pmd-ruleset.xml: security, performance, best practices, ApexDoc), zero
// violations. PMD 7.26 core + Apex come as jars in @salesforce/code-analyzer-pmd-engine's dist/java-lib,
// without the PMD CLI; the entry point is that package's own wrapper,
// com.salesforce.sfca.pmdwrapper.PmdWrapper `run <input.json> <results.json>` (what Salesforce Code Analyzer
// calls), run directly on Java 17, offline, in one JVM.
// Also enforced here: every PMD suppression in Apex carries a reason, i.e. `// NOPMD <reason>`, and
// `@SuppressWarnings('PMD.X')` with a comment on the same line or on the line(s) right above it.
//   node scripts/gates/pmd.mjs [paths...]   (default: force-app)   --ruleset <file> (default: config/pmd-ruleset.xml)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JVM_FLAGS, javaAndLib } from './lib/java.mjs';
import { collectFiles, fail, finish, option, rel, requireExisting, targets } from './lib/common.mjs';

const GATE = 'pmd';
const [ruleset] = requireExisting(GATE, [option('ruleset', 'config/pmd-ruleset.xml')]);
const paths = targets(GATE, ['force-app'], ['--ruleset']);

const files = collectFiles(paths, (f) => f.endsWith('.cls') || f.endsWith('.trigger'));
if (files.length === 0) {
    fail(GATE, `no .cls or .trigger files under ${paths.map(rel).join(', ')}`);
}
const findings = [];

// Suppressions must say why.
for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
        const nopmd = /\/\/\s*NOPMD\b(.*)$/.exec(line);
        if (nopmd && !/\w/.test(nopmd[1])) {
            findings.push(`${rel(file)}:${i + 1} // NOPMD without a reason; write // NOPMD <why this is safe>`);
        }
        if (/@SuppressWarnings\s*\(\s*'[^']*\bPMD\b/i.test(line)) {
            // The reason is a plain comment tied to the suppression: on the same line, or a // or /* */ comment
            // (not the member's /** ApexDoc */, which says what the code does, not why the rule does not apply)
            // on the line directly above.
            const sameLine = /\/\/|\/\*/.test(line.replace(/'[^']*'/g, "''"));
            const prev = i > 0 ? lines[i - 1].trim() : '';
            const above = prev.startsWith('//') || (prev.endsWith('*/') && !isApexDocEnd(lines, i - 1));
            if (!sameLine && !above) {
                findings.push(
                    `${rel(file)}:${i + 1} @SuppressWarnings('PMD...') without a comment giving the reason (// <why> on the same line or the line above)`
                );
            }
        }
    });
}

/** True when the block comment ending on line `end` opened with /** (an ApexDoc comment). */
function isApexDocEnd(lines, end) {
    for (let j = end; j >= 0; j--) {
        const open = lines[j].lastIndexOf('/*');
        if (open >= 0) {
            return lines[j].startsWith('/**', open);
        }
    }
    return false;
}

const { java, lib } = javaAndLib(GATE);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-gate-'));
const [input, output] = [path.join(work, 'input.json'), path.join(work, 'results.json')];
fs.writeFileSync(
    input,
    JSON.stringify({ ruleSetInputFile: ruleset, runDataPerLanguage: { apex: { filesToScan: files } } })
);
const wrapper = 'com.salesforce.sfca.pmdwrapper.PmdWrapper';
const run = spawnSync(java, [...JVM_FLAGS, '-cp', path.join(lib, '*'), wrapper, 'run', input, output], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
});
const results = fs.existsSync(output) && JSON.parse(fs.readFileSync(output, 'utf8'));
fs.rmSync(work, { recursive: true, force: true });
if (run.error || run.status !== 0 || !results) {
    fail(GATE, [
        `PMD did not run (exit ${run.status}): ${run.error?.message ?? ''}`,
        run.stdout.slice(-2000),
        run.stderr.slice(-2000)
    ]);
}
for (const { codeLocation: loc = {}, rule, message } of results.violations ?? []) {
    findings.push(`${rel(loc.file ?? '?')}:${loc.startLine ?? 0}:${loc.startCol ?? 0} ${rule}: ${message.trim()}`);
}
for (const e of results.processingErrors ?? []) {
    findings.push(`${rel(e.file ?? '?')}: PMD could not process it: ${e.message}`);
}
finish(GATE, files.length, findings);
