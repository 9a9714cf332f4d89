#!/usr/bin/env node
// `npm run org:setup -- --target-org <alias>`: installs the package into an org in the safe order with the
// project's own sf CLI (npm ci installs it; npm run puts node_modules/.bin first on PATH). Mostly a sequence of
// sf commands; Node keeps the name probe, the hidden prompts, the org-kind rule and the resumable step runner.
// A failed step names itself and its fix, and prints the command that resumes from it. See docs/admin-guide.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseArgv } from 'node:util';
import { apexClasses, MIN_CLASS_COVERAGE } from './org-setup/apex-tests.mjs';
import { probeNames } from './org-setup/probe.mjs';
import * as secrets from './org-setup/secret.mjs';
import { mustSf, sf, StepError } from './org-setup/sf.mjs';

const DIRS = Object.fromEntries(['connection', 'core', 'receipts', 'samples'].map((p) => [p, `force-app/${p}`]));
const PERMISSION_SETS = ['CPaaS_API_Access', 'WhatsApp_OTP_Agent'];
// The sample flows run only for holders of their permission set (isAdditionalPermissionRequiredToRun), and they
// send through the Flow action, which needs WhatsApp OTP Flow Sender.
const SAMPLE_PERMISSION_SETS = ['WhatsApp_OTP_Flow_Sender', 'WhatsApp_OTP_Sample_Flows'];
const GUEST_PERMISSION_SET = 'WhatsApp_OTP_Receipt_Guest';
const SITE = 'WhatsApp_OTP_Receipts';
const SETTINGS_MEMBER = 'WhatsApp_OTP_Setting.Default';
const NAMED_CREDENTIAL = 'force-app/connection/namedCredentials/X8x8_Messaging_API.namedCredential-meta.xml';
/** Shipped outside force-app, so a plain `sf project deploy start` never resets the org's values. */
const SETTINGS_RECORD = 'config/per-org/customMetadata/WhatsApp_OTP_Setting.Default.md-meta.xml';
/** The four 8x8 regions, as the spec's `servers` list them. */
const REGIONS = {
    apac: 'https://chatapps.8x8.com',
    us: 'https://chatapps.us.8x8.com',
    eu: 'https://chatapps.8x8.uk',
    id: 'https://chatapps.8x8.id'
};
/** What the admin does when a step fails, in one place. */
const FIX = {
    login: 'log in: npx sf org login web --alias <alias>, then rerun',
    deployed: 'check that the deploy steps succeeded, then rerun',
    rerun: 'fix the problems above, then rerun',
    connection:
        "fix the problems above; if the org refuses the registration's operation names, delete its <operations> elements (Salesforce's own generator writes none), then rerun",
    core: 'fix the problems above; a compile error about an ExternalService name in the gateway means the probe missed it: rerun from probe',
    receipts:
        'fix the problems above; a Site needs Sites enabled with a registered Sites domain (Setup → Sites); or run without --receipts',
    probe: 'make those changes (the gateway is the only file that uses them), run npm run check:apex-semantic, then rerun',
    guest: `assign it by hand: Setup → Sites → WhatsApp OTP Receipts → Public Access Settings → View Users → the guest user → Permission Set Assignments → add ${GUEST_PERMISSION_SET}; then rerun with --from key`,
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
    ['secret', `store the receipt secret in the custom setting ${secrets.RECEIPT_SETTING} (REST)`, '--receipts'],
    ['inbound', "store the inbound secret's hash, set the subaccount's inbound (MSG) webhook in 8x8", '--inbound'],
    ['settings', "set the Named Credential's region URL and the settings record (created only when the org has none)"],
    ['tests', `run the deployed parts' Apex tests with coverage; each class must reach ${MIN_CLASS_COVERAGE} %`]
];
const camel = (flag) => flag.slice(2).replace(/-(\w)/g, (_, c) => c.toUpperCase());
const VALIDATE_ONLY = ['connection', 'probe', 'validate'];
function stepsFor(o) {
    const runs = ([id, , flag]) => (!flag || o[camel(flag)]) && (!o.validateOnly || VALIDATE_ONLY.includes(id));
    return STEPS.filter(runs).map(([id]) => id);
}

// What to have first (sf logged in, the template, the subaccount, the key, the receipt secret, Sites) is written
// once, in the admin guide.
const PREREQUISITES = 'Before you start: docs/admin-guide.md, "Before you start".';

const HELP = `Usage: npm run org:setup -- --target-org <alias> [options]

Installs the WhatsApp OTP package into an org with the project's sf CLI, in this order:
${STEPS.map(([id, what, flag], i) => `  ${String(i + 1).padStart(2)}. ${id.padEnd(9)} ${what}${flag ? ` [${flag}]` : ''}`).join('\n')}

${PREREQUISITES}

Options (this list is also what the parser accepts):
  --target-org <alias>   the org (an alias or username sf knows)
  --receipts             also deploy the receipt endpoint, a public Site (steps receipts, site, secret)
  --samples              also deploy the sample flows and quick action (sandboxes and Developer Edition only)
  --validate-only        production: connection (if absent), probe, then validate core (and receipts) with their tests
  --region <region>      8x8 region: apac (default), us, eu or id
  --subaccount <id>      8x8 subaccount ID for the settings record
  --template <name>      the approved WhatsApp authentication template's name
  --language <code>      the template's language code (the record's default is en_US)
  --countries <list>     Allowed Country Codes: calling codes or E.164 prefixes, e.g. 65,60,1415
  --integration-user <username>  Integration Username: the automation user whose Flow sends use the Flow cap
  --assign <username>    also assign the permission sets to this user (repeatable)
  --inbound              reply verification: point the subaccount's inbound (MSG) webhook in 8x8 at the receipt Site
  --account-id <id>      with --inbound: your 8x8 account ID, for 8x8's Webhook Configuration API
  --force                with --inbound: replace an inbound webhook of the subaccount that points elsewhere
  --no-8x8-config        with --inbound: print the 8x8 Connect steps instead of calling 8x8
  --skip-key             do not ask for the API key; enter it in Setup later (no sends until then)
  --skip-secret          with --receipts: do not ask for the receipt secret; enter it in Setup later
  --skip-tests           do not run step tests
  --from <step>          start at this step (a failed step prints the command to resume)
  --dry-run              print the plan and change nothing (reads the org's kind when sf can)
  --help                 this text

The API key, the receipt secret and the inbound secret (blank: a new one, except with --no-8x8-config) are read from
hidden prompts, or one a line from standard input when it is not a terminal; never from the command line.
`;

/** The options of HELP as [flag, key, takes a value]: the help text is the parser's table. */
export const OPTIONS = [...HELP.matchAll(/^ {2}(--[a-z\d-]+)( <)?/gm)].map((m) => [m[1], camel(m[1]), !!m[2]]);

function fail(message, fix) {
    throw new StepError(message, fix);
}

/** Parses argv with node:util's parseArgs and the options of HELP; throws a StepError on a mistake. */
function parseArgs(argv) {
    if (argv.some((a) => /^--(key|api-key|apikey|secret|receipt-secret|inbound-secret)(=|$)/i.test(a))) {
        fail('the API key and the secrets are never taken from the command line', 'use the prompts or stdin');
    }
    const types = OPTIONS.map(([flag, , valued]) => [flag.slice(2), { type: valued ? 'string' : 'boolean' }]);
    const options = Object.fromEntries(types);
    options.assign.multiple = true;
    const o = { assign: [], region: 'apac' };
    try {
        Object.entries(parseArgv({ args: argv, options }).values).forEach(([name, v]) => (o[camel(`--${name}`)] = v));
    } catch (error) {
        fail(error.message.split('\n')[0], 'see npm run org:setup -- --help');
    }
    // Calling codes or longer E.164 prefixes (digits, 1 to 6), comma-separated, as the setting takes them.
    o.countries &&= o.countries.replace(/[\s+]/g, '');
    const ids = stepsFor(o);
    const accountId = /^[\da-f]{8}-?([\da-f]{4}-?){3}[\da-f]{12}$/i;
    const problems = [
        [
            !/^\d{1,6}(,\d{1,6})*$/.test(o.countries ?? '0'),
            `--countries ${o.countries} is not a comma list of calling codes`,
            'e.g. --countries 65,60,1415'
        ],
        [!REGIONS[o.region], `--region ${o.region} is not one of ${Object.keys(REGIONS)}`, 'pick your 8x8 region'],
        [o.validateOnly && o.samples, '--validate-only is for production, and the samples are not', 'drop --samples'],
        [o.inbound && !o.subaccount, '--inbound needs --subaccount', 'the webhook is per subaccount: add --subaccount'],
        [
            o.inbound && !o.no8x8Config && !accountId.test(o.accountId ?? ''),
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
/** The values after each `flag` in args. */
const after = (args, flag) => args.filter((_, i) => args[i - 1] === flag);
const shown = (args) => `sf ${args.map((a) => (/[\s']/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
const query = (soql, org) => ['data', 'query', '--query', soql, ...org];
const deployPackage = (dir, org) => [...words('project deploy start --metadata-dir'), dir, ...org, '--wait', '30'];
const assignment = (org, sets, users = []) =>
    words('org assign permset').concat(repeat('--name', sets), repeat('--on-behalf-of', users), org);
// parseArgs refuses --samples with --validate-only.
const partsFor = (o) => ['core', 'receipts', 'samples'].filter((part) => part === 'core' || o[part]);

/**
 * The deploy (or validation) of `parts`, and how it runs tests in an org of `kind`. Production (or an unknown kind):
 * RunSpecifiedTests naming the parts' test classes, read from the source (the connection has none, so it runs none),
 * so no other code of the org runs and each deployed class must reach 75 % with them. Any other kind: the Metadata
 * API default, NoTestRun in development environments, and step tests runs them ("Running Tests in a Deployment":
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deploy_running_tests.htm).
 */
function deploy(s, parts, kind = s.kind, verb = 'start') {
    const dirs = parts.map((p) => DIRS[p]);
    const tests = ['production', undefined].includes(kind) ? apexClasses(s.root, dirs).tests : [];
    const level = tests.length ? ['--test-level', 'RunSpecifiedTests', ...repeat('--tests', tests)] : [];
    return [...words(`project deploy ${verb}`), ...repeat('--source-dir', dirs), ...level, ...s.org, '--wait', '60'];
}

/** The sf commands (or, for inbound, the text) --dry-run prints for a step; the run uses the same. */
const PLANNED = {
    ...Object.fromEntries(Object.keys(DIRS).map((part) => [part, (s) => [deploy(s, [part])]])),
    validate: (s) => [deploy(s, partsFor(s.options), 'production', 'validate')],
    permsets: ({ options: o, org }) =>
        [[], ...(o.assign.length ? [o.assign] : [])].map((users) =>
            assignment(org, [...PERMISSION_SETS, ...(o.samples ? SAMPLE_PERMISSION_SETS : [])], users)
        ),
    inbound: ({ options: o }) => {
        const hook = secrets.webhook(o.callbackBaseUrl ?? '<Site URL>', o.subaccount, '***');
        const url = webhooksUrl(o);
        const before = `before: GET ${url}: a MSG webhook of ${o.subaccount} or * that points elsewhere`;
        const hash = `REST: ${secrets.RECEIPT_SETTING}.Inbound_Secret_Hash__c = the SHA-256 of the inbound secret (***)`;
        const change = [`${before} ${o.force ? 'is replaced (--force)' : 'stops the run'}`, `after: POST ${url}`];
        return [hash, ...(o.no8x8Config ? [secrets.portalSteps(hook)] : [...change, JSON.stringify([hook])])];
    }
};

/**
 * Assigns permission sets. A set already assigned comes back as a failure whose message says "Duplicate
 * PermissionSetAssignment" (the API's DUPLICATE_VALUE; salesforcecli/plugin-user's PermsetAssignResult carries it
 * in failures[].message), so a rerun treats it as done.
 */
function assign(s, args, who, fix) {
    const r = s.sf(args);
    const failures = (r.result?.failures ?? []).filter((f) => !/duplicate/i.test(f.message ?? ''));
    if ((r.status && !r.result) || failures.length) {
        const problems = failures.length ? failures.map((f) => `${f.name}: ${f.message}`) : [r.message];
        fail(`the permission sets could not be assigned to ${who}:\n    ${problems.join('\n    ')}`, fix);
    }
    s.say(`    assigned ${after(args, '--name').join(', ')} to ${who}`);
}

/**
 * The receipt Site's row, its https URL (undefined while it has none) and the reader of both. Object Reference: Site
 * (Name, GuestUserId) and SiteDetail (DurableId = the Site's Id, SecureUrl: its https URL with its path prefix).
 * Unconfirmed in an org: that Site.Name is the CustomSite's API name.
 */
function receiptSite(s, fix) {
    const read = (soql) => s.must(query(soql, s.org), 'the Site could not be read', fix).result.records[0];
    const site = read(`SELECT Id, GuestUserId, Status FROM Site WHERE Name = '${SITE}'`);
    if (!site) {
        fail(`the org has no Site ${SITE}`, fix);
    }
    const url = read(`SELECT SecureUrl FROM SiteDetail WHERE DurableId = '${site.Id}'`)?.SecureUrl;
    return { site, url: url?.replace(/\/$/, ''), read };
}

/** Deploys one part with its test level (the connection holds no Apex, so it runs none). */
function deployPart(s, part) {
    const [args] = PLANNED[part](s);
    const r = s.must(args, `${DIRS[part]} did not deploy`, FIX[part] ?? FIX.rerun);
    const ran = after(args, '--tests');
    const count = r.result?.numberComponentsDeployed;
    s.say(`    deployed ${count} component(s)${ran.length ? `; RunSpecifiedTests ran ${ran.join(', ')}` : ''}`);
}

const webhooksUrl = (o) => `${REGIONS[o.region]}/api/v1/accounts/${o.accountId}/webhooks`;

// The kind of an org, from its Organization row, by the rule and cases of ORG_KINDS, which the package's Apex
// applies too (WhatsAppOtpEnvironment) and test:org-setup runs. It decides the deploys' test level.
export const ORG_KINDS = 'force-app/core/staticresources/WhatsAppOtpOrgKinds.json';
const ORGANIZATION_QUERY = 'SELECT IsSandbox, TrialExpirationDate, OrganizationType FROM Organization';

/** 'scratch' | 'sandbox' | 'developer' | 'trial' | 'production'. */
export function orgKind({ IsSandbox, TrialExpirationDate, OrganizationType }) {
    // Scratch orgs report IsSandbox = true and carry an expiration date; sandboxes carry none.
    if (IsSandbox === true) {
        return TrialExpirationDate ? 'scratch' : 'sandbox';
    }
    return OrganizationType === 'Developer Edition' ? 'developer' : TrialExpirationDate ? 'trial' : 'production';
}

const XML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * The custom metadata record XML with `field` set to a string or boolean value; a checkbox's value is typed
 * xsd:boolean (Metadata API, CustomMetadata, its sample record:
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_custommetadata.htm).
 */
function withFieldValue(xml, field, value) {
    const escaped = String(value).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
    const element = `<value xsi:type="xsd:${typeof value === 'boolean' ? 'boolean' : 'string'}">${escaped}</value>`;
    const pattern = new RegExp(`(<values>\\s*<field>${field}</field>\\s*)<value[^>]*?(?:/>|>[\\s\\S]*?</value>)`);
    // An org's record from before a field existed has no value for it: add one.
    const added = `    <values>\n        <field>${field}</field>\n        ${element}\n    </values>\n</CustomMetadata>`;
    return pattern.test(xml)
        ? xml.replace(pattern, (_, open) => `${open}${element}`)
        : xml.replace('</CustomMetadata>', added);
}

/** The steps, each given the run's state s = { options, org, kind, session, temp, values, root, say, sf, must }. */
const RUN = {
    /**
     * With --validate-only, an org that has the registration keeps its connection (deploying it again would reset
     * the region URL step settings wrote). The registration's operation names are inferred; if the org refuses
     * them, FIX.connection drops them, as Salesforce's own generator writes a registration without <operations>
     * (forcedotcom/salesforcedx-vscode, apexActionController.ts), so the org names them itself.
     */
    connection(s) {
        const list = [...words('org list metadata --metadata-type ExternalServiceRegistration'), ...s.org];
        const listed = s.options.validateOnly ? s.must(list, 'listing failed', FIX.login).result : [];
        if ([].concat(listed ?? []).some((m) => m.fullName === 'CPaasMessagingApps')) {
            return s.say('    the org has the connection (CPaasMessagingApps): not deployed again');
        }
        deployPart(s, 'connection');
    },

    probe(s) {
        const file = path.join(s.temp, 'probe.apex');
        const { findings, count } = probeNames(s.root, (apex) => {
            fs.writeFileSync(file, apex);
            return s.sf(['apex', 'run', '--file', file, ...s.org]).result ?? fail('the probe did not run', FIX.login);
        });
        if (findings.length) {
            const found = findings.join('\n    ');
            fail(`the name probe found names the org generated differently:\n    ${found}`, FIX.probe);
        }
        s.say(`    the org knows every generated name the gateway uses (${count} names)`);
    },

    core: (s) => deployPart(s, 'core'),
    receipts: (s) => deployPart(s, 'receipts'),
    samples: (s) => deployPart(s, 'samples'),

    /**
     * core (and receipts) validated with RunSpecifiedTests naming their test classes, so a quick deploy can follow
     * within 10 days without running them again ("deployRecentValidation()",
     * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deployRecentValidation.htm).
     */
    validate(s) {
        const [args] = PLANNED.validate(s);
        const fix = 'fix the problems above (a failed test or a class under 75 % fails the validation), then rerun';
        const { id } = s.must(args, 'the validation failed', fix).result;
        const dirs = after(args, '--source-dir').join(' and ');
        s.say(`    validated ${dirs} with RunSpecifiedTests: ${after(args, '--tests').join(', ')}`);
        const quick = [...words('project deploy quick --job-id'), id, ...s.org, '--wait', '60'];
        s.say(`    deploy what was validated (within 10 days): npx ${shown(quick)}`);
        s.say(`    then: ${rerunCommand({ ...s.options, validateOnly: false }, 'permsets')}`);
    },

    permsets(s) {
        const fix = 'check the usernames and that the deploy steps succeeded, then rerun';
        PLANNED.permsets(s).forEach((args) => assign(s, args, after(args, '--on-behalf-of').join(', ') || 'you', fix));
    },

    /** The Site deploys with step receipts; its guest user exists once it does. Finds and keeps its https URL. */
    site(s) {
        const { site, url, read } = receiptSite(s, FIX.receipts);
        const guest = read(`SELECT Username FROM User WHERE Id = '${site.GuestUserId}'`)?.Username;
        // Unconfirmed in an org: that sf org assign permset takes a Site guest user for --on-behalf-of; if not, the
        // failure prints the manual path.
        assign(s, assignment(s.org, [GUEST_PERMISSION_SET], [guest]), `the guest user ${guest}`, FIX.guest);
        if (site.Status !== 'Active') {
            s.say(`    the Site is ${site.Status}: activate it in Setup → Sites, or 8x8's receipts get 404`);
        }
        if (!url) {
            return s.say('    the Site has no https URL yet: set Receipt Callback Base URL in the settings to its URL');
        }
        s.options.callbackBaseUrl = url;
        s.say(`    callback base URL (setting Receipt Callback Base URL): ${url}; each message's dlrCallbackUrl is`);
        s.say(`    ${url}/services/apexrest/whatsapp-otp/receipts/<token>: paste nothing in 8x8 Connect`);
    },

    async key(s) {
        if (s.options.skipKey) {
            return s.say('    skipped (--skip-key): docs/admin-guide.md, "Enter the API key by hand"');
        }
        const done = await secrets.storeKey(s.session, s.values.key);
        s.say(`    the key is stored (${done}) on X8x8_CPaaS_Authentication / X8x8_API_Key_Principal, encrypted`);
    },

    async secret(s) {
        if (s.options.skipSecret) {
            return s.say('    skipped (--skip-secret): docs/admin-guide.md, "Store the receipt secret by hand"');
        }
        const done = await secrets.storeSetting(s.session, s.values.secret, 'Secret__c');
        s.say(`    the receipt secret is stored (${done}) as the org default of ${secrets.RECEIPT_SETTING}`);
    },

    /**
     * Reply verification. 8x8 is read before the org changes, so a refusal leaves both as they were; step settings
     * turns Reply Verification Enabled on after this, once the webhook points at the org, as that setting asks.
     */
    async inbound(s) {
        const { options: o, values } = s;
        const site = o.callbackBaseUrl ?? receiptSite(s, FIX.inbound).url ?? fail('no Site URL', FIX.inbound);
        const secret = values.inbound || secrets.newInboundSecret();
        const hook = secrets.webhook(site, o.subaccount, secret);
        const api = { ...o, fetch: s.session.fetch, key: values.key, url: webhooksUrl(o) };
        const save = o.no8x8Config ? undefined : await secrets.checkWebhooks(api, hook, secret);
        const field = 'Inbound_Secret_Hash__c';
        const done = await secrets.storeSetting(s.session, secrets.hashOf(secret), field);
        s.say(`    the inbound secret's SHA-256 is stored (${done}) in ${secrets.RECEIPT_SETTING}.${field}`);
        const masked = secrets.webhook(site, o.subaccount, save ? '***' : '<the inbound secret you entered>');
        s.say(`    ${save ? `8x8 MSG webhook ${await save()}: ${masked.url}` : secrets.portalSteps(masked)}`);
    },

    /** The region's URL on the Named Credential; the settings record: the shipped one, or the org's with the values given. */
    settings(s) {
        const { options: o, org, temp } = s;
        const read = (file) => fs.readFileSync(path.join(s.root, file), 'utf8');
        const members = [];
        if (o.region !== 'apac') {
            const url =
                /(<parameterName>Url<\/parameterName>\s*<parameterType>Url<\/parameterType>\s*<parameterValue>)[^<]*/;
            const xml = read(NAMED_CREDENTIAL).replace(url, `$1${REGIONS[o.region]}`);
            members.push(['NamedCredential', 'namedCredentials', 'X8x8_Messaging_API', 'namedCredential', xml]);
        }
        const soql = "SELECT DeveloperName FROM WhatsApp_OTP_Setting__mdt WHERE DeveloperName = 'Default'";
        const exists = s.must(query(soql, org), 'no settings', FIX.deployed).result.records.length > 0;
        const given = Object.entries({
            Subaccount_Id__c: o.subaccount,
            Template_Name__c: o.template,
            Template_Language__c: o.language,
            Allowed_Country_Codes__c: o.countries,
            Integration_Username__c: o.integrationUser,
            Receipt_Callback_Base_Url__c: o.callbackBaseUrl,
            Reply_Verification_Enabled__c: o.inbound
        }).filter(([, value]) => value !== undefined);
        let record = exists ? undefined : read(SETTINGS_RECORD);
        if (exists && given.length) {
            // In Metadata API format, unzipped under <dir>/unpackaged: --output-dir must lie inside the project
            // and outside a dot folder (salesforcecli/plugin-deploy-retrieve src/commands/project/retrieve/start.ts;
            // forcedotcom/source-deploy-retrieve src/client/metadataApiRetrieve.ts, handleMdapiResponse).
            const out = path.join(temp, 'retrieved');
            const retrieve = [...words('project retrieve start --target-metadata-dir'), out, '--unzip', ...org];
            s.must([...retrieve, '--metadata', `CustomMetadata:${SETTINGS_MEMBER}`], 'no retrieve', FIX.deployed);
            const file = fs.readdirSync(out, { recursive: true }).find((f) => f.endsWith(`${SETTINGS_MEMBER}.md`));
            record = fs.readFileSync(path.join(out, file), 'utf8');
        }
        if (record !== undefined) {
            given.forEach(([field, value]) => (record = withFieldValue(record, field, value)));
            members.push(['CustomMetadata', 'customMetadata', SETTINGS_MEMBER, 'md', record]);
        }
        if (members.length) {
            // A Metadata API package: package.xml and each <folder>/<name>.<suffix> (a source-format *-meta.xml
            // file holds the same XML as its Metadata API file).
            const dir = path.join(temp, 'package');
            const types = members.map(([type, folder, name, suffix, xml]) => {
                fs.mkdirSync(path.join(dir, folder), { recursive: true });
                fs.writeFileSync(path.join(dir, folder, `${name}.${suffix}`), xml);
                return `    <types>\n        <members>${name}</members>\n        <name>${type}</name>\n    </types>\n`;
            });
            const xml = `<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n${types.join('')}    <version>${s.session.apiVersion}</version>\n</Package>\n`;
            fs.writeFileSync(path.join(dir, 'package.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
            s.must(deployPackage(dir, org), 'the per-org values did not deploy', FIX.rerun);
        }
        const kept = given.length ? 'updated (only the values given)' : "kept the org's values";
        s.say(`    Named Credential URL: ${REGIONS[o.region]} (${o.region})`);
        s.say(`    settings record Default: ${exists ? kept : `created from ${SETTINGS_RECORD}`}`);
    },

    /**
     * The deployed parts' test classes in one sf call; with --code-coverage its --json lists { name, coveredPercent }
     * per class in result.coverage.coverage (salesforcecli/plugin-apex src/reporters/jsonReporter.ts,
     * formatCoverage). Every test must pass and every class reach 75 % (a class missing there counts as 0 %).
     */
    tests(s) {
        if (s.options.skipTests) {
            return s.say('    skipped (--skip-tests)');
        }
        const { tests, covered } = apexClasses(
            s.root,
            partsFor(s.options).map((p) => DIRS[p])
        );
        const command = 'apex run test --test-level RunSpecifiedTests --code-coverage --result-format json --wait 60';
        const r = s.sf([...words(command), ...repeat('--class-names', tests), ...s.org]);
        const summary = r.result?.summary ?? fail(`the Apex tests did not run: ${r.message}`, FIX.rerun);
        s.say(`    Apex tests (${tests.length} classes): ${summary.passing} passed, ${summary.failing} failed`);
        const problems = (r.result.tests ?? [])
            .filter((t) => t.Outcome !== 'Pass')
            .map((t) => `test ${t.FullName} ${t.Outcome}: ${t.Message ?? ''}`);
        const percents = new Map((r.result.coverage?.coverage ?? []).map((c) => [c.name, c.coveredPercent]));
        for (const [name, percent] of covered.map((c) => [c, Number(percents.get(c) ?? 0)])) {
            s.say(`    ${String(percent).padStart(3)} %  ${name}`);
            if (percent < MIN_CLASS_COVERAGE) {
                problems.push(`class ${name} is covered ${percent} % (under ${MIN_CLASS_COVERAGE} %)`);
            }
        }
        if (problems.length) {
            const rule = `every test passes, every class ${MIN_CLASS_COVERAGE} %+`;
            fail(`the Apex tests did not pass (${rule}):\n    ${problems.join('\n    ')}`, 'fix them, then rerun');
        }
    }
};

/** Reads the inputs the steps to run need (prompts or standard input); throws listing every missing one. */
async function readInputs({ options: o, io }, todo) {
    const runs = (id) => todo.includes(id) && !o[camel(`--skip-${id}`)];
    // Blank, the inbound secret is generated; with --no-8x8-config the admin types it into 8x8 Connect: it is given.
    const generated = !o.no8x8Config;
    const size = (min) => (v) => (!v ? 'not given' : v.length < min && `shorter than ${min} characters`);
    const format = (v) => (v || !generated) && !secrets.INBOUND_SECRET.test(v) && 'not 32 to 128 base64url characters';
    const blank = generated ? '; blank: new' : '';
    const min = secrets.MIN_SECRET_LENGTH;
    const inputs = [
        ['key', 'the 8x8 API key', '8x8 API key', size(1)],
        ['secret', 'the receipt secret', `receipt secret (${min}+ random characters)`, size(min)],
        ['inbound', 'the inbound secret', `inbound secret (32+ base64url characters${blank})`, format]
    ].filter(([id]) => runs(id) || (id === 'key' && runs('inbound') && generated));
    const prompts = inputs.map((i) => i[2]);
    const values = prompts.length ? await secrets.readSecrets(prompts, io.stdin, io.stderr) : [];
    const where = io.stdin.isTTY ? 'type it at the prompt' : 'pipe it on standard input, one a line, key first';
    const hint = (id) => (id === 'inbound' ? 'drop --no-8x8-config' : `pass --skip-${id}`);
    const missing = inputs.map(([id, label, , check], i) => [label, hint(id), check(values[i])]).filter((m) => m[2]);
    if (missing.length) {
        const lines = missing.map(([label, instead, problem]) => `    ${label}: ${problem} (${where}; or ${instead})`);
        const fix = `give them or ${missing.map((m) => m[1]).join(', ')}, and rerun: ${rerunCommand(o)}`;
        fail(`nothing ran; missing input:\n${lines.join('\n')}`, fix);
    }
    return Object.fromEntries(inputs.map(([id], i) => [id, values[i]]));
}

/**
 * Before any secret is asked and any step runs: sf is there and logged in, and the org's kind (its Organization
 * row, by the shared rule). Without --receipts, an org that has the receipt Site is warned and shown its removal.
 */
function preflight(s) {
    const { options: o, org } = s;
    const display = s.sf(['org', 'display', ...org]);
    if (display.status || !display.result?.accessToken) {
        fail(`sf is not logged in to ${o.targetOrg}: ${display.message ?? 'no access token'}`, FIX.login);
    }
    // The project's API version, not the org's, for the REST calls and the per-org package.
    s.session = { ...display.result, apiVersion: s.session.apiVersion, fetch: s.session.fetch };
    const read = (soql) => s.must(query(soql, org), 'the org could not be read', FIX.login).result.records;
    const [row] = read(ORGANIZATION_QUERY);
    s.kind = orgKind(row);
    s.say(`org ${o.targetOrg}: ${s.kind} (${row.OrganizationType})`);
    if (s.kind === 'production' && o.samples) {
        fail('the samples are for sandboxes and Developer Edition orgs, not production', 'drop --samples');
    }
    if (!o.receipts && !o.inbound && read(`SELECT Id FROM Site WHERE Name = '${SITE}'`).length) {
        s.say(`WARNING: the org has the receipt Site ${SITE} from an earlier run with --receipts; it stays.`);
        s.say(`    To remove it, unassign ${GUEST_PERMISSION_SET} from its guest user, then (docs/admin-guide.md):`);
        s.say(`    npx ${shown(deployPackage('manifest/remove-receipts', org))}`);
    }
}

/**
 * A dry run: reads the org's kind when sf can (without sf, or logged out, the plan shows the production test level)
 * and prints each step's sf commands and a warning for each settings value a send needs. Asks for nothing.
 */
function dryRun(s, steps, todo) {
    const { options: o, say } = s;
    try {
        const row = o.targetOrg && s.sf(query(ORGANIZATION_QUERY, s.org)).result?.records?.[0];
        s.kind = row ? orgKind(row) : undefined;
    } catch {
        s.kind = undefined;
    }
    say(`org:setup --dry-run: nothing is changed. The plan for ${s.org[1]}:\n${PREREQUISITES}`);
    say(s.kind ? `The org is ${s.kind}.` : "The org's kind is unknown: deploys show the production test level.");
    for (const id of todo) {
        const skipped = o[camel(`--skip-${id}`)] ? ` (skipped: --skip-${id})` : '';
        say(`[${steps.indexOf(id) + 1}/${steps.length}] ${id}: ${STEPS.find((st) => st[0] === id)[1]}${skipped}`);
        (PLANNED[id]?.(s) ?? []).forEach((a) => say(`    ${Array.isArray(a) ? shown(a) : a}`));
    }
    if (o.validateOnly) {
        return;
    }
    const warnings = {
        subaccount: 'every send fails until the settings record has the 8x8 subaccount id',
        template: 'every send fails until the settings record names an approved AUTHENTICATION template',
        countries: 'a blank Allowed Country Codes refuses every send in production (COUNTRIES_REQUIRED)'
    };
    Object.entries(warnings)
        .filter(([key]) => !o[key])
        .forEach(([key, what]) => say(`WARNING: no --${key}: ${what} (unless the org's record already has it)`));
}

/**
 * Reads the inputs, checks the org, then runs the steps from --from on; a StepError carries its step. Without a
 * terminal nothing is asked: standard input is read first, and a missing input stops the run before any sf call.
 * On a terminal, sf and the login are checked before any secret is asked.
 */
async function run(s) {
    const { options: o } = s;
    const steps = stepsFor(o);
    const todo = steps.slice(Math.max(0, steps.indexOf(o.from)));
    if (o.dryRun) {
        return dryRun(s, steps, todo);
    }
    s.values = s.io.stdin.isTTY ? undefined : await readInputs(s, todo);
    preflight(s);
    s.values ??= await readInputs(s, todo);
    s.temp = fs.mkdtempSync(path.join(os.tmpdir(), 'org-setup-'));
    try {
        for (const id of todo) {
            s.say(`[${steps.indexOf(id) + 1}/${steps.length}] ${id}: ${STEPS.find((st) => st[0] === id)[1]}`);
            await Promise.resolve()
                .then(() => RUN[id](s))
                .catch((error) => Promise.reject(Object.assign(error, { step: id })));
        }
    } finally {
        fs.rmSync(s.temp, { recursive: true, force: true });
    }
    const skipped = ['key', 'secret', 'tests'].filter((id) => o[camel(`--skip-${id}`)] && todo.includes(id));
    const done = `org:setup: done${skipped.length ? `; skipped: --skip-${skipped.join(', --skip-')}` : ''}`;
    s.say(o.validateOnly ? 'org:setup: validated; quick deploy, then continue as shown above.' : done);
}

/**
 * Runs org:setup with `argv` in the project root and returns its exit code. `io` ({ stdin, stdout, stderr, env, sf,
 * fetch }, each optional) defaults to this process's; sf (args, cwd -> its --json envelope) is how sf runs, fetch how
 * the key and the secrets are stored. The tests run it in-process with their own.
 */
export async function main(argv, io = {}) {
    io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, ...io };
    const root = fileURLToPath(new URL('..', import.meta.url));
    const s = { root, io, say: (text) => void io.stdout.write(`${text}\n`), sf: (a) => (io.sf ?? sf)(a, root, io.env) };
    s.must = (args, what, fix) => mustSf(s.sf, args, what, fix);
    try {
        s.options = parseArgs(argv);
        if (s.options.help) {
            return s.say(HELP) ?? 0;
        }
        const { sourceApiVersion } = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8'));
        s.session = { apiVersion: sourceApiVersion, fetch: io.fetch };
        s.org = ['--target-org', s.options.targetOrg ?? '<target-org>'];
        await run(s);
        return 0;
    } catch (error) {
        if (!(error instanceof StepError)) {
            throw error;
        }
        const steps = s.options ? stepsFor(s.options) : [];
        const n = steps.indexOf(error.step) + 1;
        const where = n ? `step ${n} of ${steps.length} (${error.step}) failed: ` : '';
        const resume = n ? `\n  then resume: ${rerunCommand(s.options, error.step)}` : '';
        io.stderr.write(`\norg:setup: ${where}${error.message}\n  fix: ${error.fix}${resume}\n`);
        return s.options ? 1 : 2;
    }
}

// Run as the CLI (node scripts/org-setup.mjs); imported, it only exports main. Both sides resolved, as the ESM
// loader resolves symlinks in import.meta.url.
const entry = process.argv[1] && fs.realpathSync(path.resolve(process.argv[1]));
if (entry === fileURLToPath(import.meta.url)) {
    process.exitCode = await main(process.argv.slice(2));
}
