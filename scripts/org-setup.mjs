#!/usr/bin/env node
// `npm run org:setup -- --target-org <alias>`: installs the package into an org in the safe order, with the
// project's own sf CLI (npm ci installs it; npm run puts node_modules/.bin first on PATH). Run it from the
// project root. The connection goes first, then core; the receipt endpoint only with --receipts, the samples
// only with --samples. Every step can be repeated; a failed step names itself and its fix, and prints the
// command that resumes from it. See docs/admin-guide.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineOf, probePlan, renderProbe, GATEWAY } from './org-setup/probe.mjs';
import {
    connectionMembers,
    findFiles,
    NAMED_CREDENTIAL,
    operationNames,
    REGIONS,
    REGISTRATION,
    SETTINGS_RECORD,
    withFieldValue,
    withOperationNames,
    withoutOperations,
    withUrl,
    writePackage
} from './org-setup/metadata.mjs';
import { MIN_SECRET_LENGTH, RECEIPT_SETTING, readSecrets, storeKey, storeReceiptSecret } from './org-setup/secret.mjs';
import { deployProblems, sf, StepError } from './org-setup/sf.mjs';
import { ORGANIZATION_QUERY, orgKind } from './org-setup/org-kind.mjs';
import { MIN_CLASS_COVERAGE, runTests, testClasses } from './org-setup/apex-tests.mjs';

/** The package directories (sfdx-project.json) org:setup deploys, in order. */
export const DIRS = {
    connection: 'force-app/connection',
    core: 'force-app/core',
    receipts: 'force-app/receipts',
    samples: 'force-app/samples'
};
/** The manifest that removes the receipt endpoint from an org (destructiveChanges.xml beside an empty package.xml). */
export const REMOVE_RECEIPTS = 'manifest/remove-receipts';
const PERMISSION_SETS = ['CPaaS_API_Access', 'WhatsApp_OTP_Agent'];
// The sample flows run only for holders of their permission set (isAdditionalPermissionRequiredToRun), and they send
// through the Flow action, which needs WhatsApp OTP Flow Sender.
const SAMPLE_PERMISSION_SETS = ['WhatsApp_OTP_Flow_Sender', 'WhatsApp_OTP_Sample_Flows'];
const permissionSetsFor = (options) => [...PERMISSION_SETS, ...(options.samples ? SAMPLE_PERMISSION_SETS : [])];
const GUEST_PERMISSION_SET = 'WhatsApp_OTP_Receipt_Guest';
const SITE = 'WhatsApp_OTP_Receipts';
// Object Reference: Site (Name, GuestUserId) and SiteDetail (DurableId = the Site's Id, SecureUrl: the Site's https
// URL, its path prefix included). Unconfirmed in an org: that Site.Name is the CustomSite's API name, and that
// SecureUrl carries the path prefix `whatsappotp`.
const SITE_QUERY = `SELECT Id, GuestUserId, Status FROM Site WHERE Name = '${SITE}'`;
const ID = /^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/;
const WAIT = '30';
const SETTINGS_QUERY = "SELECT DeveloperName FROM WhatsApp_OTP_Setting__mdt WHERE DeveloperName = 'Default'";
const PRODUCTION = 'production';

/**
 * How a deploy runs tests in an org of `kind`. Production: RunSpecifiedTests naming the deployed parts' test
 * classes, so no other code of the org runs and each deployed class must reach 75 % with them. Any other kind:
 * the Metadata API default, NoTestRun for development environments (sandbox, Developer Edition, trial and
 * scratch orgs), and step tests runs them ("Running Tests in a Deployment":
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deploy_running_tests.htm;
 * "Running a Subset of Tests in a Deployment": .../meta_deploy_run_specific_tests.htm).
 */
function testLevel(kind, tests) {
    return kind === PRODUCTION || kind === undefined
        ? ['--test-level', 'RunSpecifiedTests', ...tests.flatMap((t) => ['--tests', t])]
        : [];
}

/** The sf commands, built in one place for the run and for --dry-run (`org` is ['--target-org', alias]). */
const command = {
    connection: (org) => ['project', 'deploy', 'start', '--source-dir', DIRS.connection, ...org, '--wait', WAIT],
    listRegistrations: (org) => ['org', 'list', 'metadata', '--metadata-type', 'ExternalServiceRegistration', ...org],
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
    // `verb` start deploys; validate checks the same deploy with its tests and keeps it for a quick deploy.
    deploy: (dirs, org, tests, verb = 'start') => [
        'project',
        'deploy',
        verb,
        ...dirs.flatMap((d) => ['--source-dir', d]),
        ...tests,
        ...org,
        '--wait',
        '60'
    ],
    quick: (id, org) => ['project', 'deploy', 'quick', '--job-id', id, ...org, '--wait', '60'],
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
    deployPackage: (dir, org) => ['project', 'deploy', 'start', '--metadata-dir', dir, ...org, '--wait', WAIT],
    removeReceipts: (org) => ['project', 'deploy', 'start', '--metadata-dir', REMOVE_RECEIPTS, ...org, '--wait', WAIT]
};

/** Every step: [id, what it does, whether it runs for these options]. */
const ALL_STEPS = [
    ['connection', `deploy ${DIRS.connection} (External Credential, Named Credential, registration, CPaaS_API_Access)`],
    ['names', 'retrieve the registration and compare its stored operation names with the source'],
    ['probe', 'name probe: anonymous Apex that uses every generated name the gateway uses (before any Apex deploys)'],
    ['core', `deploy ${DIRS.core} (send and verify, the composer, settings, audit, reports)`, (o) => !o.validateOnly],
    [
        'receipts',
        `deploy ${DIRS.receipts} (the public Site and the receipt endpoint)`,
        (o) => o.receipts && !o.validateOnly
    ],
    ['samples', `deploy ${DIRS.samples} (three flows and a quick action)`, (o) => o.samples && !o.validateOnly],
    [
        'validate',
        'validate core (and receipts) with their tests, without deploying; print the quick-deploy command',
        (o) => o.validateOnly
    ],
    [
        'permsets',
        `assign ${PERMISSION_SETS.join(' and ')} (with --samples also ${SAMPLE_PERMISSION_SETS.join(' and ')}) to you and to every --assign user`,
        (o) => !o.validateOnly
    ],
    [
        'site',
        `assign ${GUEST_PERMISSION_SET} to the guest user of the Site ${SITE}, print the receipt callback URL`,
        (o) => o.receipts && !o.validateOnly
    ],
    [
        'key',
        'store the 8x8 API key on the External Credential principal (Connect REST, encrypted)',
        (o) => !o.validateOnly
    ],
    [
        'secret',
        `store the receipt secret in the custom setting ${RECEIPT_SETTING} (REST, never in argv)`,
        (o) => o.receipts && !o.validateOnly
    ],
    [
        'settings',
        "set the Named Credential's region URL and the settings record (created only when the org has none)",
        (o) => !o.validateOnly
    ],
    [
        'tests',
        `run the deployed parts' Apex tests with coverage; each of their classes must reach ${MIN_CLASS_COVERAGE} %`,
        (o) => !o.validateOnly
    ]
];

/** The option a step needs, for --help. */
const ONLY = {
    receipts: '--receipts',
    samples: '--samples',
    validate: '--validate-only',
    site: '--receipts',
    secret: '--receipts'
};

/** The steps these options run, as [id, what]. */
function stepsFor(options) {
    return ALL_STEPS.filter(([, , when]) => !when || when(options)).map(([id, what]) => [id, what]);
}

/** The package directories these options deploy after the connection. */
function partsFor(options) {
    return ['core', ...(options.receipts ? ['receipts'] : []), ...(options.samples ? ['samples'] : [])];
}

const PREREQUISITES = (options) =>
    [
        'Before you start:',
        "  - sf installed and logged in: the project's own sf, installed by npm ci (npm run puts node_modules/.bin",
        '    first on PATH); log in once with: npx sf org login web --alias <alias>',
        '  - an approved WhatsApp AUTHENTICATION template in 8x8 Connect (--template <name>, --language <code>)',
        '  - your 8x8 subaccount id (--subaccount <id>)',
        '  - your 8x8 API key: typed at a hidden prompt, or the first line on standard input (or --skip-key)',
        ...(options.receipts
            ? [
                  `  - with --receipts: a receipt secret of ${MIN_SECRET_LENGTH}+ random characters (openssl rand -base64 32), at a hidden`,
                  '    prompt or the next line on standard input (or --skip-secret)',
                  '  - with --receipts: Sites enabled with a registered Sites domain (Setup → Sites). With enhanced',
                  '    domains the Site URL is https://<MyDomainName>.my.salesforce-sites.com/whatsappotp'
              ]
            : [])
    ].join('\n');

const HELP = `Usage: npm run org:setup -- --target-org <alias> [options]

Installs the WhatsApp OTP package into an org with the project's sf CLI, in this order:
${ALL_STEPS.map(([id, what], i) => `  ${String(i + 1).padStart(2)}. ${id.padEnd(10)} ${what}${ONLY[id] ? ` [${ONLY[id]}]` : ''}`).join('\n')}
With --validate-only only steps 1-3 and validate run.

${PREREQUISITES({ receipts: true })}

Options:
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
  --assign <username>    also assign both permission sets to this user (repeatable)
  --skip-key             do not ask for the API key; enter it in Setup later (no sends until then)
  --skip-secret          with --receipts: do not ask for the receipt secret; enter it in Setup later
  --skip-tests           do not run step tests (the scratch-org workflow runs them itself)
  --callback-base-url <url>  with --receipts: the Site's https URL for Receipt Callback Base URL (default: the
                         one step site finds)
  --write-back           write the org's stored operation names into the registration source
  --from <step>          start at this step (a failed step prints the command to resume)
  --dry-run              print the plan and change nothing (reads the org's kind when sf can)
  --help                 this text

The API key and then the receipt secret are read from hidden prompts, or from standard input when it is not a
terminal, one a line (e.g. { pass show 8x8-key; pass show otp-receipts; } | npm run org:setup -- --target-org
my-org --receipts). Neither is ever taken from the command line. Without a terminal, a missing input stops the
run before step 1 unless its --skip-... flag is given.
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
        skipTests: false,
        writeBack: false,
        receipts: false,
        samples: false,
        validateOnly: false
    };
    const value = (i, flag) => {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) {
            throw new StepError(`${flag} needs a value`, 'see npm run org:setup -- --help');
        }
        return v;
    };
    const flags = {
        '--help': 'help',
        '-h': 'help',
        '--dry-run': 'dryRun',
        '--skip-key': 'skipKey',
        '--skip-secret': 'skipSecret',
        '--skip-tests': 'skipTests',
        '--write-back': 'writeBack',
        '--receipts': 'receipts',
        '--samples': 'samples',
        '--validate-only': 'validateOnly'
    };
    const valued = {
        '--target-org': 'targetOrg',
        '-o': 'targetOrg',
        '--region': 'region',
        '--subaccount': 'subaccount',
        '--template': 'template',
        '--language': 'language',
        '--countries': 'countries',
        '--integration-user': 'integrationUser',
        '--callback-base-url': 'callbackBaseUrl',
        '--from': 'from'
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
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
    if (options.countries !== undefined) {
        // Calling codes or longer E.164 prefixes (digits, 1 to 6), comma-separated, as the setting takes them.
        const entries = options.countries.split(',').map((entry) => entry.trim().replace(/^\+/, ''));
        if (entries.some((entry) => !/^\d{1,6}$/.test(entry))) {
            throw new StepError(
                `--countries ${options.countries} is not a comma list of calling codes or E.164 prefixes`,
                'for example --countries 65,60,1415 (no spaces needed, no +)'
            );
        }
        options.countries = entries.join(',');
    }
    if (!REGIONS[options.region]) {
        throw new StepError(
            `--region ${options.region} is not one of ${Object.keys(REGIONS).join(', ')}`,
            'pick your 8x8 account region'
        );
    }
    if (options.callbackBaseUrl !== undefined && !options.receipts) {
        throw new StepError(
            '--callback-base-url needs --receipts',
            'without the receipt endpoint the callback base URL stays blank and 8x8 sends no receipts; add --receipts or drop the URL'
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
    if (options.validateOnly && options.samples) {
        throw new StepError(
            '--validate-only is for production, and the samples are not',
            'drop --samples (deploy the samples to a sandbox or Developer Edition org)'
        );
    }
    if (options.from && !stepsFor(options).some(([id]) => id === options.from)) {
        throw new StepError(
            `--from ${options.from} is not a step of this run`,
            `use one of ${stepsFor(options)
                .map(([id]) => id)
                .join(', ')}`
        );
    }
    if (!options.help && !options.dryRun && !options.targetOrg) {
        throw new StepError(
            '--target-org is required',
            'pass the alias you logged in with: npx sf org login web --alias <alias>'
        );
    }
    return options;
}

/** The command that reruns these options, from `step` when given. */
function rerunCommand(options, step) {
    const parts = ['npm run org:setup --', '--target-org', options.targetOrg];
    for (const [flag, key] of [
        ['--receipts', 'receipts'],
        ['--samples', 'samples'],
        ['--validate-only', 'validateOnly']
    ]) {
        if (options[key]) {
            parts.push(flag);
        }
    }
    for (const [flag, key] of [
        ['--region', 'region'],
        ['--subaccount', 'subaccount'],
        ['--template', 'template'],
        ['--language', 'language'],
        ['--countries', 'countries'],
        ['--integration-user', 'integrationUser'],
        ['--callback-base-url', 'callbackBaseUrl']
    ]) {
        if (options[key] && !(key === 'region' && options.region === 'apac')) {
            parts.push(flag, /\s/.test(options[key]) ? JSON.stringify(options[key]) : options[key]);
        }
    }
    options.assign.forEach((u) => parts.push('--assign', u));
    for (const [flag, key] of [
        ['--skip-key', 'skipKey'],
        ['--skip-secret', 'skipSecret'],
        ['--skip-tests', 'skipTests'],
        ['--write-back', 'writeBack']
    ]) {
        if (options[key]) {
            parts.push(flag);
        }
    }
    if (step) {
        parts.push('--from', step);
    }
    return parts.join(' ');
}

/** The test classes a deploy of `parts` names in production. */
function testsOf(root, parts) {
    return testClasses(
        root,
        parts.map((p) => DIRS[p])
    );
}

/** The sf commands each step runs, for --dry-run; `kind` is the org's kind, or undefined when unknown. */
function plan(options, root, kind) {
    const t = ['--target-org', options.targetOrg ?? '<target-org>'];
    const deployOne = (part) => [command.deploy([DIRS[part]], t, testLevel(kind, testsOf(root, [part])))];
    const validated = ['core', ...(options.receipts ? ['receipts'] : [])];
    return {
        connection: options.validateOnly
            ? [command.listRegistrations(t), ['(only when the org has no CPaasMessagingApps:)'], command.connection(t)]
            : [command.connection(t), ['(once more from a copy without <operations>, only if the org refuses them)']],
        names: [command.retrieve('ExternalServiceRegistration:CPaasMessagingApps', '<temp dir>', t)],
        probe: [
            command.probe('<generated probe>', t),
            ['(again with each candidate name, only if a name is not found)']
        ],
        core: deployOne('core'),
        receipts: deployOne('receipts'),
        samples: deployOne('samples'),
        validate: [
            command.deploy(
                validated.map((p) => DIRS[p]),
                t,
                testLevel(PRODUCTION, testsOf(root, validated)),
                'validate'
            ),
            ['(then, to deploy what was validated:)'],
            command.quick('<validation id>', t)
        ],
        permsets: [
            command.assign(t, [], permissionSetsFor(options)),
            ...(options.assign.length ? [command.assign(t, options.assign, permissionSetsFor(options))] : [])
        ],
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
            command.query(SETTINGS_QUERY, t),
            ['(retrieve CustomMetadata:WhatsApp_OTP_Setting.Default only when the org has one and a value is given)'],
            command.deployPackage('<temp package>', t)
        ],
        tests: options.skipTests
            ? [['(skipped: --skip-tests)']]
            : [
                  [
                      'sf',
                      'apex',
                      'run',
                      'test',
                      '--test-level',
                      'RunSpecifiedTests',
                      '--class-names',
                      '<each test class of the deployed parts>',
                      '--code-coverage',
                      ...t
                  ]
              ]
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

/** The component types a failed deploy names. */
function failedTypes(response) {
    const failures = [].concat(response.result?.details?.componentFailures ?? []);
    const files = (response.result?.files ?? []).filter((f) => f.state === 'Failed');
    return new Set([...failures.map((f) => f.componentType ?? f.type), ...files.map((f) => f.type)]);
}

/** The inputs this run reads from a prompt or standard input, each with the flag that skips it. */
function inputsFor(options, steps) {
    const ids = new Set(steps.map(([id]) => id));
    return [
        ...(ids.has('key') && !options.skipKey
            ? [
                  {
                      id: 'key',
                      label: 'the 8x8 API key',
                      prompt: '8x8 API key',
                      flag: '--skip-key',
                      problem: (v) => (v ? undefined : 'not given')
                  }
              ]
            : []),
        ...(ids.has('secret') && !options.skipSecret
            ? [
                  {
                      id: 'secret',
                      label: 'the receipt secret',
                      prompt: `receipt secret (${MIN_SECRET_LENGTH}+ random characters)`,
                      flag: '--skip-secret',
                      problem: (v) =>
                          !v
                              ? 'not given'
                              : v.length < MIN_SECRET_LENGTH
                                ? `shorter than ${MIN_SECRET_LENGTH} characters`
                                : undefined
                  }
              ]
            : [])
    ];
}

/** Reads the inputs (prompts on a terminal, else lines of standard input); throws listing every missing one. */
async function readInputs(inputs, options, io) {
    const values = inputs.length
        ? await readSecrets(
              inputs.map((i) => i.prompt),
              io.stdin,
              io.stderr
          )
        : [];
    const missing = inputs.map((input, i) => ({ input, problem: input.problem(values[i]) })).filter((m) => m.problem);
    if (missing.length) {
        const where = io.stdin?.isTTY ? 'type it at the prompt' : 'pipe it on standard input, one a line, key first';
        throw Object.assign(
            new StepError(
                `nothing ran; missing input:\n${missing.map(({ input, problem }) => `    ${input.label}: ${problem} (${where}; or pass ${input.flag})`).join('\n')}`,
                `give ${missing.map(({ input }) => input.label).join(' and ')}, or pass ${missing.map(({ input }) => input.flag).join(' ')}, and rerun: ${rerunCommand(options)}`
            ),
            { step: undefined }
        );
    }
    return Object.fromEntries(inputs.map((input, i) => [input.id, values[i]]));
}

/**
 * Before any secret is asked and any step runs: sf is there and logged in to the org, and the org's kind (its
 * Organization row, one query). Without --receipts, an org that has the receipt Site gets a warning and the
 * command that removes it.
 */
function preflight(options, ctx, org) {
    const display = ctx.sf(command.display(org));
    if (!display.ok || !display.result?.accessToken) {
        throw new StepError(
            `sf is not logged in to ${options.targetOrg}: ${display.json.message ?? 'no access token'}`,
            `log in: npx sf org login web --alias ${options.targetOrg}, then rerun`
        );
    }
    const rows = mustSf(
        command.query(ORGANIZATION_QUERY, org),
        ctx,
        'the org could not be classified (Organization)',
        `check the login: npx sf org display --target-org ${options.targetOrg}`
    ).result?.records;
    if (!rows?.length) {
        throw new StepError('the Organization query returned no row', 'check the login, then rerun');
    }
    const kind = orgKind(rows[0]);
    ctx.say(
        `org ${options.targetOrg}: ${kind} (${rows[0].OrganizationType ?? 'unknown edition'}${rows[0].IsSandbox ? ', IsSandbox' : ''})`
    );
    if (kind === PRODUCTION && options.samples) {
        throw new StepError(
            'the samples are for sandboxes and Developer Edition orgs, not production',
            'drop --samples (their flows would deploy inactive and their tests start them)'
        );
    }
    if (!options.receipts) {
        const site = ctx.sf(command.query(`SELECT Id FROM Site WHERE Name = '${SITE}'`, org));
        if (site.ok && (site.result?.records ?? []).length) {
            ctx.say(
                `WARNING: the org has the receipt Site ${SITE} from an earlier run with --receipts. Without --receipts it stays as it is; to remove the public endpoint, unassign ${GUEST_PERMISSION_SET} from its guest user, then run:\n    npx sf ${command.removeReceipts(org).join(' ')}`
            );
        }
    }
    return { kind, display: display.result };
}

async function run(options, ctx, io) {
    const { root } = ctx;
    const apiVersion =
        JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')).sourceApiVersion ?? '65.0';
    const org = ['--target-org', options.targetOrg];
    const steps = stepsFor(options);
    const todo = steps.slice(options.from ? steps.findIndex(([id]) => id === options.from) : 0);
    const inputs = inputsFor(options, todo);
    // Without a terminal nothing is asked: read standard input first and stop before any sf call when an input
    // is missing. On a terminal, check sf and the login before asking for any secret.
    let values = io.stdin?.isTTY ? undefined : await readInputs(inputs, options, io);
    const { kind } = preflight(options, ctx, org);
    values ??= await readInputs(inputs, options, io);
    const temp = path.join(root, '.tmp', `org-setup-${process.pid}-${Date.now()}`);
    fs.mkdirSync(temp, { recursive: true });
    try {
        await runSteps(options, ctx, { apiVersion, org, temp, kind, steps, todo, values });
    } finally {
        fs.rmSync(temp, { recursive: true, force: true });
    }
}

async function runSteps(options, ctx, { apiVersion, org, temp, kind, steps, todo, values }) {
    const { root, say } = ctx;
    const parts = partsFor(options);
    const deployPart = (part, fix) => () => {
        const tests = testLevel(kind, testsOf(root, [part]));
        const r = mustSf(command.deploy([DIRS[part]], org, tests), ctx, `${DIRS[part]} did not deploy`, fix);
        const ran = tests.filter((a, i) => tests[i - 1] === '--tests');
        say(
            `    deployed ${r.result?.numberComponentsDeployed ?? (r.result?.files ?? []).length} component(s)${ran.length ? `; RunSpecifiedTests ran ${ran.join(', ')}` : ''}`
        );
    };
    const stepRuns = {
        connection: () => connection(options, ctx, { org, temp, apiVersion }),
        names: () => names(options, ctx, org, temp),
        probe: () => probe(ctx, org, temp),
        core: deployPart(
            'core',
            'fix the problems above; a compile error in CPaasMessagingGateway.cls about an ExternalService name means the probe missed it: rerun from probe'
        ),
        receipts: deployPart(
            'receipts',
            'fix the problems above; a Site needs Sites enabled with a registered Sites domain (Setup → Sites). Or run without --receipts'
        ),
        samples: deployPart('samples', 'fix the problems above, then rerun'),
        validate: () => validate(options, ctx, org),
        permsets: () => {
            assign(command.assign(org, [], permissionSetsFor(options)), ctx, 'you');
            if (options.assign.length) {
                assign(command.assign(org, options.assign, permissionSetsFor(options)), ctx, options.assign.join(', '));
            }
        },
        site: () => {
            const found = site(options, ctx, org);
            options.callbackBaseUrl ??= found;
        },
        key: async () => {
            if (options.skipKey) {
                say(
                    '    skipped (--skip-key): enter the key in Setup (docs/admin-guide.md, "Enter the API key by hand") before the first send'
                );
                return;
            }
            const { instanceUrl, accessToken } = orgSession(options, ctx, org);
            const done = await storeKey({ instanceUrl, accessToken, apiVersion, key: values.key });
            say(`    the key is stored (${done}) on X8x8_CPaaS_Authentication / X8x8_API_Key_Principal, encrypted`);
        },
        secret: async () => {
            if (options.skipSecret) {
                say(
                    `    skipped (--skip-secret): store it in Setup → Custom Settings → ${RECEIPT_SETTING} → Manage; until then every receipt is refused (401)`
                );
                return;
            }
            const { instanceUrl, accessToken, id: orgId } = orgSession(options, ctx, org);
            const done = await storeReceiptSecret({
                instanceUrl,
                accessToken,
                apiVersion,
                orgId,
                secret: values.secret
            });
            say(`    the receipt secret is stored (${done}) as the org default of ${RECEIPT_SETTING}`);
        },
        settings: () => settings(options, ctx, org, temp, apiVersion),
        tests: () => {
            if (options.skipTests) {
                say('    skipped (--skip-tests)');
                return;
            }
            const {
                summary,
                tests,
                covered = [],
                problems
            } = runTests(
                root,
                parts.map((p) => DIRS[p]),
                org,
                ctx.sf
            );
            if (summary) {
                say(
                    `    Apex tests (${tests.length} classes): ${summary.passing} passed, ${summary.failing} failed (${summary.outcome}); coverage: this run ${summary.testRunCoverage ?? 'n/a'}, org-wide ${summary.orgWideCoverage ?? 'n/a'}`
                );
                say(
                    `    lowest class coverage: ${
                        [...covered]
                            .sort((a, b) => a.percent - b.percent)
                            .slice(0, 3)
                            .map((c) => `${c.name} ${c.percent} %`)
                            .join(', ') || 'n/a'
                    }`
                );
            }
            if (problems.length) {
                throw new StepError(
                    `the Apex tests did not pass the rule (every test passes, every class ${MIN_CLASS_COVERAGE} %+):\n    ${problems.join('\n    ')}`,
                    'fix them and deploy, then rerun from tests'
                );
            }
        }
    };
    for (const [id, what] of todo) {
        const n = steps.findIndex(([s]) => s === id) + 1;
        say(`[${n}/${steps.length}] ${id}: ${what}`);
        try {
            await stepRuns[id]();
        } catch (error) {
            error.step = id;
            throw error;
        }
    }
    const skipped = [
        ...(options.skipKey && !options.validateOnly
            ? ['the API key (--skip-key: enter it in Setup before the first send)']
            : []),
        ...(options.skipSecret && options.receipts && !options.validateOnly
            ? ['the receipt secret (--skip-secret: receipts are refused until it is set)']
            : []),
        ...(options.skipTests && !options.validateOnly ? ['the Apex tests (--skip-tests)'] : [])
    ];
    if (options.validateOnly) {
        say(
            'org:setup: validated; only the connection may have been deployed (see above). Quick deploy, then continue with the lines above.'
        );
    } else {
        say(`org:setup: done${skipped.length ? `; skipped: ${skipped.join('; ')}` : ''}`);
    }
}

/** The org's instance URL, access token and Id (sf org display), or a StepError. */
function orgSession(options, ctx, org) {
    const display = mustSf(
        command.display(org),
        ctx,
        'the org could not be read',
        `log in again: npx sf org login web --alias ${options.targetOrg}`
    );
    const { instanceUrl, accessToken, id } = display.result ?? {};
    if (!instanceUrl || !accessToken) {
        throw new StepError(
            'sf org display gave no instance URL and access token',
            `log in again: npx sf org login web --alias ${options.targetOrg}`
        );
    }
    return { instanceUrl, accessToken, id };
}

/**
 * Step connection. With --validate-only, an org that has the registration keeps its connection (deploying it
 * again would reset the region URL step settings wrote). The operation names in the registration are inferred:
 * if the org refuses the registration, it is deployed once more from a copy without <operations>, so the org
 * generates its own names, and steps names and --write-back can bring them into the source.
 */
function connection(options, ctx, { org, temp, apiVersion }) {
    const { say, root } = ctx;
    if (options.validateOnly) {
        const listed = mustSf(
            command.listRegistrations(org),
            ctx,
            "the org's External Service registrations could not be listed",
            'check the login, then rerun'
        );
        if ([].concat(listed.result ?? []).some((m) => m.fullName === 'CPaasMessagingApps')) {
            say('    the org has the connection (CPaasMessagingApps): not deployed again');
            return;
        }
    }
    const fix = 'fix the problems above (this deploy holds no Apex), then rerun';
    const first = ctx.sf(command.connection(org));
    const noTests = options.validateOnly
        ? ' (it holds no Apex, so no tests ran: a production deploy runs them by default only when it contains Apex)'
        : '';
    if (first.ok) {
        say(`    deployed ${DIRS.connection}${noTests}`);
        return;
    }
    const problems = deployProblems(first);
    if (!failedTypes(first).has('ExternalServiceRegistration')) {
        throw new StepError(`the connection did not deploy:\n    ${problems.join('\n    ')}`, fix);
    }
    say(`    the org refused the registration:\n        ${problems.join('\n        ')}`);
    say('    deploying the connection again with a registration without <operations> (the org then names them)');
    const dir = writePackage(
        path.join(temp, 'connection'),
        connectionMembers(root, DIRS.connection, (type, xml) =>
            type === 'ExternalServiceRegistration' ? withoutOperations(xml) : xml
        ),
        apiVersion
    );
    const second = ctx.sf(command.deployPackage(dir, org));
    if (!second.ok) {
        throw new StepError(
            `the connection did not deploy, with or without the operation names:\n    ${[...problems, ...deployProblems(second)].join('\n    ')}`,
            fix
        );
    }
    say(
        `    deployed ${DIRS.connection} without <operations>${noTests}; step names shows the names the org stored, and --write-back writes them into the source`
    );
}

/** Step names: the org's stored operation names against the source's. */
function names(options, ctx, org, temp) {
    const { root, say } = ctx;
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
    if (options.writeBack && theirs.length) {
        fs.writeFileSync(path.join(root, REGISTRATION), withOperationNames(source, theirs));
        say(
            `    wrote the org's names into ${REGISTRATION}; commit it (npm run check:spec checks the encoding; if it fails, the rule lives in storedOperationName, scripts/gates/lib/external-service-model.mjs)`
        );
    } else {
        say(
            '    (not a compile problem: Apex matches operation names without case; rerun with --write-back to keep the source equal to the org)'
        );
    }
}

/**
 * Step validate (--validate-only): core (and receipts) validated in production with RunSpecifiedTests naming
 * their test classes, so a quick deploy can follow without running them again (a validation can be quick-deployed
 * for 10 days: "deployRecentValidation()",
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deployRecentValidation.htm).
 */
function validate(options, ctx, org) {
    const { root, say } = ctx;
    const parts = ['core', ...(options.receipts ? ['receipts'] : [])];
    const tests = testsOf(root, parts);
    const r = mustSf(
        command.deploy(
            parts.map((p) => DIRS[p]),
            org,
            testLevel(PRODUCTION, tests),
            'validate'
        ),
        ctx,
        `${parts.map((p) => DIRS[p]).join(' and ')} did not validate`,
        'fix the problems above (a test failure or a class under 75 % fails the validation), then rerun with --validate-only'
    );
    const id = r.result?.id;
    say(`    validated ${parts.map((p) => DIRS[p]).join(' and ')} with RunSpecifiedTests: ${tests.join(', ')}`);
    say(`    validation id: ${id}`);
    say(`    deploy what was validated (within 10 days): npx sf ${command.quick(id, org).join(' ')}`);
    say(`    then: ${rerunCommand({ ...options, validateOnly: false }, 'permsets')}`);
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
        `    assigned ${args.filter((a, i) => args[i - 1] === '--name').join(', ')} to ${who}${r.result?.failures?.length ? ' (some were already assigned)' : ''}`
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
        command.query(SETTINGS_QUERY, org),
        ctx,
        'the settings could not be read',
        'check that step deploy succeeded, then rerun'
    );
    const exists = (query.result?.totalSize ?? query.result?.records?.length ?? 0) > 0;
    const given = {
        Subaccount_Id__c: options.subaccount,
        Template_Name__c: options.template,
        Template_Language__c: options.language,
        Allowed_Country_Codes__c: options.countries,
        Integration_Username__c: options.integrationUser,
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

/** --dry-run: the prerequisites, the org's kind (when sf can tell), every step's commands, and the values it writes. */
function dryRun(options, ctx) {
    const { say, root } = ctx;
    say(`org:setup --dry-run: nothing is changed. The plan for ${options.targetOrg ?? '<target-org>'}:`);
    say(PREREQUISITES(options));
    let kind;
    if (options.targetOrg) {
        try {
            const r = ctx.sf(command.query(ORGANIZATION_QUERY, ['--target-org', options.targetOrg]));
            const row = r.ok ? r.result?.records?.[0] : undefined;
            kind = row ? orgKind(row) : undefined;
            say(
                row
                    ? `The org is ${kind} (a read-only query of Organization).`
                    : `The org's kind is unknown (${r.json.message ?? 'no Organization row'}).`
            );
        } catch (error) {
            say(`The org's kind is unknown (${error.message}).`);
        }
    }
    if (kind === undefined) {
        say(
            'Deploys below show the production test level; in a sandbox, scratch, trial or Developer Edition org they run no tests and step tests runs them.'
        );
    }
    const steps = stepsFor(options);
    const commands = plan(options, root, kind);
    say(
        `Before step 1: sf org display (sf and the login), one query of Organization (the org's kind)${options.receipts ? '' : ', and one of Site (a receipt Site from an earlier run is reported)'}; then the API key${options.receipts ? ' and the receipt secret are' : ' is'} read.`
    );
    steps.slice(options.from ? steps.findIndex(([id]) => id === options.from) : 0).forEach(([id, what]) => {
        say(`[${steps.findIndex(([s]) => s === id) + 1}/${steps.length}] ${id}: ${what}`);
        commands[id].forEach((c) =>
            say(
                `    ${
                    c[0].startsWith('(')
                        ? c.join(' ')
                        : `sf ${c
                              .filter((a, i) => i > 0 || a !== 'sf')
                              .map((a) => (/\s/.test(a) ? JSON.stringify(a) : a))
                              .join(' ')}${c[0] === 'sf' ? '' : ' --json'}`
                }`
            )
        );
    });
    if (!options.validateOnly) {
        say('Values it writes (step settings):');
        say(`    Named Credential X8x8_Messaging_API URL: ${REGIONS[options.region]} (--region ${options.region})`);
        const values = [
            ['Subaccount_Id__c', options.subaccount, '--subaccount'],
            ['Template_Name__c', options.template, '--template'],
            ['Template_Language__c', options.language, '--language'],
            ['Allowed_Country_Codes__c', options.countries, '--countries'],
            ['Integration_Username__c', options.integrationUser, '--integration-user'],
            [
                'Receipt_Callback_Base_Url__c',
                options.receipts ? (options.callbackBaseUrl ?? "<the Site's URL, found by step site>") : undefined,
                '--receipts'
            ]
        ];
        for (const [field, v, flag] of values) {
            say(
                `    WhatsApp_OTP_Setting.Default ${field}: ${v ?? `(not given: a new record gets ${SETTINGS_RECORD}'s value, an existing one keeps its own; ${flag})`}`
            );
        }
        for (const [flag, what] of [
            ['subaccount', '--subaccount: every send fails until the settings record has the 8x8 subaccount id'],
            [
                'template',
                '--template: every send fails until the settings record names an approved AUTHENTICATION template'
            ]
        ]) {
            if (!options[flag]) {
                say(`WARNING: no ${what} (unless the org's record already has it)`);
            }
        }
        if (!options.countries) {
            say(
                "WARNING: no --countries: a blank Allowed Country Codes refuses every send in production (COUNTRIES_REQUIRED) and allows every country elsewhere (unless the org's record already has a list)"
            );
        }
        if (!options.receipts) {
            say(
                'Without --receipts the callback base URL stays blank: 8x8 sends no receipts, and the composer shows "sent".'
            );
        }
    }
    return 0;
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
    io.stdin ??= process.stdin;
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
    const root = io.cwd;
    if (!fs.existsSync(path.join(root, 'sfdx-project.json'))) {
        io.stderr.write('org:setup: run it from the project root (where sfdx-project.json is)\n');
        return 2;
    }
    const ctx = context(root, io);
    if (options.dryRun) {
        return dryRun(options, ctx);
    }
    try {
        await run(options, ctx, io);
        return 0;
    } catch (error) {
        if (!(error instanceof StepError)) {
            throw error;
        }
        const steps = stepsFor(options);
        const n = steps.findIndex(([id]) => id === error.step) + 1;
        io.stderr.write(
            n
                ? `\norg:setup: step ${n} of ${steps.length} (${error.step}) failed: ${error.message}\n  fix: ${error.fix}\n  then resume: ${rerunCommand(options, error.step)}\n`
                : `\norg:setup: ${error.message}\n  fix: ${error.fix}\n`
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
