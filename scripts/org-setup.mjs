#!/usr/bin/env node
// `npm run org:setup -- --target-org <alias>`: installs the package into an org in the safe order with the
// project's own sf CLI (npm ci installs it; npm run puts node_modules/.bin first on PATH). Mostly a sequence of
// sf commands; Node keeps the name probe, the hidden prompts, the org-kind rule and the resumable step runner.
// A failed step names itself and its fix, and prints the command that resumes from it. See docs/admin-guide.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineOf, probePlan, renderProbe, GATEWAY } from './org-setup/probe.mjs';
import * as metadata from './org-setup/metadata.mjs';
import { MIN_SECRET_LENGTH, RECEIPT_SETTING, readSecrets, storeKey, storeReceiptSecret } from './org-setup/secret.mjs';
import * as inbound from './org-setup/inbound.mjs';
import { mustSf, sf, StepError } from './org-setup/sf.mjs';
import { ORGANIZATION_QUERY, orgKind } from './org-setup/org-kind.mjs';
import { apexClasses, MIN_CLASS_COVERAGE, runTests } from './org-setup/apex-tests.mjs';

/** The package directories (sfdx-project.json) org:setup deploys, in order. */
export const DIRS = Object.fromEntries(['connection', 'core', 'receipts', 'samples'].map((p) => [p, `force-app/${p}`]));
/** The manifest that removes the receipt endpoint from an org (destructiveChanges.xml beside an empty package.xml). */
export const REMOVE_RECEIPTS = 'manifest/remove-receipts';
const PERMISSION_SETS = ['CPaaS_API_Access', 'WhatsApp_OTP_Agent'];
// The sample flows run only for holders of their permission set (isAdditionalPermissionRequiredToRun), and they
// send through the Flow action, which needs WhatsApp OTP Flow Sender.
const SAMPLE_PERMISSION_SETS = ['WhatsApp_OTP_Flow_Sender', 'WhatsApp_OTP_Sample_Flows'];
const GUEST_PERMISSION_SET = 'WhatsApp_OTP_Receipt_Guest';
const SITE = 'WhatsApp_OTP_Receipts';
// Object Reference: Site (Name, GuestUserId) and SiteDetail (DurableId = the Site's Id, SecureUrl: the Site's
// https URL with its path prefix). Unconfirmed in an org: that Site.Name is the CustomSite's API name.
const SITE_QUERY = `SELECT Id, GuestUserId, Status FROM Site WHERE Name = '${SITE}'`;
const SETTINGS_QUERY = "SELECT DeveloperName FROM WhatsApp_OTP_Setting__mdt WHERE DeveloperName = 'Default'";
const SETTINGS_MEMBER = 'WhatsApp_OTP_Setting.Default';
/** What the admin does when a step fails, in one place. */
const FIX = {
    login: 'log in: npx sf org login web --alias <alias>, then rerun',
    deployed: 'check that the deploy steps succeeded, then rerun',
    connection:
        "fix the problems above; if the org refuses the registration's operation names, delete its <operations> elements (Salesforce's own generator writes none), then rerun",
    core: 'fix the problems above; a compile error about an ExternalService name in the gateway means the probe missed it: rerun from probe',
    receipts:
        'fix the problems above; a Site needs Sites enabled with a registered Sites domain (Setup → Sites); or run without --receipts',
    samples: 'fix the problems above, then rerun',
    settings: 'fix the problems above, then rerun',
    probe: 'make those changes (the gateway is the only file that uses them), run npm run check:apex-semantic, then rerun',
    guest: `assign it by hand: Setup → Sites → WhatsApp OTP Receipts → Public Access Settings → View Users → the guest user → Permission Set Assignments → add ${GUEST_PERMISSION_SET}; then rerun with --from key`,
    validate: 'fix the problems above (a failed test or a class under 75 % fails the validation), then rerun',
    inbound: 'reply verification needs the receipt Site with an https URL: add --receipts, or see Setup → Sites'
};

/** Every step as [id, what, the flag it needs]; with --validate-only only connection, probe and validate run. */
const STEPS = [
    ['connection', `deploy ${DIRS.connection} (External Credential, Named Credential, registration, CPaaS_API_Access)`],
    ['probe', 'name probe: anonymous Apex that uses every generated name the gateway uses (before any Apex deploys)'],
    ['core', `deploy ${DIRS.core} (send and verify, the composer, settings, audit, reports)`],
    ['receipts', `deploy ${DIRS.receipts} (the public Site and the receipt endpoint)`, '--receipts'],
    ['samples', `deploy ${DIRS.samples} (three flows and a quick action)`, '--samples'],
    ['validate', 'validate core (and receipts) with their tests, without deploying', '--validate-only'],
    ['permsets', `assign ${PERMISSION_SETS.join(', ')} (with --samples also ${SAMPLE_PERMISSION_SETS.join(', ')})`],
    ['site', `assign ${GUEST_PERMISSION_SET} to the Site's guest user, print the receipt callback URL`, '--receipts'],
    ['key', 'store the 8x8 API key on the External Credential principal (Connect REST, encrypted)'],
    ['secret', `store the receipt secret in the custom setting ${RECEIPT_SETTING} (REST)`, '--receipts'],
    ['inbound', "store the inbound secret's hash, set the subaccount's inbound (MSG) webhook in 8x8", '--inbound'],
    ['settings', "set the Named Credential's region URL and the settings record (created only when the org has none)"],
    ['tests', `run the deployed parts' Apex tests with coverage; each class must reach ${MIN_CLASS_COVERAGE} %`]
];
const camel = (flag) => flag.slice(2).replace(/-(\w)/g, (_, c) => c.toUpperCase());
const stepsFor = (o) =>
    STEPS.filter(
        ([id, , flag]) => (!flag || o[camel(flag)]) && (!o.validateOnly || /^(connection|probe|validate)$/.test(id))
    );

const PREREQUISITES = `Before you start:
  - sf installed and logged in: the project's own sf, installed by npm ci (npm run puts node_modules/.bin
    first on PATH); log in once with: npx sf org login web --alias <alias>
  - an approved WhatsApp AUTHENTICATION template in 8x8 Connect (--template <name>, --language <code>)
  - your 8x8 subaccount id (--subaccount <id>)
  - your 8x8 API key: typed at a hidden prompt, or the first line on standard input (or --skip-key)
  - with --receipts: a receipt secret of ${MIN_SECRET_LENGTH}+ random characters (openssl rand -base64 32), at a hidden
    prompt or the next line on standard input (or --skip-secret); and Sites enabled with a registered Sites domain
    (Setup → Sites). With enhanced domains the Site URL is https://<MyDomainName>.my.salesforce-sites.com/whatsappotp
  - with --inbound: the receipt Site (--receipts now or earlier), --subaccount, your 8x8 account ID (--account-id)`;

const HELP = `Usage: npm run org:setup -- --target-org <alias> [options]

Installs the WhatsApp OTP package into an org with the project's sf CLI, in this order:
${STEPS.map(([id, what, flag], i) => `  ${String(i + 1).padStart(2)}. ${id.padEnd(9)} ${what}${flag ? ` [${flag}]` : ''}`).join('\n')}
With --validate-only only connection, probe and validate run.

${PREREQUISITES}

Options (this list is also what the parser accepts):
  --target-org <alias>   the org (an alias or username sf knows)
  --receipts             also deploy the receipt endpoint: a public Site, its guest permission set and an Apex REST
                         resource (steps receipts, site, secret); without it there are no delivery receipts
  --samples              also deploy the sample flows and quick action (sandboxes and Developer Edition only)
  --validate-only        production: deploy the connection if the org has none, probe, then validate core (and
                         receipts) with their tests without deploying; prints the quick-deploy command
  --region <region>      8x8 region: apac (default), us, eu or id
  --subaccount <id>      8x8 subaccount ID for the settings record
  --template <name>      the approved WhatsApp authentication template's name
  --language <code>      the template's language code (the record's default is en_US)
  --countries <list>     Allowed Country Codes: calling codes or E.164 prefixes, e.g. 65,60,1415 (blank refuses
                         every send in production; codes such as 1 and 7 are shared by several countries)
  --integration-user <username>  Integration Username: the automation user whose Flow sends use the Flow cap
  --assign <username>    also assign the permission sets to this user (repeatable)
  --inbound              reply verification: store the inbound secret's hash, point the subaccount's inbound (MSG)
                         webhook in 8x8 at the Site (never the CADR one), and turn Reply Verification Enabled on
  --account-id <id>      with --inbound: your 8x8 account ID, for 8x8's Webhook Configuration API
  --force                with --inbound: replace an inbound webhook of the subaccount that points elsewhere
  --no-8x8-config        with --inbound: print the 8x8 Connect steps instead of calling 8x8
  --skip-key             do not ask for the API key; enter it in Setup later (no sends until then)
  --skip-secret          with --receipts: do not ask for the receipt secret; enter it in Setup later
  --skip-tests           do not run step tests (the scratch-org workflow runs them itself)
  --from <step>          start at this step (a failed step prints the command to resume)
  --dry-run              print the plan and change nothing (reads the org's kind when sf can)
  --help                 this text

The API key, the receipt secret and the inbound secret (blank: a new one is generated, except with --no-8x8-config)
are read from hidden prompts, or from standard input when it is not a terminal, one a line (e.g. { pass show
8x8-key; pass show otp-receipts; } | npm run org:setup -- --target-org my-org --receipts). None is ever taken from
the command line, printed or written to a file. Without a terminal, a missing input stops the run before step 1
unless its --skip-... flag is given.
`;

/** The options of HELP as [flag, key, takes a value]: the help text is the parser's table. */
export const OPTIONS = [...HELP.matchAll(/^ {2}(--[a-z\d-]+)( <)?/gm)].map((m) => [m[1], camel(m[1]), !!m[2]]);
const fail = (message, fix) => {
    throw new StepError(message, fix);
};

/** Parses argv; throws a StepError on a mistake. */
export function parseArgs(argv) {
    const o = { assign: [], region: 'apac' };
    for (let i = 0; i < argv.length; i++) {
        const [flag, key, valued] = OPTIONS.find(([f]) => f === argv[i]) ?? [];
        if (/^--(key|api-key|apikey|secret|receipt-secret|inbound-secret)(=|$)/i.test(argv[i])) {
            fail('the API key and the secrets are never taken from the command line', 'use the prompts or stdin');
        } else if (!flag || (valued && !/^[^-]/.test(argv[i + 1] ?? '-'))) {
            fail(flag ? `${flag} needs a value` : `unknown argument ${argv[i]}`, 'see npm run org:setup -- --help');
        }
        o[key] = !valued || (key === 'assign' ? [...o.assign, argv[++i]] : argv[++i]);
    }
    // Calling codes or longer E.164 prefixes (digits, 1 to 6), comma-separated, as the setting takes them.
    o.countries &&= o.countries.replace(/\s*(^|,)\s*\+?\s*/g, '$1').trim();
    const ids = stepsFor(o).map(([id]) => id);
    const problems = [
        [
            o.countries !== undefined && !/^\d{1,6}(,\d{1,6})*$/.test(o.countries),
            `--countries ${o.countries} is not a comma list of calling codes`,
            'e.g. --countries 65,60,1415'
        ],
        [
            !metadata.REGIONS[o.region],
            `--region ${o.region} is not one of ${Object.keys(metadata.REGIONS).join(', ')}`,
            'pick your 8x8 account region'
        ],
        [o.validateOnly && o.samples, '--validate-only is for production, and the samples are not', 'drop --samples'],
        [o.inbound && !o.subaccount, '--inbound needs --subaccount', 'the webhook is per subaccount: add --subaccount'],
        [
            o.inbound && !o.no8x8Config && !/^[\da-f]{8}-?([\da-f]{4}-?){3}[\da-f]{12}$/i.test(o.accountId ?? ''),
            '--inbound needs --account-id <your 8x8 account ID> (32 hex digits, dashes allowed) to call 8x8',
            'add it, or --no-8x8-config to set the webhook in 8x8 Connect by hand'
        ],
        [o.inbound && o.skipKey && !o.no8x8Config, '--inbound calls 8x8 with the API key', 'drop --skip-key'],
        [o.from && !ids.includes(o.from), `--from ${o.from} is not a step of this run`, `use one of ${ids.join(', ')}`],
        [!o.help && !o.dryRun && !o.targetOrg, '--target-org is required', FIX.login]
    ];
    problems.filter(([when]) => when).forEach(([, message, fix]) => fail(message, fix));
    return o;
}

/** The command that reruns these options, from `step` when given. */
function rerunCommand(options, step) {
    const parts = ['npm run org:setup --'];
    for (const [flag, key, valued] of OPTIONS.filter(([, k]) => !['from', 'dryRun', 'help'].includes(k))) {
        const given = [].concat(options[key] ?? []).filter((v) => v && !(key === 'region' && v === 'apac'));
        given.forEach((v) => parts.push(flag, ...(valued ? [/\s/.test(v) ? JSON.stringify(v) : v] : [])));
    }
    return [...parts, ...(step ? ['--from', step] : [])].join(' ');
}

const words = (text) => text.split(' ');
/** `flag` before each of `values`: repeat('--name', ['A', 'B']) is --name A --name B. */
const repeat = (flag, values) => values.flatMap((v) => [flag, v]);
/** The sf commands (`org` is ['--target-org', alias]), built in one place for the run and for --dry-run. */
const command = {
    deploy: (dirs, org, tests = [], verb = 'start') =>
        words(`project deploy ${verb}`).concat(repeat('--source-dir', dirs), tests, org, ['--wait', '60']),
    deployPackage: (dir, org) => [...words('project deploy start --metadata-dir'), dir, ...org, '--wait', '30'],
    assign: (org, sets, users = []) =>
        words('org assign permset').concat(repeat('--name', sets), repeat('--on-behalf-of', users), org),
    query: (soql, org) => ['data', 'query', '--query', soql, ...org]
};
const shown = (args) => `sf ${args.map((a) => (/[\s']/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
/** The values after each `flag` in args. */
const after = (args, flag) => args.filter((_, i) => args[i - 1] === flag);
const dirsOf = (parts) => parts.map((p) => DIRS[p]);
// parseArgs refuses --samples with --validate-only.
const partsFor = (o) => ['core', 'receipts', 'samples'].filter((part) => part === 'core' || o[part]);
/** The 0-based place of step `id` in `steps`, -1 when it is not one of them. */
const placeOf = (steps, id) => steps.findIndex(([s]) => s === id);
const fromStep = (steps, from) => steps.slice(Math.max(0, placeOf(steps, from)));
const permissionSetsFor = (o) => [...PERMISSION_SETS, ...(o.samples ? SAMPLE_PERMISSION_SETS : [])];

/**
 * How a deploy of `parts` runs tests in an org of `kind`. Production (or an unknown kind): RunSpecifiedTests naming
 * the parts' test classes, read from the source, so no other code of the org runs and each deployed class must
 * reach 75 % with them. Any other kind: the Metadata API default, NoTestRun in development environments, and step
 * tests runs them ("Running Tests in a Deployment":
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deploy_running_tests.htm).
 */
function testLevel(root, kind, parts) {
    const specified = repeat('--tests', apexClasses(root, dirsOf(parts)).tests);
    return kind === 'production' || kind === undefined ? ['--test-level', 'RunSpecifiedTests', ...specified] : [];
}

/** The sf commands of the deploying and assigning steps, built once for the run and for --dry-run (state of RUN). */
const deployOf =
    (part) =>
    ({ kind, org }, root) => [command.deploy([DIRS[part]], org, testLevel(root, kind, [part]))];
const PLANNED = {
    connection: ({ org }) => [command.deploy([DIRS.connection], org)],
    core: deployOf('core'),
    receipts: deployOf('receipts'),
    samples: deployOf('samples'),
    validate: ({ options: o, org }, root) => [
        command.deploy(dirsOf(partsFor(o)), org, testLevel(root, 'production', partsFor(o)), 'validate')
    ],
    permsets: ({ options, org }) =>
        [[], ...(options.assign.length ? [options.assign] : [])].map((users) =>
            command.assign(org, permissionSetsFor(options), users)
        ),
    // Text, not sf commands: what step inbound would read and write, the secret masked.
    inbound: ({ options: o }) => {
        const hook = inbound.webhook(o.callbackBaseUrl ?? '<Site URL>', o.subaccount, '***');
        const url = inbound.webhooksUrl(o.region, o.accountId);
        const before = `before: GET ${url}: a MSG webhook of ${o.subaccount} or * that points elsewhere`;
        const after = [`${before} ${o.force ? 'is replaced (--force)' : 'stops the run'}`, `after: POST ${url}`];
        const hash = `REST: ${RECEIPT_SETTING}.Inbound_Secret_Hash__c = the SHA-256 of the inbound secret (***)`;
        return [hash, ...(o.no8x8Config ? [inbound.portalSteps(hook)] : [...after, JSON.stringify([hook])])];
    }
};

/** After a dry run's steps: the settings values it would write, and a warning for each one a send needs. */
function dryRunNotes(options, ctx) {
    const shownValues = settingValues(options).filter(([, value, flag], i) => i < 5 || (flag === '--inbound' && value));
    for (const [field, value, flag] of options.validateOnly ? [] : shownValues) {
        ctx.say(
            `    ${SETTINGS_MEMBER} ${field}: ${value ?? `(not given: a new record gets the shipped value; ${flag})`}`
        );
    }
    const warnings = {
        subaccount: 'every send fails until the settings record has the 8x8 subaccount id',
        template: 'every send fails until the settings record names an approved AUTHENTICATION template',
        countries: 'a blank Allowed Country Codes refuses every send in production (COUNTRIES_REQUIRED)'
    };
    Object.entries(options.validateOnly ? {} : warnings)
        .filter(([key]) => !options[key])
        .forEach(([key, what]) => ctx.say(`WARNING: no --${key}: ${what} (unless the org's record already has it)`));
}

/** The settings record's fields org:setup writes, as [field, value given, flag]. */
const settingValues = (options) => [
    ['Subaccount_Id__c', options.subaccount, '--subaccount'],
    ['Template_Name__c', options.template, '--template'],
    ['Template_Language__c', options.language, '--language'],
    ['Allowed_Country_Codes__c', options.countries, '--countries'],
    ['Integration_Username__c', options.integrationUser, '--integration-user'],
    ['Receipt_Callback_Base_Url__c', options.callbackBaseUrl, '--receipts'],
    ['Reply_Verification_Enabled__c', options.inbound || undefined, '--inbound']
];

/** Reads the inputs the steps to run need (prompts or standard input); throws listing every missing one. */
async function readInputs(options, todo, io) {
    const runs = (id) => todo.some(([s]) => s === id) && !options[camel(`--skip-${id}`)];
    // Blank, the inbound secret is generated; with --no-8x8-config the admin types it into 8x8 Connect: it is given.
    const generated = !options.no8x8Config;
    const inputs = [
        ['key', 'the 8x8 API key', '8x8 API key', 1],
        ['secret', 'the receipt secret', `receipt secret (${MIN_SECRET_LENGTH}+ random characters)`, MIN_SECRET_LENGTH],
        ['inbound', 'the inbound secret', `inbound secret (32+ base64url characters${generated ? '; blank: new' : ''})`]
    ].filter(([id]) => runs(id) || (id === 'key' && runs('inbound') && generated));
    const prompts = inputs.map((i) => i[2]);
    const values = inputs.length ? await readSecrets(prompts, io.stdin, io.stderr) : [];
    const where = io.stdin.isTTY ? 'type it at the prompt' : 'pipe it on standard input, one a line, key first';
    const format = (v) => !inbound.INBOUND_SECRET.test(v) && 'not 32 to 128 base64url characters';
    const size = (v, min) => (!v ? 'not given' : v.length < min && `shorter than ${min} characters`);
    const why = (v, min) => (min ? size(v, min) : (v || !generated) && format(v));
    const instead = (id) => (id === 'inbound' ? 'drop --no-8x8-config' : `pass --skip-${id}`);
    const missing = inputs
        .map(([id, label, , min], i) => [label, instead(id), why(values[i], min)])
        .filter((m) => m[2]);
    if (missing.length) {
        const lines = missing.map(([label, hint, problem]) => `    ${label}: ${problem} (${where}; or ${hint})`);
        fail(
            `nothing ran; missing input:\n${lines.join('\n')}`,
            `give them or ${missing.map((m) => m[1]).join(', ')}, and rerun: ${rerunCommand(options)}`
        );
    }
    return Object.fromEntries(inputs.map(([id], i) => [id, values[i]]));
}

/**
 * Before any secret is asked and any step runs: sf is there and logged in, and the org's kind (its Organization
 * row, by the shared rule). Without --receipts, an org that has the receipt Site is warned and shown its removal.
 * A dry run only reads the kind, when sf can, and lists the prerequisites.
 */
function preflight(options, ctx, org) {
    if (options.dryRun) {
        let kind;
        try {
            const row = options.targetOrg && ctx.sf(command.query(ORGANIZATION_QUERY, org)).result?.records?.[0];
            kind = row && orgKind(row);
        } catch {
            kind = undefined; // no sf yet: the plan shows the production test level
        }
        ctx.say(`org:setup --dry-run: nothing is changed. The plan for ${org[1]}:\n${PREREQUISITES}`);
        ctx.say(kind ? `The org is ${kind}.` : "The org's kind is unknown: deploys show the production test level.");
        return { kind };
    }
    const display = ctx.sf(['org', 'display', ...org]);
    if (!display.ok || !display.result?.accessToken) {
        fail(`sf is not logged in to ${options.targetOrg}: ${display.json.message ?? 'no access token'}`, FIX.login);
    }
    const query = (soql) => ctx.must(command.query(soql, org), 'the org could not be read', FIX.login).result.records;
    const [row] = query(ORGANIZATION_QUERY);
    const kind = orgKind(row);
    ctx.say(`org ${options.targetOrg}: ${kind} (${row.OrganizationType})`);
    if (kind === 'production' && options.samples) {
        fail('the samples are for sandboxes and Developer Edition orgs, not production', 'drop --samples');
    }
    if (!options.receipts && !options.inbound && query(`SELECT Id FROM Site WHERE Name = '${SITE}'`).length) {
        ctx.say(
            `WARNING: the org has the receipt Site ${SITE} from an earlier run with --receipts; it stays. To remove the public endpoint, unassign ${GUEST_PERMISSION_SET} from its guest user, then run:`
        );
        ctx.say(`    npx ${shown(command.deployPackage(REMOVE_RECEIPTS, org))}`);
    }
    return { kind, session: display.result };
}

/**
 * Assigns permission sets. A set already assigned comes back as a failure whose message says "Duplicate
 * PermissionSetAssignment" (the API's DUPLICATE_VALUE; salesforcecli/plugin-user's PermsetAssignResult carries it
 * in failures[].message), so a rerun treats it as done.
 */
function assign(ctx, args, who, fix) {
    const r = ctx.sf(args);
    const failures = (r.result?.failures ?? []).filter((f) => !/duplicate/i.test(f.message ?? ''));
    if ((!r.ok && !r.result) || failures.length) {
        const problems = failures.length ? failures.map((f) => `${f.name}: ${f.message}`) : [r.json.message];
        fail(`the permission sets could not be assigned to ${who}:\n    ${problems.join('\n    ')}`, fix);
    }
    ctx.say(`    assigned ${after(args, '--name').join(', ')} to ${who}`);
}

/** The receipt Site's row and its https URL (undefined when it has none yet), and the reader of both. */
function receiptSite(ctx, org, fix) {
    const read = (soql) => ctx.must(command.query(soql, org), 'the Site could not be read', fix).result.records[0];
    const site = read(SITE_QUERY) ?? fail(`the org has no Site ${SITE}`, fix);
    const detail = read(`SELECT SecureUrl FROM SiteDetail WHERE DurableId = '${site.Id}'`);
    return { site, url: detail?.SecureUrl?.replace(/\/$/, ''), read };
}

function deployPart(ctx, state, part) {
    const [args] = PLANNED[part](state, ctx.root);
    const r = ctx.must(args, `${DIRS[part]} did not deploy`, FIX[part]);
    const ran = after(args, '--tests');
    const count = r.result?.numberComponentsDeployed;
    ctx.say(`    deployed ${count} component(s)${ran.length ? `; RunSpecifiedTests ran ${ran.join(', ')}` : ''}`);
}

/** The steps, each (ctx, state); state = { options, org, kind, session, temp, apiVersion, values }. */
const RUN = {
    /**
     * With --validate-only, an org that has the registration keeps its connection (deploying it again would reset
     * the region URL step settings wrote). The registration's operation names are inferred; if the org refuses
     * them, FIX.connection drops them, as Salesforce's own generator writes a registration without <operations>
     * (forcedotcom/salesforcedx-vscode, apexActionController.ts), so the org names them itself.
     */
    connection(ctx, state) {
        const list = [...words('org list metadata --metadata-type ExternalServiceRegistration'), ...state.org];
        const listed = state.options.validateOnly ? ctx.must(list, 'listing failed', FIX.login).result : [];
        if ([].concat(listed ?? []).some((m) => m.fullName === 'CPaasMessagingApps')) {
            return ctx.say('    the org has the connection (CPaasMessagingApps): not deployed again');
        }
        ctx.must(PLANNED.connection(state)[0], 'the connection did not deploy', FIX.connection);
        ctx.say(`    deployed ${DIRS.connection} (no Apex in it, so no tests ran)`);
    },

    /**
     * Runs the generated probe. A compile error names the first unknown name's line, which belongs to one name; its
     * other candidates are tried, each in its own `sf apex run`, to tell the admin what the org calls it.
     */
    probe(ctx, { org, temp }) {
        const { entities, usage } = probePlan(ctx.root);
        const names = new Map();
        const findings = [];
        const file = path.join(temp, 'probe.apex');
        const attempt = () => {
            const { apex, owner } = renderProbe(entities, names);
            fs.writeFileSync(file, apex);
            const r =
                ctx.sf(['apex', 'run', '--file', file, ...org]).result ?? fail('the probe did not run', FIX.login);
            return r.compiled
                ? undefined
                : { index: owner.get(r.line), problem: `line ${r.line}: ${r.compileProblem}` };
        };
        for (let failure = attempt(); failure; failure = attempt()) {
            const entity =
                entities[failure.index] ?? fail(`the probe failed outside any name (${failure.problem})`, FIX.probe);
            const where = `${GATEWAY} line ${lineOf(usage, entity.ours)}`;
            const found = entity.candidates.find(
                (name) => name !== entity.ours && names.set(failure.index, name) && attempt()?.index !== failure.index
            );
            if (!found) {
                findings.push(
                    `the org has no \`${entity.ours}\` and no candidate matched (${failure.problem}); Setup → External Services → CPaasMessagingApps shows its name; change it in ${where}`
                );
                break;
            }
            // The same spec name means the same generated name wherever it occurs.
            entities.forEach((e, i) => e.kind === entity.kind && e.specName === entity.specName && names.set(i, found));
            findings.push(`the org calls \`${found}\` what we call \`${entity.ours}\`; change it in ${where}`);
        }
        const found = findings.join('\n    ');
        if (found) {
            fail(`the name probe found names the org generated differently:\n    ${found}`, FIX.probe);
        }
        ctx.say(`    the org knows every generated name the gateway uses (${entities.length} names)`);
    },

    core: (ctx, state) => deployPart(ctx, state, 'core'),
    receipts: (ctx, state) => deployPart(ctx, state, 'receipts'),
    samples: (ctx, state) => deployPart(ctx, state, 'samples'),

    /**
     * core (and receipts) validated with RunSpecifiedTests naming their test classes, so a quick deploy can follow
     * within 10 days without running them again ("deployRecentValidation()",
     * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deployRecentValidation.htm).
     */
    validate(ctx, state) {
        const { options, org } = state;
        const [args] = PLANNED.validate(state, ctx.root);
        const r = ctx.must(args, 'the validation failed', FIX.validate);
        const dirs = dirsOf(partsFor(options)).join(' and ');
        ctx.say(`    validated ${dirs} with RunSpecifiedTests: ${after(args, '--tests').join(', ')}`);
        const quick = [...words('project deploy quick --job-id'), r.result.id, ...org, '--wait', '60'];
        ctx.say(`    deploy what was validated (within 10 days): npx ${shown(quick)}`);
        ctx.say(`    then: ${rerunCommand({ ...options, validateOnly: false }, 'permsets')}`);
    },

    permsets(ctx, state) {
        const fix = 'check the usernames and that the deploy steps succeeded, then rerun';
        for (const args of PLANNED.permsets(state)) {
            assign(ctx, args, after(args, '--on-behalf-of').join(', ') || 'you', fix);
        }
    },

    /** The Site deploys with step receipts; its guest user exists once it does. Finds and keeps its https URL. */
    site(ctx, { options, org }) {
        const { site, url, read } = receiptSite(ctx, org, FIX.receipts);
        const guest = read(`SELECT Username FROM User WHERE Id = '${site.GuestUserId}'`)?.Username;
        // Unconfirmed in an org: that sf org assign permset takes a Site guest user for --on-behalf-of; if not, the
        // failure prints the manual path.
        assign(ctx, command.assign(org, [GUEST_PERMISSION_SET], [guest]), `the guest user ${guest}`, FIX.guest);
        if (site.Status !== 'Active') {
            ctx.say(`    the Site is ${site.Status}: activate it in Setup → Sites, or 8x8's receipts get 404`);
        }
        if (!url) {
            return ctx.say(
                "    the Site has no https URL yet: set Receipt Callback Base URL in the settings to the Site's URL"
            );
        }
        options.callbackBaseUrl = url;
        ctx.say(`    callback base URL (setting Receipt Callback Base URL): ${url}; each message's dlrCallbackUrl is`);
        ctx.say(
            `    ${url}/services/apexrest/whatsapp-otp/receipts/<token>, so paste nothing in 8x8 Connect (a webhook gets 401)`
        );
    },

    async key(ctx, { options, session, apiVersion, values }) {
        if (options.skipKey) {
            return ctx.say(
                '    skipped (--skip-key): enter the key in Setup (docs/admin-guide.md, "Enter the API key by hand")'
            );
        }
        const done = await storeKey({ ...session, apiVersion, fetch: ctx.fetch }, values.key);
        ctx.say(`    the key is stored (${done}) on X8x8_CPaaS_Authentication / X8x8_API_Key_Principal, encrypted`);
    },

    async secret(ctx, { options, session, apiVersion, values }) {
        if (options.skipSecret) {
            return ctx.say(
                `    skipped (--skip-secret): store it in Setup → Custom Settings → ${RECEIPT_SETTING} → Manage`
            );
        }
        const done = await storeReceiptSecret({ ...session, apiVersion, fetch: ctx.fetch }, session.id, values.secret);
        ctx.say(`    the receipt secret is stored (${done}) as the org default of ${RECEIPT_SETTING}`);
    },

    /**
     * Reply verification. 8x8 is read before the org changes, so a refusal leaves both as they were; step settings
     * turns Reply Verification Enabled on after this, once the webhook points at the org, as that setting asks.
     */
    async inbound(ctx, { options: o, org, session, apiVersion, values }) {
        const site = o.callbackBaseUrl ?? receiptSite(ctx, org, FIX.inbound).url ?? fail('no Site URL', FIX.inbound);
        const secret = values.inbound || inbound.newInboundSecret();
        const hook = inbound.webhook(site, o.subaccount, secret);
        const api = { ...o, fetch: ctx.fetch, key: values.key, url: inbound.webhooksUrl(o.region, o.accountId) };
        const save = o.no8x8Config ? undefined : await inbound.checkWebhooks(api, hook, secret);
        const hash = inbound.hashOf(secret);
        const field = 'Inbound_Secret_Hash__c';
        const done = await storeReceiptSecret({ ...session, apiVersion, fetch: ctx.fetch }, session.id, hash, field);
        ctx.say(`    the inbound secret's SHA-256 is stored (${done}) in ${RECEIPT_SETTING}.${field}`);
        const shown = inbound.webhook(site, o.subaccount, save ? '***' : '<the inbound secret you entered>');
        ctx.say(`    ${save ? `8x8 MSG webhook ${await save()}: ${shown.url}` : inbound.portalSteps(shown)}`);
    },

    /** The region's URL on the Named Credential, and the settings record: the shipped one, or the org's with the given values. */
    settings(ctx, { options, org, temp, apiVersion }) {
        const members = [];
        if (options.region !== 'apac') {
            const shipped = fs.readFileSync(path.join(ctx.root, metadata.NAMED_CREDENTIAL), 'utf8');
            const xml = metadata.withUrl(shipped, metadata.REGIONS[options.region]);
            members.push(['NamedCredential', 'namedCredentials', 'X8x8_Messaging_API', 'namedCredential', xml]);
        }
        const { records } = ctx.must(command.query(SETTINGS_QUERY, org), 'no settings', FIX.deployed).result;
        const exists = records.length > 0;
        const given = settingValues(options).filter(([, value]) => value !== undefined);
        let record = exists ? undefined : fs.readFileSync(path.join(ctx.root, metadata.SETTINGS_RECORD), 'utf8');
        if (exists && given.length) {
            const out = path.join(temp, 'settings');
            const retrieve = [...words('project retrieve start --output-dir'), out, ...org];
            ctx.must([...retrieve, '--metadata', `CustomMetadata:${SETTINGS_MEMBER}`], 'no retrieve', FIX.deployed);
            const file = fs.readdirSync(out, { recursive: true }).find((f) => String(f).endsWith('.md-meta.xml'));
            record = fs.readFileSync(path.join(out, String(file)), 'utf8');
        }
        if (record !== undefined) {
            given.forEach(([field, value]) => (record = metadata.withFieldValue(record, field, value)));
            members.push(['CustomMetadata', 'customMetadata', SETTINGS_MEMBER, 'md', record]);
        }
        if (members.length) {
            const dir = metadata.writePackage(path.join(temp, 'package'), members, apiVersion);
            ctx.must(command.deployPackage(dir, org), 'the per-org values did not deploy', FIX.settings);
        }
        const how = exists ? (given.length ? 'updated (only the values given)' : "kept the org's values") : '';
        const url = `${metadata.REGIONS[options.region]} (${options.region})`;
        ctx.say(
            `    Named Credential URL: ${url}; settings record Default: ${how || `created from ${metadata.SETTINGS_RECORD}`}`
        );
    },

    tests(ctx, { options, org }) {
        if (options.skipTests) {
            return ctx.say('    skipped (--skip-tests)');
        }
        const { summary, tests, covered, problems } = runTests(ctx.root, dirsOf(partsFor(options)), org, ctx.sf);
        const lowest = [...covered].sort((a, b) => a.percent - b.percent).slice(0, 3);
        ctx.say(
            `    Apex tests (${tests.length} classes): ${summary?.passing} passed, ${summary?.failing} failed; lowest class coverage: ${lowest.map((c) => `${c.name} ${c.percent} %`).join(', ')}`
        );
        const rule = `every test passes, every class ${MIN_CLASS_COVERAGE} %+`;
        if (problems.length) {
            fail(
                `the Apex tests did not pass (${rule}):\n    ${problems.join('\n    ')}`,
                'fix them and deploy, then rerun from tests'
            );
        }
    }
};

/**
 * Reads the inputs, checks the org, then runs the steps from --from on; a StepError carries its step. With --dry-run
 * the same loop prints each step and its sf commands instead, and asks for nothing.
 */
async function run(options, ctx, io) {
    const { sourceApiVersion } = JSON.parse(fs.readFileSync(path.join(ctx.root, 'sfdx-project.json'), 'utf8'));
    const { dryRun } = options;
    const org = ['--target-org', options.targetOrg ?? '<target-org>'];
    const steps = stepsFor(options);
    const todo = fromStep(steps, options.from);
    // Without a terminal nothing is asked: standard input is read first, and a missing input stops the run before
    // any sf call. On a terminal, sf and the login are checked before any secret is asked.
    let values = dryRun ? {} : io.stdin.isTTY ? undefined : await readInputs(options, todo, io);
    const { kind, session } = preflight(options, ctx, org);
    values ??= await readInputs(options, todo, io);
    fs.mkdirSync(path.join(ctx.root, '.tmp'), { recursive: true });
    const temp = dryRun ? undefined : fs.mkdtempSync(path.join(ctx.root, '.tmp', 'org-setup-'));
    const state = { options, org, kind, session, temp, apiVersion: sourceApiVersion, values };
    try {
        for (const [id, what] of todo) {
            const skipped = dryRun && options[camel(`--skip-${id}`)] ? ` (skipped: --skip-${id})` : '';
            ctx.say(`[${placeOf(steps, id) + 1}/${steps.length}] ${id}: ${what}${skipped}`);
            if (dryRun) {
                (PLANNED[id]?.(state, ctx.root) ?? []).forEach((a) => ctx.say(`    ${a.join ? shown(a) : a}`));
                continue;
            }
            await Promise.resolve()
                .then(() => RUN[id](ctx, state))
                .catch((error) => Promise.reject(Object.assign(error, { step: id })));
        }
    } finally {
        if (temp) {
            fs.rmSync(temp, { recursive: true, force: true });
        }
    }
    const skipped = ['key', 'secret', 'tests'].filter(
        (id) => options[camel(`--skip-${id}`)] && todo.some(([s]) => s === id)
    );
    if (dryRun) {
        dryRunNotes(options, ctx);
    } else {
        ctx.say(
            options.validateOnly
                ? 'org:setup: validated; only the connection may have been deployed. Quick deploy, then continue as shown above.'
                : `org:setup: done${skipped.length ? `; skipped: ${skipped.map((id) => `--skip-${id}`).join(', ')}` : ''}`
        );
    }
}

/**
 * Runs org:setup with `argv` and returns its exit code. `io` ({ cwd, stdin, stdout, stderr, env, spawn, fetch },
 * each optional) defaults to this process's; spawn is how sf starts (spawnSync's signature), fetch how the key and
 * the secret are stored. The tests run it in-process with their own.
 */
export async function main(argv, io = {}) {
    io = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, ...io };
    const say = (text) => void io.stdout.write(`${text}\n`);
    const ctx = { root: io.cwd, say, fetch: io.fetch, sf: (args) => sf(args, io.cwd, io) };
    ctx.must = (args, what, fix) => mustSf(ctx.sf, args, what, fix);
    let options;
    try {
        options = parseArgs(argv);
        if (!fs.existsSync(path.join(io.cwd, 'sfdx-project.json'))) {
            fail('run it from the project root', 'cd to where sfdx-project.json is');
        }
        if (options.help) {
            return say(HELP) ?? 0;
        }
        await run(options, ctx, io);
        return 0;
    } catch (error) {
        if (!(error instanceof StepError)) {
            throw error;
        }
        const steps = options ? stepsFor(options) : [];
        const n = placeOf(steps, error.step) + 1;
        const where = n ? `step ${n} of ${steps.length} (${error.step}) failed: ` : '';
        const resume = n ? `\n  then resume: ${rerunCommand(options, error.step)}` : '';
        io.stderr.write(`\norg:setup: ${where}${error.message}\n  fix: ${error.fix}${resume}\n`);
        return options ? 1 : 2;
    }
}

// Run as the CLI (node scripts/org-setup.mjs); imported, it only exports main. Both sides resolved, as the ESM
// loader resolves symlinks in import.meta.url.
const entry = process.argv[1] && fs.realpathSync(path.resolve(process.argv[1]));
if (entry === fileURLToPath(import.meta.url)) {
    process.exitCode = await main(process.argv.slice(2));
}
