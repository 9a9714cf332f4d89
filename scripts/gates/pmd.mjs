// Gate: PMD 7 Apex rules (config/pmd-ruleset.xml: security, performance, best practices, ApexDoc), zero
// violations. PMD 7.26 core + Apex come as jars in @salesforce/code-analyzer-pmd-engine's dist/java-lib, without
// the PMD CLI; lib/JvmTasks.java runs PMD's own API (PmdAnalysis, its JSON report) on Java 17, offline, in the JVM
// apex-semantic's tasks run in (lib/java.mjs), and fails when PMD logs an error, such as a ruleset it cannot load.
// Also enforced here: every PMD suppression in Apex carries a reason, i.e. `// NOPMD <reason>`, and
// `@SuppressWarnings('PMD.X')` with a comment on the same line or on the line(s) right above it.
//   node scripts/gates/run.mjs pmd [paths...]   (default: force-app)   --ruleset <file> (default: config/pmd-ruleset.xml)
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { jvmTask, jvmWorkDir } from './lib/java.mjs';
import { fail, parseArgs, rel, requireFiles, root } from './lib/common.mjs';

export async function check(args) {
    const { paths, ruleset } = parseArgs(args, { paths: ['force-app'], ruleset: 'config/pmd-ruleset.xml' });
    const files = requireFiles(paths, (f) => f.endsWith('.cls') || f.endsWith('.trigger'), '.cls or .trigger');
    const report = path.join(jvmWorkDir(), `pmd-${randomUUID()}.json`);
    const scan = violations(report, await jvmTask(['pmd', ruleset, report, ...files]));
    return { count: files.length, findings: [...files.flatMap(suppressionFindings), ...scan] };
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
            // The reason is a plain comment tied to the suppression, on the same line or a // line directly above
            // (not the member's /** ApexDoc */, which says what the code does, not why the rule does not apply).
            const sameLine = /\/\/|\/\*/.test(line.replace(/'[^']*'/g, "''"));
            if (!sameLine && !lines[i - 1]?.trim().startsWith('//')) {
                findings.push(
                    `${rel(file)}:${i + 1} @SuppressWarnings('PMD...') without a comment giving the reason (// <why> on the same line or the line above)`
                );
            }
        }
        return findings;
    });
}

/** PMD's violations and processing errors from a scan's JSON report, one line each. */
function violations(file, { stdout, stderr, status }) {
    if (status !== 0 || !fs.existsSync(file)) {
        const output = `${stdout}\n${stderr}`.split(`${root}/`).join('').slice(-4000);
        fail([`PMD failed (exit ${status})`, ...output.split('\n').filter((l) => l.trim())]);
    }
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    return [
        ...report.files.flatMap(({ filename, violations }) =>
            violations.map((v) => `${rel(filename)}:${v.beginline}:${v.begincolumn} ${v.rule}: ${v.description.trim()}`)
        ),
        ...report.processingErrors.map((e) => `${rel(e.filename)}: PMD could not process it: ${e.message}`)
    ];
}
