// Generated from src-ts/lwc/whatsappOtpVerificationStatus/whatsappOtpVerificationStatus.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
import { LightningElement, api } from 'lwc';
import locale from '@salesforce/i18n/locale';
import verifiedLabel from '@salesforce/label/c.WhatsAppOtp_UI_Verified';
import verifiedByLabel from '@salesforce/label/c.WhatsAppOtp_UI_VerifiedBy';
import verifiedByReplyLabel from '@salesforce/label/c.WhatsAppOtp_UI_VerifiedByReply';
import { relativeTime } from './relativeTime';
/** How often "2 minutes ago" is brought up to date. */
const REFRESH_MS = 30000;
/**
 * The verified line of the composer: a success box saying who verified the customer and when ("Verified
 * 2 minutes ago by Jane Doe."), and which number the confirmed code went to.
 */
export default class WhatsappOtpVerificationStatus extends LightningElement {
    /** e.g. "+65 •••• 5678": where the verified code went. */
    @api
    maskedPhone;
    /** ISO 8601: when the code was confirmed (verifyOtp's verifiedAt). */
    @api
    verifiedAt;
    /** The user who confirmed it (verifyOtp's verifiedByName). */
    @api
    verifiedByName;
    /** How: 'Customer reply' when the customer pasted the code into the chat (getSendStatus's verifiedVia). */
    @api
    verifiedVia;
    nowMs = Date.now();
    timer;
    /**
     * Takes keyboard focus: after a verify the code input and Verify are gone, so focus lands here, not on the
     * page body. The box has tabindex="-1": focusable from script, not a Tab stop.
     */
    @api
    focus() {
        this.template?.querySelector('[data-id="verified-box"]')?.focus();
    }
    connectedCallback() {
        this.nowMs = Date.now();
        // "just now" becomes "1 minute ago" while the card stays open; cleared on disconnect.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setInterval(() => {
            this.nowMs = Date.now();
        }, REFRESH_MS);
    }
    disconnectedCallback() {
        clearInterval(this.timer);
        this.timer = undefined;
    }
    get text() {
        return verifiedLabel.replace(/\{0\}/g, this.maskedPhone ?? '');
    }
    /**
     * "Verified 2 minutes ago by Jane Doe.", or for a customer's reply "Verified just now, confirmed by the customer's
     * WhatsApp reply." (the stored user then sent the code, and did not confirm it); undefined without the time, or
     * without the name of an agent's entry.
     */
    get byText() {
        const at = this.verifiedAt ? Date.parse(this.verifiedAt) : NaN;
        const byReply = this.verifiedVia === 'Customer reply';
        if (Number.isNaN(at) || (!byReply && !this.verifiedByName)) {
            return undefined;
        }
        const ago = relativeTime(at, this.nowMs, locale);
        return byReply
            ? verifiedByReplyLabel.replace(/\{0\}/g, ago)
            : verifiedByLabel.replace(/\{0\}/g, ago).replace(/\{1\}/g, this.verifiedByName ?? '');
    }
}
