// Node tests of the preview's simulated org and simulated 8x8 (no browser): the body they exchange is
// the project's fixture, the 8x8 answers map to the Apex error codes and send outcomes, the challenge
// states follow docs/architecture.md ("Send reservation, delivery and the policy"), the policy module
// passes the cases the Apex policy test runs, and parallel requests to the simulation's HTTP server cannot
// get around its limits. A clock the tests move drives expiry, cooldown and the rolling windows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startPreview } from '../server.mjs';
import { createCustomerPhone } from '../sim/customerPhone.mjs';
import { CONTACTS } from '../sim/contacts.mjs';
import { formatLabel, readLabels } from '../sim/labels.mjs';
import { createMessagingApi } from '../sim/messagingApi.mjs';
import { fixtureFile, corePackage } from '../sim/paths.mjs';
import { sameNumber, toE164 } from '../sim/phoneNumber.mjs';
import { DEFAULT_POLICY_SETTINGS, decideSend, validateSettings } from '../sim/policy.mjs';
import {
    ERROR_LABELS,
    PREVIEW_SETTINGS,
    buildRequestBody,
    createSimulatedOrg,
    numberHash,
    scenarioSettingsFrom
} from '../sim/simulatedOrg.mjs';
// Delivery receipts: the shared transition cases and the receipt timeline (helper file, same run).
import './receipts.suite.mjs';
// Both send paths: lock, then read, then insert (helper file, same run).
import './sendPaths.suite.mjs';

const labels = readLabels();
const messagingApi = createMessagingApi();
const mobileId = CONTACTS.mobile.id;
const policyCases = JSON.parse(
    fs.readFileSync(path.join(corePackage, 'staticresources', 'WhatsAppOtpPolicyCases.json'), 'utf8')
);

/** A simulated org on a clock the test moves, with the bodies it sent to 8x8 and the customer's inbox. */
function orgWithClock(start = Date.parse('2026-01-01T00:00:00Z')) {
    const clock = { now: start };
    const phone = createCustomerPhone();
    const inbox = [];
    const sentBodies = [];
    phone.subscribe('s', (message) => inbox.push(message));
    const recordingApi = {
        sendMessage: (request) => {
            sentBodies.push(request.body);
            return messagingApi.sendMessage(request);
        }
    };
    const org = createSimulatedOrg({ messagingApi: recordingApi, phone, now: () => clock.now });
    const advance = (seconds) => {
        clock.now += seconds * 1000;
    };
    return { org, clock, advance, inbox, sentBodies };
}

const scenario = (outcome = 'success', overrides = {}) => ({
    outcome,
    ...scenarioSettingsFrom({ latency: 0, timeout: 0, ...overrides })
});

const codeOf = (message) => message.template.components[0].parameters[0].text;
const wrongCodeFor = (code) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));
const message = (errorCode, ...args) => formatLabel(labels.get(ERROR_LABELS[errorCode]), ...args);

/** verifyOtp's verdict without the verification's time and verifier (tested on their own). */
const verdictOf = ({ status, attemptsRemaining }) => ({ status, attemptsRemaining });

/** sendOtp's REFUSED answer (a refusal is data, not thrown), as { errorCode, message, retryAt }. */
function refused(action) {
    const answer = action();
    assert.equal(answer.status, 'REFUSED', `expected a refusal, got ${JSON.stringify(answer)}`);
    assert.equal(answer.challengeId, undefined, 'a refusal reserves nothing');
    return { errorCode: answer.errorCode, message: answer.errorMessage, retryAt: answer.retryAt };
}

function thrown(action) {
    try {
        action();
    } catch (error) {
        return error;
    }
    return assert.fail('expected a failure');
}

/** Sends and waits for the delivery; returns the reservation and the send status after it. */
async function sendAndDeliver(org, options = scenario(), recordId = mobileId) {
    const reservation = org.sendOtp('s', { recordId }, options);
    await org.deliveriesDone('s');
    return { reservation, status: org.getSendStatus('s', { challengeId: reservation.challengeId }, options) };
}

describe('shared send-outcome Task cases (WhatsAppOtpSendTaskCases.json, also run by WhatsAppOtpTaskOutcomeTest)', () => {
    const { cases } = JSON.parse(
        fs.readFileSync(path.join(corePackage, 'staticresources', 'WhatsAppOtpSendTaskCases.json'), 'utf8')
    );
    for (const row of cases) {
        it(`${row.name}: stored ${row.sendOutcome}, one ${row.task.status} Task from ${row.task.label}`, async () => {
            const { org } = orgWithClock();
            const { reservation } = await sendAndDeliver(org, scenario(row.scenarioOutcome));
            const { challenges, tasks } = org.records('s');
            const challenge = challenges.find(({ id }) => id === reservation.challengeId);
            assert.equal(challenge.sendOutcome, row.sendOutcome);
            assert.equal(challenge.errorCode, row.errorCode);
            assert.deepEqual(
                tasks.map(({ subject, status }) => ({ subject, status })),
                [
                    {
                        subject: formatLabel(labels.get(row.task.label), '+65 •••• 5678', row.errorCode ?? ''),
                        status: row.task.status
                    }
                ]
            );
        });
    }
});

describe('simulated 8x8', () => {
    it('has a Custom Label for every error code', () => {
        for (const [errorCode, labelName] of Object.entries(ERROR_LABELS)) {
            assert.ok(labels.has(labelName), `${errorCode}: no Custom Label ${labelName}`);
        }
    });

    it('builds exactly the fixture for the known input, and the spec accepts it', () => {
        const fixture = JSON.parse(fs.readFileSync(fixtureFile, 'utf8'));
        assert.deepEqual(buildRequestBody('+6591235678', '123456'), fixture);
        assert.equal(messagingApi.validateRequest(fixture), true);
    });

    it('adds the clientMessageId to the fixture, and the spec accepts it', () => {
        const body = buildRequestBody('+6591235678', '123456', { clientMessageId: 'a-uuid' });
        assert.equal(body.clientMessageId, 'a-uuid');
        assert.equal(messagingApi.validateRequest(body), true);
    });

    it('rejects a body outside the spec with 400', async () => {
        const body = buildRequestBody('+6591235678', '123456');
        body.content.template.components[1].subType = 'url';
        const answer = await messagingApi.sendMessage({ subAccountId: 'x', body });
        assert.equal(answer.status, 400);
        assert.match(answer.body.message, /subType must be equal to one of the allowed values/);
    });

    const refusals = [
        ['401', 'CREDENTIAL_REJECTED'],
        ['400-template', 'TEMPLATE_REJECTED'],
        ['400-number', 'INVALID_NUMBER'],
        ['429', 'RATE_LIMITED']
    ];
    for (const [outcome, errorCode] of refusals) {
        it(`${outcome} is a refused send: FAILED with ${errorCode}, stored Failed without a code`, async () => {
            const { org, inbox } = orgWithClock();
            const { status } = await sendAndDeliver(org, scenario(outcome));
            assert.equal(status.status, 'FAILED');
            assert.equal(status.errorCode, errorCode);
            assert.equal(status.errorMessage, labels.get(ERROR_LABELS[errorCode]));
            const [stored] = org.records('s').challenges;
            assert.equal(stored.status, 'Failed');
            assert.equal(stored.codeHash, null);
            assert.equal(stored.codeSalt, null);
            assert.equal(inbox.length, 0);
        });
    }

    it('500 is an unknown outcome: UNCONFIRMED, stored Pending and counted toward the cooldown', async () => {
        const { org, inbox } = orgWithClock();
        const { status } = await sendAndDeliver(org, scenario('500'));
        assert.equal(status.status, 'UNCONFIRMED');
        assert.equal(status.errorCode, 'SERVICE_UNAVAILABLE');
        const [stored] = org.records('s').challenges;
        assert.deepEqual([stored.status, stored.sendOutcome], ['Pending', 'Unknown']);
        assert.equal(inbox.length, 0);
        assert.equal(refused(() => org.sendOtp('s', { recordId: mobileId }, scenario())).errorCode, 'COOLDOWN');
    });

    it('a timeout is an unknown outcome whose code, if it arrived, still verifies', async () => {
        const { org, inbox } = orgWithClock();
        const options = scenario('timeout');
        const { reservation, status } = await sendAndDeliver(org, options);
        assert.equal(status.status, 'UNCONFIRMED');
        assert.equal(status.errorCode, 'TIMEOUT');
        assert.equal(inbox.length, 1, 'the message reached the phone before the answer was lost');
        assert.deepEqual(
            verdictOf(org.verifyOtp('s', { challengeId: reservation.challengeId, code: codeOf(inbox[0]) }, options)),
            {
                status: 'VERIFIED',
                attemptsRemaining: 0
            }
        );
    });
});

describe('simulated controller', () => {
    it('reserves without waiting for 8x8, then delivers: SENDING, then SENT', async () => {
        const { org, clock, inbox } = orgWithClock();
        const options = scenario();
        const reservation = org.sendOtp('s', { recordId: mobileId }, options);
        assert.deepEqual(reservation, {
            challengeId: reservation.challengeId,
            maskedPhone: '+65 •••• 5678',
            status: 'SENDING',
            expiresAt: new Date(clock.now + 60000).toISOString(),
            resendAvailableAt: new Date(clock.now + 15000).toISOString(),
            codeLength: 6
        });
        assert.equal(org.getSendStatus('s', { challengeId: reservation.challengeId }, options).status, 'SENDING');
        assert.equal(inbox.length, 0);
        await org.deliveriesDone('s');
        const status = org.getSendStatus('s', { challengeId: reservation.challengeId }, options);
        assert.deepEqual(status, {
            challengeId: reservation.challengeId,
            status: 'SENT',
            errorCode: null,
            errorMessage: null,
            maskedPhone: '+65 •••• 5678',
            expiresAt: reservation.expiresAt,
            resendAvailableAt: reservation.resendAvailableAt,
            codeLength: 6,
            attemptsRemaining: 5,
            // Delivery receipts: 8x8's queued state so far (later ones come on the receipt timeline).
            channel: 'WHATSAPP',
            whatsappStatus: 'QUEUED',
            smsStatus: null,
            deliveredAt: null,
            readAt: null,
            deliveryErrorCode: null,
            deliveryErrorDetail: null,
            fallbackEnabled: false
        });
        assert.equal(inbox.length, 1);
        assert.ok(!JSON.stringify([reservation, status]).includes(codeOf(inbox[0])));
    });

    it('refuses a verify while the code is still being sent', () => {
        const { org } = orgWithClock();
        const options = scenario();
        const { challengeId } = org.sendOtp('s', { recordId: mobileId }, options);
        const error = thrown(() => org.verifyOtp('s', { challengeId, code: '123456' }, options));
        assert.equal(error.errorCode, 'STILL_SENDING');
        assert.equal(error.message, labels.get('WhatsAppOtp_Error_StillSending'));
    });

    it('gives every send its own UUID clientMessageId, sent to 8x8 and stored on the challenge', async () => {
        const { org, advance, sentBodies } = orgWithClock();
        await sendAndDeliver(org);
        advance(15);
        await sendAndDeliver(org);
        const stored = org.records('s').challenges.map((challenge) => challenge.clientMessageId);
        assert.deepEqual(
            sentBodies.map((body) => body.clientMessageId),
            stored
        );
        assert.equal(new Set(stored).size, 2);
        for (const id of stored) {
            assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        }
    });

    it('stores the hash of the number, not the number', async () => {
        const { org } = orgWithClock();
        await sendAndDeliver(org);
        const [stored] = org.records('s').challenges;
        assert.equal(stored.numberHash, numberHash('+6591235678'));
        assert.ok(!JSON.stringify(stored).includes('91235678'));
    });

    it('verifies a code once, blanks its hash and salt, and records a reuse as a Task', async () => {
        const { org, inbox } = orgWithClock();
        const options = scenario();
        const { reservation } = await sendAndDeliver(org, options);
        const params = { challengeId: reservation.challengeId, code: codeOf(inbox[0]) };
        assert.deepEqual(verdictOf(org.verifyOtp('s', params, options)), { status: 'VERIFIED', attemptsRemaining: 0 });
        const [stored] = org.records('s').challenges;
        assert.deepEqual([stored.codeHash, stored.codeSalt], [null, null]);
        assert.equal(thrown(() => org.verifyOtp('s', params, options)).errorCode, 'ALREADY_VERIFIED');
        const tasks = org.records('s').tasks;
        assert.deepEqual(
            tasks.map(({ kind, challengeId }) => [kind, challengeId]),
            [
                ['sent', reservation.challengeId],
                ['verified', reservation.challengeId],
                ['reuse', reservation.challengeId]
            ]
        );
        assert.equal(tasks[2].subject, formatLabel(labels.get('WhatsAppOtp_Task_ReuseAttempt'), '+65 •••• 5678'));
        assert.ok(tasks.every((task) => task.contactId === mobileId && !task.subject.includes(params.code)));
    });

    it('counts wrong codes down to a lock, then refuses even the right code', async () => {
        const { org, inbox } = orgWithClock();
        const options = scenario('success', { attempts: 2 });
        const { reservation } = await sendAndDeliver(org, options);
        const { challengeId } = reservation;
        const wrong = wrongCodeFor(codeOf(inbox[0]));
        assert.deepEqual(org.verifyOtp('s', { challengeId, code: wrong }, options), {
            status: 'INVALID_CODE',
            attemptsRemaining: 1
        });
        assert.deepEqual(org.verifyOtp('s', { challengeId, code: wrong }, options), {
            status: 'LOCKED',
            attemptsRemaining: 0
        });
        assert.deepEqual(org.verifyOtp('s', { challengeId, code: codeOf(inbox[0]) }, options), {
            status: 'LOCKED',
            attemptsRemaining: 0
        });
    });

    it('expires a code after its lifetime', async () => {
        const { org, advance, inbox } = orgWithClock();
        const options = scenario();
        const { reservation } = await sendAndDeliver(org, options);
        advance(60);
        assert.deepEqual(
            verdictOf(org.verifyOtp('s', { challengeId: reservation.challengeId, code: codeOf(inbox[0]) }, options)),
            { status: 'EXPIRED', attemptsRemaining: 0 }
        );
    });

    it('holds a resend to the cooldown, supersedes the older code, and caps sends per hour', async () => {
        const { org, advance, inbox } = orgWithClock();
        const options = scenario('success', { cooldown: 30, cap: 2 });
        const first = await sendAndDeliver(org, options);
        advance(10);
        const early = refused(() => org.sendOtp('s', { recordId: mobileId }, options));
        assert.equal(early.message, message('COOLDOWN', 20));
        assert.equal(early.retryAt, '2026-01-01T00:00:30.000Z', 'the retry time, as data');
        advance(20);
        await sendAndDeliver(org, options);
        const old = thrown(() =>
            org.verifyOtp('s', { challengeId: first.reservation.challengeId, code: codeOf(inbox[0]) }, options)
        );
        assert.equal(old.errorCode, 'SUPERSEDED');
        advance(60);
        const capped = refused(() => org.sendOtp('s', { recordId: mobileId }, options));
        assert.equal(capped.message, message('HOURLY_CAP', 2, 59));
        advance(3600);
        await sendAndDeliver(org, options);
    });

    it('a refused send neither supersedes the current code nor counts toward the cooldown', async () => {
        const { org, advance, inbox } = orgWithClock();
        const first = await sendAndDeliver(org);
        advance(15);
        const refused = await sendAndDeliver(org, scenario('429'));
        assert.equal(refused.status.status, 'FAILED');
        assert.equal(org.records('s').challenges[0].status, 'Pending');
        assert.deepEqual(
            verdictOf(
                org.verifyOtp('s', { challengeId: first.reservation.challengeId, code: codeOf(inbox[0]) }, scenario())
            ),
            { status: 'VERIFIED', attemptsRemaining: 0 }
        );
        await sendAndDeliver(org);
    });

    it('a resend inherits the wrong attempts of the still-valid code it replaces', async () => {
        const { org, advance, inbox } = orgWithClock();
        const options = scenario();
        const first = await sendAndDeliver(org, options);
        for (let i = 0; i < 3; i++) {
            org.verifyOtp(
                's',
                { challengeId: first.reservation.challengeId, code: wrongCodeFor(codeOf(inbox[0])) },
                options
            );
        }
        advance(15);
        const second = await sendAndDeliver(org, options);
        assert.equal(second.status.attemptsRemaining, 2);
    });

    it('ten wrong codes in 24 hours lock further sends; a lifted lockout allows them again, logged', async () => {
        const { org, advance, inbox } = orgWithClock();
        const options = scenario();
        for (let send = 0; send < 2; send++) {
            const { reservation } = await sendAndDeliver(org, options);
            const code = codeOf(inbox[send]);
            for (let i = 0; i < 5; i++) {
                org.verifyOtp('s', { challengeId: reservation.challengeId, code: wrongCodeFor(code) }, options);
            }
            advance(60);
        }
        const locked = refused(() => org.sendOtp('s', { recordId: mobileId }, options));
        assert.equal(locked.errorCode, 'FAILURE_LOCKOUT');
        assert.equal(locked.message, message('FAILURE_LOCKOUT', Math.ceil((86400 - 120) / 60)));
        assert.equal(org.liftLockout('s', { contactId: mobileId }), null);
        assert.deepEqual(
            org
                .records('s')
                .tasks.filter((task) => task.kind === 'lockout lifted')
                .map(({ contactId, subject }) => ({ contactId, subject })),
            [{ contactId: mobileId, subject: formatLabel(labels.get('WhatsAppOtp_Task_LockoutLifted'), 'Jane Doe') }]
        );
        await sendAndDeliver(org, options);
    });

    it('a wrong code that brings the day’s failures to the cap locks the code at once', async () => {
        const { org, inbox } = orgWithClock();
        const options = scenario('success', { attempts: 10, failureCap: 3 });
        const { reservation } = await sendAndDeliver(org, options);
        const params = { challengeId: reservation.challengeId, code: wrongCodeFor(codeOf(inbox[0])) };
        org.verifyOtp('s', params, options);
        org.verifyOtp('s', params, options);
        assert.deepEqual(org.verifyOtp('s', params, options), { status: 'LOCKED', attemptsRemaining: 0 });
    });

    it('caps sends to one number across Contacts, and one agent’s sends across Contacts', async () => {
        const { org, advance } = orgWithClock();
        const perNumber = scenario('success', { numberCap: 1 });
        await sendAndDeliver(org, perNumber);
        advance(15);
        const numberCapped = refused(() => org.sendOtp('s', { recordId: mobileId }, perNumber));
        assert.equal(numberCapped.message, message('NUMBER_CAP', 1, 60));
        const perAgent = scenario('success', { agentCap: 1 });
        const agentCapped = refused(() => org.sendOtp('s', { recordId: CONTACTS['phone-only'].id }, perAgent));
        assert.equal(agentCapped.message, message('AGENT_CAP', 1, 60));
    });

    it('stops every send once the org’s daily budget is used', async () => {
        const { org } = orgWithClock();
        const options = scenario('success', { budget: 1 });
        await sendAndDeliver(org, options);
        const error = refused(() => org.sendOtp('s', { recordId: CONTACTS['phone-only'].id }, options));
        assert.equal(error.message, message('ORG_DAILY_BUDGET', 1));
    });

    it('refuses a setting outside the range Apex allows, naming it, and stores nothing', () => {
        const { org } = orgWithClock();
        const cases = [
            [{ ttl: 11 }, ['Code TTL Minutes', 1, 10]],
            [{ cooldown: 0 }, ['Resend Cooldown Seconds', 15, 3600]],
            [{ attempts: 99 }, ['Max Attempts', 1, 10]],
            [{ cap: 999 }, ['Hourly Send Cap', 1, 20]]
        ];
        for (const [overrides, args] of cases) {
            const error = refused(() => org.sendOtp('s', { recordId: mobileId }, scenario('success', overrides)));
            assert.equal(error.message, message('SETTINGS_INVALID', ...args), JSON.stringify(overrides));
        }
        assert.deepEqual(org.records('s').challenges, []);
    });

    it('blocks a number off the sandbox list in a sandbox, and a country off the allow-list', () => {
        const { org } = orgWithClock();
        const sandbox = refused(() =>
            org.sendOtp('s', { recordId: mobileId }, scenario('success', { sandbox: 'true' }))
        );
        assert.equal(sandbox.message, message('SANDBOX_BLOCKED'));
        const country = refused(() =>
            org.sendOtp('s', { recordId: mobileId }, scenario('success', { countries: '44' }))
        );
        assert.equal(country.message, message('COUNTRY_NOT_ALLOWED', '65'));
        assert.deepEqual(org.records('s').challenges, []);
        org.sendOtp(
            's',
            { recordId: mobileId },
            scenario('success', { sandbox: 'true', sandboxNumbers: '+6591235678' })
        );
    });

    it('refuses contacts it cannot send to, with their messages', () => {
        const { org } = orgWithClock();
        const cases = [
            ['001000000000001AAA', 'NOT_A_CONTACT'],
            ['003000000000001AAA', 'CONTACT_NOT_FOUND'],
            [CONTACTS['no-phone'].id, 'NO_PHONE'],
            [CONTACTS.malformed.id, 'INVALID_PHONE']
        ];
        for (const [recordId, errorCode] of cases) {
            const error = refused(() => org.sendOtp('s', { recordId }, scenario()));
            assert.equal(error.errorCode, errorCode, recordId);
            assert.equal(error.message, labels.get(ERROR_LABELS[errorCode]));
        }
    });

    it('checks the code format against the code length stored on the challenge', async () => {
        const { org } = orgWithClock();
        const options = scenario();
        const { reservation } = await sendAndDeliver(org, options);
        const error = thrown(() => org.verifyOtp('s', { challengeId: reservation.challengeId, code: '12a' }, options));
        assert.equal(error.message, message('INVALID_CODE_FORMAT', 6));
    });

    // Alignment with WhatsAppOtpService.verify / evaluatePending / sendStatusOf and WhatsAppOtpPolicy.carriedAttempts.
    it('answers a verify on a Failed challenge with the send’s own error code', async () => {
        const { org } = orgWithClock();
        const options = scenario('400-number');
        const { reservation } = await sendAndDeliver(org, options);
        const error = thrown(() =>
            org.verifyOtp('s', { challengeId: reservation.challengeId, code: '123456' }, options)
        );
        assert.equal(error.errorCode, 'INVALID_NUMBER');
        assert.equal(error.message, message('INVALID_NUMBER'));
    });

    it('refuses a malformed code only on a Pending challenge', async () => {
        const { org, inbox } = orgWithClock();
        const options = scenario();
        const { reservation } = await sendAndDeliver(org, options);
        const params = { challengeId: reservation.challengeId, code: codeOf(inbox[0]) };
        assert.equal(org.verifyOtp('s', params, options).status, 'VERIFIED');
        const error = thrown(() => org.verifyOtp('s', { ...params, code: '12a' }, options));
        assert.equal(error.errorCode, 'ALREADY_VERIFIED', 'the verified status answers, not the format');
    });

    it('carries at most max − 1 wrong attempts over to a resend', async () => {
        const { org, advance, inbox } = orgWithClock();
        const lenient = scenario('success', { attempts: 10 });
        const first = await sendAndDeliver(org, lenient);
        for (let i = 0; i < 6; i++) {
            const wrong = { challengeId: first.reservation.challengeId, code: wrongCodeFor(codeOf(inbox[0])) };
            org.verifyOtp('s', wrong, lenient);
        }
        advance(15);
        const second = await sendAndDeliver(org, scenario('success', { attempts: 5 }));
        assert.equal(second.status.attemptsRemaining, 1, '6 wrong carried over, capped at 4 of 5');
    });

    it('reports a Sending reservation past its expiry as FAILED with TIMEOUT', async () => {
        const { org, advance } = orgWithClock();
        const options = scenario();
        const reservation = org.sendOtp('s', { recordId: mobileId }, options);
        advance(options.settings.codeTtlMinutes * 60);
        const status = org.getSendStatus('s', { challengeId: reservation.challengeId }, options);
        assert.equal(status.status, 'FAILED');
        assert.equal(status.errorCode, 'TIMEOUT');
        assert.equal(status.errorMessage, message('TIMEOUT'));
        await org.deliveriesDone('s');
    });
});

describe('shared phone cases (WhatsAppPhoneNumberCases.json, also run by WhatsAppPhoneNumberTest) on preview/sim/phoneNumber.mjs', () => {
    const { cases } = JSON.parse(
        fs.readFileSync(path.join(corePackage, 'staticresources', 'WhatsAppPhoneNumberCases.json'), 'utf8')
    );
    it('has its cases', () => {
        assert.ok(cases.length > 10);
    });
    for (const { raw, defaultCountryCode, e164, why } of cases) {
        it(`${JSON.stringify(raw)} with default code ${JSON.stringify(defaultCountryCode)}: ${why}`, () => {
            assert.equal(toE164(raw, defaultCountryCode), e164 ?? undefined);
        });
    }
});

describe('shared policy cases (WhatsAppOtpPolicyCases.json, also run by WhatsAppOtpPolicyTest) on preview/sim/policy.mjs', () => {
    it('the simulation starts from the same defaults as the Apex', () => {
        assert.deepEqual({ ...DEFAULT_POLICY_SETTINGS }, policyCases.defaults);
    });

    it('the preview’s shorter timings are inside the ranges Apex allows', () => {
        assert.deepEqual(validateSettings(PREVIEW_SETTINGS), { valid: true });
    });

    for (const testCase of policyCases.sendCases) {
        it(`send: ${testCase.name}`, () => {
            const decision = decideSend({
                settings: { ...policyCases.defaults, ...testCase.settings },
                request: testCase.request,
                history: testCase.history.map((entry) =>
                    'numberKey' in entry
                        ? { ...entry, sameNumber: sameNumber(testCase.request.numberKeys, entry.numberKey) }
                        : entry
                ),
                orgSendsToday: testCase.orgSendsToday,
                failuresResetAgeSeconds: testCase.failuresResetAgeSeconds
            });
            if (testCase.expect.allowed) {
                assert.deepEqual(decision, { allowed: true, initialAttempts: testCase.expect.initialAttempts });
            } else {
                assert.equal(decision.errorCode, testCase.expect.errorCode);
                if ('retryAfterSeconds' in testCase.expect) {
                    assert.equal(decision.retryAfterSeconds, testCase.expect.retryAfterSeconds);
                }
            }
        });
    }

    for (const testCase of policyCases.settingsCases) {
        it(`settings: ${testCase.name}`, () => {
            assert.deepEqual(validateSettings({ ...policyCases.defaults, ...testCase.settings }), testCase.expect);
        });
    }

    it('the shared cases refuse a fallback delay shorter than the WhatsApp lifetime', () => {
        const shorter = policyCases.settingsCases.filter(
            (c) =>
                c.settings.fallbackEnabled === true &&
                c.settings.fallbackDelaySeconds <
                    (c.settings.whatsappLifetimeSeconds ?? policyCases.defaults.whatsappLifetimeSeconds)
        );
        assert.ok(shorter.length > 0, 'the cases hold one');
        for (const testCase of shorter) {
            assert.equal(validateSettings({ ...policyCases.defaults, ...testCase.settings }).rule, 'fallbackWindow');
        }
    });
});

describe('the simulation under parallel requests (the preview server, no page)', () => {
    let preview;
    let sessionCount = 0;

    before(async () => {
        preview = await startPreview({ port: 0, build: false });
    });

    after(async () => {
        await preview?.close();
    });

    /** A fresh session (a fresh simulated org) and its Apex caller, as the page's apex.js posts. */
    function newSession(overrides = {}) {
        const session = `parallel-${(sessionCount += 1)}`;
        const inbox = [];
        preview.phone.subscribe(session, (received) => inbox.push(received));
        const apex = async (method, params) => {
            const response = await fetch(`${preview.url}sim/apex/WhatsAppOtpController.${method}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ params, scenario: { session, overrides: { latency: 0, ...overrides } } })
            });
            return response.json();
        };
        return { session, inbox, apex };
    }

    async function deliveredCode({ session, inbox, apex }) {
        const { result } = await apex('sendOtp', { recordId: mobileId });
        await preview.org.deliveriesDone(session);
        return { challengeId: result.challengeId, code: codeOf(inbox[0]) };
    }

    it('serves getSendStatus and liftLockout as the controller does', async () => {
        const caller = newSession();
        const { result } = await caller.apex('sendOtp', { recordId: mobileId });
        await preview.org.deliveriesDone(caller.session);
        const status = await caller.apex('getSendStatus', { challengeId: result.challengeId });
        assert.equal(status.result.status, 'SENT');
        assert.deepEqual(await caller.apex('liftLockout', { contactId: mobileId }), { ok: true, result: null });
        const unknown = await caller.apex('getSendStatus', { challengeId: 'a0X000000000000AAA' });
        assert.equal(unknown.error.body.message, message('CHALLENGE_NOT_FOUND'));
    });

    it('8 simultaneous sends for one Contact: one goes out, seven meet the cooldown', async () => {
        const caller = newSession();
        const answers = await Promise.all(
            Array.from({ length: 8 }, () => caller.apex('sendOtp', { recordId: mobileId }))
        );
        await preview.org.deliveriesDone(caller.session);
        assert.equal(answers.filter((answer) => answer.result.status === 'SENDING').length, 1);
        const refusals = answers.filter((answer) => answer.result.status === 'REFUSED');
        assert.equal(refusals.length, 7);
        assert.ok(refusals.every((answer) => answer.result.errorCode === 'COOLDOWN' && answer.result.retryAt));
        for (const text of refusals.map((answer) => answer.result.errorMessage)) {
            assert.match(text, new RegExp(`^${message('COOLDOWN', 'XX').split('XX')[0]}`));
        }
        assert.equal(caller.inbox.length, 1, 'messages that reached the phone');
        assert.equal(preview.org.records(caller.session).challenges.length, 1);
    });

    it('8 simultaneous wrong codes use 8 attempts', async () => {
        const caller = newSession({ attempts: 10 });
        const { challengeId, code } = await deliveredCode(caller);
        const answers = await Promise.all(
            Array.from({ length: 8 }, () => caller.apex('verifyOtp', { challengeId, code: wrongCodeFor(code) }))
        );
        assert.deepEqual(answers.map((answer) => answer.result.attemptsRemaining).sort(), [2, 3, 4, 5, 6, 7, 8, 9]);
        assert.equal(preview.org.records(caller.session).challenges[0].attempts, 8);
    });

    it('8 simultaneous wrong codes against 5 attempts lock the challenge', async () => {
        const caller = newSession();
        const { challengeId, code } = await deliveredCode(caller);
        const answers = await Promise.all(
            Array.from({ length: 8 }, () => caller.apex('verifyOtp', { challengeId, code: wrongCodeFor(code) }))
        );
        const statuses = answers.map((answer) => answer.result.status);
        assert.equal(statuses.filter((status) => status === 'INVALID_CODE').length, 4);
        assert.equal(statuses.filter((status) => status === 'LOCKED').length, 4);
        assert.equal(preview.org.records(caller.session).challenges[0].status, 'Locked');
    });

    it('a right code among simultaneous wrong ones leaves the challenge Verified or Locked, never Pending', async () => {
        const caller = newSession();
        const { challengeId, code } = await deliveredCode(caller);
        const guesses = [...Array(6).fill(wrongCodeFor(code)), code];
        await Promise.all(guesses.map((guess) => caller.apex('verifyOtp', { challengeId, code: guess })));
        const [stored] = preview.org.records(caller.session).challenges;
        assert.ok(['Verified', 'Locked'].includes(stored.status), stored.status);
        assert.equal(stored.codeHash, null);
    });
});
