#!/usr/bin/env node
// `npm run org:setup -- --target-org <alias>`: installs the package into an org in the safe order, with the sf CLI
// the admin already has. Run it from the project root. Every step can be repeated; a failed step names itself and
// its fix, and prints the command that resumes from it. See README, "Install into an org (admins)".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineOf, probePlan, renderProbe, GATEWAY } from './org-setup/probe.mjs';
import {
    findFiles,
    NAMED_CREDENTIAL,
    operationNames,
    REGIONS,
    REGISTRATION,
    SETTINGS_RECORD,
    withFieldValue,
    withOperationNames,
    withUrl,
    writePackage
} from './org-setup/metadata.mjs';
import { MIN_SECRET_LENGTH, RECEIPT_SETTING, readSecrets, storeKey, storeReceiptSecret } from './org-setup/secret.mjs';
import { deployProblems, sf, StepError } from './org-setup/sf.mjs';

const PERMISSION_SETS = ['CPaaS_API_Access', 'WhatsApp_OTP_Agent'];
const GUEST_PERMISSION_SET = 'WhatsApp_OTP_Receipt_Guest';
const SITE = 'WhatsApp_OTP_Receipts';
// Object Reference: Site (Name, GuestUserId) and SiteDetail (DurableId = the Site's Id, SecureUrl: the Site's https
// URL, its path prefix included). Unconfirmed in an org: that Site.Name is the CustomSite's API name, and that
// SecureUrl carries the path prefix `whatsappotp`.
const SITE_QUERY = `SELECT Id, GuestUserId, Status FROM Site WHERE Name = '${SITE}'`;
const ID = /^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/;
const CONNECTION = [
    'ExternalCredential:X8x8_CPaaS_Authentication',
    'NamedCredential:X8x8_Messaging_API',
    'ExternalServiceRegistration:CPaasMessagingApps'
];
const WAIT = '30';
const SETTINGS_QUERY = "SELECT DeveloperName FROM WhatsApp_OTP_Setting__mdt WHERE DeveloperName = 'Default'";

/** The sf commands, built in one place for the run and for --dry-run (`org` is ['--target-org', alias]). */
const command = {
    connection: (org) => [
        'project',
        'deploy',
        'start',
        ...CONNECTION.flatMap((m) => ['--metadata', m]),
        ...org,
        '--wait',
        WAIT
    ],
    retrieve: (member, out, org) => [
        'project',
        'retrieve',
        'start',
        '--metadata',
        member,
        '--output-dir',
        out,
        ...org,
        '--wait',
        WAIT
    ],
    probe: (file, org) => ['apex', 'run', '--file', file, ...org],
    deploy: (org) => ['project', 'deploy', 'start', '--source-dir', 'force-app', ...org, '--wait', '60'],
    assign: (org, users = [], sets = PERMISSION_SETS) => [
        'org',
        'assign',
        'permset',
        ...sets.flatMap((n) => ['--name', n]),
        ...users.flatMap((u) => ['--on-behalf-of', u]),
        ...org
    ],
    query: (soql, org) => ['data', 'query', '--query', soql, ...org],
    display: (org) => ['org', 'display', ...org],
    settingsQuery: (org) => ['data', 'query', '--query', SETTINGS_QUERY, ...org],
    deployPackage: (dir, org) => ['project', 'deploy', 'start', '--metadata-dir', dir, ...org, '--wait', WAIT],
    tests: (org) => [
        'apex',
        'run',
        'test',
        '--test-level',
        'RunLocalTests',
        '--code-coverage',
        '--result-format',
        'json',
        ...org,
        '--wait',
        WAIT
    ]
};

const STEPS = [
    ['connection', 'deploy the connection (External Credential, Named Credential, External Service registration)'],
    ['names', 'retrieve the registration and compare its stored operation names with the source'],
    ['probe', 'name probe: anonymous Apex that uses every generated name the gateway uses (before any Apex deploys)'],
    ['deploy', 'deploy the rest of force-app'],
    ['permsets', `assign ${PERMISSION_SETS.join(' and ')} to you and to every --assign user`],
    ['site', `assign ${GUEST_PERMISSION_SET} to the guest user of the Site ${SITE}, print the receipt callback URL`],
    ['key', 'store the 8x8 API key on the External Credential principal (Connect REST, encrypted)'],
    ['secret', `store the receipt secret in the Protected custom setting ${RECEIPT_SETTING} (REST, never in argv)`],
    ['settings', "set the Named Credential's region URL and the settings record (created only when the org has none)"],
    ['tests', 'run the Apex tests (RunLocalTests) with coverage']
];

const HELP = `Usage: npm run org:setup -- --target-org <alias> [options]

Installs the WhatsApp OTP package into an org with your sf CLI, in this order:
${STEPS.map(([id, what], i) => `  ${i + 1}. ${id.padEnd(10)} ${what}`).join('\n')}

Options:
  --target-org <alias>   the org (an alias or username sf knows; sf org login web --alias <alias>)
  --region <region>      8x8 region: apac (default), us, eu or id
  --subaccount <id>      8x8 subaccount ID for the settings record
  --template <name>      the approved WhatsApp authentication template's name
  --language <code>      the template's language code (the record's default is en_US)
  --assign <username>    also assign both permission sets to this user (repeatable)
  --skip-key             do not ask for the API key (CI, scratch orgs); enter it in Setup later
  --skip-secret          do not ask for the receipt secret; enter it in Setup later (no receipts until then)
  --callback-base-url <url>  the Site's https URL for Receipt Callback Base URL (default: the one step site finds)
  --write-back           write the org's stored operation names into the registration source
  --from <step>          start at this step (a failed step prints the command to resume)
  --dry-run              print the plan and change nothing (needs no org and no sf)
  --help                 this text

The API key and then the receipt secret (at least ${MIN_SECRET_LENGTH} characters) are read from hidden prompts, or
from standard input when it is not a terminal, one a line (e.g. { pass show 8x8-key; pass show otp-receipts; } |
npm run org:setup -- --target-org my-org). Neither is ever taken from the command line.
`;

/** Parses argv; throws a StepError on a mistake. */
export function parseArgs(argv) {
    const options = {
        assign: [],
        region: 'apac',
        help: false,
        dryRun: false,
        skipKey: false,
        skipSecret: false,
        writeBack: false
    };
    const value = (i, flag) => {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) {
            throw new StepError(`${flag} needs a value`, 'see npm run org:setup -- --help');
        }
        return v;
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const flags = {
            '--help': 'help',
            '-h': 'help',
            '--dry-run': 'dryRun',
            '--skip-key': 'skipKey',
            '--skip-secret': 'skipSecret',
            '--write-back': 'writeBack'
        };
        const valued = {
            '--target-org': 'targetOrg',
            '-o': 'targetOrg',
            '--region': 'region',
            '--subaccount': 'subaccount',
            '--template': 'template',
            '--language': 'language',
            '--callback-base-url': 'callbackBaseUrl',
            '--from': 'from'
        };
        if (flags[arg]) {
            options[flags[arg]] = true;
        } else if (arg === '--assign') {
            options.assign.push(value(i++, arg));
        } else if (valued[arg]) {
            options[valued[arg]] = value(i++, arg);
        } else if (/^--(key|api-key|apikey)(=|$)/i.test(arg)) {
            throw new StepError(
                'the API key is never taken from the command line',
                'type it at the prompt, or pipe it on standard input'
            );
        } else if (/^--(secret|receipt-secret)(=|$)/i.test(arg)) {
            throw new StepError(
                'the receipt secret is never taken from the command line',
                'type it at the prompt, or pipe it on standard input after the key'
            );
        } else {
            throw new StepError(`unknown argument ${arg}`, 'see npm run org:setup -- --help');
        }
    }
    if (!REGIONS[options.region]) {
        throw new StepError(
            `--region ${options.region} is not one of ${Object.keys(REGIONS).join(', ')}`,
            'pick your 8x8 account region'
        );
    }
    if (
        options.callbackBaseUrl !== undefined &&
        !/^https:\/\/[A-Za-z0-9.-]+(\/[A-Za-z0-9._~-]+)*\/?$/.test(options.callbackBaseUrl)
    ) {
        throw new StepError(
            `--callback-base-url ${options.callbackBaseUrl} is not an https URL`,
            "pass the Site's https URL, e.g. https://acme.my.salesforce-sites.com/whatsappotp"
        );
    }
    if (options.from && !STEPS.some(([id]) => id === options.from)) {
        throw new StepError(`--from ${options.from} is not a step`, `use one of ${STEPS.map(([id]) => id).join(', ')}`);
    }
    if (!options.help && !options.dryRun && !options.targetOrg) {
        throw new StepError(
            '--target-org is required',
            'pass the alias you logged in with: sf org login web --alias <alias>'
        );
    }
    return options;
}

function rerunCommand(options, step) {
    const parts = ['npm run org:setup --', '--target-org', options.targetOrg];
    for (const [flag, key] of [
        ['--region', 'region'],
        ['--subaccount', 'subaccount'],
        ['--template', 'template'],
        ['--language', 'language'],
        ['--callback-base-url', 'callbackBaseUrl']
    ]) {
        if (options[key] && !(key === 'region' && options.region === 'apac')) {
            parts.push(flag, options[key]);
        }
    }
    options.assign.forEach((u) => parts.push('--assign', u));
    for (const [flag, key] of [
        ['--skip-key', 'skipKey'],
        ['--skip-secret', 'skipSecret'],
        ['--write-back', 'writeBack']
    ]) {
        if (options[key]) {
            parts.push(flag);
        }
    }
    parts.push('--from', step);
    return parts.join(' ');
}

/** The sf commands each step runs, for --dry-run. */
function plan(options) {
    const t = ['--target-org', options.targetOrg ?? '<target-org>'];
    return {
        connection: [command.connection(t)],
        names: [command.retrieve('ExternalServiceRegistration:CPaasMessagingApps', '<temp dir>', t)],
        probe: [
            command.probe('<generated probe>', t),
            ['(again with each candidate name, only if a name is not found)']
        ],
        deploy: [command.deploy(t)],
        permsets: [command.assign(t), ...(options.assign.length ? [command.assign(t, options.assign)] : [])],
        site: [
            command.query(SITE_QUERY, t),
            command.query("SELECT Username FROM User WHERE Id = '<GuestUserId>'", t),
            command.assign(t, ['<guest username>'], [GUEST_PERMISSION_SET]),
            command.query("SELECT SecureUrl FROM SiteDetail WHERE DurableId = '<Site Id>'", t)
        ],
        key: options.skipKey
            ? [['(skipped: --skip-key)']]
            : [command.display(t), ['(GET, then POST or PUT /services/data/vNN.0/named-credentials/credential)']],
        secret: options.skipSecret
            ? [['(skipped: --skip-secret)']]
            : [command.display(t), [`(REST: query, then POST or PATCH /sobjects/${RECEIPT_SETTING}, the org default)`]],
        settings: [
            command.settingsQuery(t),
            ['(retrieve CustomMetadata:WhatsApp_OTP_Setting.Default only when the org has one and a value is given)'],
            command.deployPackage('<temp package>', t)
        ],
        tests: [command.tests(t)]
    };
}

/**
 * What every step uses: the project root, `say` (a line on standard output) and `sf` (runs sf in the root), all
 * from main's io, so two runs in one process (the tests) never share them.
 */
function context(root, io) {
    return {
        root,
        say: (text) => io.stdout.write(`${text}\n`),
        sf: (args) => sf(args, root, { env: io.env, spawn: io.spawn })
    };
}

/** Runs one sf command and throws a StepError naming the step when it fails. */
function mustSf(args, ctx, what, fix) {
    const response = ctx.sf(args);
    if (!response.ok) {
        const problems =
            args[0] === 'project' && args[1] === 'deploy'
                ? deployProblems(response)
                : [response.json.message ?? 'failed'];
        throw new StepError(`${what}:\n    ${problems.join('\n    ')}`, fix);
    }
    return response;
}

async function run(options, ctx, io) {
    const { root } = ctx;
    const apiVersion =
        JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')).sourceApiVersion ?? '65.0';
    const org = ['--target-org', options.targetOrg];
    const temp = path.join(root, '.tmp', `org-setup-${process.pid}`);
    fs.mkdirSync(temp, { recursive: true });
    try {
        await runSteps(options, ctx, io, { apiVersion, org, temp });
    } finally {
        fs.rmSync(temp, { recursive: true, force: true });
    }
}

async function runSteps(options, ctx, io, { apiVersion, org, temp }) {
    const { root, say } = ctx;
    const start = options.from ? STEPS.findIndex(([id]) => id === options.from) : 0;
    const todo = STEPS.slice(start);
    // Read the key and the receipt secret before anything runs, so the rest is unattended.
    const wantsKey = todo.some(([id]) => id === 'key') && !options.skipKey;
    const wantsSecret = todo.some(([id]) => id === 'secret') && !options.skipSecret;
    const prompts = [
        ...(wantsKey ? ['8x8 API key'] : []),
        ...(wantsSecret ? [`receipt secret (${MIN_SECRET_LENGTH}+ random characters)`] : [])
    ];
    const secrets = prompts.length ? await readSecrets(prompts, io.stdin, io.stderr) : [];
    const key = wantsKey ? secrets[0] : undefined;
    const receiptSecret = wantsSecret ? secrets[wantsKey ? 1 : 0] : undefined;
    if (wantsKey && !key) {
        throw Object.assign(
            new StepError(
                'no API key was given',
                'type it at the prompt, pipe it on standard input, or pass --skip-key'
            ),
            { step: 'key' }
        );
    }
    if (wantsSecret && (receiptSecret ?? '').length < MIN_SECRET_LENGTH) {
        throw Object.assign(
            new StepError(
                receiptSecret
                    ? `the receipt secret is shorter than ${MIN_SECRET_LENGTH} characters`
                    : 'no receipt secret was given',
                `give ${MIN_SECRET_LENGTH} or more random characters (e.g. openssl rand -base64 32) at the prompt or as the next line on standard input, or pass --skip-secret`
            ),
            { step: 'secret' }
        );
    }
    const steps = {
        connection: () => {
            mustSf(
                command.connection(org),
                ctx,
                'the connection did not deploy',
                'fix the problems above (this deploy holds no Apex), then rerun'
            );
            say('    deployed X8x8_CPaaS_Authentication, X8x8_Messaging_API, CPaasMessagingApps');
        },
        names: () => {
            const file = retrieveOne(
                'ExternalServiceRegistration:CPaasMessagingApps',
                '.externalServiceRegistration-meta.xml',
                path.join(temp, 'retrieved'),
                ctx,
                org,
                'the registration could not be retrieved',
                'check that step connection deployed it (Setup → External Services → CPaasMessagingApps), then rerun'
            );
            const source = fs.readFileSync(path.join(root, REGISTRATION), 'utf8');
            const ours = operationNames(source);
            const theirs = operationNames(fs.readFileSync(file, 'utf8'));
            if (JSON.stringify(ours) === JSON.stringify(theirs)) {
                say(`    the org stores the operation names as the source does: ${ours.join(', ')}`);
                return;
            }
            say(
                `    DIFFERENCE: the org stores the operation names [${theirs.join(', ')}]; ${REGISTRATION} has [${ours.join(', ')}]`
            );
            if (options.writeBack) {
                fs.writeFileSync(path.join(root, REGISTRATION), withOperationNames(source, theirs));
                say(
                    `    wrote the org's names into ${REGISTRATION}; commit it (npm run check:spec checks the encoding; if it fails, the rule lives in storedOperationName, scripts/gates/lib/external-service-model.mjs)`
                );
            } else {
                say(
                    '    (not a compile problem: Apex matches operation names without case; rerun with --write-back to keep the source equal to the org)'
                );
            }
        },
        probe: () => probe(ctx, org, temp),
        deploy: () => {
            const r = mustSf(
                command.deploy(org),
                ctx,
                'force-app did not deploy',
                'fix the problems above; a compile error in CPaasMessagingGateway.cls about an ExternalService name means the probe missed it: rerun from probe'
            );
            say(`    deployed ${r.result?.numberComponentsDeployed ?? (r.result?.files ?? []).length} component(s)`);
        },
        permsets: () => {
            assign(command.assign(org), ctx, 'you');
            if (options.assign.length) {
                assign(command.assign(org, options.assign), ctx, options.assign.join(', '));
            }
        },
        site: () => {
            const found = site(options, ctx, org);
            options.callbackBaseUrl ??= found;
        },
        secret: async () => {
            if (options.skipSecret) {
                say(
                    `    skipped (--skip-secret): store it in Setup → Custom Settings → ${RECEIPT_SETTING} → Manage; until then every receipt is refused (401)`
                );
                return;
            }
            const display = mustSf(
                command.display(org),
                ctx,
                'the org could not be read',
                'log in again: sf org login web --alias ' + options.targetOrg
            );
            const { instanceUrl, accessToken, id: orgId } = display.result ?? {};
            const done = await storeReceiptSecret({
                instanceUrl,
                accessToken,
                apiVersion,
                orgId,
                secret: receiptSecret
            });
            say(`    the receipt secret is stored (${done}) as the org default of ${RECEIPT_SETTING}`);
        },
        key: async () => {
            if (options.skipKey) {
                say(
                    '    skipped (--skip-key): enter the key in Setup (README, "Enter the API key") before the first send'
                );
                return;
            }
            const display = mustSf(
                command.display(org),
                ctx,
                'the org could not be read',
                'log in again: sf org login web --alias ' + options.targetOrg
            );
            const { instanceUrl, accessToken } = display.result ?? {};
            if (!instanceUrl || !accessToken) {
                throw new StepError(
                    'sf org display gave no instance URL and access token',
                    'log in again: sf org login web --alias ' + options.targetOrg
                );
            }
            const done = await storeKey({ instanceUrl, accessToken, apiVersion, key });
            say(`    the key is stored (${done}) on X8x8_CPaaS_Authentication / X8x8_API_Key_Principal, encrypted`);
        },
        settings: () => settings(options, ctx, org, temp, apiVersion),
        tests: () => {
            const r = ctx.sf(command.tests(org));
            const summary = r.result?.summary;
            if (!summary) {
                throw new StepError(
                    `the Apex tests did not run: ${r.json.message ?? 'no summary'}`,
                    'check that step deploy succeeded, then rerun'
                );
            }
            say(
                `    Apex tests: ${summary.passing} passed, ${summary.failing} failed (${summary.outcome}); coverage: this run ${summary.testRunCoverage ?? 'n/a'}, org-wide ${summary.orgWideCoverage ?? 'n/a'}`
            );
            const failed = (r.result.tests ?? []).filter((t) => t.Outcome !== 'Pass');
            for (const t of failed) {
                say(`    FAIL ${t.FullName ?? `${t.ApexClass?.Name}.${t.MethodName}`}: ${t.Message ?? ''}`);
            }
            if (summary.failing > 0 || !r.ok) {
                throw new StepError(
                    `${summary.failing} Apex test(s) failed`,
                    'read the failures above; fix them and deploy, then rerun'
                );
            }
        }
    };
    for (const [id, what] of todo) {
        const n = STEPS.findIndex(([s]) => s === id) + 1;
        say(`[${n}/${STEPS.length}] ${id}: ${what}`);
        try {
            await steps[id]();
        } catch (error) {
            error.step = id;
            throw error;
        }
    }
    say('org:setup: done');
}

/** Retrieves one component into `out` and returns its file (whose name ends with `suffix`). */
function retrieveOne(member, suffix, out, ctx, org, what, fix) {
    mustSf(command.retrieve(member, out, org), ctx, what, fix);
    const [file] = findFiles(out, suffix);
    if (!file) {
        throw new StepError(`the retrieve of ${member} returned no file`, fix);
    }
    return file;
}

// A set already assigned comes back as a failure whose message says "Duplicate PermissionSetAssignment"
// (INFERRED from the API's DUPLICATE_VALUE error; plugin-user's PermsetAssignResult carries it in failures[].message),
// so a rerun treats it as done.
function assign(args, ctx, who) {
    const r = ctx.sf(args);
    const failures = (r.result?.failures ?? []).filter((f) => !/duplicate/i.test(f.message ?? ''));
    if ((!r.ok && !r.result) || failures.length) {
        const problems = failures.length
            ? failures.map((f) => `${f.name}: ${f.message}`)
            : [r.json.message ?? 'failed'];
        throw new StepError(
            `the permission sets could not be assigned to ${who}:\n    ${problems.join('\n    ')}`,
            'check the usernames and that step deploy succeeded, then rerun'
        );
    }
    ctx.say(
        `    assigned ${PERMISSION_SETS.join(', ')} to ${who}${r.result?.failures?.length ? ' (some were already assigned)' : ''}`
    );
}

function probe(ctx, org, temp) {
    const { entities, usage } = probePlan(ctx.root);
    const names = new Map();
    const findings = [];
    const file = path.join(temp, 'probe.apex');
    const attempt = () => {
        const { apex, owner } = renderProbe(entities, names);
        fs.writeFileSync(file, apex);
        const r = ctx.sf(command.probe(file, org));
        const result = r.result ?? {};
        if (result.compiled === true) {
            return undefined;
        }
        if (result.compiled !== false) {
            throw new StepError(
                `the probe did not run: ${r.json.message ?? 'no result'}`,
                'check the login (sf org display), then rerun'
            );
        }
        return { index: owner.get(Number(result.line)), problem: `line ${result.line}: ${result.compileProblem}` };
    };
    for (let failure = attempt(), rounds = 0; failure && rounds < entities.length; rounds++) {
        const entity = entities[failure.index];
        if (!entity) {
            throw new StepError(
                `the probe failed outside any generated name (${failure.problem})`,
                'report this with the output above'
            );
        }
        let next;
        let found;
        for (const candidate of entity.candidates.filter((c) => c !== (names.get(failure.index) ?? entity.ours))) {
            names.set(failure.index, candidate);
            next = attempt();
            if (!next || next.index !== failure.index) {
                found = candidate;
                break;
            }
        }
        const line = lineOf(usage, entity.ours);
        const where = `${GATEWAY}${line ? ` line ${line}` : ''}`;
        if (found) {
            // The same spec name means the same generated name wherever it occurs.
            entities.forEach(
                (e, i) =>
                    e.kind === entity.kind &&
                    e.specName === entity.specName &&
                    e.ours === entity.ours &&
                    names.set(i, found)
            );
            findings.push(`the org calls \`${found}\` what we call \`${entity.ours}\`; change it in ${where}`);
            next = attempt();
        } else {
            names.delete(failure.index);
            findings.push(
                `the org has no \`${entity.ours}\` (${entity.kind}${entity.owner ? ` of ${entity.owner}` : ''}), and no candidate matched: ${failure.problem}; see Setup → External Services → CPaasMessagingApps for its name, and change it in ${where}`
            );
            break;
        }
        failure = next;
    }
    if (findings.length) {
        throw new StepError(
            `the name probe found names the org generated differently:\n    ${findings.join('\n    ')}`,
            'make those changes (the gateway is the only file that uses them), run npm run check:apex-semantic, then rerun'
        );
    }
    ctx.say(`    the org knows every generated name the gateway uses (${entities.length} names, one sf apex run)`);
}

/** The query's records, or a StepError naming what could not be read. */
function records(soql, ctx, org, what) {
    const r = mustSf(command.query(soql, org), ctx, what, 'check that step deploy succeeded, then rerun');
    return r.result?.records ?? [];
}

// The Site deploys with force-app (step deploy); its guest user exists once it does. Returns its https URL.
function site(options, ctx, org) {
    const { say } = ctx;
    const manual = `Setup → Sites → WhatsApp OTP Receipts → Public Access Settings → View Users → the guest user → Permission Set Assignments → add ${GUEST_PERMISSION_SET}`;
    const [found] = records(SITE_QUERY, ctx, org, `the Site ${SITE} could not be read`);
    if (!found || !ID.test(found.Id ?? '') || !ID.test(found.GuestUserId ?? '')) {
        throw new StepError(
            `the org has no Site ${SITE} with a guest user`,
            "check that step deploy succeeded (a Site needs the org's Sites domain: Setup → Sites, register one once), then rerun"
        );
    }
    const [guest] = records(
        `SELECT Username FROM User WHERE Id = '${found.GuestUserId}'`,
        ctx,
        org,
        "the Site's guest user could not be read"
    );
    if (!guest?.Username) {
        throw new StepError("the Site's guest user was not found", `assign it by hand: ${manual}`);
    }
    // Unconfirmed in an org: that sf org assign permset accepts a Site guest user for --on-behalf-of. If not, the
    // failure below prints the manual path.
    const r = ctx.sf(command.assign(org, [guest.Username], [GUEST_PERMISSION_SET]));
    const failures = (r.result?.failures ?? []).filter((f) => !/duplicate/i.test(f.message ?? ''));
    if ((!r.ok && !r.result) || failures.length) {
        const problems = failures.length
            ? failures.map((f) => `${f.name}: ${f.message}`)
            : [r.json.message ?? 'failed'];
        throw new StepError(
            `${GUEST_PERMISSION_SET} could not be assigned to the guest user ${guest.Username}:\n    ${problems.join('\n    ')}`,
            `assign it by hand (${manual}), then rerun with --from key`
        );
    }
    say(`    assigned ${GUEST_PERMISSION_SET} to the guest user ${guest.Username}`);
    const [detail] = records(
        `SELECT SecureUrl FROM SiteDetail WHERE DurableId = '${found.Id}'`,
        ctx,
        org,
        "the Site's URL could not be read"
    );
    const url = detail?.SecureUrl?.replace(/\/$/, '');
    if (found.Status !== 'Active') {
        say(`    the Site is ${found.Status ?? 'not active'}: activate it in Setup → Sites, or 8x8's receipts get 404`);
    }
    if (!url) {
        say("    the Site has no https URL yet: set Receipt Callback Base URL in the settings to the Site's URL");
        return undefined;
    }
    say(`    callback base URL (setting Receipt Callback Base URL): ${url}`);
    say(`    each message's dlrCallbackUrl: ${url}/services/apexrest/whatsapp-otp/receipts/<token>`);
    say(
        '    8x8 Connect: paste nothing. Each message carries its own callback URL; a subaccount webhook to this endpoint would be refused (401), as its URL cannot carry the per-message token'
    );
    return url;
}

function settings(options, ctx, org, temp, apiVersion) {
    const { root, say } = ctx;
    const members = [];
    if (options.region !== 'apac') {
        const xml = withUrl(fs.readFileSync(path.join(root, NAMED_CREDENTIAL), 'utf8'), REGIONS[options.region]);
        members.push({
            type: 'NamedCredential',
            folder: 'namedCredentials',
            name: 'X8x8_Messaging_API',
            suffix: 'namedCredential',
            xml
        });
    }
    const query = mustSf(
        command.settingsQuery(org),
        ctx,
        'the settings could not be read',
        'check that step deploy succeeded, then rerun'
    );
    const exists = (query.result?.totalSize ?? query.result?.records?.length ?? 0) > 0;
    const given = {
        Subaccount_Id__c: options.subaccount,
        Template_Name__c: options.template,
        Template_Language__c: options.language,
        Receipt_Callback_Base_Url__c: options.callbackBaseUrl?.replace(/\/$/, '')
    };
    const changes = Object.values(given).some((v) => v !== undefined);
    let record;
    if (!exists) {
        record = fs.readFileSync(path.join(root, SETTINGS_RECORD), 'utf8');
    } else if (changes) {
        const file = retrieveOne(
            'CustomMetadata:WhatsApp_OTP_Setting.Default',
            '.md-meta.xml',
            path.join(temp, 'settings'),
            ctx,
            org,
            "the org's settings record could not be retrieved",
            'rerun; or edit it in Setup → Custom Metadata Types → WhatsApp OTP Setting'
        );
        record = fs.readFileSync(file, 'utf8');
    }
    if (record !== undefined) {
        for (const [field, value] of Object.entries(given)) {
            record = withFieldValue(record, field, value);
        }
        members.push({
            type: 'CustomMetadata',
            folder: 'customMetadata',
            name: 'WhatsApp_OTP_Setting.Default',
            suffix: 'md',
            xml: record
        });
    }
    if (members.length) {
        const dir = writePackage(path.join(temp, 'package'), members, apiVersion);
        mustSf(
            command.deployPackage(dir, org),
            ctx,
            'the per-org values did not deploy',
            'fix the problems above, then rerun'
        );
    }
    say(`    Named Credential URL: ${REGIONS[options.region]} (${options.region})`);
    say(
        `    settings record Default: ${!exists ? 'created from ' + SETTINGS_RECORD : changes ? 'updated (only the values given)' : "kept the org's values"}`
    );
    if (!options.subaccount && !exists) {
        say(
            '    fill in 8x8 Subaccount ID and Template Name (--subaccount, --template, or Setup) before the first send'
        );
    }
}

/**
 * Runs org:setup with `argv` and returns its exit code. `io` ({ cwd, stdin, stdout, stderr, env, spawn }, each
 * optional) defaults to this process's; spawn is how sf starts (spawnSync's signature and result). The tests run
 * it in-process with their own.
 */
export async function main(argv, io = {}) {
    // stdin, env and spawn stay undefined unless given: readSecrets and sf default them (process.stdin is only
    // touched when a secret is read).
    io = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, ...io };
    const say = (text) => io.stdout.write(`${text}\n`);
    let options;
    try {
        options = parseArgs(argv);
    } catch (error) {
        io.stderr.write(`org:setup: ${error.message}\n  fix: ${error.fix}\n`);
        return 2;
    }
    if (options.help) {
        say(HELP);
        return 0;
    }
    if (options.dryRun) {
        say(`org:setup --dry-run: nothing is changed. The plan for ${options.targetOrg ?? '<target-org>'}:`);
        const commands = plan(options);
        const start = options.from ? STEPS.findIndex(([id]) => id === options.from) : 0;
        STEPS.slice(start).forEach(([id, what]) => {
            say(`[${STEPS.findIndex(([s]) => s === id) + 1}/${STEPS.length}] ${id}: ${what}`);
            commands[id].forEach((c) =>
                say(
                    `    ${c[0].startsWith('(') ? c.join(' ') : `sf ${c.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')} --json`}`
                )
            );
        });
        say(
            `Per-org values: ${SETTINGS_RECORD} (deployed only when the org has no Default record) and the Named Credential URL (--region ${options.region}: ${REGIONS[options.region]}).`
        );
        return 0;
    }
    const root = io.cwd;
    if (!fs.existsSync(path.join(root, 'sfdx-project.json'))) {
        io.stderr.write('org:setup: run it from the project root (where sfdx-project.json is)\n');
        return 2;
    }
    try {
        await run(options, context(root, io), io);
        return 0;
    } catch (error) {
        if (!(error instanceof StepError)) {
            throw error;
        }
        const n = STEPS.findIndex(([id]) => id === error.step) + 1;
        io.stderr.write(
            `\norg:setup: step ${n} of ${STEPS.length} (${error.step}) failed: ${error.message}\n  fix: ${error.fix}\n  then resume: ${rerunCommand(options, error.step)}\n`
        );
        return 1;
    }
}

// Run as the CLI (node scripts/org-setup.mjs); imported, it only exports main. Both sides resolved, as the ESM
// loader resolves symlinks in import.meta.url.
const entry = process.argv[1] && fs.realpathSync(path.resolve(process.argv[1]));
if (entry === fileURLToPath(import.meta.url)) {
    process.exitCode = await main(process.argv.slice(2));
}
