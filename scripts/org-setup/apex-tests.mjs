// The Apex test classes of package directories, and the per-class coverage rule, in one place for org:setup's
// production deploys and its step tests, which fails when a test fails or a class is under 75 %. A production
// deploy with RunSpecifiedTests fails on the same rule, whatever the org-wide figure ("Running a Subset of Tests in
// a Deployment": https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deploy_run_specific_tests.htm).
import fs from 'node:fs';
import path from 'node:path';

export const MIN_CLASS_COVERAGE = 75;

/**
 * The Apex classes of the directories (relative to root), by name: `tests` hold test methods (RunSpecifiedTests
 * names only those), `covered` are the classes that must reach 75 % (an @isTest class, a test utility or a mock,
 * counts toward no coverage). Read from the source, so a class added, split or removed is followed.
 */
export function apexClasses(root, dirs) {
    const tests = [];
    const covered = [];
    for (const dir of dirs) {
        const base = path.join(root, dir);
        const files = fs.existsSync(base) ? fs.readdirSync(base, { recursive: true }).map(String) : [];
        for (const file of files.filter((f) => f.endsWith('.cls')).sort()) {
            const text = fs.readFileSync(path.join(base, file), 'utf8');
            const code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, '');
            const at = Math.max(code.search(/\bclass\s+\w+/i), 0);
            const name = path.basename(file, '.cls');
            if (!/@isTest\b/i.test(code.slice(0, at))) {
                covered.push(name);
            } else if (/@isTest\b|\btestMethod\b/i.test(code.slice(at))) {
                tests.push(name);
            }
        }
    }
    // sort() compares UTF-16 code units: the same order on every machine, whatever its locale.
    return { tests: tests.sort(), covered: covered.sort() };
}
