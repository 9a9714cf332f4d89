// Tests of `npm run org:setup` against a fake `sf` placed first on PATH (test/org-setup/fake-sf) and a local HTTP
// server standing in for the org's Connect REST endpoint. Each test runs the real script in a copy of the project
// (so --write-back and temp files never touch this checkout), feeds the API key on standard input, and reads
// what the fake recorded. Most run the script's main in this process with the fake as its spawnSync (each node
// start, of the script and of every sf call, was most of this suite's CPU); the tests marked `cli` run
// `node scripts/org-setup.mjs` as a child with the fake `sf` executable on PATH, so the CLI wiring stays proven.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../scripts/org-setup.mjs';
import { probePlan, renderProbe, lineOf, GATEWAY } from '../../scripts/org-setup/probe.mjs';
import * as fakeSf from './fake-sf/fake-sf.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = path.join(root, 'scripts', 'org-setup.mjs');
const fakeBin = path.join(root, 'test', 'org-setup', 'fake-sf');
const KEY = 'k3y-Sup3rSecret-8x8-0123456789abcdef';
const SECRET = 'rEc31pt-S3cret-0123456789abcdefghijklmn';
const PROJECT_FILES = [
    'sfdx-project.json',
    'spec',
    'force-app/core/classes/gateway',
    'force-app/connection/externalServiceRegistrations',
    'force-app/connection/namedCredentials',
    'config/per-org'
];

const projects = [];
after(() => projects.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function project() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'org-setup-test-'));
    projects.push(dir);
    for (const f of PROJECT_FILES) {
        fs.cpSync(path.join(root, f), path.join(dir, 'project', f), { recursive: true });
    }
    return {
        dir,
        cwd: path.join(dir, 'project'),
        log: path.join(dir, 'sf-calls.jsonl'),
        scenario: path.join(dir, 'scenario.json')
    };
}

/**
 * A stand-in for the org's REST API: Connect REST named-credentials/credential, and the query and sobjects
 * resources for the receipt secret's custom setting.
 */
async function connectServer({ exists = false, failStore = false, secretExists = false } = {}) {
    const requests = [];
    const server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
            requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
            res.setHeader('Content-Type', 'application/json');
            if (req.url.includes('/query?')) {
                const records = secretExists ? [{ Id: 'a00000000000001AAA' }] : [];
                return res.end(JSON.stringify({ totalSize: records.length, done: true, records }));
            }
            if (req.url.includes('/sobjects/WhatsApp_OTP_Receipt_Secret__c')) {
                res.statusCode = req.method === 'POST' ? 201 : 204;
                return res.end(
                    req.method === 'POST' ? JSON.stringify({ id: 'a00000000000001AAA', success: true }) : ''
                );
            }
            if (req.method === 'GET') {
                res.statusCode = 200;
                // Connect REST "Credential" output: credentials map of the principal.
                return res.end(
                    JSON.stringify({
                        externalCredential: 'X8x8_CPaaS_Authentication',
                        principalName: 'X8x8_API_Key_Principal',
                        principalType: 'NamedPrincipal',
                        authenticationProtocol: 'Custom',
                        credentials: exists ? { ApiKey: { encrypted: true, value: '********' } } : {}
                    })
                );
            }
            if (failStore) {
                res.statusCode = 400;
                // Connect REST error body: a list of { errorCode, message } (here echoing the value, which must be scrubbed).
                return res.end(
                    JSON.stringify([
                        {
                            errorCode: 'INVALID_INPUT',
                            message: `Credential value ${JSON.parse(body).credentials.ApiKey.value} is not allowed for this principal`
                        }
                    ])
                );
            }
            res.statusCode = req.method === 'POST' ? 201 : 200;
            return res.end(body);
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    // closeAllConnections: fetch keeps its connection alive, which would hold this process open after the tests.
    const close = () => {
        server.close();
        server.closeAllConnections();
    };
    return { url: `http://127.0.0.1:${server.address().port}`, requests, close };
}

/**
 * Runs org:setup in p's project with args, the fake's scenario and stdin: in-process, or with `cli` as
 * `node scripts/org-setup.mjs`. Either way sf is found on PATH only `withFake`. Output is stdout and stderr together.
 */
async function runSetup(p, args, { scenario = {}, stdin = `${KEY}\n${SECRET}\n`, withFake = true, cli = false } = {}) {
    fs.writeFileSync(p.scenario, JSON.stringify(scenario));
    const env = {
        ...process.env,
        FAKE_SF_LOG: p.log,
        FAKE_SF_SCENARIO: p.scenario,
        PATH: withFake ? `${fakeBin}${path.delimiter}${path.dirname(process.execPath)}` : path.dirname(process.execPath)
    };
    if (!cli) {
        let out = '';
        const sink = { write: (text) => ((out += text), true) };
        const status = await main(args, {
            cwd: p.cwd,
            stdin: Readable.from([stdin]),
            stdout: sink,
            stderr: sink,
            env,
            spawn: fakeSf.spawnSync
        });
        return { status, out, calls: readCalls(p) };
    }
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [script, ...args], { cwd: p.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.stdin.end(stdin);
        child.on('close', (status) => resolve({ status, out, calls: readCalls(p) }));
    });
}

function readCalls(p) {
    return fs.existsSync(p.log)
        ? fs
              .readFileSync(p.log, 'utf8')
              .trim()
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l).argv)
        : [];
}

/** The sf command of an argv: its words before the first flag. */
const commandOf = (argv) => {
    const first = argv.findIndex((a) => a.startsWith('-'));
    return argv.slice(0, first < 0 ? argv.length : first).join(' ');
};

/** Every file under dir whose content contains text. */
function filesContaining(dir, text) {
    return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath ?? e.path, e.name))
        .filter((f) => fs.readFileSync(f, 'utf8').includes(text));
}

// Each test has its own copy of the project, its own fake org and its own REST server (and main keeps each run's
// io apart), so two run at a time: a `cli` test's child processes overlap with the others' in-process work.
describe('npm run org:setup', { concurrency: 2 }, () => {
    test('a full run deploys in the safe order, stores the key and the receipt secret, and ends with the tests', async () => {
        const p = project();
        const org = await connectServer();
        const { status, out, calls } = await runSetup(
            p,
            [
                '--target-org',
                'otp-org',
                '--subaccount',
                'acme-sub',
                '--template',
                'salesforce_otp',
                '--assign',
                'agent@example.com'
            ],
            { scenario: { instanceUrl: org.url } }
        );
        org.close();
        assert.equal(status, 0, out);
        assert.deepEqual(calls.map(commandOf), [
            'project deploy start',
            'project retrieve start',
            'apex run',
            'project deploy start',
            'org assign permset',
            'org assign permset',
            'data query',
            'data query',
            'org assign permset',
            'data query',
            'org display',
            'org display',
            'data query',
            'project deploy start',
            'apex run test'
        ]);
        for (const argv of calls) {
            assert.deepEqual(
                argv.slice(argv.indexOf('--target-org'), argv.indexOf('--target-org') + 2),
                ['--target-org', 'otp-org'],
                argv.join(' ')
            );
            assert.ok(argv.includes('--json'), argv.join(' '));
        }
        assert.deepEqual(
            calls[0].filter((a, i) => calls[0][i - 1] === '--metadata'),
            [
                'ExternalCredential:X8x8_CPaaS_Authentication',
                'NamedCredential:X8x8_Messaging_API',
                'ExternalServiceRegistration:CPaasMessagingApps'
            ]
        );
        assert.equal(
            calls[3][calls[3].indexOf('--source-dir') + 1],
            'force-app',
            'the Apex deploys only after the probe'
        );
        assert.ok(calls[5].includes('--on-behalf-of') && calls[5].includes('agent@example.com'));
        assert.deepEqual(
            calls[8].filter((a, i) => ['--name', '--on-behalf-of'].includes(calls[8][i - 1])),
            ['WhatsApp_OTP_Receipt_Guest', 'whatsapp_otp_receipts@acme.my.salesforce-sites.com'],
            "the guest permission set goes to the Site's guest user"
        );
        assert.deepEqual(calls.at(-1).slice(3, 7), [
            '--test-level',
            'RunLocalTests',
            '--code-coverage',
            '--result-format'
        ]);
        assert.deepEqual(
            org.requests.map((r) => r.method),
            ['GET', 'POST', 'GET', 'POST']
        );
        assert.match(
            org.requests[0].url,
            /^\/services\/data\/v65\.0\/named-credentials\/credential\?externalCredential=X8x8_CPaaS_Authentication&principalName=X8x8_API_Key_Principal&principalType=NamedPrincipal$/
        );
        assert.equal(org.requests[1].authorization, 'Bearer 00D000000000001!fake.session.token');
        assert.deepEqual(JSON.parse(org.requests[1].body), {
            externalCredential: 'X8x8_CPaaS_Authentication',
            authenticationProtocol: 'Custom',
            principalName: 'X8x8_API_Key_Principal',
            principalType: 'NamedPrincipal',
            credentials: { ApiKey: { value: KEY, encrypted: true } }
        });
        assert.match(
            decodeURIComponent(org.requests[2].url.replace(/\+/g, ' ')),
            /\/query\?q=SELECT Id FROM WhatsApp_OTP_Receipt_Secret__c WHERE SetupOwnerId = '00D000000000001EAA'$/
        );
        assert.equal(org.requests[3].url, '/services/data/v65.0/sobjects/WhatsApp_OTP_Receipt_Secret__c');
        assert.deepEqual(JSON.parse(org.requests[3].body), { SetupOwnerId: '00D000000000001EAA', Secret__c: SECRET });
        assert.match(
            out,
            /the receipt secret is stored \(created\) as the org default of WhatsApp_OTP_Receipt_Secret__c/
        );
        assert.match(
            out,
            /callback base URL \(setting Receipt Callback Base URL\): https:\/\/acme\.my\.salesforce-sites\.com\/whatsappotp\n/
        );
        assert.match(out, /8x8 Connect: paste nothing/);
        const [deployed] = fs.readdirSync(p.dir).filter((f) => f.startsWith('deployed-'));
        assert.match(
            fs.readFileSync(path.join(p.dir, deployed, 'customMetadata', 'WhatsApp_OTP_Setting.Default.md'), 'utf8'),
            /<field>Receipt_Callback_Base_Url__c<\/field>\s*<value xsi:type="xsd:string">https:\/\/acme\.my\.salesforce-sites\.com\/whatsappotp<\/value>/,
            "the Site's URL goes into the settings record"
        );
        assert.match(out, /Apex tests: 2 passed, 0 failed \(Passed\); coverage: this run 91%, org-wide 89%/);
        assert.match(out, /org:setup: done/);
        // The key and the secret: in no argv, not in the output, and in no file the run leaves behind (project copy,
        // fake's log and packages).
        for (const secret of [KEY, SECRET]) {
            assert.ok(!calls.some((argv) => argv.some((a) => a.includes(secret))), 'no secret is in an sf argv');
            assert.ok(!out.includes(secret), 'no secret is printed');
            assert.deepEqual(filesContaining(p.dir, secret), []);
        }
        assert.ok(
            !fs.existsSync(path.join(p.cwd, '.tmp')) || fs.readdirSync(path.join(p.cwd, '.tmp')).length === 0,
            'temp files are removed'
        );
    });

    test('a new org gets the shipped settings record with the given values; the region sets the Named Credential URL', async () => {
        const p = project();
        const { status, out } = await runSetup(
            p,
            [
                '--target-org',
                'otp-org',
                '--skip-key',
                '--from',
                'settings',
                '--region',
                'eu',
                '--subaccount',
                'acme-sub',
                '--template',
                'salesforce_otp'
            ],
            { scenario: {} }
        );
        assert.equal(status, 0, out);
        const [deployed] = fs.readdirSync(p.dir).filter((f) => f.startsWith('deployed-'));
        const pkg = path.join(p.dir, deployed);
        assert.match(
            fs.readFileSync(path.join(pkg, 'package.xml'), 'utf8'),
            /<members>X8x8_Messaging_API<\/members>\s*<name>NamedCredential<\/name>[\s\S]*<members>WhatsApp_OTP_Setting\.Default<\/members>\s*<name>CustomMetadata<\/name>/
        );
        assert.match(
            fs.readFileSync(path.join(pkg, 'namedCredentials', 'X8x8_Messaging_API.namedCredential'), 'utf8'),
            /<parameterValue>https:\/\/chatapps\.8x8\.uk<\/parameterValue>/
        );
        const record = fs.readFileSync(path.join(pkg, 'customMetadata', 'WhatsApp_OTP_Setting.Default.md'), 'utf8');
        assert.match(record, /<field>Subaccount_Id__c<\/field>\s*<value xsi:type="xsd:string">acme-sub<\/value>/);
        assert.match(record, /<field>Template_Name__c<\/field>\s*<value xsi:type="xsd:string">salesforce_otp<\/value>/);
        assert.match(out, /settings record Default: created from config\/per-org/);
    });

    test('an org that has a Default record keeps its own values; only the given ones change', async () => {
        const p = project();
        const { status, out, calls } = await runSetup(
            p,
            ['--target-org', 'otp-org', '--skip-key', '--from', 'settings', '--template', 'new_template'],
            { scenario: { settingsRecordExists: true } }
        );
        assert.equal(status, 0, out);
        assert.deepEqual(calls.map(commandOf), [
            'data query',
            'project retrieve start',
            'project deploy start',
            'apex run test'
        ]);
        const [deployed] = fs.readdirSync(p.dir).filter((f) => f.startsWith('deployed-'));
        const record = fs.readFileSync(
            path.join(p.dir, deployed, 'customMetadata', 'WhatsApp_OTP_Setting.Default.md'),
            'utf8'
        );
        assert.match(
            record,
            /<field>Code_Length__c<\/field>\s*<value xsi:type="xsd:double">8<\/value>/,
            "the org's code length stays"
        );
        assert.match(record, /<field>Template_Name__c<\/field>\s*<value xsi:type="xsd:string">new_template<\/value>/);
        assert.ok(
            !fs.existsSync(path.join(p.dir, deployed, 'namedCredentials')),
            'the default region deploys no Named Credential'
        );
    });

    test('a name the org generated differently stops the run before any Apex deploys and names the line to change', async () => {
        const p = project();
        const { status, out, calls } = await runSetup(p, ['--target-org', 'otp-org', '--skip-key'], {
            scenario: { rejectNames: ['z0user'] }
        });
        assert.equal(status, 1, out);
        const probes = calls.filter((argv) => commandOf(argv) === 'apex run');
        assert.ok(probes.length >= 2, 'each candidate is tried in its own sf apex run');
        assert.ok(!calls.some((argv) => argv.includes('--source-dir')), 'no Apex was deployed');
        const gateway = fs.readFileSync(path.join(root, GATEWAY), 'utf8').split('\n');
        const line = gateway.findIndex((l) => /request\.z0user = recipient;/.test(l)) + 1;
        assert.ok(line > 0);
        assert.ok(
            out.includes(`the org calls \`user\` what we call \`z0user\`; change it in ${GATEWAY} line ${line}`),
            out
        );
        assert.match(out, /step 3 of 10 \(probe\) failed/);
        assert.match(out, /then resume: npm run org:setup -- --target-org otp-org --skip-key --from probe/);
    });

    test('a failed key store names the step and its fix, echoes no key, and runs nothing after it', async () => {
        const p = project();
        const org = await connectServer({ failStore: true });
        const { status, out, calls } = await runSetup(p, ['--target-org', 'otp-org', '--from', 'key'], {
            scenario: { instanceUrl: org.url }
        });
        org.close();
        assert.equal(status, 1, out);
        assert.match(
            out,
            /step 7 of 10 \(key\) failed: storing the key \(POST named-credentials\/credential\) failed: HTTP 400: INVALID_INPUT Credential value \[the key\] is not allowed/
        );
        assert.match(
            out,
            /fix: check that X8x8_CPaaS_Authentication and its principal X8x8_API_Key_Principal were deployed/
        );
        assert.match(out, /then resume: npm run org:setup -- --target-org otp-org --from key/);
        assert.deepEqual(calls.map(commandOf), ['org display'], 'settings and tests did not run');
        assert.ok(!out.includes(KEY));
        assert.ok(!calls.some((argv) => argv.some((a) => a.includes(KEY))));
        assert.deepEqual(filesContaining(p.dir, KEY), []);
    });

    test('an existing key is replaced with PUT', async () => {
        const p = project();
        const org = await connectServer({ exists: true });
        const { status, out } = await runSetup(p, ['--target-org', 'otp-org', '--skip-secret', '--from', 'key'], {
            scenario: { instanceUrl: org.url }
        });
        org.close();
        assert.equal(status, 0, out);
        assert.deepEqual(
            org.requests.map((r) => r.method),
            ['GET', 'PUT']
        );
        assert.match(out, /the key is stored \(replaced\)/);
    });

    test('a failed connection deploy names the step, its problems and the resume command; --from resumes there', async () => {
        const p = project();
        const failed = await runSetup(p, ['--target-org', 'otp-org', '--skip-key', '--skip-secret'], {
            scenario: { failDeploy: 'connection' }
        });
        assert.equal(failed.status, 1, failed.out);
        assert.match(
            failed.out,
            /step 1 of 10 \(connection\) failed: the connection did not deploy:\n {4}ExternalServiceRegistration CPaasMessagingApps: Invalid schema/
        );
        assert.equal(failed.calls.length, 1);
        fs.rmSync(p.log);
        const resumed = await runSetup(p, [
            '--target-org',
            'otp-org',
            '--skip-key',
            '--skip-secret',
            '--from',
            'connection'
        ]);
        assert.equal(resumed.status, 0, resumed.out);
        assert.equal(commandOf(resumed.calls[0]), 'project deploy start');
    });

    test('a stored operation name that differs is printed, and --write-back writes it into the source', async () => {
        const p = project();
        const registration = path.join(
            p.cwd,
            'force-app/connection/externalServiceRegistrations/CPaasMessagingApps.externalServiceRegistration-meta.xml'
        );
        const scenario = { orgOperationNames: ['Sendx2dMessage', 'sendx2dmessagex2dmany'] };
        const printed = await runSetup(
            p,
            ['--target-org', 'otp-org', '--skip-key', '--skip-secret', '--from', 'names'],
            {
                scenario
            }
        );
        assert.equal(printed.status, 0, printed.out);
        assert.match(
            printed.out,
            /DIFFERENCE: the org stores the operation names \[Sendx2dMessage, sendx2dmessagex2dmany\]/
        );
        assert.ok(
            fs.readFileSync(registration, 'utf8').includes('<name>sendx2dmessage</name>'),
            'unchanged without --write-back'
        );
        const written = await runSetup(
            p,
            ['--target-org', 'otp-org', '--skip-key', '--skip-secret', '--from', 'names', '--write-back'],
            {
                scenario
            }
        );
        assert.equal(written.status, 0, written.out);
        assert.ok(fs.readFileSync(registration, 'utf8').includes('<name>Sendx2dMessage</name>'));
    });

    test('--help and --dry-run work with no org and no sf on PATH', async () => {
        const p = project();
        const help = await runSetup(p, ['--help'], { withFake: false });
        assert.equal(help.status, 0, help.out);
        assert.match(help.out, /Usage: npm run org:setup -- --target-org <alias>/);
        const dry = await runSetup(p, ['--dry-run', '--region', 'us'], { withFake: false });
        assert.equal(dry.status, 0, dry.out);
        assert.match(
            dry.out,
            /\[4\/10\] deploy: deploy the rest of force-app\n {4}sf project deploy start --source-dir force-app/
        );
        assert.match(dry.out, /https:\/\/chatapps\.us\.8x8\.com/);
        assert.deepEqual(readCalls(p), []);
    });

    test('without sf on PATH a real run fails at the first step with the install fix', async () => {
        const p = project();
        // As the CLI: Node's own PATH lookup of sf fails, not the fake's.
        const { status, out } = await runSetup(p, ['--target-org', 'otp-org', '--skip-key'], {
            withFake: false,
            cli: true
        });
        assert.equal(status, 1, out);
        assert.match(
            out,
            /step 1 of 10 \(connection\) failed: the Salesforce CLI \(sf\) is not on PATH\n {2}fix: install the Salesforce CLI/
        );
    });

    test('an existing receipt secret is replaced with PATCH, from the second line of standard input', async () => {
        const p = project();
        const org = await connectServer({ secretExists: true });
        const { status, out, calls } = await runSetup(
            p,
            ['--target-org', 'otp-org', '--skip-key', '--from', 'secret'],
            {
                scenario: { instanceUrl: org.url },
                stdin: `${SECRET}\n`,
                // As the CLI, end to end: the secret on the child's stdin, the fake sf executable on PATH (four
                // calls), REST from the child, and its exit code.
                cli: true
            }
        );
        org.close();
        assert.equal(status, 0, out);
        assert.deepEqual(
            org.requests.map((r) => r.method),
            ['GET', 'PATCH']
        );
        assert.equal(
            org.requests[1].url,
            '/services/data/v65.0/sobjects/WhatsApp_OTP_Receipt_Secret__c/a00000000000001AAA'
        );
        assert.deepEqual(JSON.parse(org.requests[1].body), { Secret__c: SECRET });
        assert.match(out, /the receipt secret is stored \(replaced\)/);
        assert.ok(!out.includes(SECRET) && !calls.some((argv) => argv.some((a) => a.includes(SECRET))));
    });

    test('a receipt secret shorter than 32 characters stops the run before any step', async () => {
        const p = project();
        const { status, out, calls } = await runSetup(p, ['--target-org', 'otp-org', '--skip-key'], {
            stdin: 'too-short\n'
        });
        assert.equal(status, 1, out);
        assert.match(out, /step 8 of 10 \(secret\) failed: the receipt secret is shorter than 32 characters/);
        assert.match(out, /then resume: npm run org:setup -- --target-org otp-org --skip-key --from secret/);
        assert.deepEqual(calls, [], 'nothing ran');
        assert.ok(!out.includes('too-short'));
    });

    test('the receipt secret is refused on the command line', async () => {
        const p = project();
        const { status, out } = await runSetup(p, ['--target-org', 'otp-org', '--secret', SECRET], { withFake: false });
        assert.equal(status, 2);
        assert.match(out, /the receipt secret is never taken from the command line/);
        assert.ok(!out.includes(SECRET));
    });

    test('a Site guest user the CLI cannot assign stops at step site with the manual path', async () => {
        const p = project();
        const { status, out, calls } = await runSetup(p, ['--target-org', 'otp-org', '--skip-key', '--from', 'site'], {
            scenario: { guestAssignFails: true }
        });
        assert.equal(status, 1, out);
        assert.match(
            out,
            /step 6 of 10 \(site\) failed: WhatsApp_OTP_Receipt_Guest could not be assigned to the guest user whatsapp_otp_receipts@acme\.my\.salesforce-sites\.com/
        );
        assert.match(out, /Public Access Settings → View Users → the guest user → Permission Set Assignments/);
        assert.match(out, /then resume: npm run org:setup -- --target-org otp-org --skip-key --from site/);
        assert.ok(!calls.some((argv) => commandOf(argv) === 'org display'), 'nothing after the failed step ran');
    });

    test('an org without the Site stops at step site and says why', async () => {
        const p = project();
        const { status, out } = await runSetup(p, ['--target-org', 'otp-org', '--skip-key', '--from', 'site'], {
            scenario: { siteMissing: true }
        });
        assert.equal(status, 1, out);
        assert.match(out, /step 6 of 10 \(site\) failed: the org has no Site WhatsApp_OTP_Receipts with a guest user/);
    });

    test('the key is refused on the command line', async () => {
        const p = project();
        const { status, out } = await runSetup(p, ['--target-org', 'otp-org', '--key', KEY], { withFake: false });
        assert.equal(status, 2);
        assert.match(out, /the API key is never taken from the command line/);
    });

    test('the probe is generated from the model and the gateway: it touches z0user, each line owns one name', () => {
        const { entities, usage } = probePlan(root);
        const { apex, owner } = renderProbe(entities);
        assert.match(apex, /ExternalService\.CPaasMessagingApps_recipient m\d+ = o\d+\.z0user;/);
        assert.match(
            apex,
            /ExternalService\.CPaasMessagingApps\.Sendx2dMessage_Response response\d+ = service\.Sendx2dMessage\(request\d+\);/
        );
        assert.match(apex, /Integer m\d+ = failure\d+\.Code400\.code;/);
        assert.ok(!/\.user\b/.test(apex), 'no unencoded user');
        const lines = apex.split('\n');
        for (const [line, index] of owner) {
            assert.ok(lines[line - 1].includes(entities[index].ours), `${line}: ${lines[line - 1]}`);
        }
        assert.equal(lineOf(usage, 'Sendx2dMessage') > 0, true);
    });

    test('the generated probe passes the apex-semantic gate against the same model', () => {
        // Always the same folder (emptied first): the gate's result cache is keyed by each file's path and
        // text, so an unchanged probe reads the earlier apex-ls report instead of starting the JVM again.
        const dir = path.join(root, 'node_modules', '.cache', 'org-setup-probe');
        const classes = path.join(dir, 'classes');
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(classes, { recursive: true });
        const { apex } = renderProbe(probePlan(root).entities);
        const body = apex
            .split('\n')
            .filter((l) => !l.startsWith('//'))
            .map((l) => `        ${l}`)
            .join('\n');
        fs.writeFileSync(
            path.join(classes, 'OrgSetupProbe.cls'),
            `public with sharing class OrgSetupProbe {\n    public static void probe() {\n${body}\n    }\n}\n`
        );
        fs.writeFileSync(
            path.join(classes, 'OrgSetupProbe.cls-meta.xml'),
            '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>65.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n'
        );
        const r = spawnSync(process.execPath, ['scripts/gates/apex-semantic.mjs', dir], {
            cwd: root,
            encoding: 'utf8'
        });
        assert.equal(r.status, 0, r.stdout + r.stderr);
    });
});
