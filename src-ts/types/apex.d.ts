// Apex methods the components call imperatively. Shapes follow the controller contract in
// docs/architecture.md. Apex Datetime values reach JavaScript as ISO 8601 strings and Ids as strings.

declare module '@salesforce/apex/WhatsAppOtpController.sendOtp' {
    /** WhatsAppOtpController.sendOtp result: the reserved challenge; the code goes out afterwards. */
    export interface SendOtpResult {
        challengeId: string;
        /** e.g. "+65 •••• 5678": the server's masked form of the destination. */
        maskedPhone: string;
        /** Always 'SENDING': poll getSendStatus for the delivery. */
        status: 'SENDING';
        /** Apex Datetime, as an ISO 8601 string. */
        expiresAt: string;
        /** Apex Datetime, as an ISO 8601 string: when a resend stops being refused for cooldown. */
        resendAvailableAt: string;
        /** Digits in the code (stored on the challenge), so the input fits it. */
        codeLength: number;
        /**
         * The customer may paste the code into the WhatsApp chat (reply verification is on): the card says so and
         * polls getSendStatus's challengeStatus. Missing reads as false.
         */
        replyVerification?: boolean | null;
    }
    /**
     * A refused send (nothing stored or sent): the stable code, the agent message (Custom Label) and, for a
     * refusal that passes with time, when it stops applying.
     */
    export interface SendOtpRefusal {
        status: 'REFUSED';
        errorCode: string;
        errorMessage: string;
        /** Apex Datetime, as an ISO 8601 string; null when waiting does not help. */
        retryAt: string | null;
    }
    /** inDefaultLanguage: true sends in the default template language (the "Resend in" button); missing: the person's. */
    export default function sendOtp(params: {
        recordId: string;
        inDefaultLanguage?: boolean | null;
    }): Promise<SendOtpResult | SendOtpRefusal>;
}

declare module '@salesforce/apex/WhatsAppOtpController.getSendStatus' {
    /** SENT: 8x8 accepted it; UNCONFIRMED: it may have been delivered; FAILED: 8x8 refused it. */
    export type SendStatus = 'SENDING' | 'SENT' | 'UNCONFIRMED' | 'FAILED';
    /** The channel 8x8 reported a receipt for. */
    export type DeliveryChannel = 'WHATSAPP' | 'SMS';
    /** 8x8's message states, per channel: forward-only, and REJECTED and UNDELIVERED are final. */
    export type DeliveryStatus = 'QUEUED' | 'SENT' | 'DELIVERED' | 'READ' | 'REJECTED' | 'UNDELIVERED';
    /** The challenge's own state: its Status__c value (Expired only once stored; the browser's clock expires it too). */
    export type ChallengeStatus = 'Sending' | 'Pending' | 'Verified' | 'Expired' | 'Locked' | 'Superseded' | 'Failed';
    /** How a verified code reached Salesforce (Verified_Via__c). */
    export type VerifiedVia = 'Agent entry' | 'Customer reply';
    /** WhatsAppOtpController.getSendStatus result. */
    export interface SendStatusResult {
        challengeId: string;
        status: SendStatus;
        /** The stable error code of a failed or unknown send; null otherwise. */
        errorCode: string | null;
        /** The agent message (Custom Label) of a failed send; null otherwise. */
        errorMessage: string | null;
        maskedPhone: string;
        expiresAt: string;
        resendAvailableAt: string;
        codeLength: number;
        attemptsRemaining: number;
        // The delivery fields below are optional: read a missing one as null (fixtures and older callers omit them).
        /** The channel the last delivery receipt reported; null before the first receipt. */
        channel?: DeliveryChannel | null;
        /** WhatsApp's delivery status from 8x8's receipts; null before the first one. */
        whatsappStatus?: DeliveryStatus | null;
        /** The SMS fallback's delivery status; null unless 8x8 fell back to SMS. */
        smsStatus?: DeliveryStatus | null;
        /** Apex Datetime, as an ISO 8601 string: when a channel first reported delivered; null until then. */
        deliveredAt?: string | null;
        /** Apex Datetime, as an ISO 8601 string: when a channel reported read; null until then. */
        readAt?: string | null;
        /** 8x8's error code of a rejected or undelivered message; null otherwise. */
        deliveryErrorCode?: string | null;
        /** 8x8's error detail of a rejected or undelivered message (not a Custom Label); null otherwise. */
        deliveryErrorDetail?: string | null;
        /** Whether the SMS fallback setting is on. */
        fallbackEnabled?: boolean;
        // The challenge's own state, optional as the delivery fields are; each is null where the user cannot read it.
        challengeStatus?: ChallengeStatus | null;
        /** Verified only: Apex Datetime, as an ISO 8601 string. */
        verifiedAt?: string | null;
        /** Verified only: who typed the code or, for a customer reply, the user who sent it. */
        verifiedByName?: string | null;
        /** Verified only. */
        verifiedVia?: VerifiedVia | null;
        /** The 8x8 template language code the code went out in (e.g. de); null for an older challenge. */
        language?: string | null;
        /** The default template language (the Template Language setting); null when the settings cannot be read. */
        defaultLanguage?: string | null;
        /** A receipt reported that the template does not exist in `language` (Meta 132001); missing reads as false. */
        languageMissing?: boolean | null;
    }
    export default function getSendStatus(params: { challengeId: string }): Promise<SendStatusResult>;
}

declare module '@salesforce/apex/WhatsAppOtpController.verifyOtp' {
    export type VerifyOtpStatus = 'VERIFIED' | 'INVALID_CODE' | 'EXPIRED' | 'LOCKED';
    /** WhatsAppOtpController.verifyOtp result. */
    export interface VerifyOtpResult {
        status: VerifyOtpStatus;
        attemptsRemaining: number;
        /** VERIFIED only: Apex Datetime, as an ISO 8601 string. */
        verifiedAt?: string | null;
        /** VERIFIED only: the verifying user's name. */
        verifiedByName?: string | null;
        /**
         * VERIFIED only: the Contact's number now differs from the one the code went to (Get WhatsApp OTP
         * Verification's numberDiffers rule); missing reads as false.
         */
        numberDiffers?: boolean | null;
        /**
         * VERIFIED with numberDiffers only: when the number was last changed after the code was sent (Apex Datetime,
         * ISO 8601), where the org tracks the phone fields' history; missing otherwise.
         */
        numberChangedAt?: string | null;
    }
    export default function verifyOtp(params: { challengeId: string; code: string }): Promise<VerifyOtpResult>;
}

declare module '@salesforce/apex/WhatsAppOtpController.liftLockout' {
    /** WhatsAppOtpController.liftLockout: a supervisor lifts a Contact's or Lead's failure lockout (no component calls it yet). */
    export default function liftLockout(params: { personId: string }): Promise<void>;
}
