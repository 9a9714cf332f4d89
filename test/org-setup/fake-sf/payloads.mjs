// Canned `--json` answers of the fake `sf`. Each `result` has the shape of the plugin's published JSON schema
// (the files the plugins generate from their command return types and check in CI), named beside it; the
// envelope { status, result, warnings } / { status, name, message, exitCode } is @salesforce/sf-plugins-core's
// SfCommand JSON output.

/** The fake org's Site WhatsApp_OTP_Receipts, its guest user and its URL (Site and SiteDetail records). */
export const SITE_ID = '0DM000000000001AAA';
export const GUEST_USER_ID = '005000000000009AAA';
export const GUEST_USERNAME = 'whatsapp_otp_receipts@acme.my.salesforce-sites.com';
export const SITE_URL = 'https://acme.my.salesforce-sites.com/whatsappotp';
/** The id of a successful `project deploy validate` (the job a quick deploy names). */
export const VALIDATION_ID = '0Af000000000042AAA';

/** salesforcecli/plugin-deploy-retrieve schemas/project-deploy-start.json (DeployResultJson). */
export function deploySucceeded(files, { checkOnly = false, id = '0Af000000000001' } = {}) {
    return {
        status: 0,
        result: {
            checkOnly,
            createdBy: '005000000000001',
            createdByName: 'Admin User',
            createdDate: '2026-12-01T21:00:00.000Z',
            details: { componentFailures: [], componentSuccesses: [] },
            done: true,
            files,
            id,
            ignoreWarnings: false,
            lastModifiedDate: '2026-12-01T21:00:05.000Z',
            numberComponentErrors: 0,
            numberComponentsDeployed: files.length,
            numberComponentsTotal: files.length,
            numberTestErrors: 0,
            numberTestsCompleted: 0,
            numberTestsTotal: 0,
            rollbackOnError: true,
            runTestsEnabled: false,
            status: 'Succeeded',
            success: true
        },
        warnings: []
    };
}

/** The same schema for a failed deploy: details.componentFailures are DeployMessage objects. */
export function deployFailed(fullName, componentType, problem) {
    const failed = deploySucceeded([
        { fullName, type: componentType, state: 'Failed', error: problem, problemType: 'Error' }
    ]);
    Object.assign(failed.result, {
        status: 'Failed',
        success: false,
        numberComponentErrors: 1,
        numberComponentsDeployed: 0,
        details: {
            componentFailures: [
                {
                    changed: false,
                    componentType,
                    created: false,
                    createdDate: '2026-12-01T21:00:05.000Z',
                    deleted: false,
                    fileName: `${componentType}/${fullName}`,
                    fullName,
                    problem,
                    problemType: 'Error',
                    success: false
                }
            ]
        }
    });
    failed.status = 1;
    return failed;
}

/** salesforcecli/plugin-deploy-retrieve schemas/project-retrieve-start.json (RetrieveResultJson: files). */
export function retrieved(files) {
    return {
        status: 0,
        result: {
            done: true,
            fileProperties: [],
            id: '09S000000000001',
            status: 'Succeeded',
            success: true,
            messages: [],
            files
        },
        warnings: []
    };
}

/** salesforcecli/plugin-apex schemas/force-apex-execute.json (ExecuteResult). */
export function apexRun(compileProblem, line = -1, column = -1) {
    return {
        status: compileProblem ? 1 : 0,
        result: {
            success: !compileProblem,
            compiled: !compileProblem,
            compileProblem: compileProblem ?? '',
            exceptionMessage: '',
            exceptionStackTrace: '',
            line,
            column,
            logs: ''
        },
        warnings: []
    };
}

/** salesforcecli/plugin-user schemas/force-user-permset-assign.json (PermsetAssignResult). */
export function permsetAssigned(names, username, failures = []) {
    return {
        status: failures.length ? 1 : 0,
        result: { successes: names.map((name) => ({ name, value: username })), failures },
        warnings: []
    };
}

/** salesforcecli/plugin-org schemas/org-display.json (OrgDisplayReturn; required: accessToken, clientId, id, instanceUrl, username). */
export function orgDisplay(instanceUrl) {
    return {
        status: 0,
        result: {
            id: '00D000000000001EAA',
            accessToken: '00D000000000001!fake.session.token',
            instanceUrl,
            username: 'admin@example.com',
            clientId: 'PlatformCLI',
            connectedStatus: 'Connected',
            alias: 'otp-org'
        },
        warnings: []
    };
}

/** salesforcecli/plugin-data schemas/data-query.json (records, totalSize, done). */
export function queried(records) {
    return { status: 0, result: { records, totalSize: records.length, done: true }, warnings: [] };
}

/** salesforcecli/plugin-apex schemas/apex-run-test.json (RunResult: summary, tests, coverage). */
export function testRun(failing, coverage = []) {
    const test = (MethodName, Outcome, Message = '') => ({
        Id: '07M000000000001',
        QueueItemId: '709000000000001',
        StackTrace:
            Outcome === 'Pass' ? '' : 'Class.CPaasMessagingGatewayTest.singleSendReturnsTheUmid: line 60, column 1',
        Message,
        AsyncApexJobId: '707000000000001',
        MethodName,
        Outcome,
        ApexClass: { Id: '01p000000000001', Name: 'CPaasMessagingGatewayTest', NamespacePrefix: '' },
        RunTime: 12,
        FullName: `CPaasMessagingGatewayTest.${MethodName}`
    });
    const tests = [
        test(
            'singleSendReturnsTheUmid',
            failing ? 'Fail' : 'Pass',
            failing ? 'System.AssertException: Assertion Failed' : ''
        ),
        test('httpStatusMapping', 'Pass')
    ];
    return {
        status: failing ? 100 : 0,
        result: {
            summary: {
                outcome: failing ? 'Failed' : 'Passed',
                testsRan: tests.length,
                passing: failing ? 1 : 2,
                failing: failing ? 1 : 0,
                skipped: 0,
                passRate: failing ? '50%' : '100%',
                failRate: failing ? '50%' : '0%',
                testStartTime: 'Tue Dec 01 2026 9:00:00 PM',
                testExecutionTime: '24 ms',
                testTotalTime: '24 ms',
                commandTime: '300 ms',
                hostname: 'https://example.my.salesforce.com',
                orgId: '00D000000000001EAA',
                username: 'admin@example.com',
                testRunId: '707000000000001',
                userId: '005000000000001',
                testRunCoverage: '91%',
                orgWideCoverage: '89%'
            },
            tests,
            // plugin-apex jsonReporter formatCoverage: one entry per class or trigger.
            coverage: {
                coverage: coverage.map(({ name, percent }, i) => ({
                    id: `01p00000000${String(i).padStart(4, '0')}AAA`,
                    name,
                    totalLines: 100,
                    lines: {},
                    totalCovered: percent,
                    coveredPercent: percent
                })),
                records: [],
                summary: { totalLines: 100 * coverage.length, testRunCoverage: '91%', orgWideCoverage: '89%' }
            }
        },
        warnings: []
    };
}

/** salesforcecli/plugin-org src/commands/org/list/metadata.ts: the FileProperties of each member, as a list. */
export function listed(fullNames) {
    return {
        status: 0,
        result: fullNames.map((fullName) => ({
            fullName,
            type: 'ExternalServiceRegistration',
            fileName: `externalServiceRegistrations/${fullName}.externalServiceRegistration`,
            id: '1Hd000000000001AAA',
            manageableState: 'unmanaged'
        })),
        warnings: []
    };
}

/** An sf error envelope (SfCommand.toErrorJson). */
export function sfError(name, message) {
    return { status: 1, name, message, exitCode: 1, warnings: [] };
}

/** salesforcecli/plugin-packaging package create: { Id } of the new package (0Ho). */
export function packageCreated() {
    return { status: 0, result: { Id: '0Ho000000000001AAA' }, warnings: [] };
}

/**
 * salesforcecli/plugin-packaging package version create (PackageVersionCreateRequestResult, @salesforce/packaging):
 * a 04t per package, derived from its name so a test can tell them apart.
 */
export function versionCreated(name) {
    const n = String(name.length).padStart(3, '0');
    return {
        status: 0,
        result: {
            Id: `08c000000000${n}AAA`,
            Status: 'Success',
            Package2Id: '0Ho000000000001AAA',
            Package2Name: name,
            Package2VersionId: `05i000000000${n}AAA`,
            SubscriberPackageVersionId: `04t000000000${n}AAA`,
            HasPassedCodeCoverageCheck: true,
            CodeCoverage: 88,
            VersionNumber: '0.1.0.1'
        },
        warnings: []
    };
}

/** salesforcecli/plugin-packaging package version promote: { id, success }. */
export function promoted(id) {
    return { status: 0, result: { id, success: true, errors: [] }, warnings: [] };
}
