// Delivery receipts in the simulation (run from simulated-org.test.mjs): the shared token, transition and timestamp
// cases, 8x8's receipt timeline on the session's clock, the receipt endpoint and the SMS fallback.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECEIPT_ERRORS, RECEIPT_TIMELINE_MS as T, nextState, receiptEnvelope, receiptTime } from '../sim/receipts.mjs';
import { keyIdOf, receiptTokenFor, receiptTokenMatches, TOKEN_LIFETIME_SECONDS } from '../sim/receiptToken.mjs';
import { codeOf, label, readCases, scenario, sent, START } from './simOrg.mjs';

const { cases: transitionCases, timestampCases } = readCases('receipts', 'WhatsAppOtpReceiptTransitions.json');
const tokenCases = readCases('core', 'WhatsAppOtpReceiptTokenCases.json');
const { secret, clientMessageId, now, issued } = tokenCases;

// [the shared table (whom else it runs), its cases, what the simulation gives for a case and what the case expects]
const SHARED = [
    [
        'receipt token cases (WhatsAppOtpReceiptTokenCases.json, also WhatsAppOtpReceiptTokenTest) on receiptToken.mjs',
        tokenCases.cases,
        (c) => [receiptTokenMatches(secret, c.token, clientMessageId, now), c.matches]
    ],
    [
        'receipt transition cases (WhatsAppOtpReceiptTransitions.json, also WhatsAppOtpReceiptTransitionsTest)',
        transitionCases,
        (c) => [nextState(c.current, c.incoming), c.expect]
    ],
    [
        'receipt timestamp cases (timestampCases, also WhatsAppOtpReceiptResourceTest) on receiptTime',
        timestampCases,
        (c) => [receiptTime(c.timestamp), c.epochMs]
    ]
];
for (const [title, cases, actualAndExpected] of SHARED) {
    describe(`shared ${title}`, () => {
        assert.ok(cases.length >= 10, `${title}: the cases are there`);
        for (const testCase of cases) {
            it(testCase.name, () => assert.equal(...actualAndExpected(testCase)));
        }
    });
}

it('the receipt token: the shared token issued, of the shared key id, for 11 days, is the fallback fixture’s', () => {
    assert.equal(keyIdOf(secret), issued.keyId);
    assert.equal(TOKEN_LIFETIME_SECONDS, issued.lifetimeSeconds);
    assert.equal(receiptTokenFor(secret, clientMessageId, now), issued.token);
    const fixture = readCases('core', 'WhatsAppOtpSendMessageFallbackFixture.json');
    assert.equal(fixture.dlrCallbackUrl.split('/').at(-1), issued.token);
    assert.equal(fixture.clientMessageId, clientMessageId);
});

/** A send with or without the receipt endpoint, delivered; `after(ms)` moves the session clock on. */
async function sentWith(outcome, receipts = true) {
    const delivered = await sent(scenario(outcome, {}, { receipts }));
    return { ...delivered, status: delivered.statusNow, after: (ms) => delivered.advance(ms / 1000) };
}

/** getSendStatus's delivery fields: [channel, whatsappStatus, smsStatus, fallbackEnabled]. */
const deliveryOf = (status) => [status.channel, status.whatsappStatus, status.smsStatus, status.fallbackEnabled];

describe('simulated delivery receipts', () => {
    it('a delivered message: queued, then sent, delivered and read as the session clock reaches each', async () => {
        const { status, after, inbox, ticks } = await sentWith('success');
        assert.deepEqual(deliveryOf(status()), ['WHATSAPP', 'QUEUED', null, false]);
        after(T.sent - 500);
        assert.equal(status().whatsappStatus, 'QUEUED', 'no receipt comes before its time');
        after(500);
        assert.equal(status().whatsappStatus, 'SENT');
        after(T.delivered - T.sent);
        const delivered = status();
        assert.deepEqual(
            [delivered.whatsappStatus, delivered.deliveredAt, delivered.readAt],
            ['DELIVERED', '2026-01-01T00:00:03.000Z', null]
        );
        after(T.read - T.delivered);
        assert.deepEqual([status().whatsappStatus, status().readAt], ['READ', '2026-01-01T00:00:08.000Z']);
        assert.equal(inbox.length, 1, 'one WhatsApp message on the phone');
        assert.deepEqual(ticks, ['queued', 'sent', 'delivered', 'read'], 'the phone shows each tick');
    });

    it('without the receipt endpoint: no callback URL is sent, the phone still ticks, the org hears nothing', async () => {
        const { status, after, inbox, ticks, sentBodies } = await sentWith('not-on-whatsapp', false);
        assert.equal(sentBodies[0].dlrCallbackUrl, undefined, 'the gateway asks 8x8 for no receipts');
        after(T.read);
        assert.equal(status().status, 'SENT', 'the send itself is reported');
        assert.deepEqual(deliveryOf(status()), [null, null, null, true], 'no receipt reached the org');
        assert.equal(inbox.length, 1, "8x8's SMS fallback still reaches the phone");
        assert.deepEqual(ticks, [], 'no WhatsApp ticks for a number without WhatsApp');
    });

    // That the phone gets the SMS, with the same code, and no WhatsApp message is composer.test.mjs's.
    it('not on WhatsApp, fallback on: WhatsApp undelivered with 8x8 reason, then an SMS with the same code, delivered', async () => {
        const { status, after, sentBodies } = await sentWith('not-on-whatsapp');
        const [body] = sentBodies;
        const channels = body.channels.map((entry) => entry.channel);
        assert.deepEqual(channels, ['WhatsApp', 'SMS'], 'the request asks for WhatsApp, then SMS');
        assert.equal(body.channels[0].successStatus, 'Delivered');
        const whatsappCode = codeOf(body.content);
        const smsText = label('WhatsAppOtp_SMS_Body', whatsappCode);
        assert.equal(body.content.fallbackText, smsText, 'the SMS text is the Custom Label with the same code');
        assert.ok(
            body.channels[0].fallbackAfter * 1000 + 60 * 1000 <= Date.parse(body.expiry) - START,
            "the message expiry is the code's, at least a minute after the fallback starts, so the SMS is usable"
        );

        after(T.sent);
        assert.deepEqual(deliveryOf(status()), ['WHATSAPP', 'UNDELIVERED', null, true]);
        const { errorCode, errorMessage } = RECEIPT_ERRORS.notOnWhatsApp;
        assert.deepEqual([status().deliveryErrorCode, status().deliveryErrorDetail], [String(errorCode), errorMessage]);

        after(T.smsSent - T.sent);
        assert.deepEqual([status().channel, status().smsStatus], ['SMS', 'SENT']);

        after(T.smsDelivered - T.smsSent);
        assert.equal(status().smsStatus, 'DELIVERED');
        assert.equal(status().whatsappStatus, 'UNDELIVERED', 'the SMS starts its own status');
    });

    it('undelivered, fallback off: sent, then undelivered, and no SMS', async () => {
        const { status, after, inbox, sentBodies } = await sentWith('undelivered');
        assert.equal(sentBodies[0].channels, undefined, 'no fallback in the request');
        after(T.sent);
        assert.equal(status().whatsappStatus, 'SENT');
        after(60000);
        assert.deepEqual(deliveryOf(status()), ['WHATSAPP', 'UNDELIVERED', null, false]);
        assert.equal(inbox.length, 0);
    });
});

// The state rule itself (a replay, read before delivered) is the shared transition cases'.
it('the simulated receipt endpoint ignores a receipt of another message, another event or without status; read before delivered dates both', async () => {
    const { org, challengeId, status } = await sentWith('success');
    const { clientMessageId } = org.records('s').challenges.find((challenge) => challenge.id === challengeId);
    const envelope = (id, state) =>
        receiptEnvelope({ umid: 'u1', clientMessageId: id, channel: 'WhatsApp', state, at: START + 5000 });
    const known = envelope(clientMessageId, 'delivered');
    const before = status();
    const ignored = [
        envelope('nobody', 'delivered'),
        { ...known, eventType: 'inbound_message_received' },
        { ...known, payload: { clientMessageId } },
        null
    ];
    assert.deepEqual(
        ignored.map((body) => org.receiveReceipt('s', body)),
        Array(4).fill(false)
    );
    assert.deepEqual(status(), before);
    org.receiveReceipt('s', envelope(clientMessageId, 'read'));
    assert.equal(org.receiveReceipt('s', known), false);
    assert.deepEqual([status().whatsappStatus, status().deliveredAt], ['READ', '2026-01-01T00:00:05.000Z']);
    assert.equal(org.records('s').challenges.length, 1, 'never creates a challenge');
});
