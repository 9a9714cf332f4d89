// The shared inbound cases (WhatsAppOtpInboundCases.json, also run by the Apex WhatsAppOtpInboundResourceTest) on
// preview/sim/inbound.mjs (run from simulated-org.test.mjs). What a reply leaves for the agent (its Task, the card)
// is composer.test.mjs's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashCode, newSession, numberHash } from '../sim/challenges.mjs';
import { INBOUND_MAX_BODY_BYTES, inboundEnvelope, inboundSecretHash, receiveInbound } from '../sim/inbound.mjs';
import { maskE164 } from '../sim/phoneNumber.mjs';
import { DEFAULT_POLICY_SETTINGS } from '../sim/policy.mjs';
import { readCases } from './simOrg.mjs';

const table = readCases('receipts', 'WhatsAppOtpInboundCases.json');
const NOW = Date.parse('2026-12-01T10:00:00Z');
const settings = { ...DEFAULT_POLICY_SETTINGS, maxAttempts: 5 };

/** The case's challenges in a new session, as the Apex test inserts them. */
function seeded(specs) {
    const session = newSession(() => NOW);
    const challenges = specs.map((spec, index) => {
        const msisdn = spec.msisdn ?? table.msisdn;
        const challenge = {
            id: `a0X${String(index).padStart(15, '0')}`,
            contactId: `003${spec.contact.padStart(15, '0')}`,
            status: spec.status ?? 'Pending',
            numberHash: numberHash(msisdn),
            createdAt: NOW - (spec.ageSeconds ?? 60) * 1000,
            expiresAt: NOW + (spec.expiresInSeconds ?? 300) * 1000,
            attempts: spec.attempts ?? 0,
            maxAttempts: 5,
            codeLength: 6,
            maskedPhone: maskE164(msisdn),
            codeSalt: 'salt',
            codeHash: hashCode('salt', spec.code)
        };
        session.challenges.set(challenge.id, challenge);
        return challenge;
    });
    return { session, challenges };
}

/** The webhook 8x8 posts, with the case's overrides (the shared file's "about"). */
function bodyOf(c) {
    if (c.rawBody !== undefined) {
        return c.rawBody;
    }
    const body = inboundEnvelope({
        umid: c.umid ?? '6f1c2d3e-4a5b-4c6d-8e7f-000000000001',
        subAccountId: c.subAccountId ?? table.subaccountId,
        timestamp: '2026-12-01T10:00:00.00Z',
        msisdn: c.msisdn ?? table.msisdn,
        type: c.type,
        text: c.text === undefined ? '123456' : c.text
    });
    Object.assign(body, { namespace: c.namespace ?? body.namespace, eventType: c.eventType ?? body.eventType });
    if (c.padBytes !== undefined) {
        body.description = 'x'.repeat(c.padBytes);
    }
    return JSON.stringify(body);
}

/** The case's request: the secret in the Authorization header (as it is, or after Bearer), in the path, or none. */
function requestOf(c) {
    const auth = c.auth ?? 'header';
    const authorization = { header: table.secret, bearer: `Bearer ${table.secret}`, wrong: table.otherSecret }[auth];
    const path = `/whatsapp-otp/inbound${auth === 'path' ? `/${table.secret}` : ''}`;
    return { path, authorization, body: bodyOf(c) };
}

const orgFor = (c) => ({
    secretHash: inboundSecretHash(table.secret),
    replySubaccount: c.replyVerification === false ? null : table.subaccountId,
    settings
});

describe('shared inbound cases (WhatsAppOtpInboundCases.json) on preview/sim/inbound.mjs', () => {
    it('has its cases, and the Apex body cap', () => {
        assert.ok(table.cases.length >= 20);
        assert.equal(INBOUND_MAX_BODY_BYTES, table.maxBodyBytes);
    });

    for (const c of table.cases) {
        it(c.name, () => {
            const { session, challenges } = seeded(c.challenges);
            let status;
            for (let n = 0; n < (c.posts ?? 1); n++) {
                status = receiveInbound(session, requestOf(c), orgFor(c));
            }
            assert.equal(status, c.expect.http);
            const stateOf = ({ status: s, attempts, verifiedVia = null }) => ({ status: s, attempts, verifiedVia });
            assert.deepEqual(challenges.map(stateOf), c.expect.challenges);
        });
    }
});
