// Generated from src-ts/lwc/whatsappOtpVerificationStatus/whatsappOtpVerificationStatus.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
import { LightningElement, api } from 'lwc';
import verifiedLabel from '@salesforce/label/c.WhatsAppOtp_UI_Verified';
/**
 * The verified line of the composer: a success box saying that the customer confirmed the code sent to
 * `maskedPhone`.
 */
export default class WhatsappOtpVerificationStatus extends LightningElement {
    /** e.g. "+65 •••• 5678": where the verified code went. */
    @api
    maskedPhone;
    get text() {
        return verifiedLabel.replace(/\{0\}/g, this.maskedPhone ?? '');
    }
}
