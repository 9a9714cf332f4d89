// WhatsAppOtpReceiptToken (shared WhatsAppOtpReceiptTokenCases.json). 8x8 sends read receipts for up to 10 days
// (developer.8x8.com/connect/docs/delivery-receipts-for-outbound-chatapps), so a token lives 11 days.
import crypto from 'node:crypto';
export const TOKEN_LIFETIME_SECONDS = 11 * 24 * 60 * 60;
const EXPIRY = /^[0-9]{1,12}$/;

export function keyIdOf(secret) {
    return crypto.createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 8);
}

function macOf(secret, keyId, expiresAt, clientMessageId) {
    return crypto
        .createHmac('sha256', secret)
        .update(`${keyId}.${expiresAt}.${clientMessageId}`, 'utf8')
        .digest('base64url');
}

/** The token of a message sent at `nowSeconds`. */
export function receiptTokenFor(secret, clientMessageId, nowSeconds) {
    const keyId = keyIdOf(secret);
    const expiresAt = nowSeconds + TOKEN_LIFETIME_SECONDS;
    return `${keyId}.${expiresAt}.${macOf(secret, keyId, expiresAt, clientMessageId)}`;
}

/** Whether the token is well formed, of this secret's key id, not expired at `nowSeconds`, and this message's. */
export function receiptTokenMatches(secret, token, clientMessageId, nowSeconds) {
    if (!secret || typeof token !== 'string' || typeof clientMessageId !== 'string' || !clientMessageId.trim()) {
        return false;
    }
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== keyIdOf(secret) || !EXPIRY.test(parts[1]) || Number(parts[1]) < nowSeconds) {
        return false;
    }
    const expected = Buffer.from(macOf(secret, parts[0], parts[1], clientMessageId));
    const actual = Buffer.from(parts[2]);
    return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
