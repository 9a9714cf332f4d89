#!/usr/bin/env node
// The Apex test classes of a package directory, and the per-class coverage rule, in one place for org:setup
// (its production deploys and its tests step), the scratch-org workflow and package:version.
//
// A production deploy with RunSpecifiedTests fails when any Apex class in it is covered under 75 % by the named
// tests, whatever the org-wide figure ("Running a Subset of Tests in a Deployment":
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deploy_run_specific_tests.htm).
// checkCoverage applies the same rule to `sf apex run test --code-coverage --json`, whose result.coverage.coverage
// lists { name, totalLines, totalCovered, coveredPercent } per class (salesforcecli/plugin-apex
// src/reporters/jsonReporter.ts, formatCoverage).
//
//   npm run org:tests -- --target-org <alias> --source-dir force-app/core [--source-dir ...]
// runs the directories' test classes with coverage in the org and exits 1 when a test fails or a class of those
// directories is under 75 %.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sf as runSf, StepError } from './sf.mjs';

export const MIN_CLASS_COVERAGE = 75;

const stripComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, '');

/** Every Apex class of `dir` (relative to root): { name, test, annotated }, sorted by name. */
export function apexClasses(root, dir) {
    const base = path.join(root, dir);
    if (!fs.existsSync(base)) {
        return [];
    }
    return fs
        .readdirSync(base, { recursive: true })
        .filter((f) => String(f).endsWith('.cls'))
        .map((f) => {
            const code = stripComments(fs.readFileSync(path.join(base, String(f)), 'utf8'));
            const classAt = code.search(/\bclass\s+\w+/i);
            // A test class: @isTest on the class and at least one test method after it (a @isTest utility class
            // such as the test data factory has none, and RunSpecifiedTests names only classes that hold tests).
            const annotated = classAt > 0 && /@isTest\b/i.test(code.slice(0, classAt));
            const methods = /@isTest\b|\btestMethod\b/i.test(code.slice(Math.max(classAt, 0)));
            // An @isTest class counts toward no coverage (a test utility, a mock), so only the others must reach 75 %.
            return { name: path.basename(String(f), '.cls'), test: annotated && methods, annotated };
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The test classes of the directories, in name order. */
export function testClasses(root, dirs) {
    return dirs.flatMap((d) =>
        apexClasses(root, d)
            .filter((c) => c.test)
            .map((c) => c.name)
    );
}

/**
 * The problems of a test run (the result of `sf apex run test --code-coverage --json`): failed tests, and each
 * non-test class of `classes` under `min` % (a class missing from the coverage counts as 0 %).
 * @returns {{ problems: string[], covered: { name: string, percent: number }[] }}
 */
export function checkCoverage(result, classes, min = MIN_CLASS_COVERAGE) {
    const problems = (result?.tests ?? [])
        .filter((t) => t.Outcome !== 'Pass')
        .map((t) => `test ${t.FullName ?? `${t.ApexClass?.Name}.${t.MethodName}`} ${t.Outcome}: ${t.Message ?? ''}`);
    const byName = new Map((result?.coverage?.coverage ?? []).map((c) => [c.name, c]));
    const covered = classes.map((name) => {
        const c = byName.get(name);
        const percent = c ? Number(c.coveredPercent ?? (c.totalLines ? (100 * c.totalCovered) / c.totalLines : 0)) : 0;
        return { name, percent };
    });
    for (const { name, percent } of covered) {
        if (percent < min) {
            problems.push(`class ${name} is covered ${percent} % (under ${min} %)`);
        }
    }
    return { problems, covered };
}

/** The `sf apex run test` arguments that run `tests` with coverage. */
export function testRunArgs(tests, org) {
    return [
        'apex',
        'run',
        'test',
        '--test-level',
        'RunSpecifiedTests',
        ...tests.flatMap((t) => ['--class-names', t]),
        '--code-coverage',
        '--result-format',
        'json',
        ...org,
        '--wait',
        '60'
    ];
}

/**
 * Runs the test classes of `dirs` in the org and checks the rule. `sf` runs one sf command (org:setup's, or
 * sf.mjs's for the command line). Returns the summary, the coverage and the problems.
 */
export function runTests(root, dirs, org, sf) {
    const tests = testClasses(root, dirs);
    const classes = dirs.flatMap((d) =>
        apexClasses(root, d)
            .filter((c) => !c.annotated)
            .map((c) => c.name)
    );
    const r = sf(testRunArgs(tests, org));
    const summary = r.result?.summary;
    if (!summary) {
        return { summary, tests, problems: [`the Apex tests did not run: ${r.json?.message ?? 'no summary'}`] };
    }
    return { summary, tests, ...checkCoverage(r.result, classes) };
}

function cli(argv) {
    const org = [];
    const dirs = [];
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--target-org' || argv[i] === '-o') {
            org.push('--target-org', argv[++i]);
        } else if (argv[i] === '--source-dir' || argv[i] === '-d') {
            dirs.push(argv[++i]);
        } else {
            process.stderr.write(`apex-tests: unknown argument ${argv[i]}\n`);
            return 2;
        }
    }
    if (!org.length || !dirs.length) {
        process.stderr.write('usage: npm run org:tests -- --target-org <alias> --source-dir <dir>...\n');
        return 2;
    }
    const root = process.cwd();
    let run;
    try {
        run = runTests(root, dirs, org, (args) => runSf(args, root));
    } catch (error) {
        if (!(error instanceof StepError)) {
            throw error;
        }
        process.stderr.write(`apex-tests: ${error.message}\n  fix: ${error.fix}\n`);
        return 1;
    }
    const { summary, tests, covered = [], problems } = run;
    process.stdout.write(`apex-tests: ran ${tests.length} test class(es) of ${dirs.join(', ')}\n`);
    if (summary) {
        process.stdout.write(`  ${summary.passing} passed, ${summary.failing} failed (${summary.outcome})\n`);
    }
    covered.forEach((c) => process.stdout.write(`  ${String(c.percent).padStart(3)} %  ${c.name}\n`));
    problems.forEach((p) => process.stdout.write(`  FAIL ${p}\n`));
    return problems.length ? 1 : 0;
}

const entry = process.argv[1] && fs.realpathSync(path.resolve(process.argv[1]));
if (entry === fileURLToPath(import.meta.url)) {
    process.exitCode = cli(process.argv.slice(2));
}
