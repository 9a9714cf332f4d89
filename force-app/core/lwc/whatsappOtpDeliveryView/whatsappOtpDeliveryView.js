// Generated from src-ts/lwc/whatsappOtpDeliveryView/whatsappOtpDeliveryView.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// Library (API module) c/whatsappOtpDeliveryView: what the agent sees of a code's delivery, from
// getSendStatus's delivery fields. Pure, so each state is tested on its own; the delivery-status child
// renders it, and the composer announces it and stops following a delivery that is final. A library, since
// a UI component may export nothing but its class ("Component JavaScript File", LWC Developer Guide). The
// state rule itself (forward-only per channel, Rejected and Undelivered final) lives in Apex,
// WhatsAppOtpReceiptTransitions; this only reads it.
import sentLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_Sent';
import deliveredLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_Delivered';
import readLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_Read';
import notDeliveredLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_NotDelivered';
import noReasonLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_NoReason';
import smsPendingLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_SmsPending';
import smsInsteadLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_SmsInstead';
import smsDeliveredLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_SmsDelivered';
import smsNotDeliveredLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_SmsNotDelivered';
import nextStepLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_NextStep';
/** The delivery fields of an answer, each present: a missing one reads as null (fallbackEnabled as false). */
export function deliveryFieldsOf(answer) {
    return {
        channel: answer.channel ?? null,
        whatsappStatus: answer.whatsappStatus ?? null,
        smsStatus: answer.smsStatus ?? null,
        deliveredAt: answer.deliveredAt ?? null,
        readAt: answer.readAt ?? null,
        deliveryErrorCode: answer.deliveryErrorCode ?? null,
        deliveryErrorDetail: answer.deliveryErrorDetail ?? null,
        fallbackEnabled: answer.fallbackEnabled === true
    };
}
const FAILED = ['REJECTED', 'UNDELIVERED'];
export function isFailed(status) {
    return FAILED.includes(status ?? null);
}
function format(template, ...args) {
    return template.replace(/\{(\d+)\}/g, (whole, index) => args[Number(index)] ?? whole);
}
function reasonOf(fields) {
    const detail = fields.deliveryErrorDetail?.trim() || fields.deliveryErrorCode?.trim();
    return detail || noReasonLabel;
}
function whatsappLine(fields) {
    const line = (text, ticks) => ({
        key: 'whatsapp',
        text,
        ticks,
        icon: undefined,
        failed: false
    });
    switch (fields.whatsappStatus) {
        case 'SENT':
            return line(sentLabel, 'sent');
        case 'DELIVERED':
            return line(deliveredLabel, 'delivered');
        case 'READ':
            return line(readLabel, 'read');
        case 'REJECTED':
        case 'UNDELIVERED':
            return {
                key: 'whatsapp',
                // An SMS that went out says why WhatsApp failed only when 8x8 told; the error fields then
                // may belong to the SMS, so its own line carries them.
                text: format(notDeliveredLabel, smsStarted(fields) && isFailed(fields.smsStatus) ? noReasonLabel : reasonOf(fields)),
                ticks: 'none',
                icon: 'utility:warning',
                failed: true
            };
        default:
            // No receipt yet, or Queued at 8x8: the composer's "Code sent" line says all there is.
            return undefined;
    }
}
function smsStarted(fields) {
    // Loose on purpose: an answer that omits smsStatus means no SMS.
    return fields.channel === 'SMS' || !!fields.smsStatus;
}
function smsLine(fields) {
    if (!smsStarted(fields)) {
        return isFailed(fields.whatsappStatus) && fields.fallbackEnabled
            ? { key: 'sms', text: smsPendingLabel, ticks: 'none', icon: 'utility:sms', failed: false }
            : undefined;
    }
    if (fields.smsStatus === 'DELIVERED' || fields.smsStatus === 'READ') {
        return { key: 'sms', text: smsDeliveredLabel, ticks: 'none', icon: 'utility:sms', failed: false };
    }
    if (isFailed(fields.smsStatus)) {
        return {
            key: 'sms',
            text: format(smsNotDeliveredLabel, reasonOf(fields)),
            ticks: 'none',
            icon: 'utility:warning',
            failed: true
        };
    }
    return { key: 'sms', text: smsInsteadLabel, ticks: 'none', icon: 'utility:sms', failed: false };
}
/** True when no channel can still deliver this code: WhatsApp failed with no SMS to follow, or the SMS failed. */
export function deliveryFailed(fields) {
    if (smsStarted(fields)) {
        return isFailed(fields.smsStatus);
    }
    return isFailed(fields.whatsappStatus) && !fields.fallbackEnabled;
}
/** The lines, the next step and the announcement for `fields`; nothing to show for undefined. */
export function deliveryView(fields) {
    if (!fields) {
        return { lines: [], nextStep: undefined, announcement: '' };
    }
    const lines = [whatsappLine(fields), smsLine(fields)].filter((line) => !!line);
    const nextStep = deliveryFailed(fields) ? nextStepLabel : undefined;
    const newest = lines[lines.length - 1]?.text ?? '';
    return { lines, nextStep, announcement: [newest, nextStep].filter(Boolean).join(' ') };
}
/**
 * True when no receipt can change what the agent sees: WhatsApp read, the SMS delivered (an SMS has no read
 * receipt to wait for), or no channel can deliver any more. WhatsApp delivered is not final: Read may follow.
 */
export function deliveryFinal(fields) {
    return (fields.whatsappStatus === 'READ' ||
        fields.smsStatus === 'DELIVERED' ||
        fields.smsStatus === 'READ' ||
        deliveryFailed(fields));
}
