// Generated from src-ts/lwc/whatsappOtpComposer/resume.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
const OBJECT = 'WhatsApp_OTP_Challenge__c';
/** The related list's fields the composer reads (the agent permission set grants read on each). */
export const RESUME_FIELDS = [
    'Status__c',
    'Expires_At__c',
    'CreatedDate',
    'Code_Length__c',
    'Attempts__c',
    'Max_Attempts__c',
    'Masked_Phone__c',
    'Send_Outcome__c'
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
    return { challenge, delivery, attemptsRemaining: Math.max(0, maxAttempts - attempts) };
}
