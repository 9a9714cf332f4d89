// Tests of `npm run org:setup` against a fake `sf` placed first on PATH (test/org-setup/fake-sf) and a local HTTP
// server standing in for the org's Connect REST endpoint. Each test runs the real script in a copy of the project
// (so --write-back and temp files never touch this checkout), feeds the API key on standard input, and reads
// what the fake recorded. Most run the script's main in this process with the fake as its spawnSync (each node
// start, of the script and of every sf call, was most of this suite's CPU); the tests marked `cli` run
// `node scripts/org-setup.mjs` as a child with the fake `sf` executable on PATH, so the CLI wiring stays proven.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../scripts/org-setup.mjs';
import { orgKind, orgKindCases } from '../../scripts/org-setup/org-kind.mjs';
import { probePlan, renderProbe, lineOf, GATEWAY } from '../../scripts/org-setup/probe.mjs';
import * as fakeSf from './fake-sf/fake-sf.mjs';
import { commandOf, fakeEnv, project, readCalls, valuesOf } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = path.join(root, 'scripts', 'org-setup.mjs');
const KEY = 'k3y-Sup3rSecret-8x8-0123456789abcdef';
const SECRET = 'rEc31pt-S3cret-0123456789abcdefghijklmn';

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
async function runSetup(
    p,
    args,
    { scenario = {}, stdin = `${KEY}\n${SECRET}\n`, withFake = true, cli = false, tty = false } = {}
) {
    const env = fakeEnv(p, scenario, withFake);
    if (!cli) {
        let out = '';
        const sink = { write: (text) => ((out += text), true) };
        // A terminal is a stream with isTTY whose raw mode is a no-op; a closed stdin is an empty stream.
        const input = Object.assign(Readable.from(stdin ? [stdin] : []), tty ? { isTTY: true, setRawMode() {} } : {});
        const status = await main(args, {
            cwd: p.cwd,
            stdin: input,
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

/** Every file under dir whose content contains text. */
function filesContaining(dir, text) {
    return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath ?? e.path, e.name))
        .filter((f) => fs.readFileSync(f, 'utf8').includes(text));
}

/** The test classes of a package directory, by file name (the script finds them by their @isTest annotation). */
const testFiles = (dir) =>
    fs
        .readdirSync(path.join(root, dir), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('Test.cls'))
        .map((f) => path.basename(f, '.cls'))
        .sort();

const PRODUCTION_ORG = { IsSandbox: false, TrialExpirationDate: null, OrganizationType: 'Enterprise Edition' };

// Each test has its own copy of the project, its own fake org and its own REST server (and main keeps each run's
// io apart), so two run at a time: a `cli` test's child processes overlap with the others' in-process work.
describe('npm run org:setup', { concurrency: 2 }, () => {
    test('a full run with --receipts deploys connection, core, then receipts, stores the key and the secret, and ends with the tests', async () => {
        const p = project();
        const org = await connectServer();
        const { status, out, calls } = await runSetup(
            p,
            [
                '--target-org',
                'otp-org',
                '--receipts',
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
            'org display',
            'data query',
            'project deploy start',
            'project retrieve start',
            'apex run',
            'project deploy start',
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
            assert.deepEqual(valuesOf(argv, '--target-org'), ['otp-org'], argv.join(' '));
            assert.ok(argv.includes('--json'), argv.join(' '));
        }
        assert.deepEqual(
            calls.filter((argv) => argv.includes('--source-dir')).map((argv) => valuesOf(argv, '--source-dir')),
            [['force-app/connection'], ['force-app/core'], ['force-app/receipts']],
            'connection first, then core, then receipts; the Apex only after the probe'
        );
        assert.ok(
            !calls.some((argv) => argv.includes('--test-level') && commandOf(argv) !== 'apex run test'),
            'a Developer Edition org deploys with its default test level (no tests); step tests runs them'
        );
        assert.ok(calls[8].includes('--on-behalf-of') && calls[8].includes('agent@example.com'));
        assert.deepEqual(
            calls[11].filter((a, i) => ['--name', '--on-behalf-of'].includes(calls[11][i - 1])),
            ['WhatsApp_OTP_Receipt_Guest', 'whatsapp_otp_receipts@acme.my.salesforce-sites.com'],
            "the guest permission set goes to the Site's guest user"
        );
        assert.deepEqual(
            valuesOf(calls.at(-1), '--class-names'),
            [...testFiles('force-app/core'), ...testFiles('force-app/receipts')],
            'step tests runs the test classes of the deployed parts'
        );
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
        assert.match(
            out,
            /Apex tests \(\d+ classes\): 2 passed, 0 failed \(Passed\); coverage: this run 91%, org-wide 89%/
        );
        assert.match(out, /org:setup: done\n$/);
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

    test('without --receipts nothing of the receipt endpoint runs and the callback base URL stays blank', async () => {
        const p = project();
        const { status, out, calls } = await runSetup(
            p,
            ['--target-org', 'otp-org', '--skip-key', '--subaccount', 'acme-sub', '--template', 'salesforce_otp'],
            { stdin: '' }
        );
        assert.equal(status, 0, out);
        assert.deepEqual(
            calls.filter((argv) => argv.includes('--source-dir')).map((argv) => valuesOf(argv, '--source-dir')),
            [['force-app/connection'], ['force-app/core']]
        );
        assert.ok(
            !calls.some((argv) =>
                argv.some((a) => /Site|Receipt_Guest/.test(a) && !a.startsWith('SELECT Id FROM Site'))
            )
        );
        assert.doesNotMatch(out, /\] (site|secret|receipts|samples):/);
        const [deployed] = fs.readdirSync(p.dir).filter((f) => f.startsWith('deployed-'));
        assert.match(
            fs.readFileSync(path.join(p.dir, deployed, 'customMetadata', 'WhatsApp_OTP_Setting.Default.md'), 'utf8'),
            /<field>Receipt_Callback_Base_Url__c<\/field>\s*<value xsi:nil="true" \/>/
        );
        assert.match(
            out,
            /org:setup: done; skipped: the API key \(--skip-key: enter it in Setup before the first send\)\n$/
        );
    });

    test('an org that has the receipt Site, set up without --receipts, is warned and pointed to the removal manifest', async () => {
        const p = project();
        const { status, out } = await runSetup(p, ['--target-org', 'otp-org', '--skip-key', '--from', 'settings'], {
            scenario: { siteDeployed: true },
            stdin: ''
        });
        assert.equal(status, 0, out);
        assert.match(
            out,
            /WARNING: the org has the receipt Site WhatsApp_OTP_Receipts[^\n]*\n {4}npx sf project deploy start --metadata-dir manifest\/remove-receipts --target-org otp-org/
        );
    });

    test('--samples deploys the samples after core, and is refused in production before anything runs', async () => {
        const p = project();
        const dev = await runSetup(p, ['--target-org', 'otp-org', '--skip-key', '--samples', '--skip-tests'], {
            stdin: ''
        });
        assert.equal(dev.status, 0, dev.out);
        assert.deepEqual(
            dev.calls.filter((argv) => argv.includes('--source-dir')).map((argv) => valuesOf(argv, '--source-dir')),
            [['force-app/connection'], ['force-app/core'], ['force-app/samples']]
        );
        assert.match(dev.out, /skipped: the API key \(--skip-key[^)]*\); the Apex tests \(--skip-tests\)\n$/);
        fs.rmSync(p.log);
        const prod = await runSetup(p, ['--target-org', 'prod', '--skip-key', '--samples'], {
            scenario: { organization: PRODUCTION_ORG },
            stdin: ''
        });
        assert.equal(prod.status, 1, prod.out);
        assert.match(prod.out, /the samples are for sandboxes and Developer Edition orgs, not production/);
        assert.deepEqual(prod.calls.map(commandOf), ['org display', 'data query']);
    });

    test('every case of the shared org-kind table classifies the same way in org:setup', () => {
        const cases = orgKindCases(root);
        assert.ok(cases.length >= 5);
        for (const { row, kind } of cases) {
            assert.equal(orgKind(row), kind, JSON.stringify(row));
        }
    });

    test('production --validate-only --dry-run prints the validation with every core test class and the quick deploy', async () => {
        const p = project();
        const { status, out, calls } = await runSetup(p, ['--target-org', 'prod', '--validate-only', '--dry-run'], {
            scenario: { organization: PRODUCTION_ORG }
        });
        assert.equal(status, 0, out);
        assert.deepEqual(calls.map(commandOf), ['data query'], 'the dry run only reads the Organization row');
        assert.match(out, /The org is production/);
        const line = out.split('\n').find((l) => l.includes('sf project deploy validate'));
        assert.ok(line, out);
        const argv = line.trim().split(' ');
        assert.deepEqual(valuesOf(argv, '--source-dir'), ['force-app/core']);
        assert.deepEqual(valuesOf(argv, '--test-level'), ['RunSpecifiedTests']);
        assert.deepEqual(valuesOf(argv, '--tests'), testFiles('force-app/core'));
        assert.ok(!testFiles('force-app/samples').some((t) => line.includes(t)), 'no sample test');
        assert.match(out, /sf project deploy quick --job-id "<validation id>" --target-org prod/);
        assert.doesNotMatch(out, /project deploy start --source-dir force-app\/core/, 'nothing else deploys core');
    });

    test('production --validate-only deploys the absent connection, probes, validates core and receipts and prints the quick deploy', async () => {
        const p = project();
        const { status, out, calls } = await runSetup(p, ['--target-org', 'prod', '--validate-only', '--receipts'], {
            scenario: { organization: PRODUCTION_ORG },
            stdin: ''
        });
        assert.equal(status, 0, out);
        assert.deepEqual(calls.map(commandOf), [
            'org display',
            'data query',
            'org list metadata',
            'project deploy start',
            'project retrieve start',
            'apex run',
            'project deploy validate'
        ]);
        assert.match(out, /deployed force-app\/connection \(it holds no Apex, so no tests ran/);
        const validation = calls.at(-1);
        assert.deepEqual(valuesOf(validation, '--source-dir'), ['force-app/core', 'force-app/receipts']);
        assert.deepEqual(valuesOf(validation, '--test-level'), ['RunSpecifiedTests']);
        assert.deepEqual(valuesOf(validation, '--tests'), [
            ...testFiles('force-app/core'),
            ...testFiles('force-app/receipts')
        ]);
        assert.match(out, /validation id: 0Af000000000042AAA/);
        assert.match(
            out,
            /npx sf project deploy quick --job-id 0Af000000000042AAA --target-org prod --wait 60\n {4}then: npm run org:setup -- --target-org prod --receipts --from permsets\n/
        );
        fs.rmSync(p.log);
        const again = await runSetup(p, ['--target-org', 'prod', '--validate-only'], {
            scenario: { organization: PRODUCTION_ORG, connectionPresent: true },
            stdin: ''
        });
        assert.equal(again.status, 0, again.out);
        assert.ok(!again.calls.some((argv) => valuesOf(argv, '--source-dir').includes('force-app/connection')));
        assert.match(again.out, /the org has the connection \(CPaasMessagingApps\): not deployed again/);
    });

    test('a plain production run deploys core with RunSpecifiedTests naming its test classes', async () => {
        const p = project();
        const { status, out, calls } = await runSetup(p, ['--target-org', 'prod', '--skip-key', '--skip-tests'], {
            scenario: { organization: PRODUCTION_ORG },
            stdin: ''
        });
        assert.equal(status, 0, out);
        const core = calls.find((argv) => valuesOf(argv, '--source-dir').includes('force-app/core'));
        assert.equal(commandOf(core), 'project deploy start');
        assert.deepEqual(valuesOf(core, '--test-level'), ['RunSpecifiedTests']);
        assert.deepEqual(valuesOf(core, '--tests'), testFiles('force-app/core'));
        const connection = calls.find((argv) => valuesOf(argv, '--source-dir').includes('force-app/connection'));
        assert.ok(!connection.includes('--test-level'), 'the connection holds no Apex and names no tests');
    });

    test('the dry run lists the prerequisites, warns about a missing subaccount and template, and shows the values', async () => {
        const p = project();
        const { status, out } = await runSetup(p, ['--target-org', 'x', '--dry-run', '--receipts'], {});
        assert.equal(status, 0, out);
        assert.match(out, /approved WhatsApp AUTHENTICATION template/);
        assert.match(out, /8x8 subaccount id/);
        assert.match(out, /8x8 API key/);
        assert.match(out, /sf installed and logged in: the project's own sf, installed by npm ci/);
        assert.match(out, /receipt secret of 32\+ random characters/);
        assert.match(out, /Sites enabled with a registered Sites domain/);
        assert.match(out, /WARNING: no --subaccount: every send fails/);
        assert.match(out, /WARNING: no --template: every send fails/);
        assert.match(out, /Named Credential X8x8_Messaging_API URL: https:\/\/chatapps\.8x8\.com \(--region apac\)/);
        assert.match(out, /Receipt_Callback_Base_Url__c: <the Site's URL, found by step site>/);
        const given = await runSetup(
            p,
            ['--target-org', 'x', '--dry-run', '--subaccount', 'acme', '--template', 't1'],
            {}
        );
        assert.doesNotMatch(given.out, /WARNING: no --(subaccount|template)/);
        assert.match(given.out, /Subaccount_Id__c: acme\n/);
        assert.match(given.out, /without --receipts the callback base URL stays blank/i);
    });

    test('with --samples the permission sets step also assigns Flow Sender and Sample Flows, which the sample flows need', async () => {
        const p = project();
        const plain = await runSetup(p, ['--target-org', 'x', '--dry-run'], {});
        assert.match(
            plain.out,
            /sf org assign permset --name CPaaS_API_Access --name WhatsApp_OTP_Agent --target-org x/
        );
        const samples = await runSetup(p, ['--target-org', 'x', '--dry-run', '--samples'], {});
        assert.match(
            samples.out,
            /sf org assign permset --name CPaaS_API_Access --name WhatsApp_OTP_Agent --name WhatsApp_OTP_Flow_Sender --name WhatsApp_OTP_Sample_Flows --target-org x/
        );
    });

    test('the dry run warns about a blank country list and shows the countries and the integration user it writes', async () => {
        const p = project();
        const blank = await runSetup(p, ['--target-org', 'x', '--dry-run'], {});
        assert.match(
            blank.out,
            /WARNING: no --countries: a blank Allowed Country Codes refuses every send in production/
        );
        const given = await runSetup(
            p,
            ['--target-org', 'x', '--dry-run', '--countries', '65,+1415', '--integration-user', 'auto@example.com'],
            {}
        );
        assert.equal(given.status, 0, given.out);
        assert.doesNotMatch(given.out, /WARNING: no --countries/);
        assert.match(given.out, /Allowed_Country_Codes__c: 65,1415\n/);
        assert.match(given.out, /Integration_Username__c: auto@example\.com\n/);
        const wrong = await runSetup(p, ['--target-org', 'x', '--dry-run', '--countries', '65,SG'], {});
        assert.equal(wrong.status, 2, wrong.out);
        assert.match(wrong.out, /--countries 65,SG is not a comma list of calling codes or E\.164 prefixes/);
    });

    test('with stdin closed and no key nothing runs, the exit is non-zero and the message names --skip-key', async () => {
        const p = project();
        const { status, out, calls } = await runSetup(p, ['--target-org', 'otp-org', '--receipts'], { stdin: '' });
        assert.equal(status, 1, out);
        assert.deepEqual(calls, [], 'no sf call');
        assert.match(
            out,
            /nothing ran; missing input:\n {4}the 8x8 API key: not given \([^)]*--skip-key\)\n {4}the receipt secret: not given \([^)]*--skip-secret\)/
        );
        assert.doesNotMatch(out, /resume|--from/);
    });

    test('sf and the login are checked before any secret is asked', async () => {
        const p = project();
        const { status, out } = await runSetup(p, ['--target-org', 'otp-org'], {
            scenario: { notLoggedIn: true },
            tty: true
        });
        assert.equal(status, 1, out);
        assert.match(
            out,
            /sf is not logged in to otp-org: No authorization information found[^\n]*\n {2}fix: log in: npx sf org login web --alias otp-org/
        );
        assert.doesNotMatch(out, /API key \(typing is hidden/);
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
            'org display',
            'data query',
            'data query',
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

    test('a class under 75 % fails step tests and names the class', async () => {
        const p = project();
        const { status, out } = await runSetup(p, ['--target-org', 'otp-org', '--skip-key', '--from', 'tests'], {
            scenario: { coverage: { WhatsAppOtpService: 60 } },
            stdin: ''
        });
        assert.equal(status, 1, out);
        assert.match(
            out,
            /step 8 of 8 \(tests\) failed: [^\n]*\n {4}class WhatsAppOtpService is covered 60 % \(under 75 %\)/
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
        assert.ok(
            !calls.some((argv) => valuesOf(argv, '--source-dir').includes('force-app/core')),
            'no Apex was deployed'
        );
        const gateway = fs.readFileSync(path.join(root, GATEWAY), 'utf8').split('\n');
        const line = gateway.findIndex((l) => /request\.z0user = recipient;/.test(l)) + 1;
        assert.ok(line > 0);
        assert.ok(
            out.includes(`the org calls \`user\` what we call \`z0user\`; change it in ${GATEWAY} line ${line}`),
            out
        );
        assert.match(out, /step 3 of 8 \(probe\) failed/);
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
            /step 6 of 8 \(key\) failed: storing the key \(POST named-credentials\/credential\) failed: HTTP 400: INVALID_INPUT Credential value \[the key\] is not allowed/
        );
        assert.match(
            out,
            /fix: check that X8x8_CPaaS_Authentication and its principal X8x8_API_Key_Principal were deployed/
        );
        assert.match(out, /then resume: npm run org:setup -- --target-org otp-org --from key/);
        assert.deepEqual(
            calls.map(commandOf),
            ['org display', 'data query', 'data query', 'org display'],
            'settings and tests did not run'
        );
        assert.ok(!out.includes(KEY));
        assert.ok(!calls.some((argv) => argv.some((a) => a.includes(KEY))));
        assert.deepEqual(filesContaining(p.dir, KEY), []);
    });

    test('an existing key is replaced with PUT', async () => {
        const p = project();
        const org = await connectServer({ exists: true });
        const { status, out } = await runSetup(p, ['--target-org', 'otp-org', '--from', 'key', '--skip-tests'], {
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
        const failed = await runSetup(p, ['--target-org', 'otp-org', '--skip-key'], {
            scenario: { failDeploy: 'connection' }
        });
        assert.equal(failed.status, 1, failed.out);
        assert.match(
            failed.out,
            /step 1 of 8 \(connection\) failed: the connection did not deploy:\n {4}NamedCredential X8x8_Messaging_API: Invalid URL/
        );
        assert.equal(failed.calls.filter((argv) => commandOf(argv) === 'project deploy start').length, 1);
        fs.rmSync(p.log);
        const resumed = await runSetup(p, ['--target-org', 'otp-org', '--skip-key', '--from', 'connection']);
        assert.equal(resumed.status, 0, resumed.out);
        assert.deepEqual(valuesOf(resumed.calls[3], '--source-dir'), ['force-app/connection']);
    });

    test('a registration the org refuses for its operations is deployed again without them; names and --write-back still run', async () => {
        const p = project();
        const registration = path.join(
            p.cwd,
            'force-app/connection/externalServiceRegistrations/CPaasMessagingApps.externalServiceRegistration-meta.xml'
        );
        const { status, out, calls } = await runSetup(
            p,
            ['--target-org', 'otp-org', '--skip-key', '--skip-tests', '--write-back'],
            { scenario: { rejectOperations: true, orgOperationNames: ['Sendx2dMessage', 'Sendx2dMessagex2dMany'] } }
        );
        assert.equal(status, 0, out);
        assert.deepEqual(calls.slice(3, 6).map(commandOf), [
            'project deploy start',
            'project deploy start',
            'project retrieve start'
        ]);
        assert.ok(calls[4].includes('--metadata-dir'));
        const [copy] = fs.readdirSync(p.dir).filter((f) => f.startsWith('deployed-'));
        const sent = fs.readFileSync(
            path.join(p.dir, copy, 'externalServiceRegistrations', 'CPaasMessagingApps.externalServiceRegistration'),
            'utf8'
        );
        assert.doesNotMatch(sent, /<operations>/);
        assert.match(
            fs.readFileSync(path.join(p.dir, copy, 'package.xml'), 'utf8'),
            /<members>CPaaS_API_Access<\/members>/
        );
        assert.match(
            out,
            /the org refused the registration:\n {8}ExternalServiceRegistration CPaasMessagingApps: Invalid operation name/
        );
        assert.match(out, /deployed force-app\/connection without <operations>/);
        assert.match(out, /DIFFERENCE: the org stores the operation names \[Sendx2dMessage, Sendx2dMessagex2dMany\]/);
        assert.match(fs.readFileSync(registration, 'utf8'), /<name>Sendx2dMessage<\/name>/);
    });

    test('a stored operation name that differs is printed, and --write-back writes it into the source', async () => {
        const p = project();
        const registration = path.join(
            p.cwd,
            'force-app/connection/externalServiceRegistrations/CPaasMessagingApps.externalServiceRegistration-meta.xml'
        );
        const scenario = { orgOperationNames: ['Sendx2dMessage', 'sendx2dmessagex2dmany'] };
        const printed = await runSetup(p, ['--target-org', 'otp-org', '--skip-key', '--from', 'names'], {
            scenario
        });
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
            ['--target-org', 'otp-org', '--skip-key', '--from', 'names', '--write-back'],
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
        assert.match(help.out, /approved WhatsApp AUTHENTICATION template/);
        const dry = await runSetup(p, ['--dry-run', '--region', 'us'], { withFake: false });
        assert.equal(dry.status, 0, dry.out);
        assert.match(
            dry.out,
            /\[4\/8\] core: deploy force-app\/core[^\n]*\n {4}sf project deploy start --source-dir force-app\/core/
        );
        assert.match(dry.out, /https:\/\/chatapps\.us\.8x8\.com/);
        assert.deepEqual(readCalls(p), []);
    });

    test('without sf on PATH a real run stops before any step with the npm ci fix', async () => {
        const p = project();
        // As the CLI: Node's own PATH lookup of sf fails, not the fake's.
        const { status, out } = await runSetup(p, ['--target-org', 'otp-org', '--skip-key'], {
            withFake: false,
            cli: true
        });
        assert.equal(status, 1, out);
        assert.match(out, /org:setup: the Salesforce CLI \(sf\) is not on PATH\n {2}fix: run npm ci in the project/);
        assert.doesNotMatch(out, /step \d+ of/);
    });

    test('an existing receipt secret is replaced with PATCH, read from standard input', async () => {
        const p = project();
        const org = await connectServer({ secretExists: true });
        const { status, out, calls } = await runSetup(
            p,
            ['--target-org', 'otp-org', '--receipts', '--skip-key', '--skip-tests', '--from', 'secret'],
            {
                scenario: { instanceUrl: org.url },
                stdin: `${SECRET}\n`,
                // As the CLI, end to end: the secret on the child's stdin, the fake sf executable on PATH, REST from
                // the child, and its exit code.
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

    test('a receipt secret shorter than 32 characters stops the run before any sf call', async () => {
        const p = project();
        const { status, out, calls } = await runSetup(p, ['--target-org', 'otp-org', '--receipts', '--skip-key'], {
            stdin: 'too-short\n'
        });
        assert.equal(status, 1, out);
        assert.match(out, /the receipt secret: shorter than 32 characters/);
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
        const { status, out, calls } = await runSetup(
            p,
            ['--target-org', 'otp-org', '--receipts', '--skip-key', '--skip-secret', '--from', 'site'],
            { scenario: { guestAssignFails: true } }
        );
        assert.equal(status, 1, out);
        assert.match(
            out,
            /step 7 of 11 \(site\) failed: WhatsApp_OTP_Receipt_Guest could not be assigned to the guest user whatsapp_otp_receipts@acme\.my\.salesforce-sites\.com/
        );
        assert.match(out, /Public Access Settings → View Users → the guest user → Permission Set Assignments/);
        assert.match(
            out,
            /then resume: npm run org:setup -- --target-org otp-org --receipts --skip-key --skip-secret --from site/
        );
        assert.equal(calls.filter((argv) => commandOf(argv) === 'org display').length, 1, 'only the preflight');
    });

    test('an org without the Site stops at step site and says why', async () => {
        const p = project();
        const { status, out } = await runSetup(
            p,
            ['--target-org', 'otp-org', '--receipts', '--skip-key', '--skip-secret', '--from', 'site'],
            { scenario: { siteMissing: true } }
        );
        assert.equal(status, 1, out);
        assert.match(out, /step 7 of 11 \(site\) failed: the org has no Site WhatsApp_OTP_Receipts with a guest user/);
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
