// The receipt endpoint (WhatsAppOtpReceiptResource, WhatsAppOtpReceiptStore); it never creates a challenge.
import { nextState, receiptTime } from './receipts.mjs';

/** Applies one receipt envelope to the session's challenges; returns whether one changed. */
export function storeReceipt(session, envelope) {
    const payload = envelope?.eventType === 'outbound_message_status_changed' ? envelope.payload : undefined;
    const status = payload?.status;
    // A state 8x8 does not document changes nothing (nextState).
    const challenge =
        status && [...session.challenges.values()].find((c) => c.clientMessageId === payload.clientMessageId);
    if (!challenge) {
        return false;
    }
    const sms = String(payload.channel).toLowerCase() === 'sms';
    const current = sms ? challenge.smsStatus : challenge.whatsappStatus;
    const next = nextState(current, status.state);
    if (next === current) {
        return false;
    }
    // The receipt's own time to the millisecond, or its arrival when unreadable.
    const at = new Date(receiptTime(status.timestamp) ?? session.clock()).toISOString();
    challenge[sms ? 'smsStatus' : 'whatsappStatus'] = next;
    challenge.channel = sms ? 'SMS' : 'WhatsApp';
    if (next === 'Delivered' && !challenge.deliveredAt) {
        challenge.deliveredAt = at;
    }
    if (next === 'Read') {
        challenge.readAt = at;
        challenge.deliveredAt = challenge.deliveredAt ?? at;
    }
    if (next === 'Rejected' || next === 'Undelivered') {
        challenge.deliveryErrorCode = status.errorCode === undefined ? null : String(status.errorCode).slice(0, 40);
        challenge.deliveryErrorDetail = (status.errorMessage ?? status.detail ?? null)?.slice(0, 255) ?? null;
    }
    if (payload.price !== undefined) {
        challenge.price = JSON.stringify(payload.price).slice(0, 40);
    }
    return true;
}
