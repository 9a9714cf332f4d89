// Gate: PMD 7 Apex rules (config/pmd-ruleset.xml: security, performance, best practices, ApexDoc), zero
// violations. PMD 7.26 core + Apex come as jars in @salesforce/code-analyzer-pmd-engine's dist/java-lib, without
// the PMD CLI; lib/JvmTasks.java runs PMD's own API (PmdAnalysis, its JSON report) on Java 17, offline, in the JVM
// apex-semantic's tasks run in (lib/java.mjs), and fails when PMD logs an error, such as a ruleset it cannot load.
// Also enforced here: every PMD suppression in Apex carries a reason, i.e. `// NOPMD <reason>`, and
// `@SuppressWarnings('PMD.X')` with a comment on the same line or on the line(s) right above it.
//   node scripts/gates/run.mjs pmd [paths...]   (default: force-app)   --ruleset <file> (default: config/pmd-ruleset.xml)
// Every run (the project's and the fixture runs of test/gates/fixtures/cases.json) is scanned in that one JVM.
import fs from 'node:fs';
import path from 'node:path';
import { jvmWorkDir } from './lib/java.mjs';
import { GateError, parseArgs, rel, requireFiles, root } from './lib/common.mjs';

/** A run: its files and ruleset, and its suppressions without a reason. */
export function prepare(args) {
    const { paths, ruleset } = parseArgs(args, { paths: ['force-app'], ruleset: 'config/pmd-ruleset.xml' });
    const files = requireFiles(paths, (f) => f.endsWith('.cls') || f.endsWith('.trigger'), '.cls or .trigger');
    return { ruleset, files, count: files.length, findings: files.flatMap(suppressionFindings) };
}

/** One PMD scan per ruleset over its runs' files: its JVM tasks (scripts/gates/run.mjs runs them). */
export function jvmTasks(runs) {
    return [...new Set(runs.map((r) => r.ruleset))].map((ruleset, task) => {
        const group = runs.filter((r) => r.ruleset === ruleset);
        const results = path.join(jvmWorkDir(), `pmd-${task}-results.json`);
        group.forEach((run) => Object.assign(run, { task, results }));
        return ['pmd', ruleset, results, ...new Set(group.flatMap((r) => r.files))];
    });
}

/** Each run's findings from its scan, or why its scan failed (`outputs`: each JVM task's stdout and status). */
export function checkAll(runs, outputs) {
    const scans = outputs.map((output, task) => violations(runs.find((r) => r.task === task).results, output));
    return runs.map((run) => {
        const scan = scans[run.task];
        const own = scan instanceof GateError ? [] : scan.filter((v) => run.files.includes(path.resolve(v.file)));
        run.findings.push(...own.map((v) => v.line));
        return scan instanceof GateError ? scan : run;
    });
}

/** Suppressions must say why. */
function suppressionFindings(file) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    return lines.flatMap((line, i) => {
        const nopmd = /\/\/\s*NOPMD\b(.*)$/.exec(line);
        const findings = [];
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
        return findings;
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

/** PMD's violations and processing errors from a scan's JSON report: [{ file, line }], or a GateError saying why not. */
function violations(file, { stdout, stderr, status }) {
    if (status !== 0 || !fs.existsSync(file)) {
        const output = `${stdout}\n${stderr}`.split(`${root}/`).join('').slice(-4000);
        return new GateError([`PMD failed (exit ${status})`, ...output.split('\n').filter((l) => l.trim())].join('\n'));
    }
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    return [
        ...report.files.flatMap(({ filename, violations }) =>
            violations.map((v) => ({
                file: filename,
                line: `${rel(filename)}:${v.beginline}:${v.begincolumn} ${v.rule}: ${v.description.trim()}`
            }))
        ),
        ...report.processingErrors.map((e) => ({
            file: e.filename,
            line: `${rel(e.filename)}: PMD could not process it: ${e.message}`
        }))
    ];
}
