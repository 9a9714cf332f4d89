// Gate: PMD 7 Apex rules (config/pmd-ruleset.xml: security, performance, best practices, ApexDoc), zero
// violations. PMD 7.26 core + Apex come as jars in @salesforce/code-analyzer-pmd-engine's dist/java-lib,
// without the PMD CLI; the entry point is that package's own wrapper,
// com.salesforce.sfca.pmdwrapper.PmdWrapper `run <input.json> <results.json>` (what Salesforce Code Analyzer
// calls), run directly on Java 17, offline, in the JVM apex-semantic's tasks run in (lib/java.mjs).
// Also enforced here: every PMD suppression in Apex carries a reason, i.e. `// NOPMD <reason>`, and
// `@SuppressWarnings('PMD.X')` with a comment on the same line or on the line(s) right above it.
//   node scripts/gates/run.mjs pmd [paths...]   (default: force-app)   --ruleset <file> (default: config/pmd-ruleset.xml)
// Every run (the project's and the fixture runs of test/gates/fixtures/cases.json) is scanned in that one JVM.
import fs from 'node:fs';
import path from 'node:path';
import { jvmWorkDir } from './lib/java.mjs';
import { fail, parseArgs, rel, requireFiles } from './lib/common.mjs';

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
        const [input, results] = ['input', 'results'].map((f) => path.join(jvmWorkDir(), `pmd-${task}-${f}.json`));
        const files = [...new Set(group.flatMap((r) => r.files))];
        fs.writeFileSync(
            input,
            JSON.stringify({ ruleSetInputFile: ruleset, runDataPerLanguage: { apex: { filesToScan: files } } })
        );
        group.forEach((run) => Object.assign(run, { task, results }));
        return ['pmd', input, results];
    });
}

/** Each run's findings from its scan (`outputs`: each JVM task's stdout and status). */
export function checkAll(runs, outputs) {
    const scans = outputs.map((output, task) => violations(runs.find((r) => r.task === task).results, output));
    for (const run of runs) {
        const own = scans[run.task].filter((v) => run.files.includes(path.resolve(v.file ?? '')));
        run.findings.push(...own.map((v) => v.line));
    }
    return runs;
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

/** PMD's violations and processing errors from a scan's results file: [{ file, line }]. */
function violations(file, { stdout, stderr, status }) {
    const results = fs.existsSync(file) && JSON.parse(fs.readFileSync(file, 'utf8'));
    if (status !== 0 || !results) {
        fail([`PMD did not run (exit ${status})`, stdout.slice(-2000), stderr.slice(-2000)]);
    }
    return [
        ...(results.violations ?? []).map(({ codeLocation: loc = {}, rule, message }) => ({
            file: loc.file,
            line: `${rel(loc.file ?? '?')}:${loc.startLine ?? 0}:${loc.startCol ?? 0} ${rule}: ${message.trim()}`
        })),
        ...(results.processingErrors ?? []).map((e) => ({
            file: e.file,
            line: `${rel(e.file ?? '?')}: PMD could not process it: ${e.message}`
        }))
    ];
}
