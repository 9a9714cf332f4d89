// Node tests of the preview's simulated org and simulated 8x8 (no browser): the body they exchange is
// the project's fixture, the 8x8 answers map to the Apex error codes, and the challenge states follow
// WhatsAppOtpService. A fake clock drives expiry, cooldown and the cap window.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { createCustomerPhone } from '../sim/customerPhone.mjs';
import { CONTACTS } from '../sim/contacts.mjs';
import { formatLabel, readLabels } from '../sim/labels.mjs';
import { createMessagingApi } from '../sim/messagingApi.mjs';
import { fixtureFile } from '../sim/paths.mjs';
import { ERROR_LABELS, buildRequestBody, createSimulatedOrg, timingsFrom } from '../sim/simulatedOrg.mjs';

const labels = readLabels();
const messagingApi = createMessagingApi();
const mobileId = CONTACTS.mobile.id;

function orgWithClock(start = Date.parse('2026-01-01T00:00:00Z')) {
    const clock = { now: start };
    const phone = createCustomerPhone();
    const inbox = [];
    phone.subscribe('s', (message) => inbox.push(message));
    const org = createSimulatedOrg({ messagingApi, phone, now: () => clock.now });
    return { org, clock, inbox };
}

const scenario = (outcome = 'success', overrides = {}) => ({
    outcome,
    timings: timingsFrom({ latency: 0, timeout: 0, ...overrides })
});

const codeOf = (message) => message.template.components[0].parameters[0].text;

async function rejection(promise) {
    try {
        await promise;
    } catch (error) {
        return error;
    }
    assert.fail('expected a failure');
}

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

    it('rejects a body outside the spec with 400', async () => {
        const body = buildRequestBody('+6591235678', '123456');
        body.content.template.components[1].subType = 'url';
        const answer = await messagingApi.sendMessage({ subAccountId: 'x', body });
        assert.equal(answer.status, 400);
        assert.match(answer.body.message, /subType must be equal to one of the allowed values/);
    });

    const outcomes = [
        ['401', 'CREDENTIAL_REJECTED'],
        ['400-template', 'TEMPLATE_REJECTED'],
        ['400-number', 'INVALID_NUMBER'],
        ['429', 'RATE_LIMITED'],
        ['500', 'SERVICE_UNAVAILABLE'],
        ['timeout', 'TIMEOUT']
    ];
    for (const [outcome, errorCode] of outcomes) {
        it(`${outcome} reaches the agent as ${errorCode}`, async () => {
            const { org, inbox } = orgWithClock();
            const error = await rejection(org.sendOtp('s', { recordId: mobileId }, scenario(outcome)));
            assert.equal(error.errorCode, errorCode);
            assert.equal(error.message, labels.get(ERROR_LABELS[errorCode]));
            assert.equal(inbox.length, 0);
        });
    }
});

describe('simulated controller', () => {
    it('sends the code only to the phone, and verifies it once', async () => {
        const { org, clock, inbox } = orgWithClock();
        const sent = await org.sendOtp('s', { recordId: mobileId }, scenario());
        assert.deepEqual(Object.keys(sent).sort(), [
            'challengeId',
            'codeLength',
            'expiresAt',
            'maskedPhone',
            'messageId',
            'resendAvailableAt'
        ]);
        assert.equal(sent.maskedPhone, '+65 •••• 5678');
        assert.equal(sent.expiresAt, new Date(clock.now + 60000).toISOString());
        assert.ok(!JSON.stringify(sent).includes(codeOf(inbox[0])));
        assert.deepEqual(org.verifyOtp('s', { challengeId: sent.challengeId, code: codeOf(inbox[0]) }), {
            status: 'VERIFIED',
            attemptsRemaining: 0
        });
        const again = await rejection(
            Promise.resolve().then(() => org.verifyOtp('s', { challengeId: sent.challengeId, code: codeOf(inbox[0]) }))
        );
        assert.equal(again.errorCode, 'ALREADY_VERIFIED');
    });

    it('counts wrong codes down to a lock, then refuses even the right code', async () => {
        const { org, inbox } = orgWithClock();
        const { challengeId } = await org.sendOtp('s', { recordId: mobileId }, scenario('success', { attempts: 2 }));
        const wrong = codeOf(inbox[0]) === '000000' ? '111111' : '000000';
        assert.deepEqual(org.verifyOtp('s', { challengeId, code: wrong }), {
            status: 'INVALID_CODE',
            attemptsRemaining: 1
        });
        assert.deepEqual(org.verifyOtp('s', { challengeId, code: wrong }), { status: 'LOCKED', attemptsRemaining: 0 });
        assert.deepEqual(org.verifyOtp('s', { challengeId, code: codeOf(inbox[0]) }), {
            status: 'LOCKED',
            attemptsRemaining: 0
        });
    });

    it('expires a code after its lifetime', async () => {
        const { org, clock, inbox } = orgWithClock();
        const { challengeId } = await org.sendOtp('s', { recordId: mobileId }, scenario('success', { ttl: 5 }));
        clock.now += 5000;
        assert.deepEqual(org.verifyOtp('s', { challengeId, code: codeOf(inbox[0]) }), {
            status: 'EXPIRED',
            attemptsRemaining: 0
        });
    });

    it('holds a resend to the cooldown, supersedes the older code, and caps sends per window', async () => {
        const { org, clock, inbox } = orgWithClock();
        const timings = scenario('success', { cooldown: 30, cap: 2, capWindow: 3600 });
        const first = await org.sendOtp('s', { recordId: mobileId }, timings);
        clock.now += 10000;
        const early = await rejection(org.sendOtp('s', { recordId: mobileId }, timings));
        assert.equal(early.message, formatLabel(labels.get('WhatsAppOtp_Error_Cooldown'), 20));
        clock.now += 20000;
        await org.sendOtp('s', { recordId: mobileId }, timings);
        const old = await rejection(
            Promise.resolve().then(() => org.verifyOtp('s', { challengeId: first.challengeId, code: codeOf(inbox[0]) }))
        );
        assert.equal(old.errorCode, 'SUPERSEDED');
        clock.now += 60000;
        const capped = await rejection(org.sendOtp('s', { recordId: mobileId }, timings));
        assert.equal(capped.message, formatLabel(labels.get('WhatsAppOtp_Error_HourlyCap'), 2));
        clock.now += 3600 * 1000;
        await org.sendOtp('s', { recordId: mobileId }, timings);
    });

    it('refuses contacts it cannot send to, with their messages', async () => {
        const { org } = orgWithClock();
        const cases = [
            ['001000000000001AAA', 'NOT_A_CONTACT'],
            ['003000000000001AAA', 'CONTACT_NOT_FOUND'],
            [CONTACTS['no-phone'].id, 'NO_PHONE'],
            [CONTACTS.malformed.id, 'INVALID_PHONE']
        ];
        for (const [recordId, errorCode] of cases) {
            const error = await rejection(org.sendOtp('s', { recordId }, scenario()));
            assert.equal(error.errorCode, errorCode, recordId);
            assert.equal(error.message, labels.get(ERROR_LABELS[errorCode]));
        }
    });

    it('checks the code format before the challenge', async () => {
        const { org } = orgWithClock();
        const { challengeId } = await org.sendOtp('s', { recordId: mobileId }, scenario());
        const error = await rejection(Promise.resolve().then(() => org.verifyOtp('s', { challengeId, code: '12a' })));
        assert.equal(error.message, formatLabel(labels.get('WhatsAppOtp_Error_InvalidCodeFormat'), 6));
    });
});
