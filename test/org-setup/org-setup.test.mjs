// Tests of `npm run org:setup`: its main runs in this process in the project root against the fake sf
// (test/org-setup/fake-sf) and a stand-in for the org's REST API (the key and the secret). Each test reads the sf
// calls the fake recorded, the packages it was asked to deploy, the REST requests and the output.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../scripts/org-setup.mjs';
import { apexClasses } from '../../scripts/org-setup/apex-tests.mjs';
import { orgKind, ORG_KINDS } from '../../scripts/org-setup/org-kind.mjs';
import { probePlan, renderProbe } from '../../scripts/org-setup/probe.mjs';
import { commandOf, fakeSf, GUEST, SITE_URL, valuesOf } from './fake-sf/fake-sf.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const KEY = 'k3y-Sup3rSecret-8x8-0123456789abcdef';
const SECRET = 'rEc31pt-S3cret-0123456789abcdefghijklmn';
const PRODUCTION = { IsSandbox: false, TrialExpirationDate: null, OrganizationType: 'Enterprise Edition' };

/** The org's REST API for the key and the secret: `exists` names what the org already has, `fail` what it refuses. */
function fakeRest({ exists = [], fail = [] } = {}) {
    const requests = [];
    const fetch = async (url, { method = 'GET', body } = {}) => {
        requests.push({ method, url, body });
        const what = url.includes('named-credentials') ? 'key' : 'secret';
        const answer = (status, json) => ({ ok: status < 300, status, text: async () => JSON.stringify(json) });
        if (fail.includes(what) && method !== 'GET') {
            return answer(400, [
                { errorCode: 'INVALID_INPUT', message: `value ${JSON.parse(body).credentials?.ApiKey.value} refused` }
            ]);
        }
        return what === 'key'
            ? answer(200, {
                  credentials: exists.includes('key') && method === 'GET' ? { ApiKey: { encrypted: true } } : {}
              })
            : answer(200, {
                  records: exists.includes('secret') && method === 'GET' ? [{ Id: 'a00000000000001AAA' }] : []
              });
    };
    return { fetch, requests };
}

/** Runs org:setup with args; `stdin` is what is piped (null: closed), `tty` makes it a terminal. */
async function run(args, { scenario, stdin = `${KEY}\n${SECRET}\n`, tty = false, onPath = true, rest = {} } = {}) {
    const sf = fakeSf(scenario, { onPath });
    const org = fakeRest(rest);
    let out = '';
    const sink = { write: (text) => ((out += text), true) };
    const input = Object.assign(Readable.from(stdin ? [stdin] : []), tty ? { isTTY: true, setRawMode() {} } : {});
    const env = { ...process.env };
    const status = await main(args, {
        cwd: root,
        stdin: input,
        stdout: sink,
        stderr: sink,
        spawn: sf.spawn,
        fetch: org.fetch,
        env
    });
    const calls = sf.calls;
    const deploys = calls
        .filter((c) => commandOf(c).startsWith('project deploy'))
        .map((c) => valuesOf(c, '--source-dir').join() || 'package');
    return { status, out, calls, deploys, deployed: sf.deployed, requests: org.requests };
}

const ORG = ['--target-org', 'otp-org'];
const record = (deployed) => Object.entries(deployed.at(-1)).find(([f]) => f.startsWith('customMetadata'))[1];
const valueOf = (xml, field) =>
    xml.match(new RegExp(`<field>${field}</field>\\s*<value[^>]*?(?:/>|>([^<]*)</value>)`))[1];
const testsOf = (dir) => apexClasses(root, [dir]).tests;

describe('npm run org:setup', { concurrency: true }, () => {
    test('a full run with --receipts deploys in order, stores the key and the secret only in REST bodies, and writes the Site URL', async () => {
        const r = await run([...ORG, '--receipts', '--subaccount', 'acme', '--countries', '+65, 60']);
        assert.equal(r.status, 0, r.out);
        assert.deepEqual(r.deploys, ['force-app/connection', 'force-app/core', 'force-app/receipts', 'package']);
        const order = r.calls.map(commandOf).filter((c, i, all) => c !== all[i - 1]);
        assert.deepEqual(order, [
            'org display',
            'data query',
            'project deploy start',
            'apex run',
            'project deploy start',
            'org assign permset',
            'data query',
            'org assign permset',
            'data query',
            'project deploy start',
            'apex run test'
        ]);
        assert.ok(r.calls.some((c) => valuesOf(c, '--on-behalf-of').includes(GUEST)));
        assert.deepEqual(
            r.requests.map((q) => q.method),
            ['GET', 'POST', 'GET', 'POST']
        );
        assert.equal(JSON.parse(r.requests[1].body).credentials.ApiKey.value, KEY);
        assert.equal(JSON.parse(r.requests[3].body).Secret__c, SECRET);
        assert.equal(valueOf(record(r.deployed), 'Receipt_Callback_Base_Url__c'), SITE_URL);
        assert.equal(valueOf(record(r.deployed), 'Allowed_Country_Codes__c'), '65,60');
        const everywhere = JSON.stringify([r.calls, r.deployed, r.out]);
        assert.ok(
            !everywhere.includes(KEY) && !everywhere.includes(SECRET),
            'no secret in argv, output or deployed files'
        );
        assert.ok(!fs.readdirSync(root).some((f) => f.startsWith('.tmp-org-setup-')), 'the temp folder is removed');
        assert.match(r.out, /org:setup: done$/m);
    });

    test('without --receipts nothing of the receipt endpoint runs and the callback base URL stays blank', async () => {
        const r = await run(ORG);
        assert.equal(r.status, 0, r.out);
        assert.deepEqual(r.deploys, ['force-app/connection', 'force-app/core', 'package']);
        assert.equal(r.requests.filter((q) => q.url.includes('WhatsApp_OTP_Receipt_Secret__c')).length, 0);
        assert.equal(valueOf(record(r.deployed), 'Receipt_Callback_Base_Url__c'), undefined);
    });

    test('an org that has the receipt Site, set up without --receipts, is warned and shown the removal manifest', async () => {
        const r = await run(ORG, { scenario: { siteDeployed: true } });
        assert.match(
            r.out,
            /WARNING: the org has the receipt Site[\s\S]*npx sf project deploy start --metadata-dir manifest\/remove-receipts/
        );
    });

    test('--samples deploys the samples after core and assigns their permission sets; production refuses them before any step', async () => {
        const r = await run([...ORG, '--samples']);
        assert.deepEqual(r.deploys.slice(1, 3), ['force-app/core', 'force-app/samples']);
        assert.deepEqual(
            valuesOf(
                r.calls.find((c) => commandOf(c) === 'org assign permset'),
                '--name'
            ),
            ['CPaaS_API_Access', 'WhatsApp_OTP_Agent', 'WhatsApp_OTP_Flow_Sender', 'WhatsApp_OTP_Sample_Flows']
        );
        const prod = await run([...ORG, '--samples'], { scenario: { organization: PRODUCTION } });
        assert.equal(prod.status, 1);
        assert.deepEqual(prod.deploys, []);
        assert.match(prod.out, /not production/);
    });

    test('every case of the shared org-kind table classifies the same way in org:setup', () => {
        for (const c of JSON.parse(fs.readFileSync(path.join(root, ORG_KINDS), 'utf8')).cases) {
            const row = {
                IsSandbox: c.isSandbox,
                TrialExpirationDate: c.trialExpirationDate,
                OrganizationType: c.organizationType
            };
            assert.equal(orgKind(row), c.kind, JSON.stringify(c));
        }
    });

    test("a production run deploys each part with RunSpecifiedTests naming that part's test classes, read from the source", async () => {
        const r = await run([...ORG, '--receipts'], { scenario: { organization: PRODUCTION } });
        assert.equal(r.status, 0, r.out);
        for (const dir of ['force-app/core', 'force-app/receipts']) {
            const deploy = r.calls.find((c) => valuesOf(c, '--source-dir').includes(dir));
            assert.deepEqual(valuesOf(deploy, '--test-level'), ['RunSpecifiedTests']);
            assert.deepEqual(valuesOf(deploy, '--tests'), testsOf(dir));
        }
        assert.ok(testsOf('force-app/core').includes('CPaasMessagingGatewayTest'));
        assert.equal(
            valuesOf(
                r.calls.find((c) => valuesOf(c, '--source-dir').includes('force-app/connection')),
                '--test-level'
            ).length,
            0
        );
    });

    test('--validate-only deploys an absent connection, probes and validates core and receipts, and prints the quick deploy', async () => {
        const r = await run([...ORG, '--validate-only', '--receipts'], { scenario: { organization: PRODUCTION } });
        assert.equal(r.status, 0, r.out);
        assert.deepEqual(r.calls.map(commandOf).slice(2), [
            'org list metadata',
            'project deploy start',
            'apex run',
            'project deploy validate'
        ]);
        const tests = apexClasses(root, ['force-app/core', 'force-app/receipts']).tests;
        assert.deepEqual(valuesOf(r.calls.at(-1), '--tests'), tests);
        assert.match(r.out, /npx sf project deploy quick --job-id 0Af000000000042AAA --target-org otp-org/);
        assert.match(r.out, /then: npm run org:setup -- --target-org otp-org --receipts --from permsets/);
        const present = await run([...ORG, '--validate-only'], {
            scenario: { organization: PRODUCTION, connectionPresent: true }
        });
        assert.ok(!present.deploys.includes('force-app/connection'), 'an org that has the connection keeps it');
    });

    test('the production --validate-only --dry-run prints the validation with every test class and calls sf only for the kind', async () => {
        const r = await run([...ORG, '--validate-only', '--dry-run'], { scenario: { organization: PRODUCTION } });
        assert.equal(r.status, 0, r.out);
        assert.deepEqual(r.calls.map(commandOf), ['data query']);
        assert.match(r.out, /The org is production/);
        assert.ok(
            r.out.includes(
                `sf project deploy validate --source-dir force-app/core --test-level RunSpecifiedTests ${testsOf(
                    'force-app/core'
                )
                    .map((t) => `--tests ${t}`)
                    .join(' ')}`
            )
        );
    });

    test('the dry run lists the prerequisites and warns about a missing subaccount, template and country list', async () => {
        const r = await run([...ORG, '--dry-run', '--template', 'otp']);
        assert.match(r.out, /Before you start:/);
        assert.match(r.out, /WARNING: no --subaccount/);
        assert.match(r.out, /WARNING: no --countries/);
        assert.doesNotMatch(r.out, /WARNING: no --template/);
        assert.match(r.out, /Template_Name__c: otp/);
    });

    test('with stdin closed nothing runs, every missing input is listed with its --skip flag, and no resume line is printed', async () => {
        const r = await run([...ORG, '--receipts'], { stdin: null });
        assert.equal(r.status, 1);
        assert.deepEqual(r.calls, []);
        assert.match(
            r.out,
            /the 8x8 API key: not given[\s\S]*--skip-key[\s\S]*the receipt secret: not given[\s\S]*--skip-secret/
        );
        assert.doesNotMatch(r.out, /then resume/);
        const skipped = await run([...ORG, '--receipts', '--skip-key', '--skip-secret'], { stdin: null });
        assert.equal(skipped.status, 0, skipped.out);
        assert.match(skipped.out, /skipped: --skip-key, --skip-secret/);
    });

    test('a receipt secret shorter than 32 characters stops the run before any sf call', async () => {
        const r = await run([...ORG, '--receipts'], { stdin: `${KEY}\nshort\n` });
        assert.equal(r.status, 1);
        assert.deepEqual(r.calls, []);
        assert.match(r.out, /the receipt secret: shorter than 32 characters/);
    });

    test('on a terminal, sf and the login are checked before any secret is asked', async () => {
        const r = await run(ORG, { tty: true, scenario: { notLoggedIn: true } });
        assert.equal(r.status, 1);
        assert.match(r.out, /sf is not logged in to otp-org/);
        assert.doesNotMatch(r.out, /API key \(typing is hidden/);
    });

    test('the key and the secret are refused on the command line', async () => {
        for (const flag of ['--key', '--api-key=x', '--secret', '--receipt-secret=y']) {
            const r = await run([...ORG, flag, 'x']);
            assert.equal(r.status, 2);
            assert.match(r.out, /never taken from the command line/);
        }
    });

    test('a new org gets the shipped settings record with the given values, and --region sets the Named Credential URL', async () => {
        const r = await run([
            ...ORG,
            '--skip-key',
            '--region',
            'eu',
            '--template',
            'a&b',
            '--integration-user',
            'flow@acme.com'
        ]);
        const pkg = r.deployed.at(-1);
        assert.match(
            pkg['namedCredentials/X8x8_Messaging_API.namedCredential'],
            /<parameterValue>https:\/\/chatapps\.8x8\.uk<\/parameterValue>/
        );
        assert.equal(valueOf(record(r.deployed), 'Template_Name__c'), 'a&amp;b');
        assert.equal(valueOf(record(r.deployed), 'Integration_Username__c'), 'flow@acme.com');
        assert.match(pkg['package.xml'], /<members>WhatsApp_OTP_Setting.Default<\/members>/);
    });

    test('an org that has a Default record keeps its own values; only the given ones change, and none given deploys nothing', async () => {
        const r = await run([...ORG, '--skip-key', '--subaccount', 'acme'], { scenario: { settingsExist: true } });
        assert.equal(valueOf(record(r.deployed), 'Code_Length__c'), '8');
        assert.equal(valueOf(record(r.deployed), 'Subaccount_Id__c'), 'acme');
        const none = await run([...ORG, '--skip-key'], { scenario: { settingsExist: true } });
        assert.deepEqual(none.deployed, []);
        assert.match(none.out, /kept the org's values/);
    });

    test('a class under 75 % or a failed test fails step tests and names them', async () => {
        const r = await run([...ORG, '--skip-key'], {
            scenario: { coverage: { WhatsAppOtpService: 74 }, testsFail: true }
        });
        assert.equal(r.status, 1);
        assert.match(r.out, /class WhatsAppOtpService is covered 74 % \(under 75 %\)/);
        assert.match(r.out, /test CPaasMessagingGatewayTest.sends Fail/);
        assert.match(r.out, /step 7 of 7 \(tests\) failed/);
    });

    test('a name the org generated differently stops the run before any Apex deploys and names the line to change', async () => {
        const r = await run(ORG, { scenario: { rejectNames: ['z0user'] } });
        assert.equal(r.status, 1);
        assert.deepEqual(r.deploys, ['force-app/connection']);
        assert.match(r.out, /step 2 of 7 \(probe\) failed: the name probe found names the org generated differently/);
        assert.match(
            r.out,
            /the org calls `\w+` what we call `z0user`; change it in force-app\/core\/classes\/gateway\/CPaasMessagingGateway.cls line \d+/
        );
        assert.match(r.out, /then resume: npm run org:setup -- --target-org otp-org --from probe/);
    });

    test('a failed key store names the step and its fix, echoes no key, and runs nothing after it', async () => {
        const r = await run([...ORG, '--subaccount', 'acme'], { rest: { fail: ['key'] } });
        assert.equal(r.status, 1);
        assert.match(
            r.out,
            /step 5 of 7 \(key\) failed: storing the key failed: POST HTTP 400: INVALID_INPUT value \[the secret\] refused/
        );
        assert.match(r.out, /then resume: npm run org:setup -- --target-org otp-org --subaccount acme --from key/);
        assert.ok(!r.out.includes(KEY));
        assert.deepEqual(r.deployed, [], 'step settings did not run');
    });

    test('an existing key is replaced with PUT and an existing receipt secret with PATCH', async () => {
        const r = await run([...ORG, '--receipts'], { rest: { exists: ['key', 'secret'] } });
        assert.deepEqual(
            r.requests.map((q) => q.method),
            ['GET', 'PUT', 'GET', 'PATCH']
        );
        assert.match(r.requests[3].url, /sobjects\/WhatsApp_OTP_Receipt_Secret__c\/a00000000000001AAA$/);
        assert.match(r.out, /the key is stored \(replaced\)/);
    });

    test('a failed deploy names the step, its problems and the resume command; --from resumes there', async () => {
        const r = await run(ORG, { scenario: { failDeploy: 'core' } });
        assert.equal(r.status, 1);
        assert.match(
            r.out,
            /step 3 of 7 \(core\) failed: force-app\/core did not deploy:\n {4}NamedCredential X8x8_Messaging_API: Invalid URL/
        );
        const resumed = await run([...ORG, '--from', 'core']);
        assert.equal(resumed.status, 0, resumed.out);
        assert.equal(resumed.deploys[0], 'force-app/core');
        assert.ok(!resumed.calls.some((c) => commandOf(c) === 'apex run'), 'no probe before core');
    });

    test('a Site guest user the CLI cannot assign, or no Site at all, stops at step site with what to do', async () => {
        const guest = await run([...ORG, '--receipts'], { scenario: { guestAssignFails: true } });
        assert.match(
            guest.out,
            /step 6 of 10 \(site\) failed[\s\S]*INSUFFICIENT_ACCESS[\s\S]*assign it by hand: Setup → Sites/
        );
        const missing = await run([...ORG, '--receipts'], { scenario: { siteMissing: true } });
        assert.match(
            missing.out,
            /step 6 of 10 \(site\) failed: the org has no Site WhatsApp_OTP_Receipts/
        );
    });

    test('--help and --dry-run work without sf on PATH; a real run stops before step 1 with the npm ci fix', async () => {
        assert.equal((await run(['--help'], { onPath: false })).status, 0);
        const dry = await run([...ORG, '--dry-run'], { onPath: false });
        assert.equal(dry.status, 0, dry.out);
        assert.match(dry.out, /kind is unknown/);
        const real = await run(ORG, { onPath: false });
        assert.equal(real.status, 1);
        assert.match(real.out, /the Salesforce CLI \(sf\) is not on PATH\n {2}fix: run npm ci/);
    });

    test('the probe is generated from the model and the gateway: it touches z0user, each line owns one name', () => {
        const { entities } = probePlan(root);
        const { apex, owner } = renderProbe(entities);
        assert.match(apex, /ExternalService\.CPaasMessagingApps_recipient m\d+ = o\d+\.z0user;/);
        assert.match(apex, /Sendx2dMessage_Response response\d+ = service\.Sendx2dMessage\(request\d+\);/);
        const lines = apex.split('\n');
        owner.forEach((index, line) => assert.ok(lines[line - 1].includes(entities[index].ours), lines[line - 1]));
    });

    test('the generated probe passes the apex-semantic gate against the same model', () => {
        // Always the same folder: the gate's result cache is keyed by path and text, so an unchanged probe is not
        // compiled again.
        const classes = path.join(root, 'node_modules', '.cache', 'org-setup-probe', 'classes');
        fs.rmSync(path.dirname(classes), { recursive: true, force: true });
        fs.mkdirSync(classes, { recursive: true });
        const body = renderProbe(probePlan(root).entities)
            .apex.split('\n')
            .filter((l) => !l.startsWith('//'));
        const cls = `public with sharing class OrgSetupProbe {\n    public static void probe() {\n${body.map((l) => `        ${l}`).join('\n')}\n    }\n}\n`;
        fs.writeFileSync(path.join(classes, 'OrgSetupProbe.cls'), cls);
        const meta =
            '<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>';
        fs.writeFileSync(
            path.join(classes, 'OrgSetupProbe.cls-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8"?>\n${meta}\n`
        );
        const r = spawnSync(process.execPath, ['scripts/gates/apex-semantic.mjs', path.dirname(classes)], {
            cwd: root,
            encoding: 'utf8'
        });
        assert.equal(r.status, 0, r.stdout + r.stderr);
    });
});
