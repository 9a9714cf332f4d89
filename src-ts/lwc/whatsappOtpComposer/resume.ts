// The Contact's open challenge, read from the related list that Lightning Data Service gives the composer on
// load (getRelatedListRecords on WhatsApp_OTP_Challenges__r), so a reload, a second tab or a reopened quick
// action resumes the code in flight without an Apex call. Pure: tested on its own (__tests__/resume.test.ts).
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { deliveryFieldsOf, type ChannelStatus, type DeliveryFields } from 'c/whatsappOtpDeliveryView';
import type { Challenge, Delivery } from './delivery';

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
export const RESUME_FIELDS: readonly string[] = [
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
export const RESUME_SORT: readonly string[] = [`-${OBJECT}.CreatedDate`];

/** The code in flight: what the composer shows after a reload. */
export interface Resumed {
    challenge: Challenge;
    delivery: Delivery;
    attemptsRemaining: number;
    /** The stored receipts, as getSendStatus reports them; undefined before the first receipt. */
    deliveryStatus: DeliveryFields | undefined;
}

function value(record: RecordRepresentation, field: string): unknown {
    return record.fields[field]?.value ?? null;
}

function textOf(record: RecordRepresentation, field: string): string | null {
    const raw = value(record, field);
    return typeof raw === 'string' ? raw : null;
}

/**
 * The record's receipts in getSendStatus's shape (upper-case picklist values). The fallback setting is not on
 * the record: an SMS status shows that the fallback ran; before that, a failed WhatsApp shows the next step.
 */
export function storedDelivery(record: RecordRepresentation): DeliveryFields | undefined {
    const upper = (field: string): string | null => textOf(record, field)?.toUpperCase() ?? null;
    const whatsappStatus = upper('WhatsApp_Status__c') as ChannelStatus | null;
    const smsStatus = upper('SMS_Status__c') as ChannelStatus | null;
    if (!whatsappStatus && !smsStatus) {
        return undefined;
    }
    return deliveryFieldsOf({
        channel: upper('Channel__c') as DeliveryFields['channel'],
        whatsappStatus,
        smsStatus,
        deliveredAt: textOf(record, 'Delivered_At__c'),
        readAt: textOf(record, 'Read_At__c'),
        deliveryErrorCode: textOf(record, 'Delivery_Error_Code__c'),
        deliveryErrorDetail: textOf(record, 'Delivery_Error_Detail__c'),
        fallbackEnabled: smsStatus !== null
    });
}

function numberOf(record: RecordRepresentation, field: string): number | undefined {
    const raw = value(record, field);
    return typeof raw === 'number' ? raw : undefined;
}

/**
 * The newest challenge, when its code can still be typed in: Pending (or still Sending) and not yet expired by
 * the browser's clock. Superseded, verified, locked, failed and expired ones are history. `resendAvailableAt`
 * is the one remembered for it in this browser (sendOtp's answer), if any: the cooldown setting is not on
 * the record, and without it Resend is offered and a refusal within the cooldown brings its retry time.
 */
export function resumedChallenge(
    records: readonly RecordRepresentation[],
    nowMs: number,
    rememberedResendAt: (challengeId: string) => string | undefined
): Resumed | undefined {
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
    const challenge: Challenge = {
        challengeId: newest.id,
        maskedPhone: typeof maskedPhone === 'string' ? maskedPhone : '',
        expiresAt,
        resendAvailableAt: rememberedResendAt(newest.id) ?? '',
        codeLength: codeLength ?? 6
    };
    let delivery: Delivery = 'confirmed';
    if (status === 'Sending') {
        delivery = 'pending';
    } else if (value(newest, 'Send_Outcome__c') === 'Unknown') {
        delivery = 'unconfirmed';
    }
    const attemptsRemaining = Math.max(0, maxAttempts - attempts);
    return { challenge, delivery, attemptsRemaining, deliveryStatus: storedDelivery(newest) };
}
