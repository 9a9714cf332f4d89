// The inbound endpoint (WhatsAppOtpInboundResource, WhatsAppOtpInboundSecret, WhatsAppOtpInboundMatcher; shared
// WhatsAppOtpInboundCases.json): a customer who pastes the code into the WhatsApp chat. The rules are verifyOtp's own:
// the chosen challenge goes through controller.verifyOtp.
import crypto from 'node:crypto';
import { hashCode, numberHash } from './challenges.mjs';
import { verifyOtp } from './controller.mjs';
import { normalizePhone } from './person.mjs';

/** WhatsAppOtpInboundResource.MAX_BODY_BYTES. */
export const INBOUND_MAX_BODY_BYTES = 8192;
const SECRET = /^[A-Za-z0-9_-]{32,128}$/;
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

/**
 * The inbound_message_received webhook 8x8 posts for a customer's message
 * (developer.8x8.com/connect/docs/inbound-chatapps-message); text null: content without text.
 */
export const inboundEnvelope = ({ umid, subAccountId, timestamp, msisdn, type = 'Text', text }) => ({
    namespace: 'ChatApps',
    eventType: 'inbound_message_received',
    payload: { umid, subAccountId, timestamp, user: { msisdn }, type, content: text === null ? {} : { text } }
});

/** WhatsAppOtpInboundSecret.hashOf: the stored form of the inbound secret, hex SHA-256. */
export const inboundSecretHash = (secret) => crypto.createHash('sha256').update(secret, 'utf8').digest('hex');

/** WhatsAppOtpInboundSecret.accepts: the value (after an optional "Bearer ") hashes to the stored hash. */
function accepts(storedHash, presented) {
    const secret = String(presented ?? '')
        .trim()
        .replace(/^bearer /i, '')
        .trim();
    if (!storedHash || !SECRET.test(secret)) {
        return false;
    }
    return crypto.timingSafeEqual(Buffer.from(inboundSecretHash(secret)), Buffer.from(storedHash.toLowerCase()));
}

/** WhatsAppOtpInboundMatcher.digitsOf: the code a reply stands for, or null when it is not a code alone. */
export function digitsOf(text) {
    if (typeof text !== 'string' || text.length > 64) {
        return null;
    }
    const ascii = text.trim().replace(FULL_WIDTH_DIGIT, (digit) => String(digit.charCodeAt(0) - 0xff10));
    const compact = ascii.replace(/[ \t\r\n\u00a0\u3000-]/g, '');
    return /^[0-9]+$/.test(compact) ? compact : null;
}

function payloadOf(body) {
    if (typeof body !== 'string' || body.length === 0 || Buffer.byteLength(body) > INBOUND_MAX_BODY_BYTES) {
        return null;
    }
    try {
        const envelope = JSON.parse(body);
        const inbound = envelope?.namespace === 'ChatApps' && envelope.eventType === 'inbound_message_received';
        return inbound && typeof envelope.payload === 'object' && envelope.payload !== null ? envelope.payload : null;
    } catch {
        return null;
    }
}

const text = (value) => (typeof value === 'string' ? value : null);

/**
 * POST /whatsapp-otp/inbound[/<secret>] on one session: the HTTP status. `inbound` is the org's side of the setup:
 * `secretHash` (Inbound_Secret_Hash__c), `replySubaccount` (WhatsAppOtpSettings.replySubaccount: null when reply
 * verification is off) and the policy `settings` verifyOtp applies.
 */
export function receiveInbound(session, { path = '', authorization, body }, { secretHash, replySubaccount, settings }) {
    if (!accepts(secretHash, authorization) && !accepts(secretHash, path.split('/').at(-1))) {
        return 401;
    }
    const payload = payloadOf(body);
    // Only a text message sent to the reply subaccount counts; anything else is acknowledged and ignored.
    const forReplies = payload && replySubaccount && payload.subAccountId === replySubaccount;
    if (forReplies && text(payload.type)?.toLowerCase() === 'text') {
        applyReply(session, text(payload.user?.msisdn), text(payload.umid), text(payload.content?.text), settings);
    }
    return 200;
}

/** WhatsAppOtpInboundMatcher.apply: verifies the challenge the reply is for, if any. */
function applyReply(session, msisdn, umid, replyText, settings) {
    const digits = digitsOf(replyText);
    const e164 = normalizePhone(msisdn);
    if (!digits || !e164 || !umid || umid.length > 64) {
        return;
    }
    const hash = numberHash(e164);
    const rows = [...session.challenges.values()].filter(
        (c) => c.numberHash === hash && (c.status === 'Pending' || c.replyMessageId === umid)
    );
    if (rows.some((c) => c.replyMessageId === umid)) {
        return;
    }
    const counted = rows.filter((c) => c.status === 'Pending' && c.codeLength === digits.length);
    const target =
        counted.find((c) => hashCode(c.codeSalt, digits) === c.codeHash) ??
        counted.reduce((newest, c) => (newest === undefined || c.createdAt > newest.createdAt ? c : newest), undefined);
    if (target) {
        // As WhatsAppOtpVerify.verifyReply: the typed code's rules, Verified_Via__c and the reply's own Task subject.
        verifyOtp(session, { challengeId: target.id, code: digits }, { settings, via: 'Customer reply' });
        target.replyMessageId = umid;
    }
}
