// Node tests of the simulated org and 8x8 and of the preview server (no browser), on a clock the tests move: the
// request body, the 8x8 outcomes, the challenge states, the shared policy cases, and the server itself.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dtsContract } from '../../scripts/gates/controller-contract.mjs';
import { startPreview } from '../server.mjs';
import { numberHash } from '../sim/challenges.mjs';
import { CONTACTS } from '../sim/contacts.mjs';
import { DEFAULT_POLICY_SETTINGS, decideSend, validateSettings } from '../sim/policy.mjs';
import { buildRequestBody } from '../sim/requestBody.mjs';
import { PREVIEW_SETTINGS } from '../sim/scenario.mjs';
import * as sim from './simOrg.mjs';
// One process for every Node test of the simulation: the suites' files are not *.test.mjs, so node --test runs them
// here, and the simulation loads once.
import './inbound.suite.mjs';
import './language-consent.suite.mjs';
import './lead.suite.mjs';
import './receipts.suite.mjs';

const { label, MASKED, message, mobileId, orgWithClock, readCases, scenario, sent, wrongCodeFor } = sim;

// 8x8's 1002 (INVALID_NUMBER) and 429 (RATE_LIMITED) are the controller tests' below.
describe('send outcomes: the shared Task cases (WhatsAppOtpSendTaskCases.json, also run by WhatsAppOtpTaskOutcomeTest)', () => {
    const rows = readCases('core', 'WhatsAppOtpSendTaskCases.json').cases;
    const SEND_STATUS = { Accepted: 'SENT', Refused: 'FAILED', Unknown: 'UNCONFIRMED' };
    for (const { name, scenarioOutcome, errorCode, sendOutcome, task } of rows) {
        const refusal = sendOutcome === 'Refused';
        it(`${name}: ${SEND_STATUS[sendOutcome]}, stored ${sendOutcome}, one ${task.status} Task from ${task.label}`, async () => {
            const { org, inbox, status } = await sent(scenario(scenarioOutcome));
            const errorMessage = refusal ? message(errorCode) : null;
            assert.deepEqual(
                [status.status, status.errorCode, status.errorMessage],
                [SEND_STATUS[sendOutcome], errorCode, errorMessage]
            );
            const { challenges, tasks } = org.records('s');
            const [stored] = challenges;
            const expected = [sendOutcome, errorCode, refusal ? 'Failed' : 'Pending', refusal];
            assert.deepEqual([stored.sendOutcome, stored.errorCode, stored.status, stored.codeHash === null], expected);
            // 8x8 took the message (a timeout may hide that): it reached the phone.
            assert.equal(inbox.length, ['success', 'timeout'].includes(scenarioOutcome) ? 1 : 0);
            const logged = tasks.map((entry) => [entry.subject, entry.status]);
            assert.deepEqual(logged, [[label(task.label, MASKED, errorCode ?? ''), task.status]]);
        });
    }
});

// The spec gate validates the fixtures against the spec.
it('the simulated gateway builds exactly the fixture for the known input, and the simulated 8x8 answers 400 to a body outside the spec', async () => {
    const body = buildRequestBody('+6591235678', '123456');
    assert.deepEqual(body, readCases('core', 'WhatsAppOtpSendMessageFixture.json'));
    body.content.template.components[1].subType = 'url';
    const answer = await sim.messagingApi.sendMessage({ subAccountId: 'x', body, wait: async () => {} });
    assert.equal(answer.status, 400);
    assert.match(answer.body.message, /subType must be equal to one of the allowed values/);
});

describe('simulated controller', () => {
    const contract = dtsContract();
    /** Whether an answer fits one of the method's shapes in apex.d.ts: every key declared, every required one given. */
    const assertFits = (method, answer) =>
        assert.ok(
            contract
                .get(method)
                .shapes.some(
                    ({ fields }) =>
                        [...fields].every(([key, { optional }]) => optional || key in answer) &&
                        Object.keys(answer).every((key) => fields.has(key))
                ),
            `${method} answered ${Object.keys(answer).join(', ')}, outside the shapes of src-ts/types/apex.d.ts`
        );

    it('reserves without waiting for 8x8, then delivers: SENDING, then SENT, the code only on the phone', async () => {
        const { org, inbox, sentBodies } = orgWithClock();
        const options = scenario();
        const reservation = org.sendOtp('s', { recordId: mobileId }, options);
        const { challengeId } = reservation;
        assertFits('sendOtp', reservation);
        assert.deepEqual(
            [reservation.expiresAt, reservation.resendAvailableAt],
            ['2026-01-01T00:01:00.000Z', '2026-01-01T00:00:15.000Z']
        );
        assert.equal(org.getSendStatus('s', { challengeId }, options).status, 'SENDING');
        assert.throws(() => org.verifyOtp('s', { challengeId, code: '1' }, options), { errorCode: 'STILL_SENDING' });
        assert.equal(inbox.length, 0);
        await org.deliveriesDone('s');
        const status = org.getSendStatus('s', { challengeId }, options);
        assertFits('getSendStatus', status);
        assert.deepEqual([status.status, status.attemptsRemaining, status.whatsappStatus], ['SENT', 5, 'QUEUED']);
        const [stored] = org.records('s').challenges;
        assert.match(stored.clientMessageId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.equal(sentBodies[0].clientMessageId, stored.clientMessageId);
        assert.equal(stored.numberHash, numberHash('+6591235678'));
        assert.ok(!JSON.stringify([reservation, status, stored]).includes(sim.codeOf(inbox[0])));
        assert.ok(!JSON.stringify(stored).includes('91235678'), 'the number is stored as its hash');
        assertFits('sendOtp', org.sendOtp('s', { recordId: mobileId }, options));
        assert.deepEqual(contract.get('liftLockout').returns, ['void']);
    });

    it('verifies a code once, blanks its hash and salt, and logs a reuse as a Task', async () => {
        const { org, code, verify } = await sent();
        const wrong = verify(wrongCodeFor(code));
        assertFits('verifyOtp', wrong);
        const verified = verify(code);
        assertFits('verifyOtp', verified);
        assert.deepEqual([verified.status, verified.attemptsRemaining], ['VERIFIED', 0]);
        const [stored] = org.records('s').challenges;
        assert.deepEqual([stored.codeHash, stored.codeSalt], [null, null]);
        assert.throws(() => verify('12a'), { errorCode: 'ALREADY_VERIFIED' });
        const { tasks } = org.records('s');
        assert.deepEqual(tasks.map(({ kind }) => kind).join(), 'Sent,Verified,ReuseAttempt');
        assert.equal(tasks[2].subject, label('WhatsAppOtp_Task_ReuseAttempt', MASKED));
        assert.ok(tasks.every((task) => task.contactId === mobileId && !task.subject.includes(code)));
    });

    // [what locks, scenario overrides, the first wrong code's answer]: a malformed code costs nothing, and once
    // locked even the right code is refused.
    const locks = [
        ['the attempts run out', { attempts: 2 }, ['INVALID_CODE', 1]],
        ['the day’s failures reach the Daily Failure Cap', { attempts: 10, failureCap: 2 }, ['INVALID_CODE', 9]]
    ];
    for (const [why, overrides, firstWrong] of locks) {
        it(`a wrong code locks the challenge when ${why}; a malformed code is refused`, async () => {
            const { org, code, verify } = await sent(scenario('success', overrides));
            assert.throws(() => verify('12a'), { message: message('INVALID_CODE_FORMAT', 6) });
            const answers = [wrongCodeFor(code), wrongCodeFor(code), code].map((tried) => Object.values(verify(tried)));
            assert.deepEqual(answers, [firstWrong, ['LOCKED', 0], ['LOCKED', 0]]);
            assert.equal(org.records('s').tasks.at(-1).subject, label('WhatsAppOtp_Task_Locked', MASKED));
            assert.equal(org.records('s').challenges[0].codeHash, null, 'a locked code’s hash is gone');
        });
    }

    it('expires a code after its lifetime, and a Sending reservation past it reads FAILED with TIMEOUT', async () => {
        const { org, advance, code, verify } = await sent();
        advance(60);
        assert.deepEqual(verify(code), { status: 'EXPIRED', attemptsRemaining: 0 });
        const sending = org.sendOtp('s', { recordId: mobileId }, scenario());
        advance(60);
        const status = org.getSendStatus('s', { challengeId: sending.challengeId }, scenario());
        assert.deepEqual(
            [status.status, status.errorCode, status.errorMessage],
            ['FAILED', 'TIMEOUT', message('TIMEOUT')]
        );
        await org.deliveriesDone('s');
    });

    it('a resend supersedes the older code and carries its wrong attempts (at most max - 1); a refused one neither', async () => {
        const { org, advance, code, verify } = await sent(scenario('success', { attempts: 10 }));
        advance(15);
        const { status } = await sim.sendAndDeliver(org, scenario('429'));
        assert.deepEqual([status.status, status.errorCode], ['FAILED', 'RATE_LIMITED']);
        assert.equal(org.records('s').challenges[0].status, 'Pending', 'a refused resend supersedes nothing');
        Array.from({ length: 6 }, () => verify(wrongCodeFor(code)));
        advance(15);
        const second = await sim.sendAndDeliver(org, scenario('success', { attempts: 5 }));
        assert.equal(second.status.attemptsRemaining, 1, '6 wrong carried over, capped at 4 of 5');
        assert.throws(() => verify(code), { errorCode: 'SUPERSEDED' });
    });

    it('answers a verify on a Failed challenge with the send’s own error code', async () => {
        const { verify } = await sent(scenario('400-number'));
        assert.throws(() => verify('123456'), { errorCode: 'INVALID_NUMBER', message: message('INVALID_NUMBER') });
    });

    // [errorCode, query overrides, a first send to the mobile Contact and then seconds, the refused Contact, label
    // args, and for a refusal that passes with time the seconds from the start after which a retry may pass]
    const refusals = [
        ['COOLDOWN', { cooldown: 30 }, 10, 'mobile', [20], 30],
        ['HOURLY_CAP', { cap: 1 }, 15, 'mobile', [1, 60], 3600],
        ['ORG_DAILY_BUDGET', { budget: 1 }, 0, 'phone-only', [1]],
        ['SETTINGS_INVALID', { cooldown: 0 }, null, 'mobile', ['Resend Cooldown Seconds', 15, 3600]],
        ['COUNTRY_NOT_ALLOWED', { countries: '44' }, null, 'mobile', ['65']],
        ['NOT_A_CONTACT', {}, null, '001000000000001AAA', []],
        ['CONTACT_NOT_FOUND', {}, null, '003000000000001AAA', []],
        ['NO_PHONE', {}, null, 'no-phone', []],
        ['INVALID_PHONE', {}, null, 'malformed', []]
    ];
    for (const [errorCode, overrides, afterSeconds, contact, args, retrySeconds] of refusals) {
        it(`refuses with ${errorCode} as data, its label filled in, and stores nothing more`, async () => {
            const { org, advance } = orgWithClock();
            if (afterSeconds !== null) {
                await sim.sendAndDeliver(org, scenario('success', overrides));
                advance(afterSeconds);
            }
            const before = org.records('s').challenges.length;
            const answer = org.sendOtp(
                's',
                { recordId: CONTACTS[contact]?.id ?? contact },
                scenario('success', overrides)
            );
            const retryAt = retrySeconds && new Date(sim.START + retrySeconds * 1000).toISOString();
            // Exactly these keys: a refusal reserves nothing, so it has no challengeId.
            const errorMessage = message(errorCode, ...args);
            assert.deepEqual(answer, { status: 'REFUSED', errorCode, errorMessage, retryAt: retryAt ?? null });
            assert.equal(org.records('s').challenges.length, before);
        });
    }

    // [the time field history dated the change at, if it did: what verifyOtp then reports]
    for (const changedAt of [undefined, '2026-01-01T00:00:00.001Z']) {
        it(`verifyOtp and getVerification report a number that differs from the one the code went to, dated ${changedAt ?? 'only by field history'}`, async () => {
            const { org, challengeId, code } = await sent();
            const differs = () => org.getVerification('s', { contactId: mobileId, windowMinutes: 15 }).numberDiffers;
            const { fields } = CONTACTS.mobile;
            const original = fields.MobilePhone;
            CONTACTS.mobile.phoneChangedAt = changedAt && Date.parse(changedAt);
            fields.MobilePhone = '+65 9999 0000';
            try {
                const verdict = org.verifyOtp('s', { challengeId, code }, scenario());
                const shown = [verdict.status, verdict.numberDiffers, verdict.numberChangedAt, differs()];
                assert.deepEqual(shown, ['VERIFIED', true, changedAt, true]);
            } finally {
                fields.MobilePhone = original;
                delete CONTACTS.mobile.phoneChangedAt;
            }
            assert.equal(differs(), false, 'the Contact holds the number again');
        });
    }
});

describe('shared policy cases (WhatsAppOtpPolicyCases.json, also run by WhatsAppOtpPolicyTest) on preview/sim/policy.mjs', () => {
    const { defaults, sendCases, settingsCases } = readCases('core', 'WhatsAppOtpPolicyCases.json');
    it('the simulation starts from the same defaults as the Apex, and its shorter timings are inside their ranges', () => {
        assert.deepEqual({ ...DEFAULT_POLICY_SETTINGS }, defaults);
        assert.deepEqual(validateSettings(PREVIEW_SETTINGS), { valid: true });
    });

    for (const { name, settings, request, history, expect, ...counts } of sendCases) {
        it(`send: ${name}`, () => {
            // WhatsAppPhoneNumber.sameNumber: a stored key is compared with the number's key of its own version.
            const sameNumber = (key) => key != null && key === request.numberKeys[key.split(':')[0]];
            const numbered = (entry) =>
                'numberKey' in entry ? { ...entry, sameNumber: sameNumber(entry.numberKey) } : entry;
            const decision = decideSend({
                ...counts,
                settings: { ...defaults, ...settings },
                request,
                history: history.map(numbered)
            });
            // What the case expects of the decision (a refusal's limit is the Apex's business).
            assert.deepEqual(Object.fromEntries(Object.keys(expect).map((key) => [key, decision[key]])), expect);
        });
    }

    for (const { name, settings, expect } of settingsCases) {
        it(`settings: ${name}`, () => assert.deepEqual(validateSettings({ ...defaults, ...settings }), expect));
    }
});

it('the preview server serves getSendStatus and liftLockout as the controller does, an error as Aura’s rejection; npm start on its port says "port N in use; set PORT" and exits non-zero', async (t) => {
    const preview = await startPreview({ port: 0, build: false });
    t.after(() => preview.close());
    /** An Apex call in the session `server`, posted as the page's apex.js posts it. */
    const apex = async (method, params) => {
        const body = JSON.stringify({ params, scenario: { session: 'server', overrides: { latency: 0 } } });
        const url = `${preview.url}sim/apex/WhatsAppOtpController.${method}`;
        return (await fetch(url, { method: 'POST', body })).json();
    };
    const { result } = await apex('sendOtp', { recordId: mobileId });
    await preview.org.deliveriesDone('server');
    assert.equal((await apex('getSendStatus', { challengeId: result.challengeId })).result.status, 'SENT');
    assert.deepEqual(await apex('liftLockout', { personId: mobileId }), { ok: true, result: null });
    const lifted = preview.org.records('server').tasks.at(-1).subject;
    assert.equal(lifted, label('WhatsAppOtp_Task_LockoutLifted', 'Jane Doe'), 'a lifted lockout is logged');
    const unknown = await apex('getSendStatus', { challengeId: 'a0X000000000000AAA' });
    assert.equal(unknown.error.body.message, message('CHALLENGE_NOT_FOUND'));

    // A second server on the port this one holds says what to do, without a stack.
    const server = fileURLToPath(new URL('../server.mjs', import.meta.url));
    const env = { ...process.env, PORT: String(preview.port) };
    const { status, stderr } = spawnSync(process.execPath, [server], { env, encoding: 'utf8' });
    assert.equal(status, 1, stderr);
    assert.match(stderr, new RegExp(`^port ${preview.port} in use; set PORT`, 'm'));
    assert.doesNotMatch(stderr, /EADDRINUSE|at Server\./, 'no stack');
});
