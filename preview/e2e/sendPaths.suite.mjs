// The two send paths in the simulation (no browser), run from simulated-org.test.mjs: the agent's sendOtp and
// the Flow action's sendFromFlow both lock every row first, then read, then insert (the same steps the Apex
// WhatsAppOtpSendPathOrderTest asserts through WhatsAppOtpChallengeStore), and neither calls 8x8 itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCustomerPhone } from '../sim/customerPhone.mjs';
import { CONTACTS } from '../sim/contacts.mjs';
import { createMessagingApi } from '../sim/messagingApi.mjs';
import { createSimulatedOrg, scenarioSettingsFrom } from '../sim/simulatedOrg.mjs';

const LOCK_READ_INSERT = [
    'lock C:',
    'lock N:',
    'lock U:',
    'lock O:',
    'read history',
    'read agent',
    'read org',
    'insert'
];

function org() {
    const messagingApi = createMessagingApi();
    const sent = [];
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const simulated = createSimulatedOrg({
        messagingApi: {
            sendMessage: (request) => {
                sent.push(request.body);
                return messagingApi.sendMessage(request);
            }
        },
        phone: createCustomerPhone(),
        now: () => clock.now
    });
    return { org: simulated, sent };
}

const scenario = { outcome: 'success', ...scenarioSettingsFrom({ latency: 0, timeout: 0 }) };

describe('send paths: lock, then read, then insert (as WhatsAppOtpSendPathOrderTest)', () => {
    it('the agent’s send locks every row, then reads, then inserts', () => {
        const { org: simulated } = org();
        assert.equal(simulated.sendOtp('s', { recordId: CONTACTS.mobile.id }, scenario).status, 'SENDING');
        assert.deepEqual(simulated.takeSteps('s'), LOCK_READ_INSERT);
    });

    it('the Flow send locks every row once for the whole run, then reads, then inserts, and calls nobody', async () => {
        const { org: simulated, sent } = org();
        const results = simulated.sendFromFlow(
            's',
            { recordIds: [CONTACTS.mobile.id, CONTACTS['phone-only'].id, CONTACTS['no-phone'].id] },
            scenario
        );
        assert.deepEqual(simulated.takeSteps('s'), LOCK_READ_INSERT);
        assert.deepEqual(
            results.map((result) => result.status ?? result.errorCode),
            ['SENDING', 'SENDING', 'NO_PHONE']
        );
        assert.equal(sent.length, 0, 'the Flow send itself never calls 8x8');
        await simulated.deliveriesDone('s');
        assert.equal(sent.length, 2, 'the queued deliveries do');
    });

    it('a second Flow send sees the first one’s reservation', () => {
        const { org: simulated } = org();
        const first = simulated.sendFromFlow('s', { recordIds: [CONTACTS.mobile.id] }, scenario)[0];
        const second = simulated.sendFromFlow('s', { recordIds: [CONTACTS.mobile.id] }, scenario)[0];
        assert.equal(first.status, 'SENDING');
        assert.equal(second.errorCode, 'COOLDOWN');
    });
});

describe('caps bind people; destinations (as WhatsAppOtpSenderCapTest)', () => {
    const withSettings = (overrides, extra = {}) => ({
        outcome: 'success',
        ...scenarioSettingsFrom({ latency: 0, timeout: 0, ...overrides }),
        ...extra
    });

    it('a person’s Flow sends count against the agent cap unless they hold the bulk permission', () => {
        const ids = [CONTACTS.mobile.id, CONTACTS['phone-only'].id];
        const person = org().org.sendFromFlow('s', { recordIds: ids }, withSettings({ agentCap: 1 }));
        assert.deepEqual(
            person.map((result) => result.status ?? result.errorCode),
            ['SENDING', 'AGENT_CAP']
        );
        const bulk = org().org.sendFromFlow(
            's',
            { recordIds: ids },
            withSettings({ agentCap: 1 }, { bulkPermission: true })
        );
        assert.deepEqual(
            bulk.map((result) => result.status ?? result.errorCode),
            ['SENDING', 'SENDING']
        );
    });

    it('in production a blank country list refuses the send with its own message; a prefix list admits its numbers', () => {
        const refused = org().org.sendFromFlow(
            's',
            { recordIds: [CONTACTS.mobile.id] },
            withSettings({ production: 'true' })
        );
        assert.equal(refused[0].errorCode, 'COUNTRIES_REQUIRED');
        const admitted = org().org.sendFromFlow(
            's',
            { recordIds: [CONTACTS.mobile.id] },
            withSettings({ production: 'true', countries: '6591' })
        );
        assert.equal(admitted[0].status, 'SENDING');
    });
});

describe('proof bound to the interaction and the number (as WhatsAppOtpVerificationTokenTest)', () => {
    async function sentOnce() {
        const messagingApi = createMessagingApi();
        const phone = createCustomerPhone();
        const inbox = [];
        phone.subscribe('s', (message) => inbox.push(message));
        const simulated = createSimulatedOrg({ messagingApi, phone, now: () => Date.parse('2026-01-01T00:00:00Z') });
        const { challengeId } = simulated.sendOtp('s', { recordId: CONTACTS.mobile.id }, scenario);
        await simulated.deliveriesDone('s');
        return { simulated, challengeId, code: inbox[0].template.components[0].parameters[0].text };
    }

    async function verifiedOnce() {
        const { simulated, challengeId, code } = await sentOnce();
        const verdict = simulated.verifyFromFlow('s', { challengeId, code }, scenario);
        return { simulated, verdict, challengeId };
    }

    it('a verification token proves its verification once, and Contact mode is not bound', async () => {
        const { simulated, verdict, challengeId } = await verifiedOnce();
        assert.equal(verdict.status, 'VERIFIED');
        assert.match(verdict.verificationToken, /^[0-9a-f]{64}$/);
        const stored = simulated.records('s').challenges.find((challenge) => challenge.id === challengeId);
        assert.notEqual(stored.verificationTokenHash, verdict.verificationToken, 'only the hash is kept');
        const ask = (verificationToken) =>
            simulated.getVerification('s', { contactId: CONTACTS.mobile.id, windowMinutes: 15, verificationToken });
        assert.deepEqual([ask(undefined).verified, ask(undefined).bound], [true, false]);
        const first = ask(verdict.verificationToken);
        assert.deepEqual([first.verified, first.bound], [true, true]);
        assert.equal(ask(verdict.verificationToken).verified, false, 'a token cannot be used twice');
    });

    it('verifyOtp and getVerification report a number that differs from the one the code went to', async () => {
        const { simulated, challengeId, code } = await sentOnce();
        const ask = () => simulated.getVerification('s', { contactId: CONTACTS.mobile.id, windowMinutes: 15 });
        const original = CONTACTS.mobile.fields.MobilePhone;
        CONTACTS.mobile.fields.MobilePhone = '+65 9999 0000';
        try {
            const verdict = simulated.verifyOtp('s', { challengeId, code }, scenario);
            assert.deepEqual([verdict.status, verdict.numberDiffers, ask().numberDiffers], ['VERIFIED', true, true]);
            assert.equal(verdict.numberChangedAt, undefined, 'no field history: no time');
        } finally {
            CONTACTS.mobile.fields.MobilePhone = original;
        }
        assert.equal(ask().numberDiffers, false, 'the Contact holds the number again');
    });

    it('verifyOtp dates the change when field history tracked it after the send', async () => {
        const { simulated, challengeId, code } = await sentOnce();
        const original = CONTACTS.mobile.fields.MobilePhone;
        CONTACTS.mobile.fields.MobilePhone = '+65 9999 0000';
        CONTACTS.mobile.phoneChangedAt = Date.parse('2026-01-01T00:00:00Z') + 1;
        try {
            const verdict = simulated.verifyOtp('s', { challengeId, code }, scenario);
            assert.equal(verdict.numberChangedAt, '2026-01-01T00:00:00.001Z');
        } finally {
            CONTACTS.mobile.fields.MobilePhone = original;
            delete CONTACTS.mobile.phoneChangedAt;
        }
    });
});
