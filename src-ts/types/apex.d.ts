// Apex methods the components call imperatively. Shapes follow the controller contract in
// docs/architecture.md. Apex Datetime values reach JavaScript as ISO 8601 strings and Ids as strings.

declare module '@salesforce/apex/WhatsAppOtpController.sendOtp' {
    /** WhatsAppOtpController.sendOtp result: the new challenge. */
    export interface SendOtpResult {
        challengeId: string;
        /** e.g. "+65 •••• 5678": the server's masked form of the destination. */
        maskedPhone: string;
        /** Apex Datetime, as an ISO 8601 string. */
        expiresAt: string;
        /** Apex Datetime, as an ISO 8601 string: when a resend stops being refused for cooldown. */
        resendAvailableAt: string;
        /** 8x8 umid. */
        messageId: string;
        /** Digits in the code (the Code Length setting), so the input fits it. */
        codeLength: number;
    }
    export default function sendOtp(params: { recordId: string }): Promise<SendOtpResult>;
}

declare module '@salesforce/apex/WhatsAppOtpController.verifyOtp' {
    export type VerifyOtpStatus = 'VERIFIED' | 'INVALID_CODE' | 'EXPIRED' | 'LOCKED';
    /** WhatsAppOtpController.verifyOtp result. */
    export interface VerifyOtpResult {
        status: VerifyOtpStatus;
        attemptsRemaining: number;
    }
    export default function verifyOtp(params: { challengeId: string; code: string }): Promise<VerifyOtpResult>;
}
