// A fake `sf` for the org:setup tests. It fakes only our orchestration's counterpart, never the platform under
// test: each answer is the --json envelope sf prints ({ status, result } or { status: 1, name, message }; shapes
// from the salesforcecli plugins' schemas), steered by a scenario (every key optional):
//   organization         the Organization row (default: a Developer Edition org)
//   notLoggedIn          `org display` fails as for an org sf has no login for
//   connectionPresent    `org list metadata` finds the registration CPaasMessagingApps
//   failDeploy           'connection' | 'core' | 'receipts' | 'samples' | 'validate': that deploy fails
//   rejectNames          names the org does not know: `apex run` fails to compile at the first line using one
//   siteDeployed         the org already has the receipt Site (what a run without --receipts looks for)
//   siteMissing          the site step finds no Site
//   guestAssignFails     assigning a permission set to the Site's guest user fails
//   settingsExist        the org has a Default settings record (retrieved with its own Code_Length__c of 8)
//   coverage             { ClassName: percent } for `apex run test`; every other class is at 90 %
//   testsFail            `apex run test` reports one failing test
// fakeSf(scenario) is child_process.spawnSync for an in-process run, recording each argv in `calls` and each
// --metadata-dir package in `deployed`.
import fs from 'node:fs';
import path from 'node:path';

export const GUEST = 'whatsapp_otp_receipts@acme.my.salesforce-sites.com';
export const SITE_URL = 'https://acme.my.salesforce-sites.com/whatsappotp';
const ok = (result) => ({ status: 0, result });
const failed = (message, result) => ({ status: 1, name: 'Error', message, result });
const deployFailed = (componentType, fullName, problem) =>
    failed('Deploy failed.', {
        success: false,
        details: { componentFailures: [{ componentType, fullName, problem }] }
    });

/** The words of an argv before its first flag: `project deploy start`. */
export const commandOf = (argv) =>
    argv.slice(0, (argv.findIndex((a) => a.startsWith('-')) + 1 || argv.length + 1) - 1).join(' ');
/** The values after each `flag` in argv. */
export const valuesOf = (argv, flag) => argv.filter((_, i) => argv[i - 1] === flag);

/** The answer of one call. */
function respond(args, s, cwd) {
    const command = commandOf(args);
    const value = (flag) => valuesOf(args, flag)[0];
    const soql = value('--query') ?? '';
    const read = (file) => fs.readFileSync(path.resolve(cwd, file), 'utf8');
    switch (command) {
        case 'org display': {
            const session = { accessToken: '00D!token', instanceUrl: 'https://acme.my.salesforce.com', id: '00D0' };
            return s.notLoggedIn
                ? failed(`No authorization information found for ${value('--target-org')}.`)
                : ok(session);
        }
        case 'data query': {
            const site = { Id: '0DM000000000001AAA', GuestUserId: '005000000000009AAA', Status: 'Active' };
            const records = [
                [/FROM Organization/, [s.organization ?? { IsSandbox: false, OrganizationType: 'Developer Edition' }]],
                [/^SELECT Id FROM Site/, s.siteDeployed ? [site] : []],
                [/FROM Site /, s.siteMissing ? [] : [site]],
                [/FROM User /, [{ Username: GUEST }]],
                [/FROM SiteDetail /, [{ SecureUrl: SITE_URL }]],
                [/FROM WhatsApp_OTP_Setting__mdt/, s.settingsExist ? [{ DeveloperName: 'Default' }] : []]
            ].find(([pattern]) => pattern.test(soql))[1];
            return ok({ records, totalSize: records.length, done: true });
        }
        case 'project deploy start':
            return s.failDeploy && `force-app/${s.failDeploy}` === value('--source-dir')
                ? deployFailed('NamedCredential', 'X8x8_Messaging_API', 'Invalid URL')
                : ok({ success: true, numberComponentsDeployed: 3 });
        case 'project deploy validate':
            return s.failDeploy === 'validate'
                ? deployFailed('ApexClass', 'CPaasMessagingGatewayTest', 'Test failure')
                : ok({ success: true, checkOnly: true, id: '0Af000000000042AAA' });
        case 'project retrieve start': {
            // The org's own record: an admin already set the code length to 8.
            const record = 'customMetadata/WhatsApp_OTP_Setting.Default.md-meta.xml';
            const filePath = path.resolve(cwd, value('--output-dir'), 'main/default', record);
            fs.mkdirSync(path.dirname(filePath), { recursive: true });
            const shipped = read(`config/per-org/${record}`);
            fs.writeFileSync(filePath, shipped.replace(/(<field>Code_Length__c<\/field>\s*<value[^>]*>)[^<]*/, '$18'));
            return ok({ files: [{ fullName: 'WhatsApp_OTP_Setting.Default', type: 'CustomMetadata', filePath }] });
        }
        case 'apex run': {
            const lines = read(value('--file')).split('\n');
            for (const name of s.rejectNames ?? []) {
                const at = lines.findIndex((l) => new RegExp(`\\.${name}\\b|\\b${name}_Request\\b`).test(l));
                const compileProblem = `Variable does not exist: ${name}`;
                if (at >= 0) {
                    return failed('compile error', { compiled: false, compileProblem, line: at + 1 });
                }
            }
            return ok({ compiled: true, success: true });
        }
        case 'apex run test': {
            const classes = fs.readdirSync(path.join(cwd, 'force-app'), { recursive: true }).map(String);
            const names = classes.filter((f) => f.endsWith('.cls') && !/@isTest/i.test(read(`force-app/${f}`)));
            const percents = { ...Object.fromEntries(names.map((f) => [path.basename(f, '.cls'), 90])), ...s.coverage };
            const coverage = Object.entries(percents).map(([name, coveredPercent]) => ({ name, coveredPercent }));
            const [outcome, fail] = s.testsFail ? ['Fail', 1] : ['Pass', 0];
            const tests = [
                { FullName: 'CPaasMessagingGatewayTest.sends', Outcome: outcome, Message: 'Assertion Failed' }
            ];
            return ok({
                summary: { outcome: `${outcome}ed`, passing: 1 - fail, failing: fail },
                tests,
                coverage: { coverage }
            });
        }
        case 'org list metadata':
            return ok(s.connectionPresent ? [{ fullName: 'CPaasMessagingApps' }] : []);
        case 'org assign permset': {
            const guest = s.guestAssignFails && valuesOf(args, '--on-behalf-of').includes(GUEST);
            const failures = guest ? [{ name: GUEST, message: 'INSUFFICIENT_ACCESS: guest user license' }] : [];
            return { status: failures.length ? 1 : 0, result: { successes: [], failures } };
        }
        case 'package create':
            return ok({ Id: '0Ho000000000001AAA' });
        case 'package version create':
            return ok({ SubscriberPackageVersionId: '04t000000000001AAA', Status: 'Success', CodeCoverage: 91 });
        case 'package version promote':
            return ok({ id: value('--package'), success: true });
        default:
            return failed(`the fake sf does not know: ${args.join(' ')}`);
    }
}

/** A fake sf for one in-process run: `spawn` is spawnSync's stand-in; sf is on PATH only `onPath`. */
export function fakeSf(scenario = {}, { onPath = true } = {}) {
    const calls = [];
    const deployed = [];
    const spawn = (command, args, { cwd }) => {
        if (!onPath) {
            return { error: Object.assign(new Error(`spawnSync ${command} ENOENT`), { code: 'ENOENT' }) };
        }
        const argv = args.filter((a) => a !== '--json');
        calls.push(argv);
        const dir = valuesOf(argv, '--metadata-dir')[0];
        if (dir && fs.existsSync(path.resolve(cwd, dir))) {
            const files = fs.readdirSync(path.resolve(cwd, dir), { recursive: true }).map(String);
            const text = (f) => fs.readFileSync(path.resolve(cwd, dir, f), 'utf8');
            deployed.push(Object.fromEntries(files.filter((f) => f.includes('.')).map((f) => [f, text(f)])));
        }
        const answer = respond(argv, scenario, cwd);
        return { status: answer.status, stdout: JSON.stringify(answer), stderr: '' };
    };
    return { spawn, calls, deployed };
}
