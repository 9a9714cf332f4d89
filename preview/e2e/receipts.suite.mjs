// Delivery receipts in the simulation (no browser), run from simulated-org.test.mjs: the shared transition
// cases (WhatsAppOtpReceiptTransitions.json, also run by the Apex WhatsAppOtpReceiptTransitionsTest) on
// preview/sim/receipts.mjs, the simulated 8x8's receipt timeline on the session's clock, the simulated
// receipt endpoint, getSendStatus's delivery fields, and the SMS fallback with the same code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { createCustomerPhone } from '../sim/customerPhone.mjs';
import { CONTACTS } from '../sim/contacts.mjs';
import { formatLabel, readLabels } from '../sim/labels.mjs';
import { createMessagingApi } from '../sim/messagingApi.mjs';
import {
    RECEIPT_ERRORS,
    RECEIPT_TIMELINE_MS,
    nextState,
    readTimestampCases,
    readTransitionCases,
    receiptEnvelope,
    receiptTime
} from '../sim/receipts.mjs';
import {
    keyIdOf,
    readTokenCases,
    receiptTokenFor,
    receiptTokenMatches,
    TOKEN_LIFETIME_SECONDS
} from '../sim/receiptToken.mjs';
import { createSimulatedOrg, fallbackFixtureFile, scenarioSettingsFrom } from '../sim/simulatedOrg.mjs';

const mobileId = CONTACTS.mobile.id;
const transitionCases = readTransitionCases();

const tokenCases = readTokenCases();

describe('shared receipt token cases (WhatsAppOtpReceiptTokenCases.json) on preview/sim/receiptToken.mjs', () => {
    const { secret, clientMessageId, now, issued } = tokenCases;

    it('has cases to run', () => {
        assert.ok(tokenCases.cases.length >= 10);
    });

    for (const testCase of tokenCases.cases) {
        it(testCase.name, () => {
            assert.equal(receiptTokenMatches(secret, testCase.token, clientMessageId, now), testCase.matches);
        });
    }

    it('issues the shared token, of the shared key id, for 11 days', () => {
        assert.equal(keyIdOf(secret), issued.keyId);
        assert.equal(TOKEN_LIFETIME_SECONDS, issued.lifetimeSeconds);
        assert.equal(receiptTokenFor(secret, clientMessageId, now), issued.token);
    });

    it('the fallback fixture calls back with the shared issued token', () => {
        const fixture = JSON.parse(fs.readFileSync(fallbackFixtureFile, 'utf8'));
        assert.equal(fixture.dlrCallbackUrl.split('/').at(-1), issued.token);
        assert.equal(fixture.clientMessageId, clientMessageId);
    });
});

describe('shared receipt transition cases (WhatsAppOtpReceiptTransitions.json) on preview/sim/receipts.mjs', () => {
    it('has cases to run', () => {
        assert.ok(transitionCases.length >= 10);
    });

    for (const testCase of transitionCases) {
        it(testCase.name, () => {
            assert.equal(nextState(testCase.current, testCase.incoming), testCase.expect);
        });
    }

    it('ignores a state 8x8 does not document', () => {
        assert.equal(nextState('Sent', 'seen'), 'Sent');
    });
});

describe('shared receipt timestamp cases (timestampCases, also run by the Apex WhatsAppOtpReceiptResourceTest) on receiptTime', () => {
    const timestampCases = readTimestampCases();

    it('has a seven-digit fractional case to run', () => {
        assert.ok(timestampCases.some((testCase) => /\.\d{7}/.test(testCase.timestamp ?? '')));
    });

    for (const testCase of timestampCases) {
        it(testCase.name, () => {
            assert.equal(receiptTime(testCase.timestamp), testCase.epochMs);
        });
    }
});

/** A simulated org whose session clock only moves when the test says (real time stands still for it). */
function receiptOrg() {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const phone = createCustomerPhone();
    const inbox = [];
    const ticks = [];
    const sentBodies = [];
    phone.subscribe('s', (message) => inbox.push(message));
    phone.subscribeStatus('s', (change) => ticks.push(change.state));
    const messagingApi = createMessagingApi();
    const recordingApi = {
        sendMessage: (request) => {
            sentBodies.push(request.body);
            return messagingApi.sendMessage(request);
        }
    };
    const org = createSimulatedOrg({ messagingApi: recordingApi, phone, now: () => start });
    return { org, inbox, ticks, sentBodies };
}

async function sendWith(org, outcome, { receipts = true } = {}) {
    const options = { outcome, receipts, ...scenarioSettingsFrom({ latency: 0, timeout: 0 }) };
    const { challengeId } = org.sendOtp('s', { recordId: mobileId }, options);
    await org.deliveriesDone('s');
    return { challengeId, status: () => org.getSendStatus('s', { challengeId }, options) };
}

const deliveryOf = ({ channel, whatsappStatus, smsStatus, fallbackEnabled }) => ({
    channel,
    whatsappStatus,
    smsStatus,
    fallbackEnabled
});

describe('simulated delivery receipts', () => {
    it('a delivered message: queued, then sent, delivered and read as the session clock reaches each', async () => {
        const { org, inbox, ticks } = receiptOrg();
        const { status } = await sendWith(org, 'success');
        assert.deepEqual(deliveryOf(status()), {
            channel: 'WHATSAPP',
            whatsappStatus: 'QUEUED',
            smsStatus: null,
            fallbackEnabled: false
        });

        org.advanceClock('s', RECEIPT_TIMELINE_MS.sent / 1000 - 0.5);
        assert.equal(status().whatsappStatus, 'QUEUED', 'no receipt comes before its time');
        org.advanceClock('s', 0.5);
        assert.equal(status().whatsappStatus, 'SENT');
        org.advanceClock('s', (RECEIPT_TIMELINE_MS.delivered - RECEIPT_TIMELINE_MS.sent) / 1000);
        assert.equal(status().whatsappStatus, 'DELIVERED');
        assert.equal(status().deliveredAt, '2026-01-01T00:00:03.000Z');
        assert.equal(status().readAt, null);
        org.advanceClock('s', (RECEIPT_TIMELINE_MS.read - RECEIPT_TIMELINE_MS.delivered) / 1000);
        assert.equal(status().whatsappStatus, 'READ');
        assert.equal(status().readAt, '2026-01-01T00:00:08.000Z');

        assert.equal(inbox.length, 1, 'one WhatsApp message on the phone');
        assert.deepEqual(ticks, ['queued', 'sent', 'delivered', 'read'], 'the phone shows each tick');
    });

    it('without the receipt endpoint: no callback URL is sent, the phone still ticks, the org hears nothing', async () => {
        const { org, inbox, ticks, sentBodies } = receiptOrg();
        const { status } = await sendWith(org, 'not-on-whatsapp', { receipts: false });
        assert.equal(sentBodies[0].dlrCallbackUrl, undefined, 'the gateway asks 8x8 for no receipts');
        org.advanceClock('s', RECEIPT_TIMELINE_MS.read / 1000);
        assert.equal(status().status, 'SENT', 'the send itself is reported');
        assert.deepEqual(
            deliveryOf(status()),
            { channel: null, whatsappStatus: null, smsStatus: null, fallbackEnabled: true },
            'no receipt reached the org'
        );
        assert.equal(inbox.length, 1, "8x8's SMS fallback still reaches the phone");
        assert.deepEqual(ticks, [], 'no WhatsApp ticks for a number without WhatsApp');
    });

    it('not on WhatsApp, fallback on: WhatsApp undelivered with 8x8 reason, then an SMS with the same code, delivered', async () => {
        const { org, inbox, sentBodies } = receiptOrg();
        const { status } = await sendWith(org, 'not-on-whatsapp');
        const [body] = sentBodies;
        assert.deepEqual(
            body.channels.map((entry) => entry.channel),
            ['WhatsApp', 'SMS'],
            'the request asks for WhatsApp, then SMS'
        );
        assert.equal(body.channels[0].successStatus, 'Delivered');
        const whatsappCode = body.content.template.components[0].parameters[0].text;
        assert.equal(
            body.content.fallbackText,
            formatLabel(readLabels().get('WhatsAppOtp_SMS_Body'), whatsappCode),
            'the SMS text is the Custom Label with the same code'
        );
        assert.ok(
            body.channels[0].fallbackAfter * 1000 + 60 * 1000 <=
                Date.parse(body.expiry) - Date.parse('2026-01-01T00:00:00Z'),
            "the message expiry is the code's, at least a minute after the fallback starts, so the SMS is usable"
        );
        assert.equal(inbox.length, 0, 'no WhatsApp message reaches a number without WhatsApp');

        org.advanceClock('s', RECEIPT_TIMELINE_MS.sent / 1000);
        assert.deepEqual(deliveryOf(status()), {
            channel: 'WHATSAPP',
            whatsappStatus: 'UNDELIVERED',
            smsStatus: null,
            fallbackEnabled: true
        });
        assert.equal(status().deliveryErrorCode, String(RECEIPT_ERRORS.notOnWhatsApp.errorCode));
        assert.equal(status().deliveryErrorDetail, RECEIPT_ERRORS.notOnWhatsApp.errorMessage);

        org.advanceClock('s', (RECEIPT_TIMELINE_MS.smsSent - RECEIPT_TIMELINE_MS.sent) / 1000);
        assert.equal(status().channel, 'SMS');
        assert.equal(status().smsStatus, 'SENT');
        const [sms] = inbox;
        assert.equal(sms.kind, 'sms');
        assert.equal(sms.code, whatsappCode, 'the SMS carries the same code');
        assert.ok(sms.text.includes(whatsappCode));

        org.advanceClock('s', (RECEIPT_TIMELINE_MS.smsDelivered - RECEIPT_TIMELINE_MS.smsSent) / 1000);
        assert.equal(status().smsStatus, 'DELIVERED');
        assert.equal(status().whatsappStatus, 'UNDELIVERED', 'the SMS starts its own status');
    });

    it('undelivered, fallback off: sent, then undelivered, and no SMS', async () => {
        const { org, inbox, sentBodies } = receiptOrg();
        const { status } = await sendWith(org, 'undelivered');
        assert.equal(sentBodies[0].channels, undefined, 'no fallback in the request');
        org.advanceClock('s', RECEIPT_TIMELINE_MS.sent / 1000);
        assert.equal(status().whatsappStatus, 'SENT');
        org.advanceClock('s', 60);
        assert.deepEqual(deliveryOf(status()), {
            channel: 'WHATSAPP',
            whatsappStatus: 'UNDELIVERED',
            smsStatus: null,
            fallbackEnabled: false
        });
        assert.equal(inbox.length, 0);
    });
});

describe('simulated receipt endpoint', () => {
    async function pendingChallenge() {
        const { org } = receiptOrg();
        const { challengeId, status } = await sendWith(org, 'success');
        const { clientMessageId } = org.records('s').challenges.find((challenge) => challenge.id === challengeId);
        const post = (state, extra = {}) =>
            org.receiveReceipt(
                's',
                receiptEnvelope({
                    umid: 'u1',
                    clientMessageId,
                    channel: 'WhatsApp',
                    state,
                    at: Date.parse('2026-01-01T00:00:05Z'),
                    ...extra
                })
            );
        return { org, status, post, clientMessageId };
    }

    // The state rule itself (a replay, read before delivered) is the shared transition cases'.
    it('read before delivered also sets the delivered time', async () => {
        const { status, post } = await pendingChallenge();
        post('read');
        assert.equal(post('delivered'), false);
        assert.equal(status().whatsappStatus, 'READ');
        assert.equal(status().deliveredAt, '2026-01-01T00:00:05.000Z');
    });

    it('an unknown clientMessageId, an unknown event and a body without status change nothing', async () => {
        const { org, status } = await pendingChallenge();
        const before = status();
        const envelope = receiptEnvelope({
            umid: 'u',
            clientMessageId: 'nobody',
            channel: 'WhatsApp',
            state: 'read',
            at: 0
        });
        assert.equal(org.receiveReceipt('s', envelope), false);
        assert.equal(org.receiveReceipt('s', { ...envelope, eventType: 'inbound_message_received' }), false);
        assert.equal(org.receiveReceipt('s', { eventType: 'outbound_message_status_changed', payload: {} }), false);
        assert.equal(org.receiveReceipt('s', null), false);
        assert.deepEqual(status(), before);
        assert.equal(org.records('s').challenges.length, 1, 'never creates a challenge');
    });
});
