// The fake `sf` behind test/org-setup/fake-sf/sf. Scenario ($FAKE_SF_SCENARIO, JSON), every key optional:
//   instanceUrl            what `org display` reports (the test's local Connect REST server)
//   rejectNames            names the fake org does not know: `apex run` fails to compile at the first probe line
//                          that uses one (as `.name`, `name_Request`, or a type), like the real compile error
//   orgOperationNames      the operation names the retrieved registration stores
//   organization           the Organization row (IsSandbox, TrialExpirationDate, OrganizationType); default: a
//                          Developer Edition org
//   notLoggedIn            `org display` fails as for an org sf has no login for
//   connectionPresent      `org list metadata` finds the registration CPaasMessagingApps
//   failDeploy             'connection' | 'core' | 'receipts' | 'samples' | 'metadata-dir' | 'validate': that
//                          deploy fails
//   rejectOperations       the org refuses the registration while it has <operations> (a source deploy of the
//                          connection, or a --metadata-dir package whose registration has them)
//   siteDeployed           the org already has the Site WhatsApp_OTP_Receipts (the check without --receipts)
//   coverage               { ClassName: percent } for `apex run test`; every other class of force-app is 90 %
//   settingsRecordExists   `data query` finds the Default record
//   siteMissing            `data query` finds no Site WhatsApp_OTP_Receipts
//   guestAssignFails       assigning a permission set to the Site's guest user fails
//   testsFail              `apex run test` reports one failing test
// Every deployed --metadata-dir package is copied under $FAKE_SF_LOG's directory, for the test to read.
// The executable (main) and the in-process stand-in (spawnSync) give the same answer through call().
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as payloads from './payloads.mjs';

const BIN = path.dirname(fileURLToPath(import.meta.url));
const value = (args, flag) => args[args.indexOf(flag) + 1];
const values = (args, flag) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
let deploys = 0;

export function main(args) {
    const { status, stdout } = call(args, process.cwd(), process.env);
    process.stdout.write(stdout);
    process.exitCode = status;
}

/** One `sf` call: logs its argv and returns the exit code and standard output the executable gives. */
function call(args, cwd, env) {
    const log = env.FAKE_SF_LOG;
    fs.appendFileSync(log, `${JSON.stringify({ argv: args })}\n`);
    const scenario = JSON.parse(fs.readFileSync(env.FAKE_SF_SCENARIO, 'utf8'));
    const answer = respond(args, scenario, path.dirname(log), cwd);
    return { status: answer.status, stdout: `${JSON.stringify(answer, null, 2)}\n` };
}

/**
 * The fake as child_process.spawnSync (the signature and result sf.mjs uses), for a test that runs org:setup
 * in-process: no node start per call. Like the real lookup, `sf` is found only when this folder is on env.PATH.
 */
export function spawnSync(command, args, { cwd, env }) {
    if (command !== 'sf' || !(env.PATH ?? '').split(path.delimiter).includes(BIN)) {
        const error = Object.assign(new Error(`spawnSync ${command} ENOENT`), { code: 'ENOENT' });
        return { error, status: null, signal: null, stdout: null, stderr: null };
    }
    const { status, stdout } = call(args, cwd, env);
    return { status, signal: null, stdout, stderr: '', output: [null, stdout, ''] };
}

function respond(args, scenario, logDir, cwd) {
    // The command: its words before the first flag.
    const first = args.findIndex((a) => a.startsWith('-'));
    const command = args.slice(0, first < 0 ? args.length : first).join(' ');
    if (command.startsWith('project deploy validate')) {
        if (scenario.failDeploy === 'validate') {
            return payloads.deployFailed('CPaasMessagingGatewayTest', 'ApexClass', 'Test failure');
        }
        return payloads.deploySucceeded([], { checkOnly: true, id: payloads.VALIDATION_ID });
    }
    if (command.startsWith('project deploy start')) {
        const dirs = values(args, '--source-dir');
        const kind = args.includes('--metadata-dir')
            ? 'metadata-dir'
            : (dirs[0] ?? 'force-app/connection').replace(/^force-app\//, '');
        let registration;
        if (kind === 'metadata-dir') {
            const dir = path.resolve(cwd, value(args, '--metadata-dir'));
            // pid and a count: unique for an executable per call and for many calls in one process.
            fs.cpSync(dir, path.join(logDir, `deployed-${Date.now()}-${process.pid}-${++deploys}`), {
                recursive: true
            });
            const esr = path.join(
                dir,
                'externalServiceRegistrations',
                'CPaasMessagingApps.externalServiceRegistration'
            );
            registration = fs.existsSync(esr) ? fs.readFileSync(esr, 'utf8') : undefined;
        } else if (kind === 'connection') {
            registration = fs.readFileSync(
                path.join(
                    cwd,
                    'force-app/connection/externalServiceRegistrations/CPaasMessagingApps.externalServiceRegistration-meta.xml'
                ),
                'utf8'
            );
        }
        if (scenario.rejectOperations && registration?.includes('<operations>')) {
            return payloads.deployFailed(
                'CPaasMessagingApps',
                'ExternalServiceRegistration',
                'Invalid operation name: sendx2dmessage'
            );
        }
        if (scenario.failDeploy === kind) {
            return payloads.deployFailed('X8x8_Messaging_API', 'NamedCredential', 'Invalid URL');
        }
        const metadata = values(args, '--metadata');
        const files = metadata.length
            ? metadata.map((m) => ({
                  fullName: m.split(':')[1],
                  type: m.split(':')[0],
                  state: 'Changed',
                  filePath: `force-app/${m}`
              }))
            : [
                  {
                      fullName: 'CPaasMessagingGateway',
                      type: 'ApexClass',
                      state: 'Changed',
                      filePath: 'force-app/core/classes/gateway/CPaasMessagingGateway.cls'
                  }
              ];
        return payloads.deploySucceeded(files);
    }
    if (command.startsWith('project retrieve start')) {
        const member = value(args, '--metadata');
        const out = path.resolve(cwd, value(args, '--output-dir'));
        if (member.startsWith('ExternalServiceRegistration:')) {
            const file = path.join(
                out,
                'main',
                'default',
                'externalServiceRegistrations',
                'CPaasMessagingApps.externalServiceRegistration-meta.xml'
            );
            fs.mkdirSync(path.dirname(file), { recursive: true });
            let xml = fs.readFileSync(
                path.join(
                    cwd,
                    'force-app/connection/externalServiceRegistrations/CPaasMessagingApps.externalServiceRegistration-meta.xml'
                ),
                'utf8'
            );
            const names = [...(scenario.orgOperationNames ?? [])];
            if (names.length) {
                xml = xml.replace(
                    /(<operations>[\s\S]*?<name>)[^<]*(<\/name>)/g,
                    (_, a, b) => `${a}${names.shift()}${b}`
                );
            }
            fs.writeFileSync(file, xml);
            return payloads.retrieved([
                {
                    fullName: 'CPaasMessagingApps',
                    type: 'ExternalServiceRegistration',
                    state: 'Changed',
                    filePath: file
                }
            ]);
        }
        const file = path.join(out, 'main', 'default', 'customMetadata', 'WhatsApp_OTP_Setting.Default.md-meta.xml');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const shipped = fs.readFileSync(
            path.join(cwd, 'config/per-org/customMetadata/WhatsApp_OTP_Setting.Default.md-meta.xml'),
            'utf8'
        );
        // The org's own record: an admin already set the code length to 8.
        fs.writeFileSync(file, shipped.replace(/(<field>Code_Length__c<\/field>\s*<value[^>]*>)[^<]*/, '$18'));
        return payloads.retrieved([
            { fullName: 'WhatsApp_OTP_Setting.Default', type: 'CustomMetadata', state: 'Changed', filePath: file }
        ]);
    }
    if (command === 'apex run' || (command.startsWith('apex run') && !args.includes('test'))) {
        const lines = fs.readFileSync(path.resolve(cwd, value(args, '--file')), 'utf8').split('\n');
        for (const name of scenario.rejectNames ?? []) {
            const word = new RegExp(`(\\.${name}\\b|\\b${name}_Request\\b)`);
            const at = lines.findIndex((l) => word.test(l));
            if (at >= 0) {
                const problem = word.exec(lines[at])[0].startsWith('.')
                    ? `Variable does not exist: ${name}`
                    : `Invalid type: ExternalService.CPaasMessagingApps.${name}_Request`;
                return payloads.apexRun(problem, at + 1, lines[at].search(word) + 2);
            }
        }
        return payloads.apexRun(undefined);
    }
    if (command.startsWith('apex run test')) {
        const classes = fs
            .readdirSync(path.join(cwd, 'force-app'), { recursive: true })
            .map(String)
            .filter(
                (f) => f.endsWith('.cls') && !/@isTest/i.test(fs.readFileSync(path.join(cwd, 'force-app', f), 'utf8'))
            )
            .map((f) => path.basename(f, '.cls'));
        return payloads.testRun(
            Boolean(scenario.testsFail),
            classes.map((name) => ({ name, percent: scenario.coverage?.[name] ?? 90 }))
        );
    }
    if (command === 'package create') {
        return payloads.packageCreated();
    }
    if (command === 'package version create') {
        return payloads.versionCreated(value(args, '--package'));
    }
    if (command === 'package version promote') {
        return payloads.promoted(value(args, '--package'));
    }
    if (command.startsWith('org list metadata')) {
        return payloads.listed(scenario.connectionPresent ? ['CPaasMessagingApps'] : []);
    }
    if (command.startsWith('org assign permset')) {
        const users = values(args, '--on-behalf-of');
        if (scenario.guestAssignFails && users.includes(payloads.GUEST_USERNAME)) {
            return payloads.permsetAssigned([], payloads.GUEST_USERNAME, [
                { name: payloads.GUEST_USERNAME, message: 'INSUFFICIENT_ACCESS: guest user license' }
            ]);
        }
        return payloads.permsetAssigned(values(args, '--name'), users.length ? users.join(',') : 'admin@example.com');
    }
    if (command.startsWith('org display')) {
        if (scenario.notLoggedIn) {
            return payloads.sfError(
                'NamedOrgNotFoundError',
                `No authorization information found for ${value(args, '--target-org')}.`
            );
        }
        return payloads.orgDisplay(scenario.instanceUrl ?? 'http://127.0.0.1:9');
    }
    if (command.startsWith('data query')) {
        const soql = value(args, '--query');
        if (/FROM Organization/.test(soql)) {
            return payloads.queried([
                scenario.organization ?? {
                    IsSandbox: false,
                    TrialExpirationDate: null,
                    OrganizationType: 'Developer Edition'
                }
            ]);
        }
        if (/^SELECT Id FROM Site WHERE/.test(soql)) {
            return payloads.queried(scenario.siteDeployed ? [{ Id: payloads.SITE_ID }] : []);
        }
        if (/FROM Site WHERE/.test(soql)) {
            return payloads.queried(
                scenario.siteMissing
                    ? []
                    : [{ Id: payloads.SITE_ID, GuestUserId: payloads.GUEST_USER_ID, Status: 'Active' }]
            );
        }
        if (/FROM User WHERE/.test(soql)) {
            return payloads.queried(
                soql.includes(payloads.GUEST_USER_ID) ? [{ Username: payloads.GUEST_USERNAME }] : []
            );
        }
        if (/FROM SiteDetail WHERE/.test(soql)) {
            return payloads.queried(soql.includes(payloads.SITE_ID) ? [{ SecureUrl: payloads.SITE_URL }] : []);
        }
        return payloads.queried(
            scenario.settingsRecordExists
                ? [
                      {
                          attributes: {
                              type: 'WhatsApp_OTP_Setting__mdt',
                              url: '/services/data/v65.0/sobjects/WhatsApp_OTP_Setting__mdt/m00000000000001'
                          },
                          DeveloperName: 'Default'
                      }
                  ]
                : []
        );
    }
    return payloads.sfError('UnknownCommand', `the fake sf does not know: ${args.join(' ')}`);
}
