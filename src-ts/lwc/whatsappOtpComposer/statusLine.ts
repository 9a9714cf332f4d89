// The composer's status line: one sentence per stage, which the aria-live region announces. The verified
// line is its own component (c-whatsapp-otp-verification-status). Tested through the composer's stage tests.
import sendingLabel from '@salesforce/label/c.WhatsAppOtp_UI_Sending';
import codeSentLabel from '@salesforce/label/c.WhatsAppOtp_UI_CodeSent';
import codeSentBySmsLabel from '@salesforce/label/c.WhatsAppOtp_UI_CodeSentBySms';
import verifyingLabel from '@salesforce/label/c.WhatsAppOtp_UI_Verifying';
import invalidCodeLabel from '@salesforce/label/c.WhatsAppOtp_UI_InvalidCode';
import invalidCodeLastAttemptLabel from '@salesforce/label/c.WhatsAppOtp_UI_InvalidCodeLastAttempt';
import expiredLabel from '@salesforce/label/c.WhatsAppOtp_UI_Expired';
import lockedLabel from '@salesforce/label/c.WhatsAppOtp_UI_Locked';
import unconfirmedLabel from '@salesforce/label/c.WhatsAppOtp_Status_Unconfirmed';
import stillSendingLabel from '@salesforce/label/c.WhatsAppOtp_Error_StillSending';
import { formatLabel } from './otpFormat';
import type { Delivery } from './delivery';
import type { Stage } from './otpStages';

export interface StatusInput {
    stage: Stage;
    delivery: Delivery;
    attemptsRemaining: number | undefined;
    maskedPhone: string | undefined;
    /** The channel the receipts report ('SMS' after the fallback), if any. */
    channel?: string | null;
    /**
     * A delivery receipt has come in: 8x8 had the message, whatever the send's own answer was, so an unknown
     * outcome reads as sent and the status agrees with the delivery line below it.
     */
    receiptSeen?: boolean;
}

/** The sentence for the stage; '' where the stage has none (ready, verified). */
export function statusTextOf({
    stage,
    delivery,
    attemptsRemaining,
    maskedPhone,
    channel,
    receiptSeen
}: StatusInput): string {
    switch (stage) {
        case 'sending':
            return sendingLabel;
        case 'sent':
            return sentText(receiptSeen ? 'confirmed' : delivery, maskedPhone, channel === 'SMS');
        case 'verifying':
            return verifyingLabel;
        case 'invalid':
            return attemptsRemaining === 1
                ? invalidCodeLastAttemptLabel
                : formatLabel(invalidCodeLabel, attemptsRemaining ?? 0);
        case 'expired':
            return expiredLabel;
        case 'locked':
            return lockedLabel;
        default:
            return '';
    }
}

/** A sent code: accepted (by WhatsApp, or by SMS after the fallback), unknown outcome (it may have been delivered), or still being sent. */
function sentText(delivery: Delivery, maskedPhone: string | undefined, bySms: boolean): string {
    switch (delivery) {
        case 'unconfirmed':
            return unconfirmedLabel;
        case 'pending':
            return stillSendingLabel;
        default:
            return formatLabel(bySms ? codeSentBySmsLabel : codeSentLabel, maskedPhone ?? '');
    }
}
