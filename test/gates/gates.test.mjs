// Every gate proven on its fixtures (test/gates/fixtures/<gate>/): one row per run of a gate's command line (or, where
// loading a validator once pays, its exported check in this process), each with the exit status it must give (1, a
// gate's answer to a bad fixture, unless the row says otherwise) and the lines its output must (expect) and must not
// (absent) hold; each pattern is its own subtest, so a failure names one reason. The project itself passing each gate
// is the check:* scripts' own run, not repeated here.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
    encodeName,
    encodeProperty,
    nameCandidates,
    storedOperationName
} from '../../scripts/gates/lib/external-service-model.mjs';
import { APEX_RESERVED_KEYWORDS, ENCODED_WORDS } from '../../scripts/gates/lib/apex-reserved-words.mjs';
import { checkSpec, parseOptions } from '../../scripts/gates/spec.mjs';
import { checkWorkflows } from '../../scripts/gates/workflows.mjs';
import { withSchema } from '../../scripts/sync-external-service.mjs';
import { XMLParser } from 'fast-xml-parser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const F = 'test/gates/fixtures';
const NO_JAVA = { PATH: path.join(os.tmpdir(), 'no-java-on-this-path'), JAVA_HOME: '' };

/** Runs a command in the project root: its exit status and its stdout and stderr as one text. */
const run = (file, args, env = {}, cwd = root) =>
    new Promise((resolve) => {
        const options = {
            cwd,
            encoding: 'utf8',
            maxBuffer: 1 << 26,
            env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }
        };
        execFile(file, args, options, (error, stdout, stderr) =>
            resolve({ status: error ? error.code : 0, out: stdout + stderr })
        );
    });
/** A row's run of a gate's command line on the given arguments (gateNoJava: without Java on PATH). */
function gate(name, ...args) {
    return () => run(process.execPath, [`scripts/gates/${name}.mjs`, ...args], this);
}
const gateNoJava = gate.bind(NO_JAVA);
/** An in-process check's findings as a gate prints them: exit 1 with findings, else 0. */
const findings = (lines) => ({ status: lines.length ? 1 : 0, out: lines.join('\n') });
function spec(...args) {
    return async () => findings((await checkSpec(parseOptions(args))).findings);
}
const workflows = (file) => async () => findings(checkWorkflows([path.join(root, F, 'workflows', file)]));

function buildSync(file, text) {
    // build.mjs works on the project it sits in: a temp project with its copy, one component, one output file written
    // by hand (the rest of the output is missing, which --check reports too; each row looks for its own file).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-sync-'));
    fs.cpSync(path.join(root, F, 'build-sync', 'src-ts'), path.join(dir, 'src-ts'), { recursive: true });
    for (const f of ['scripts/build.mjs', 'tsconfig.json', 'tsconfig.build.json']) {
        fs.cpSync(path.join(root, f), path.join(dir, f));
    }
    fs.mkdirSync(path.join(dir, 'force-app/core/lwc/demo'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'force-app/core/lwc/demo', file), text);
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return run(process.execPath, ['scripts/build.mjs', '--check'], {}, dir).finally(() =>
        fs.rmSync(dir, { recursive: true, force: true })
    );
}

const ROWS = [
    {
        name: 'apex-semantic: documented ExternalService use passes; a missing method, a type mismatch, an undefined variable and a wrong ExternalService field fail',
        run: gate('apex-semantic', `${F}/apex/good`, `${F}/apex/bad-semantic`),
        expect: [
            /CallsMissingMethod\.cls:7:\d+ Missing: No matching method found for 'roundUp'/,
            /WrongTypes\.cls:3:\d+ Error: Incompatible types in assignment, from 'System\.String' to 'System\.Integer'/,
            /WrongTypes\.cls:4:\d+ Missing: No variable or type found for 'undefinedVariable'/,
            // The spec's "type" and "user" are z0type and z0user in Apex: the model catches the plain spellings.
            /WrongExternalServiceField\.cls:4:\d+ Missing: Unknown field or type 'type' on 'ExternalService\.CPaasMessagingApps_singlex2dmessagex2drequest'/,
            /WrongExternalServiceField\.cls:5:\d+ Missing: Unknown field or type 'user' on/,
            /^apex-semantic: 5 finding\(s\)$/m
        ],
        absent: [/fixtures\/apex\/good\//]
    },
    {
        name: 'apex-semantic --list prints the ExternalService names inferred from the spec',
        run: gate('apex-semantic', '--list'),
        status: 0,
        expect: [
            /^ExternalService\.CPaasMessagingApps\.Sendx2dMessage\(Sendx2dMessage_Request input\)/m,
            /^ExternalService\.CPaasMessagingApps_content_template_components_parameters\.z0type: String \(spec: type\)$/m,
            /^ExternalService\.CPaasMessagingApps\.sendx2dmessagex2dmany_ResponseException\.Code400: CPaasMessagingApps_errorx2dresponse$/m,
            /^ExternalService\.CPaasMessagingApps_singlex2dmessagex2drequest\.z0user: CPaasMessagingApps_recipient \(spec: user\)$/m,
            /^ExternalService\.CPaasMessagingApps_errorx2dresponse\.code: Integer$/m
        ]
    },
    ...['apex-semantic', 'pmd'].map((name) => ({
        name: `${name}: without Java fails with install instructions instead of skipping`,
        run: gateNoJava(name, `${F}/apex/good`),
        expect: [/Java was not found.*install a JDK 17, e\.g\. apt-get install openjdk-17-jdk-headless/]
    })),
    {
        name: 'pmd: documented Apex passes; a SOQL query in a loop and a suppression without a reason fail',
        run: gate('pmd', `${F}/apex/good`, `${F}/apex/bad-pmd`),
        expect: [
            /^pmd: checked 5 file\(s\)$/m,
            /bad-pmd\/classes\/QueryInLoop\.cls:13:\d+ OperationWithLimitsInLoop:/,
            /bad-pmd\/classes\/SilentSuppression\.cls:9 @SuppressWarnings\('PMD\.\.\.'\) without a comment giving the reason/
        ],
        absent: [/^pmd: .*fixtures\/apex\/good\//m]
    },
    {
        name: 'apex-test-flows: a test calling the action passes; a test class that creates or constructs a flow interview fails',
        run: gate('apex-test-flows', `${F}/apex-tests/flows-good`, `${F}/apex-tests/flows-bad`),
        expect: [
            /^apex-test-flows: checked 3 file\(s\)$/m,
            /flows-bad\/classes\/StartsFlowsTest\.cls:5 .*\(Flow\.Interview\.createInterview\)/,
            /flows-bad\/classes\/StartsFlowsTest\.cls:7 .*\(Flow\.Interview\.Send_WhatsApp_OTP\)/,
            /^apex-test-flows: 2 finding\(s\)$/m
        ],
        absent: [/flows-good\//]
    },
    {
        name: 'apex-test-runas: entry points inside runAs pass; each kind called outside runAs fails where the test calls it',
        run: gate('apex-test-runas', `${F}/apex-tests/runas-good`, `${F}/apex-tests/runas-bad`),
        expect: [
            /^apex-test-runas: checked 6 file\(s\)$/m,
            /CallsOutsideRunAsTest\.cls:18 FixtureController\.sendOtp\(\) called outside System\.runAs in CallsOutsideRunAsTest\.entryPointsOutsideRunAs/,
            /CallsOutsideRunAsTest\.cls:20 WhatsAppOtpService\.reserve\(\) called outside/,
            /CallsOutsideRunAsTest\.cls:21 FixtureController\.sendOtp\(\) called outside/,
            /CallsOutsideRunAsTest\.cls:32 FixtureReceipts\.receive\(\) called outside .*oldStyleTestMethod/,
            /CallsOutsideRunAsTest\.cls:13 FixtureAction\.send\(\) called outside .*makeData/,
            /CallsOutsideRunAsTest\.cls:28 reserveTwice\(\) called outside System\.runAs in CallsOutsideRunAsTest\.helpersThatReachAnEntryPoint reaches WhatsAppOtpService\.reserve\(\) outside System\.runAs \(.*CallsOutsideRunAsTest\.cls:4\)/,
            /^apex-test-runas: 6 finding\(s\)$/m
        ],
        absent: [/runas-good\//, /CallsOutsideRunAsTest\.cls:23 /]
    },
    {
        name: 'apex-test-runas: without the service class fails instead of checking less',
        run: gate('apex-test-runas', `${F}/apex-tests/runas-bad`),
        expect: [/no class WhatsAppOtpService under test\/gates\/fixtures\/apex-tests\/runas-bad/]
    },
    {
        name: 'bad-inputs: a table naming existing tests, org-only checks and untested rows passes, with its counts',
        run: gate('bad-inputs', `${F}/bad-inputs/good/security.md`, `${F}/bad-inputs/classes`),
        status: 0,
        expect: [/^bad-inputs: 3 row\(s\): 1 tested, 1 org-only, 1 untested$/m]
    },
    {
        name: 'bad-inputs: a missing method, a helper that is not a test, an empty cell and a duplicate id fail',
        run: gate('bad-inputs', `${F}/bad-inputs/bad/security.md`, `${F}/bad-inputs/classes`),
        expect: [
            /security\.md:7 row A1 names FixtureTest\.missingTest, which is not an @IsTest method/,
            /security\.md:8 row A2 names FixtureTest\.helperOnly, which is not an @IsTest method/,
            /security\.md:9 row A3: the test cell must be/,
            /security\.md:10 row A1 appears twice/,
            /security\.md:10 row A1 names MissingClassTest\.anything/,
            /^bad-inputs: 5 finding\(s\)$/m
        ]
    },
    {
        name: 'bad-inputs: the shipped table holds at least the review’s 155 rows',
        run: gate('bad-inputs'),
        status: 0,
        expect: [/^bad-inputs: (1[5-9]\d|[2-9]\d\d|\d{4,}) row\(s\)/m]
    },
    ...[
        ['a compiled file edited by hand', 'demo.js', '// a hand edit\n', 'differs from a fresh build'],
        ['a stale copied template', 'demo.html', '<!-- stale -->\n', 'differs from a fresh build'],
        ['a file no source makes', 'extra.css', 'p {}\n', 'no source in src-ts/lwc makes this file']
    ].map(([what, file, text, message]) => ({
        name: `build-sync: ${what} fails --check, naming the file`,
        run: () => buildSync(file, text),
        expect: [new RegExp(`force-app/core/lwc/demo/${file.replace('.', '\\.')}: ${message}`)]
    })),
    {
        name: 'lint: an LWC rule (compiled JS) and a typescript-eslint rule (src-ts) fail; clean code passes',
        run: () =>
            run(process.execPath, [
                path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js'),
                '--no-ignore',
                '--format',
                'json',
                `${F}/eslint/good`,
                `${F}/eslint/bad`
            ]),
        expect: [
            /bad\/lwc\/timer\/timer\.js","messages":\[\{"ruleId":"@lwc\/lwc\/no-async-operation".*?"line":5,"column":9/,
            /bad\/src-ts\/loose\.ts","messages":\[\{"ruleId":"@typescript-eslint\/no-explicit-any".*?"line":1,"column":38/
        ],
        absent: [/good\/lwc\/counter\/counter\.js","messages":\[\{/]
    },
    {
        name: 'format:check: formatted Apex and JavaScript pass; unformatted ones and Apex that does not parse fail',
        // .prettierignore skips the fixtures, so this run reads an ignore file that does not exist instead.
        run: () =>
            run(process.execPath, [
                require.resolve('prettier/bin/prettier.cjs'),
                '--check',
                '--ignore-path',
                `${F}/none`,
                `${F}/prettier/good`,
                `${F}/prettier/bad`
            ]),
        status: 2,
        expect: [
            /\[warn\] test\/gates\/fixtures\/prettier\/bad\/Unformatted\.cls$/m,
            /\[warn\] test\/gates\/fixtures\/prettier\/bad\/unformatted\.js$/m,
            /\[error\] test\/gates\/fixtures\/prettier\/bad\/MissingSemicolon\.cls: Error: Unexpected token 'return'/
        ],
        absent: [/fixtures\/prettier\/good\//]
    },
    {
        name: 'controller-contract: a .d.ts that differs from the controller fails on each difference',
        run: gate(
            'controller-contract',
            'force-app/core/classes/controllers/WhatsAppOtpController.cls',
            `${F}/controller-contract/apex.d.ts`
        ),
        expect: [
            /sendOtp result codeLength: \S+apex\.d\.ts says string, the Apex number/,
            /sendOtp result nickname: in \S+apex\.d\.ts, not an @AuraEnabled field/,
            /verifyOtp: \S+apex\.d\.ts has no param code/,
            /verifyOtp: \S+apex\.d\.ts has a param otp the Apex lacks/,
            /verifyOtp result status: @AuraEnabled on VerifyOtpResponse, missing from/,
            /getSendStatus: @AuraEnabled, but \S+apex\.d\.ts declares no module/
        ],
        absent: [/sendOtp result (challengeId|retryAt)/]
    },
    {
        name: 'flows: a flow action with a fault path passes every rule',
        run: gate('flows', `${F}/flows/good`),
        status: 0,
        expect: [/^flows: checked 1 file\(s\)$/m]
    },
    {
        name: 'flows: a flow action without a fault path fails, naming file:line and the element',
        run: gate('flows', `${F}/flows/bad`),
        expect: [
            /bad\/Fixture_No_Fault_Path\.flow-meta\.xml:\d+ MissingFaultPath: Send_OTP \(actionCalls\)/,
            /^flows: 1 finding\(s\)$/m
        ]
    },
    {
        name: 'flows: an exception with its reason suppresses the result',
        run: gate('flows', `${F}/flows/bad`, '--config', `${F}/flows/exception-with-reason.json`),
        status: 0
    },
    {
        name: 'flows: an exception without a reason fails, naming the exception',
        run: gate('flows', `${F}/flows/bad`, '--config', `${F}/flows/exception-without-reason.json`),
        expect: [
            /exception-without-reason\.json: exceptions\.Fixture_No_Fault_Path\.MissingFaultPath\.Send_OTP: an exception without a reason/
        ],
        absent: [/MissingFaultPath: Send_OTP \(actionCalls\)/]
    },
    {
        name: 'gateway-callers: the delivery job, a class that only queues it and a test pass; others obtaining the gateway or calling out fail',
        run: gate('gateway-callers', `${F}/gateway-callers/good`, `${F}/gateway-callers/bad`),
        expect: [
            /bad\/classes\/SendsItself\.cls:4 SendsItself obtains the 8x8 gateway.*\(CPaasMessagingGateway\.forSettings\(\)/,
            /bad\/classes\/SendsItself\.cls:5 SendsItself obtains the 8x8 gateway.*\(newCPaasMessagingGateway\(\)/,
            /bad\/classes\/SendsItself\.cls:6 SendsItself calls out directly.*\(HttpRequest\)/,
            /bad\/classes\/SendsItself\.cls:7 SendsItself names a callout endpoint/,
            /bad\/classes\/SendsItself\.cls:8 SendsItself calls out directly.*\(ExternalService\.CPaasMessagingApps\)/,
            /^gateway-callers: 7 finding\(s\)$/m
        ],
        absent: [/gateway-callers\/good\//]
    },
    {
        name: 'lwc-compile: a bundle the compiler accepts passes; a template it refuses fails, naming file:line',
        run: gate('lwc-compile', `${F}/lwc/good/lwc`, `${F}/lwc/bad/lwc`),
        expect: [
            /^lwc-compile: checked 5 file\(s\)$/m,
            /brokenTemplate\/brokenTemplate\.html:3:\d+ LWC1166: 'if:true' directive cannot be used with 'lwc:if'/
        ],
        absent: [/^lwc-compile: .*fixtures\/lwc\/good\//m]
    },
    {
        name: 'metadata: valid metadata passes; each kind of defect fails, naming the file and line',
        run: gate(
            'metadata',
            ...['good', 'bad', 'too-long-description', 'too-long', 'folder-alias', 'first-deploy'].map(
                (d) => `${F}/metadata/${d}`
            )
        ),
        expect: [
            /^metadata: checked 21 file\(s\)$/m,
            /Misspelled__c\.field-meta\.xml:5 <CustomField\.lenght>: unknown element "lenght" in CustomField/,
            /BadEnum__c\.field-meta\.xml:6 <CustomField\.type>: invalid FieldType value "Txt"/,
            /BadScalars__c\.field-meta\.xml:5 <CustomField\.precision>: "three" is not a number/,
            /BadScalars__c\.field-meta\.xml:6 <CustomField\.required>: "yes" is not a boolean/,
            /Malformed\.permissionset-meta\.xml:5:\d+ malformed XML/,
            /WrongNamespace\.permissionset-meta\.xml:2 <PermissionSet>: root namespace must be/,
            /BadTargetConfig\.js-meta\.xml:10 <LightningComponentBundle\.targetConfigs\.targetConfig\.propery>: unknown element/,
            /WrongRoot__c\.field-meta\.xml:2 <CustomObject>: a \.field-meta\.xml file holds CustomField, not CustomObject/,
            /No_Index_Page\.site-meta\.xml:5 <CustomSite>: required element "indexPage" of CustomSite is missing/,
            /Flow_Name_With_Semicolon\.permissionset-meta\.xml:5 <PermissionSet\.flowAccesses\.flow>: "Send_WhatsApp_OTP;" is not an API name/,
            /Protected_Secret__c\.object-meta\.xml:6 <CustomObject\.visibility>: Protected outside a namespace/,
            /Long_Description\.permissionset-meta\.xml:4 <PermissionSet\.description>: 256 characters, Salesforce accepts at most 255/,
            /F{41}__c\.field-meta\.xml:3 <CustomField API name>: 41 characters, Salesforce accepts at most 40/,
            /F{41}__c\.field-meta\.xml:5 <CustomField\.inlineHelpText>: 511 characters, Salesforce accepts at most 510/,
            /F{41}__c\.field-meta\.xml:6 <CustomField\.label>: 41 characters, Salesforce accepts at most 40/,
            /F{41}__c\.field-meta\.xml:12 <CustomField\.valueSet\.valueSetDefinition\.value\.fullName>: 256 characters, Salesforce accepts at most 255/,
            /CustomLabels\.labels-meta\.xml:8 <CustomLabels\.labels\.shortDescription>: 81 characters, Salesforce accepts at most 80/,
            /CustomLabels\.labels-meta\.xml:9 <CustomLabels\.labels\.value>: 1001 characters, Salesforce accepts at most 1000/,
            /Long_Element\.flow-meta\.xml:9 <Flow\.variables\.name>: 81 characters, Salesforce accepts at most 80 \(FlowElement\.name\)/,
            // A bare alias (`export type DashboardFolder = Folder;`) is checked as the type it names.
            /Otp_Dashboards\.dashboardFolder-meta\.xml:9 <DashboardFolder\.nmae>: unknown element "nmae" in DashboardFolder/,
            /Otp_Dashboards\.dashboardFolder-meta\.xml:10 <DashboardFolder\.publicFolderAccess>: invalid PublicFolderAccess value "ReadOnyl"/,
            /Otp_Dashboards\.dashboardFolder-meta\.xml:2 <DashboardFolder>: required element "name" of DashboardFolder/,
            /^metadata: 22 finding\(s\)$/m
        ],
        absent: [/^metadata: test\/gates\/fixtures\/metadata\/good\//m, /Otp_Reports\.reportFolder-meta\.xml/]
    },
    {
        name: 'package-references: core naming receipts or samples fails; receipts naming their dependencies passes',
        run: gate('package-references', `${F}/package-references/seeded`),
        expect: [
            /core\/permissionsets\/Agent\.permissionset-meta\.xml:8 names ReceiptResource from force-app\/receipts/,
            /core\/quickActions\/Contact\.Go\.quickAction-meta\.xml:3 names Sample_Flow from force-app\/samples/,
            /core\/classes\/CoreService\.cls:7 names ReceiptStore/,
            /core\/lwc\/card\/card\.js:2 names ReceiptStore/,
            /package-references: 4 finding\(s\)/
        ],
        absent: [/CoreService\.cls:1 /, /receipts\/classes/]
    },
    {
        name: 'setting-bounds: a rule that disagrees with the Policy bound, and a bound without a rule, fail',
        run: gate('setting-bounds', `${F}/setting-bounds/rules`, `${F}/setting-bounds/Policy.cls`),
        expect: [
            /Hourly_Send_Cap_Range\.validationRule-meta\.xml: the formula allows 1 to 50, WhatsAppOtpPolicy 1 to 20/,
            /Hourly_Send_Cap_Range\.validationRule-meta\.xml: the error message does not say "from 1 to 20"/,
            /no validation rule for the Bound maxattempts/
        ],
        absent: [/Code_Length_Range/]
    },
    {
        name: 'source-structure: a class with its -meta.xml converts; a class without it and a stray file fail',
        run: gate('source-structure', `${F}/source/good`, `${F}/source/bad`),
        expect: [
            /^source-structure: checked 4 file\(s\)$/m,
            /^source-structure: 1 metadata component\(s\)$/m,
            /bad\/main\/default\/classes\/NoMetaFile\.cls: not part of any metadata component/,
            /bad\/main\/default\/classes\/notes\.txt: not part of any metadata component/
        ],
        absent: [/^source-structure: .*fixtures\/source\/good\//m]
    },
    {
        name: 'spec: a fallback fixture with a misspelt channel property and a wrong successStatus fails',
        run: spec(`--fallbackFixture=${F}/spec/fallback-bad-channel/fixture.json`),
        expect: [
            /fallback-bad-channel\/fixture\.json: the fixture does not match/,
            /must NOT have additional properties "fallbackAfterSeconds"/,
            /\/channels\/0\/successStatus must be equal to one of the allowed values/
        ]
    },
    {
        name: 'spec: a registration whose schema differs from the spec fails, naming the registration and where',
        run: spec(
            `--registration=${F}/spec/registration-differs/CPaasMessagingApps.externalServiceRegistration-meta.xml`
        ),
        expect: [
            /registration-differs\/\S+: <schema> differs from spec\/cpaas-messaging-apps\.openapi\.json at \S*\.responses\.429\.description/
        ]
    },
    {
        name: 'spec: a registration whose operation names are not stored as an org stores them fails',
        run: spec(
            `--registration=${F}/spec/operation-names-not-stored/CPaasMessagingApps.externalServiceRegistration-meta.xml`
        ),
        expect: [
            /<operations> names \[Send-Message, sendx2dmessagex2dmany\] are not the spec's operationIds as an org stores them \[sendx2dmessage, sendx2dmessagex2dmany\]/
        ]
    },
    {
        name: 'spec: an invalid OpenAPI document fails, naming the spec',
        run: spec(`--spec=${F}/spec/invalid-spec/openapi.json`),
        expect: [/invalid-spec\/openapi\.json: not a valid OpenAPI document/, /missingProperty.*version/]
    },
    {
        name: 'spec: a fixture with an enum value outside the spec fails, alone and in a batch body',
        run: spec(`--fixture=${F}/spec/wrong-enum/fixture.json`),
        expect: [
            /wrong-enum\/fixture\.json: the fixture does not match.*\/type must be equal to one of the allowed values \(allowed: .*Template\)/,
            /wrong-enum\/fixture\.json: a batch body built from the fixture does not match/
        ]
    },
    {
        name: 'spec: a fixture with a misspelt property fails, naming the property',
        run: spec(`--fixture=${F}/spec/misspelt-property/fixture.json`),
        expect: [
            /misspelt-property\/fixture\.json: the fixture does not match.*must NOT have additional properties "subtype"/
        ]
    },
    {
        name: 'spec: a path that does not exist fails instead of checking nothing',
        run: gate('spec', `--fixture=${F}/spec/no-such-fixture.json`),
        expect: [/no-such-fixture\.json: no such file or directory/]
    },
    ...fs.readdirSync(path.join(root, F, 'workflows', 'good')).map((file) => ({
        name: `workflows: ${file}, a secret-gated workflow routed through env and a job output, passes`,
        run: workflows(`good/${file}`),
        status: 0
    })),
    {
        name: 'workflows: a workflow outside the schema fails, naming the file and the path',
        run: workflows('bad/not-a-workflow.yml'),
        expect: [
            /bad\/not-a-workflow\.yml: \/on OneOf conditions are not met/,
            /bad\/not-a-workflow\.yml: \/jobs\/build OneOf conditions are not met/
        ]
    },
    {
        name: 'workflows: secrets in if: and env in a job condition fail',
        run: workflows('bad/secret-in-if.yml'),
        expect: [
            /jobs\.scratch-org\.if reads secrets, which GitHub does not allow in if:/,
            /jobs\.second\.if reads env, which a job's if: cannot see/
        ]
    },
    {
        name: 'workflows: a step that installs a CLI globally fails; a local install passes',
        run: workflows('bad/global-install.yml'),
        expect: [
            /jobs\.build\.steps\[0\] installs a package globally; use the project's own/,
            /jobs\.build\.steps\[1\] installs a package globally/
        ],
        absent: [/steps\[2\]/]
    },
    {
        name: 'workflows: a path that does not exist fails instead of checking nothing',
        run: gate('workflows', `${F}/workflows/none`),
        expect: [/no such file or directory/]
    }
];

describe('gates on their fixtures', { concurrency: os.availableParallelism() }, () => {
    for (const row of ROWS) {
        it(row.name, async (t) => {
            const { status, out } = await row.run();
            const expected = row.status ?? 1;
            await t.test(`exits ${expected}`, () => assert.equal(status, expected, out));
            for (const pattern of row.expect ?? []) {
                await t.test(`prints ${pattern}`, () => assert.match(out, pattern));
            }
            for (const pattern of row.absent ?? []) {
                await t.test(`does not print ${pattern}`, () => assert.doesNotMatch(out, pattern));
            }
        });
    }
});

test('exactly one @lwc/compiler version is installed (a second copy breaks the compiler)', () => {
    // What `npm ls @lwc/compiler` shows, without npm's start-up: every copy the lockfile has npm ci install.
    const { packages } = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    const copies = Object.entries(packages).filter(([where]) => where.endsWith('node_modules/@lwc/compiler'));
    assert.deepEqual([...new Set(copies.map(([, p]) => p.version))], ['8.28.2']);
});

test('the ExternalService model encodes names as Salesforce documents it', () => {
    // Salesforce Help, "Apex Reserved Keywords" (External Services): its own examples.
    assert.equal(encodeName('5getOpen-bankingV2.2Atms'), 'x35getOpenx2dbankingV2x2e2Atms');
    assert.equal(encodeName('fixed_array_of_AutoContext'), 'fixedx5farrayx5fofx5fAutoContext');
    assert.equal(encodeName('send-message-many'), 'sendx2dmessagex2dmany');
    assert.equal(storedOperationName('Create Leads'), 'createx20leads');
});

test('reserved words are the current Apex list plus the words External Services encodes', () => {
    for (const word of ['user', 'date', 'currency', 'integer', 'string', 'type', 'datetime', 'boolean']) {
        assert.equal(encodeProperty(word), `z0${word}`);
    }
    // Seen unrenamed in compiled code, and not reserved.
    for (const plain of ['index', 'text', 'name', 'content', 'parameters', 'status', 'code', 'message']) {
        assert.equal(encodeProperty(plain), plain);
    }
    assert.ok(
        ENCODED_WORDS.has('user') && !APEX_RESERVED_KEYWORDS.includes('user'),
        'user is an External Services addition'
    );
});

test('the org:setup probe tries the model name first, then the alternatives the evidence leaves', () => {
    assert.deepEqual(nameCandidates('property', 'user'), ['z0user', 'user']);
    assert.deepEqual(nameCandidates('property', 'type'), ['z0type']);
    assert.deepEqual(nameCandidates('property', 'msisdn'), ['msisdn']);
    assert.deepEqual(nameCandidates('operation', 'Send-Message'), ['Sendx2dMessage', 'SendMessage']);
});

test('the sync script embeds a spec so that XML parsing gives back the same JSON, markup characters included', () => {
    const spec = { info: { description: `Tom's "quoted" <b>bold</b> & more` }, paths: {} };
    const xml = withSchema(
        '<ExternalServiceRegistration><schema>old</schema></ExternalServiceRegistration>',
        JSON.stringify(spec, null, 4)
    );
    assert.ok(!xml.includes('<b>'), xml);
    const parsed = new XMLParser({ parseTagValue: false, trimValues: false }).parse(xml);
    assert.deepEqual(JSON.parse(parsed.ExternalServiceRegistration.schema), spec);
});
