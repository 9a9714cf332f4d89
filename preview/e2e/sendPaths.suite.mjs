// The simulation's two send paths (run from simulated-org.test.mjs), their step order, caps and verification proof.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTACTS } from '../sim/contacts.mjs';
import { mobileId, orgWithClock, scenario, sent } from './simOrg.mjs';

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
const ids = (...keys) => keys.map((key) => CONTACTS[key].id);
/** A Flow send's result per Contact: its status, or its error code. */
const outcomesOf = (results) => results.map((result) => result.status ?? result.errorCode);
/** One Flow send on a fresh org, with the given query overrides and scenario extras. */
const flowSend = (recordIds, overrides, extra) =>
    outcomesOf(orgWithClock().org.sendFromFlow('s', { recordIds }, scenario('success', overrides, extra)));

describe('send paths: lock, then read, then insert (as WhatsAppOtpSendPathOrderTest)', () => {
    it('the agent’s send locks every row, then reads, then inserts', () => {
        const { org } = orgWithClock();
        assert.equal(org.sendOtp('s', { recordId: mobileId }, scenario()).status, 'SENDING');
        assert.deepEqual(org.takeSteps('s'), LOCK_READ_INSERT);
    });

    it('the Flow send locks every row once for the whole run, then reads, then inserts, and calls nobody', async () => {
        const { org, sentBodies } = orgWithClock();
        const results = org.sendFromFlow('s', { recordIds: ids('mobile', 'phone-only', 'no-phone') }, scenario());
        assert.deepEqual(org.takeSteps('s'), LOCK_READ_INSERT);
        assert.deepEqual(outcomesOf(results), ['SENDING', 'SENDING', 'NO_PHONE']);
        assert.equal(sentBodies.length, 0, 'the Flow send itself never calls 8x8');
        await org.deliveriesDone('s');
        assert.equal(sentBodies.length, 2, 'the queued deliveries do');
    });

    it('a second Flow send sees the first one’s reservation', () => {
        const { org } = orgWithClock();
        const send = () => outcomesOf(org.sendFromFlow('s', { recordIds: [mobileId] }, scenario()));
        assert.deepEqual([...send(), ...send()], ['SENDING', 'COOLDOWN']);
    });
});

describe('caps bind people; destinations (as WhatsAppOtpSenderCapTest)', () => {
    it('a person’s Flow sends count against the agent cap unless they hold the bulk permission', () => {
        const people = ids('mobile', 'phone-only');
        assert.deepEqual(flowSend(people, { agentCap: 1 }), ['SENDING', 'AGENT_CAP']);
        assert.deepEqual(flowSend(people, { agentCap: 1 }, { bulkPermission: true }), ['SENDING', 'SENDING']);
    });

    it('in production a blank country list refuses the send with its own message; a prefix list admits its numbers', () => {
        assert.deepEqual(flowSend([mobileId], { production: 'true' }), ['COUNTRIES_REQUIRED']);
        assert.deepEqual(flowSend([mobileId], { production: 'true', countries: '6591' }), ['SENDING']);
    });
});

describe('proof bound to the interaction and the number (as WhatsAppOtpVerificationTokenTest)', () => {
    const ask = (org, verificationToken) =>
        org.getVerification('s', { contactId: mobileId, windowMinutes: 15, verificationToken });

    /** Runs `check` while the mobile Contact holds another number (changed at `changedAt`, when given). */
    async function withNumberChanged(changedAt, check) {
        const { fields } = CONTACTS.mobile;
        const original = fields.MobilePhone;
        fields.MobilePhone = '+65 9999 0000';
        CONTACTS.mobile.phoneChangedAt = changedAt;
        try {
            await check();
        } finally {
            fields.MobilePhone = original;
            delete CONTACTS.mobile.phoneChangedAt;
        }
    }

    it('a verification token proves its verification once, and Contact mode is not bound', async () => {
        const { org, challengeId, code } = await sent();
        const verdict = org.verifyFromFlow('s', { challengeId, code }, scenario());
        assert.equal(verdict.status, 'VERIFIED');
        assert.match(verdict.verificationToken, /^[0-9a-f]{64}$/);
        const stored = org.records('s').challenges.find((challenge) => challenge.id === challengeId);
        assert.notEqual(stored.verificationTokenHash, verdict.verificationToken, 'only the hash is kept');
        assert.deepEqual([ask(org).verified, ask(org).bound], [true, false]);
        const first = ask(org, verdict.verificationToken);
        assert.deepEqual([first.verified, first.bound], [true, true]);
        assert.equal(ask(org, verdict.verificationToken).verified, false, 'a token cannot be used twice');
    });

    it('verifyOtp and getVerification report a number that differs from the one the code went to', async () => {
        const { org, challengeId, code } = await sent();
        await withNumberChanged(undefined, () => {
            const verdict = org.verifyOtp('s', { challengeId, code }, scenario());
            assert.deepEqual([verdict.status, verdict.numberDiffers, ask(org).numberDiffers], ['VERIFIED', true, true]);
            assert.equal(verdict.numberChangedAt, undefined, 'no field history: no time');
        });
        assert.equal(ask(org).numberDiffers, false, 'the Contact holds the number again');
    });

    it('verifyOtp dates the change when field history tracked it after the send', async () => {
        const { org, challengeId, code } = await sent();
        await withNumberChanged(Date.parse('2026-01-01T00:00:00.001Z'), () => {
            const verdict = org.verifyOtp('s', { challengeId, code }, scenario());
            assert.equal(verdict.numberChangedAt, '2026-01-01T00:00:00.001Z');
        });
    });
});
