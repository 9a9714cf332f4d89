// Generated from src-ts/lwc/whatsappOtpComposer/resume.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
import { deliveryFieldsOf } from 'c/whatsappOtpDeliveryView';
const OBJECT = 'WhatsApp_OTP_Challenge__c';
/** The stored delivery receipts (WhatsAppOtpReceiptStore writes them), so a resumed card shows them too. */
const DELIVERY_FIELDS = [
    'Channel__c',
    'WhatsApp_Status__c',
    'SMS_Status__c',
    'Delivered_At__c',
    'Read_At__c',
    'Delivery_Error_Code__c',
    'Delivery_Error_Detail__c'
];
/** The related list's fields the composer reads (the agent permission set grants read on each). */
export const RESUME_FIELDS = [
    'Status__c',
    'Expires_At__c',
    'CreatedDate',
    'Code_Length__c',
    'Attempts__c',
    'Max_Attempts__c',
    'Masked_Phone__c',
    'Send_Outcome__c',
    ...DELIVERY_FIELDS
].map((field) => `${OBJECT}.${field}`);
/**
 * Newest first: the newest open challenge is the only one whose code still works.
 * Unconfirmed in an org: that getRelatedListRecords takes this qualified "-Object.Field" sortBy on
 * WhatsApp_OTP_Challenges__r and returns the newest challenge first.
 */
export const RESUME_SORT = [`-${OBJECT}.CreatedDate`];
function value(record, field) {
    return record.fields[field]?.value ?? null;
}
function textOf(record, field) {
    const raw = value(record, field);
    return typeof raw === 'string' ? raw : null;
}
/**
 * The record's receipts in getSendStatus's shape (upper-case picklist values). The fallback setting is not on
 * the record: an SMS status shows that the fallback ran; before that, a failed WhatsApp shows the next step.
 */
export function storedDelivery(record) {
    const upper = (field) => textOf(record, field)?.toUpperCase() ?? null;
    const whatsappStatus = upper('WhatsApp_Status__c');
    const smsStatus = upper('SMS_Status__c');
    if (!whatsappStatus && !smsStatus) {
        return undefined;
    }
    return deliveryFieldsOf({
        channel: upper('Channel__c'),
        whatsappStatus,
        smsStatus,
        deliveredAt: textOf(record, 'Delivered_At__c'),
        readAt: textOf(record, 'Read_At__c'),
        deliveryErrorCode: textOf(record, 'Delivery_Error_Code__c'),
        deliveryErrorDetail: textOf(record, 'Delivery_Error_Detail__c'),
        fallbackEnabled: smsStatus !== null
    });
}
function numberOf(record, field) {
    const raw = value(record, field);
    return typeof raw === 'number' ? raw : undefined;
}
/**
 * The newest challenge, when its code can still be typed in: Pending (or still Sending) and not yet expired by
 * the browser's clock. Superseded, verified, locked, failed and expired ones are history. `resendAvailableAt`
 * is the one remembered for it in this browser (sendOtp's answer), if any: the cooldown setting is not on
 * the record, and without it Resend is offered and a refusal within the cooldown brings its retry time.
 */
export function resumedChallenge(records, nowMs, rememberedResendAt) {
    const newest = records[0];
    if (!newest) {
        return undefined;
    }
    const status = value(newest, 'Status__c');
    const expiresAt = value(newest, 'Expires_At__c');
    if ((status !== 'Pending' && status !== 'Sending') || typeof expiresAt !== 'string') {
        return undefined;
    }
    if (!(Date.parse(expiresAt) > nowMs)) {
        return undefined;
    }
    const maxAttempts = numberOf(newest, 'Max_Attempts__c') ?? 0;
    const attempts = numberOf(newest, 'Attempts__c') ?? 0;
    const codeLength = numberOf(newest, 'Code_Length__c');
    const maskedPhone = value(newest, 'Masked_Phone__c');
    const challenge = {
        challengeId: newest.id,
        maskedPhone: typeof maskedPhone === 'string' ? maskedPhone : '',
        expiresAt,
        resendAvailableAt: rememberedResendAt(newest.id) ?? '',
        codeLength: codeLength ?? 6
    };
    let delivery = 'confirmed';
    if (status === 'Sending') {
        delivery = 'pending';
    }
    else if (value(newest, 'Send_Outcome__c') === 'Unknown') {
        delivery = 'unconfirmed';
    }
    const attemptsRemaining = Math.max(0, maxAttempts - attempts);
    return { challenge, delivery, attemptsRemaining, deliveryStatus: storedDelivery(newest) };
}
