// Tests of `npm run org:setup`, of the workflow and doc lines that run them, and of the
// manifests the admin guide deploys. Each main runs in this process against a fake sf (a function in place of the
// CLI: our own orchestration's counterpart, never the platform under test) and, for org:setup, a stand-in for the
// org's REST API and 8x8's, where the key and the secrets go. One test runs sf's HTTP layer against a local stub.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'yaml';
import { main, orgKind, ORG_KINDS } from '../../scripts/org-setup.mjs';
import { apexClasses } from '../../scripts/org-setup/apex-tests.mjs';
import { manifest, MANIFEST, removedClasses } from '../../scripts/org-setup/removed-classes.mjs';

const root = process.cwd();
const read = (...parts) => fs.readFileSync(path.resolve(root, ...parts), 'utf8');
const valuesOf = (argv, flag) => argv.filter((_, i) => argv[i - 1] === flag);
/** The words of an argv before its first flag: `project deploy start`. */
const commandOf = (argv) => argv.slice(0, argv.findIndex((a) => a.startsWith('-')) >>> 0).join(' ');
const testsOf = (...dirs) => apexClasses(root, dirs).tests;
const COVERED = apexClasses(root, ['force-app']).covered;

// The fake sf answers with the --json envelope sf prints ({ status: 0, result } or { status: 1, message, result? };
// shapes from the salesforcecli plugins' schemas): a test's scenario answers a command its own way (answer(flag)),
// and its `rows` come before ROWS, where a query gets the records of the first pattern it matches.
const GUEST = 'whatsapp_otp_receipts@acme.my.salesforce-sites.com';
const SITE_URL = 'https://acme.my.salesforce-sites.com/whatsappotp';
const SITE = { Id: '0DM000000000001AAA', GuestUserId: '005000000000009AAA', Status: 'Active' };
const SESSION = { accessToken: '00D!t', instanceUrl: 'https://acme.my.salesforce.com', id: '00D0', apiVersion: '99.0' };
const DEPLOY_FAILURE = { componentType: 'NamedCredential', fullName: 'X8x8_Messaging_API', problem: 'Invalid URL' };
const PRODUCTION = { rows: [[/FROM Organization/, [{ IsSandbox: false, OrganizationType: 'Enterprise Edition' }]]] };
const ok = (result) => ({ status: 0, result });
const failed = (message, result) => ({ status: 1, message, result });
const ROWS = [
    [/FROM Organization/, [{ IsSandbox: false, OrganizationType: 'Developer Edition' }]],
    [/^SELECT Id FROM Site/, []],
    [/FROM Site /, [SITE]],
    [/FROM User /, [{ Username: GUEST }]],
    [/FROM SiteDetail /, [{ SecureUrl: SITE_URL }]],
    [/FROM WhatsApp_OTP_Setting__mdt/, []]
];
/** sf apex run test's result: every class covered 90 % (or as `percents` says), one test with `Outcome`. */
const testRun = (percents = {}, Outcome = 'Pass') => {
    const coverage = COVERED.map((name) => ({ name, coveredPercent: percents[name] ?? 90 }));
    const tests = [{ FullName: 'CPaasMessagingGatewayTest.sends', Outcome, Message: 'Assertion Failed' }];
    const failing = Number(Outcome !== 'Pass');
    return ok({ summary: { passing: 1 - failing, failing }, tests, coverage: { coverage } });
};
const ANSWERS = {
    // The org's own API version (99.0) differs from the project's, which the REST calls use.
    'org display': () => ok(SESSION),
    'data query': (flag, rows = []) => ok({ records: [...rows, ...ROWS].find(([p]) => p.test(flag('--query')))[1] }),
    'project deploy start': () => ok({ numberComponentsDeployed: 3 }),
    'project deploy validate': () => ok({ id: '0Af000000000042AAA' }),
    'apex run': () => ok({ compiled: true }),
    'apex run test': () => testRun(),
    'org list metadata': () => ok([]),
    'org assign permset': () => ok({ successes: [], failures: [] })
};

/** The fake sf of one run: records each argv, and the files of each --metadata-dir package it deploys. */
function fakeSf(scenario = {}) {
    const calls = [];
    const deployed = [];
    const sf = (argv) => {
        calls.push(argv);
        const flag = (name) => valuesOf(argv, name)[0];
        const dir = flag('--metadata-dir');
        if (dir && fs.existsSync(dir)) {
            const files = fs.readdirSync(dir, { recursive: true }).filter((f) => f.includes('.'));
            deployed.push(Object.fromEntries(files.map((f) => [f, read(dir, f)])));
        }
        const answer = scenario[commandOf(argv)] ?? ANSWERS[commandOf(argv)] ?? (() => failed('unknown command'));
        return answer(flag, scenario.rows);
    };
    return { sf, calls, deployed };
}

const KEY = 'k3y-Sup3rSecret-8x8-0123456789abcdef';
const SECRET = 'rEc31pt-S3cret-0123456789abcdefghijklmn';
const INBOUND = '--inbound --account-id 0b5b2e6c-0c1e-4d4b-9d8a-2f1d3c4b5a69 --subaccount acme';
const WEBHOOKS = ['MSG', 'CADR'].map((type) => ({ subAccountId: 'acme', type, url: 'https://bot.example.com/in' }));
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** The org's REST API and 8x8: the org has `exists` ('key', 'secret') and refuses `fail`; 8x8 lists `webhooks`. */
function fakeRest({ exists = [], fail = [], webhooks = [] } = {}) {
    const requests = [];
    const fetch = async (url, { method, headers, body }) => {
        requests.push({ method, url, body, authorization: headers.Authorization });
        const what = url.includes('named-credentials') ? 'key' : url.endsWith('/webhooks') ? '8x8' : 'secret';
        const found = exists.includes(what) && method === 'GET';
        const refused = fail.includes(what) && method !== 'GET';
        const answer = {
            key: { credentials: found ? { ApiKey: {} } : {} },
            secret: { records: found ? [{ Id: 'a00000000000001AAA' }] : [] },
            '8x8': webhooks
        }[what];
        const json = refused ? [{ errorCode: 'INVALID_INPUT', message: `${body} refused` }] : answer;
        return { ok: !refused, status: refused ? 400 : 200, text: async () => JSON.stringify(json) };
    };
    return { fetch, requests };
}

/**
 * Runs org:setup with `args` (words after `--target-org otp-org`, or an array of every argument); `stdin` is what is
 * piped (null: closed), `tty` makes it a terminal; `sf` replaces the fake sf (an env without it: the real one).
 */
async function run(args, { scenario, stdin = `${KEY}\n${SECRET}\n`, tty = false, rest, sf = fakeSf(scenario) } = {}) {
    const org = fakeRest(rest);
    let out = '';
    const sink = { write: (text) => ((out += text), true) };
    const input = Object.assign(Readable.from(stdin ? [stdin] : []), tty ? { isTTY: true, setRawMode() {} } : {});
    const argv = typeof args === 'string' ? `--target-org otp-org ${args}`.trim().split(' ') : args;
    const io = { stdin: input, stdout: sink, stderr: sink, sf: sf.sf, env: sf.env, fetch: org.fetch };
    const status = await main(argv, io);
    const deploys = (sf.calls ?? [])
        .filter((c) => commandOf(c).startsWith('project deploy'))
        .map((c) => valuesOf(c, '--source-dir').join() || 'package');
    return { ...sf, status, out, deploys, requests: org.requests };
}

/** A field's value in the last deployed settings record (undefined when blank). */
const valueOf = (r, field) => {
    const xml = Object.entries(r.deployed.at(-1)).find(([file]) => file.startsWith('customMetadata'))[1];
    return xml.match(new RegExp(`<field>${field}</field>\\s*<value[^>]*?(?:/>|>([^<]*)</value>)`))[1];
};
const callOf = (r, command) => r.calls.find((c) => commandOf(c) === command);
const deployOf = (r, dir) => r.calls.find((c) => valuesOf(c, '--source-dir').join() === dir);
const commands = (r) => r.calls.map(commandOf);
const methods = (r) => r.requests.map((q) => q.method).join();
const bodyOf = (r, i) => JSON.parse(r.requests[i].body);
/** No secret in any sf argv, the output or a deployed file. */
const hidden = (r, ...secrets) => {
    const seen = JSON.stringify([r.calls, r.deployed, r.out]);
    assert.ok(!secrets.some((v) => seen.includes(v)), 'no secret in argv, output or deployed files');
};

/**
 * Each case: the run's arguments (see run; none when absent) and options, its exit status (default 0), what its
 * output shows (`out`, a pattern or a list) and does not (`notOut`), the deploys in order and the sf commands
 * (`, `-joined) when given, and a check of its own.
 */
const CASES = {
    'a full run with --receipts deploys in order and stores the key and the secret only in REST bodies': {
        args: ['--target-org', 'otp-org', '--receipts', '--subaccount', 'acme', '--countries', '+65, 60'],
        out: /org:setup: done$/m,
        deploys: ['force-app/connection', 'force-app/core', 'force-app/receipts', 'package'],
        check(r) {
            const steps = ['apex run', 'project deploy start', 'org assign permset', 'data query'];
            const order = commands(r).filter((c, i, all) => c !== all[i - 1]);
            assert.deepEqual(order.slice(3), [...steps, ...steps.slice(2), 'project deploy start', 'apex run test']);
            assert.ok(r.calls.some((c) => valuesOf(c, '--on-behalf-of').includes(GUEST)));
            assert.equal(methods(r), 'GET,POST,GET,POST');
            const { sourceApiVersion } = JSON.parse(read('sfdx-project.json'));
            assert.ok(r.requests.every((q) => q.url.includes(`/services/data/v${sourceApiVersion}/`)));
            assert.deepEqual([bodyOf(r, 1).credentials.ApiKey.value, bodyOf(r, 3).Secret__c], [KEY, SECRET]);
            const values = ['Receipt_Callback_Base_Url__c', 'Allowed_Country_Codes__c'].map((f) => valueOf(r, f));
            assert.deepEqual(values, [SITE_URL, '65,60']);
            hidden(r, KEY, SECRET);
            assert.ok(!fs.existsSync(path.dirname(valuesOf(callOf(r, 'apex run'), '--file')[0])), 'temp removed');
        }
    },
    'without --receipts nothing of the receipt endpoint runs, and an org with its Site from before is warned': {
        scenario: { rows: [[/^SELECT Id FROM Site/, [SITE]]] },
        deploys: ['force-app/connection', 'force-app/core', 'package'],
        out: /WARNING: the org has the receipt Site[\s\S]*npx sf project deploy start --metadata-dir manifest\/remove-receipts/,
        check: (r) => assert.equal(r.requests.length + (valueOf(r, 'Receipt_Callback_Base_Url__c') ?? 0), 2)
    },
    "a production run deploys each part with RunSpecifiedTests naming that part's test classes, read from the source": {
        args: '--receipts',
        scenario: PRODUCTION,
        check(r) {
            assert.ok(testsOf('force-app/core').includes('CPaasMessagingGatewayTest'));
            for (const dir of ['force-app/core', 'force-app/receipts']) {
                const level = ['--test-level', '--tests'].map((flag) => valuesOf(deployOf(r, dir), flag));
                assert.deepEqual(level, [['RunSpecifiedTests'], testsOf(dir)]);
            }
            assert.deepEqual(valuesOf(deployOf(r, 'force-app/connection'), '--test-level'), []);
        }
    },
    '--validate-only deploys an absent connection, probes, validates core and receipts, and prints the quick deploy': {
        args: '--validate-only --receipts',
        scenario: PRODUCTION,
        out: [
            /npx sf project deploy quick --job-id 0Af000000000042AAA --target-org otp-org/,
            /then: npm run org:setup -- --target-org otp-org --receipts --from permsets/
        ],
        check(r) {
            const validated = ['org list metadata', 'project deploy start', 'apex run', 'project deploy validate'];
            assert.deepEqual(commands(r).slice(2), validated);
            assert.deepEqual(valuesOf(r.calls.at(-1), '--tests'), testsOf('force-app/core', 'force-app/receipts'));
        }
    },
    'a production --dry-run reads only the kind, names every test class, warns of missing values and masks the webhook':
        {
            args: `--dry-run --template otp ${INBOUND}`,
            scenario: PRODUCTION,
            out: [
                /The org is production/,
                /WARNING: no --countries/,
                /before: GET https:\/\/chatapps\.8x8\.com\/api\/v1\/accounts\/[\w-]+\/webhooks: .* acme or \* .* stops the run/,
                /"url":"<Site URL>\/services\/apexrest\/whatsapp-otp\/inbound\/\*\*\*","httpAuthorization":"Bearer \*\*\*"/
            ],
            notOut: /WARNING: no --(template|subaccount)/,
            check(r) {
                const tests = testsOf('force-app/core').map((t) => `--tests ${t}`);
                assert.ok(r.out.includes(`force-app/core --test-level RunSpecifiedTests ${tests.join(' ')} --target`));
                assert.deepEqual([commands(r), r.requests], [['data query'], []]);
            }
        },
    'with stdin closed nothing runs, every missing input is listed with its --skip flag, and no resume line is printed':
        {
            args: '--receipts',
            stdin: null,
            status: 1,
            out: /the 8x8 API key: not given[\s\S]*--skip-key[\s\S]*the receipt secret: not given[\s\S]*--skip-secret/,
            notOut: /then resume/,
            check: (r) => assert.deepEqual(r.calls, [])
        },
    'on a terminal, the key is typed at a prompt that echoes nothing': {
        args: '--skip-tests',
        tty: true,
        stdin: `${KEY}\r`,
        out: /8x8 API key \(typing is hidden, Enter to finish\): \n[\s\S]*the key is stored \(created\)/,
        check: (r) => [hidden(r, KEY), assert.equal(bodyOf(r, 1).credentials.ApiKey.value, KEY)]
    },
    'a new org gets the shipped settings record with the given values, and --region sets the Named Credential URL': {
        args: '--skip-key --region eu --template a&b --integration-user flow@acme.com',
        check(r) {
            const url = r.deployed[0]['namedCredentials/X8x8_Messaging_API.namedCredential'];
            assert.match(url, /<parameterValue>https:\/\/chatapps\.8x8\.uk</);
            const values = ['Template_Name__c', 'Integration_Username__c'].map((f) => valueOf(r, f));
            assert.deepEqual(values, ['a&amp;b', 'flow@acme.com']);
        }
    },
    'an org that has a Default record keeps its own values and only the given ones change': {
        args: '--skip-key --subaccount acme',
        scenario: {
            rows: [[/FROM WhatsApp_OTP_Setting__mdt/, [{ DeveloperName: 'Default' }]]],
            // The org's record in Metadata API format, as `--unzip` leaves it; an admin set its code length to 8.
            'project retrieve start': (flag) => {
                const dir = path.join(flag('--target-metadata-dir'), 'unpackaged/unpackaged/customMetadata');
                const codeLength = /(<field>Code_Length__c<\/field>\s*<value[^>]*>)[^<]*/;
                const record = read('config/per-org/customMetadata/WhatsApp_OTP_Setting.Default.md-meta.xml');
                fs.mkdirSync(dir, { recursive: true });
                fs.writeFileSync(path.join(dir, 'WhatsApp_OTP_Setting.Default.md'), record.replace(codeLength, '$18'));
                return ok({});
            }
        },
        check: (r) => assert.deepEqual([valueOf(r, 'Code_Length__c'), valueOf(r, 'Subaccount_Id__c')], ['8', 'acme'])
    },
    'a failed key store names the step and its fix, echoes no key, and runs nothing after it': {
        args: '--subaccount acme',
        rest: { fail: ['key'] },
        status: 1,
        out: [
            /step 5 of 7 \(key\) failed: storing the key failed: POST HTTP 400: INVALID_INPUT .*\[the secret\]/,
            /then resume: npm run org:setup -- --target-org otp-org --subaccount acme --from key/
        ],
        check: (r) => [hidden(r, KEY), assert.deepEqual(r.deployed, [], 'step settings did not run')]
    },
    '--inbound refuses to replace an inbound webhook of the subaccount that points elsewhere, and changes nothing': {
        args: `${INBOUND} --from inbound`,
        stdin: `${KEY}\n`,
        rest: { webhooks: WEBHOOKS },
        status: 1,
        out: [/\(inbound\) failed: 8x8 already sends .* of acme to https:\/\/bot\.example\.com\/in /, /--force/],
        check: (r) => assert.equal(methods(r), 'GET')
    },
    '--inbound --force sets only the MSG webhook, with a new secret whose hash alone the org stores': {
        args: `${INBOUND} --force --region eu --from inbound`,
        stdin: `${KEY}\n`,
        rest: { webhooks: WEBHOOKS },
        deploys: ['package'],
        out: /8x8 MSG webhook replaced https:\/\/bot\.example\.com\/in \(subaccount acme\): https/,
        check(r) {
            const [get, , hash, set] = r.requests;
            const url = 'https://chatapps.8x8.uk/api/v1/accounts/0b5b2e6c-0c1e-4d4b-9d8a-2f1d3c4b5a69/webhooks';
            assert.deepEqual([get.url, set.url, set.authorization], [url, url, `Bearer ${KEY}`]);
            const [hook, ...more] = JSON.parse(set.body);
            const secret = hook.httpAuthorization.replace('Bearer ', '');
            const inbound = `${SITE_URL}/services/apexrest/whatsapp-otp/inbound/${secret}`;
            assert.deepEqual(
                [hook.subAccountId, hook.type, hook.url, more.length, secret.length],
                ['acme', 'MSG', inbound, 0, 43]
            );
            const stored = [JSON.parse(hash.body).Inbound_Secret_Hash__c, valueOf(r, 'Reply_Verification_Enabled__c')];
            assert.deepEqual(stored, [sha256(secret), 'true']);
            hidden(r, KEY, secret);
        }
    },
    '--inbound --no-8x8-config stores the hash of the typed secret and prints the 8x8 Connect steps instead': {
        args: '--inbound --subaccount acme --no-8x8-config --from inbound',
        stdin: `${SECRET}\n`,
        out: /Developer tools → Webhooks → Add new webhook: subaccount acme[\s\S]*inbound\/<the inbound secret you/,
        check(r) {
            hidden(r, SECRET);
            assert.ok(r.requests.every((q) => !q.url.includes('8x8')));
            assert.equal(bodyOf(r, 1).Inbound_Secret_Hash__c, sha256(SECRET));
        }
    },
    'production refuses --samples before any step': {
        args: '--samples',
        scenario: PRODUCTION,
        status: 1,
        out: /the samples are for sandboxes and Developer Edition orgs, not production/,
        commands: 'org display, data query'
    },
    '--validate-only keeps the connection an org already has': {
        args: '--validate-only',
        scenario: { ...PRODUCTION, 'org list metadata': () => ok([{ fullName: 'CPaasMessagingApps' }]) },
        out: /not deployed again/,
        commands: 'org display, data query, data query, org list metadata, apex run, project deploy validate'
    },
    'a receipt secret shorter than 32 characters stops the run before any sf call': {
        args: '--receipts',
        stdin: `${KEY}\nshort\n`,
        status: 1,
        out: /the receipt secret: shorter than 32 characters/,
        check: (r) => assert.deepEqual(r.calls, [])
    },
    'on a terminal, sf and the login are checked before any secret is asked': {
        tty: true,
        scenario: { 'org display': () => failed('No authorization found for otp-org.') },
        status: 1,
        out: /^\norg:setup: sf is not logged in to otp-org/
    },
    'the key and the secrets are refused on the command line': {
        args: '--api-key=x',
        status: 2,
        out: /never taken from the command/,
        check: (r) => assert.deepEqual(r.calls, [])
    },
    'a class under 75 % or a failed test fails step tests and names them': {
        args: '--skip-key',
        scenario: { 'apex run test': () => testRun({ CPaasMessagingGateway: 74 }, 'Fail') },
        status: 1,
        out: /step 7 of 7 \(tests\) failed[\s\S]*test CPaasMessagingGatewayTest.sends Fail[\s\S]*class CPaasMessagingGateway is covered 74 % \(under 75 %\)/
    },
    'a name the org generated differently stops the run before any Apex deploys and names the line to change': {
        scenario: {
            // The first line that uses z0user fails to compile, as in an org that generated the name differently.
            'apex run': (flag) => {
                const lines = read(flag('--file')).split('\n');
                const line = lines.findIndex((l) => l.endsWith('.z0user;')) + 1;
                const problem = { compiled: false, compileProblem: 'Variable does not exist: z0user', line };
                return line ? failed('compile error', problem) : ok({ compiled: true });
            }
        },
        status: 1,
        out: /step 2 of 7 \(probe\) failed[\s\S]*the org calls `\w+` what we call `z0user`; change it in force-app\/core\/classes\/gateway\/CPaasMessagingGateway.cls line \d+[\s\S]*then resume: npm run org:setup -- --target-org otp-org --from probe/,
        commands: 'org display, data query, data query, project deploy start, apex run, apex run, apex run'
    },
    'a rerun replaces the stored key and the receipt secret': {
        args: '--receipts',
        rest: { exists: ['key', 'secret'] },
        out: /the key is stored \(replaced\)[\s\S]*the receipt secret is stored \(replaced\)/
    },
    'a failed deploy names the step, its problems and the resume command': {
        scenario: {
            'project deploy start': (flag) => {
                const result = { details: { componentFailures: [DEPLOY_FAILURE] } };
                return flag('--source-dir') === 'force-app/core' ? failed('Deploy failed.', result) : ok({});
            }
        },
        status: 1,
        out: /step 3 of 7 \(core\) failed: force-app\/core did not deploy:\n {4}NamedCredential X8x8_Messaging_API: Invalid URL[\s\S]*then resume: .* --from core$/m
    },
    'a Site guest user the CLI cannot assign stops at step site with the manual path': {
        args: '--receipts',
        scenario: {
            'org assign permset': (flag) => {
                const failures = [{ name: GUEST, message: 'INSUFFICIENT_ACCESS: guest user license' }];
                return flag('--on-behalf-of') === GUEST ? failed('', { failures }) : ok({ failures: [] });
            }
        },
        status: 1,
        out: /step 6 of 10 \(site\) failed[\s\S]*INSUFFICIENT_ACCESS[\s\S]*assign it by hand: Setup → Sites/
    },
    'without sf on PATH a real run stops before step 1 with the npm ci fix': {
        sf: { env: { PATH: path.join(root, 'no-such-dir') } },
        status: 1,
        out: /the Salesforce CLI \(sf\) is not on PATH\n {2}fix: run npm ci/
    }
};

for (const [name, c] of Object.entries(CASES)) {
    test(`org:setup: ${name}`, async () => {
        const r = await run(c.args ?? '', c);
        assert.equal(r.status, c.status ?? 0, r.out);
        [].concat(c.out ?? []).forEach((pattern) => assert.match(r.out, pattern));
        [].concat(c.notOut ?? []).forEach((pattern) => assert.doesNotMatch(r.out, pattern));
        assert.deepEqual(c.deploys ? r.deploys : [], c.deploys ?? []);
        assert.equal(c.commands && commands(r).join(', '), c.commands);
        c.check?.(r);
    });
}

test('every org:setup line of the README and the guides runs as printed, with --dry-run', async () => {
    const docs = ['README.md', ...fs.readdirSync('docs').map((f) => `docs/${f}`)].map((f) => read(f)).join('\n');
    const lines = [...docs.matchAll(/npm run org:setup -- ([^`\n|]+)/g)]
        .map((m) => m[1].trim())
        .filter((l) => l.startsWith('--target-org') || l === '--help');
    // Placeholders as an admin fills them in.
    const filled = { '<codes>': '65', '<r>': 'eu', '<8x8-account-id>': '0b5b2e6c0c1e4d4b9d8a2f1d3c4b5a69' };
    assert.ok(lines.length > 10 && lines.some((l) => l === '--help'));
    for (const line of lines) {
        const args = line.replace(/<[^>]+>/g, (p) => filled[p] ?? 'x').split(/\s+/);
        const r = await run([...args, ...(args.includes('--dry-run') ? [] : ['--dry-run'])], { stdin: null });
        assert.equal(r.status, 0, `${line}\n${r.out}`);
        assert.match(r.out, args.includes('--help') ? /^Usage: npm run org:setup/ : /nothing is changed/);
    }
});

test('every case of the shared org-kind table classifies the same way in org:setup', () => {
    for (const c of JSON.parse(read(ORG_KINDS)).cases) {
        const row = { IsSandbox: c.isSandbox, TrialExpirationDate: c.trialExpirationDate };
        assert.equal(orgKind({ ...row, OrganizationType: c.organizationType }), c.kind);
    }
});

test('every org:setup line of the workflows runs every part with stdin closed and says what it skipped', async () => {
    const organization = { IsSandbox: true, TrialExpirationDate: '2026-12-31', OrganizationType: 'Developer Edition' };
    const scenario = { rows: [[/FROM Organization/, [organization]]] };
    // Each `run:` line, or line of a `run: |` block, that runs org:setup: its arguments after `--`.
    const lines = fs.readdirSync('.github/workflows').flatMap((f) => read('.github/workflows', f).split('\n'));
    const runs = lines
        .map((l) => l.replace(/^\s*(-\s+)?(run:\s*)?/, '').split(/\s+/))
        .filter((w) => w.join(' ').startsWith('npm run org:setup'));
    assert.ok(runs.length > 0, 'a workflow runs org:setup');
    for (const args of runs.map((w) => w.slice(w.indexOf('--') + 1))) {
        const r = await run(args, { scenario, stdin: null });
        assert.equal(r.status, 0, `${args.join(' ')}\n${r.out}`);
        const dirs = ['core', 'receipts', 'samples'].filter((p) => args.includes(`--${p}`) || p === 'core');
        const parts = dirs.map((p) => `force-app/${p}`);
        assert.deepEqual(r.deploys.slice(1, -1), parts);
        assert.match(r.out, /org:setup: done; skipped: --skip-key, --skip-secret$/m);
        // Its last step runs the deployed parts' tests with coverage.
        assert.deepEqual(valuesOf(callOf(r, 'apex run test'), '--class-names'), testsOf(...parts));
        // The sample flows run only for holders of their permission set, and send through the Flow action.
        const samples = args.includes('--samples') ? ['WhatsApp_OTP_Flow_Sender', 'WhatsApp_OTP_Sample_Flows'] : [];
        assert.deepEqual(valuesOf(callOf(r, 'org assign permset'), '--name').slice(2), samples);
    }
});

test('the package workflow skips without every alias, else creates a version of each in order (coverage, no key), and promotes only when asked', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'package-workflow-'));
    const packages = ['WhatsApp OTP Connection', 'WhatsApp OTP Core', 'WhatsApp OTP Receipts'];
    const project = JSON.parse(read('sfdx-project.json'));
    // A fake sf on PATH: it logs its arguments and answers a version create with the next 04t id.
    fs.mkdirSync(path.join(cwd, 'bin'));
    const sfScript =
        '#!/bin/sh\necho "$*" >> calls\necho "{\\"result\\":{\\"SubscriberPackageVersionId\\":\\"04t$(wc -l < calls)\\"}}"\n';
    fs.writeFileSync(path.join(cwd, 'bin', 'sf'), sfScript, { mode: 0o755 });
    const steps = Object.values(parse(read('.github/workflows/package.yml')).jobs).flatMap((job) => job.steps);
    /** Runs the step (`id` or name's start) in cwd with `aliases` (0Ho ids of the first n packages); sf's calls. */
    const runStep = (step, aliases, env = {}) => {
        project.packageAliases = Object.fromEntries(packages.slice(0, aliases).map((n, i) => [n, `0Ho${i}`]));
        fs.writeFileSync(path.join(cwd, 'sfdx-project.json'), JSON.stringify(project));
        fs.rmSync(path.join(cwd, 'calls'), { force: true });
        const { run: script } = steps.find((s) => s.id === step || s.name?.startsWith(step));
        const PATH = `${path.join(cwd, 'bin')}:${process.env.PATH}`;
        const vars = { PATH, RUNNER_TEMP: cwd, GITHUB_OUTPUT: path.join(cwd, 'output'), ...env };
        // As GitHub runs a `shell: bash` step (docs.github.com/en/actions/using-workflows/workflow-syntax-for-github-actions#jobsjob_idstepsshell).
        const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env: vars });
        assert.equal(r.status, 0, String(r.stderr));
        return fs.existsSync(path.join(cwd, 'calls')) ? read(cwd, 'calls').trim().split('\n') : [];
    };
    runStep('aliases', 1);
    runStep('aliases', 3);
    assert.equal(read(cwd, 'output'), 'ready=false\nready=true\n');
    const flags = '--code-coverage --installation-key-bypass --wait 120 --target-dev-hub devhub --json';
    const created = packages.map((name) => `package version create --package ${name} ${flags}`);
    assert.deepEqual(runStep('Create a version', 3), created);
    const promote = '--no-prompt --target-dev-hub devhub';
    const promoted = [1, 2, 3].map((n) => `package version promote --package 04t${n} ${promote}`);
    assert.deepEqual(runStep('Create a version', 3, { PROMOTE: 'true' }), [...created, ...promoted]);
    const workflows = fs.readdirSync('.github/workflows').map((f) => read('.github/workflows', f));
    assert.ok(!workflows.some((text) => /\bsf package create\b/.test(text)), 'no workflow creates a package');
    fs.rmSync(cwd, { recursive: true });
});

// sf's HTTP layer, in this process: the jsforce that the project's sf loads (through @salesforce/core), which the
// root overrides of package.json keep on a release for this Node (@jsforce/jsforce-node 3.10.16 over undici 7).
test("the project sf's HTTP layer runs on this Node: it reads a user's identity from a local stub", async () => {
    const server = http.createServer((req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ path: req.url, authorization: req.headers.authorization }));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
        const fromCore = createRequire(createRequire(import.meta.url).resolve('@salesforce/core'));
        const { Connection } = fromCore('@jsforce/jsforce-node');
        const instanceUrl = `http://127.0.0.1:${server.address().port}`;
        const connection = new Connection({ instanceUrl, accessToken: '00D!stub' });
        const answer = await connection.request('/services/oauth2/userinfo');
        assert.deepEqual(answer, { path: '/services/oauth2/userinfo', authorization: 'Bearer 00D!stub' });
    } finally {
        server.close();
    }
});

test('the removal manifest names exactly the components of force-app/receipts, beside a package.xml that deploys nothing', () => {
    // Each source file's type: its folder's (a folder that holds only one type), else its suffix's, as SDR resolves
    // them (its registry JSON alone, as the metadata gate reads it: the whole library takes 1.5 CPU-s to load).
    const { types, strictDirectoryNames, suffixes } = createRequire(import.meta.url)(
        '@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json'
    );
    const source = fs
        .readdirSync('force-app/receipts', { recursive: true })
        .map((f) => /([^/]+)\/([^/]+)\.(\w+)-meta\.xml$/.exec(f))
        .filter(Boolean)
        .map(([, dir, name, suffix]) => `${types[strictDirectoryNames[dir] ?? suffixes[suffix]].name}:${name}`);
    const blocks = [...read('manifest/remove-receipts/destructiveChanges.xml').matchAll(/<types>([\s\S]*?)<\/types>/g)];
    const listed = blocks.flatMap(([, t]) =>
        [...t.matchAll(/<members>([^<]+)<\/members>/g)].map((m) => `${t.match(/<name>([^<]+)<\/name>/)[1]}:${m[1]}`)
    );
    assert.deepEqual(listed.sort(), source.sort());
    assert.doesNotMatch(read('manifest/remove-receipts/package.xml'), /<types>/);
});

test('the destructive-changes manifest lists every .cls deleted since the newest tag, none without a tag', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'removed-classes-'));
    const git = (...args) =>
        assert.equal(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo }).status, 0);
    const write = (file, text = 'public class X {}') => fs.writeFileSync(path.join(repo, file), text);
    git('init', '-q');
    ['Old.cls', 'Moved.cls', 'Kept.cls', 'Early.cls'].forEach((f) => write(f));
    git('add', '.');
    git('commit', '-qm', 'one');
    git('rm', '-q', 'Early.cls');
    git('commit', '-qm', 'before the tag');
    assert.deepEqual(removedClasses(repo), { tag: undefined, classes: [] }, 'no tag: nothing to remove');
    git('tag', 'v0.1.0');
    git('rm', '-q', 'Old.cls', 'Moved.cls');
    fs.mkdirSync(path.join(repo, 'b'));
    write('b/Moved.cls', 'public class Moved { Integer changed; }');
    git('add', '.');
    git('commit', '-qm', 'two');
    const removed = removedClasses(repo);
    fs.rmSync(repo, { recursive: true, force: true });
    assert.deepEqual(removed, { tag: 'v0.1.0', classes: ['Old'] });
    assert.match(manifest(removed, '65.0'), /<types>\n {8}<members>Old<\/members>\n {8}<name>ApexClass<\/name>/);
    // This repository: with no tag yet (0.1.0 is installed nowhere) the checked-in manifest names no class.
    const here = removedClasses(root);
    assert.equal(read(MANIFEST), manifest(here, JSON.parse(read('sfdx-project.json')).sourceApiVersion));
    assert.ok(here.tag || !here.classes.length, 'without a tag the manifest is empty');
});
