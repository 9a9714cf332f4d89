// Generated from src-ts/lwc/whatsappOtpCodeInput/whatsappOtpCodeInput.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
import { LightningElement, api } from 'lwc';
import codeInputLabel from '@salesforce/label/c.WhatsAppOtp_UI_CodeInput';
import codeHelpLabel from '@salesforce/label/c.WhatsAppOtp_UI_CodeHelp';
import enterAllDigitsLabel from '@salesforce/label/c.WhatsAppOtp_UI_EnterAllDigits';
import { normalizeCode } from './codeNormalize';
/** Digits in a code when the parent passes none: the Code Length setting's default. */
const DEFAULT_CODE_LENGTH = 6;
/**
 * The one-time-code input: normalises typed and pasted text to digits, says inline when a code is short,
 * and fires `codesubmit` (detail: { code }) on Enter with a complete code. `codechange` fires on every edit,
 * `codeincomplete` when a short code is tried.
 * The parent's Verify button calls reportValidity() and reads `value`.
 */
export default class WhatsappOtpCodeInput extends LightningElement {
    /** Digits the code has. */
    @api
    codeLength;
    @api
    disabled = false;
    code = '';
    /** Shown under the input once the agent tried a short code; cleared by the next edit. */
    incompleteMessage;
    label = codeInputLabel;
    /** The normalised digits typed so far. */
    @api
    get value() {
        return this.code;
    }
    /** Shows "Enter all N digits" when the code is short, and fires `codeincomplete`; true when it is complete. */
    @api
    reportValidity() {
        const complete = this.code.length === this.digitCount;
        this.incompleteMessage = complete ? undefined : this.enterAllDigits;
        if (!complete) {
            this.dispatchEvent(new CustomEvent('codeincomplete'));
        }
        return complete;
    }
    /** Empties the input, and its message, after a check or a new code. */
    @api
    clear() {
        this.code = '';
        this.incompleteMessage = undefined;
        const input = this.input;
        if (input) {
            input.value = '';
        }
    }
    @api
    focus() {
        this.input?.focus();
    }
    get digitCount() {
        return this.codeLength ?? DEFAULT_CODE_LENGTH;
    }
    get help() {
        return formatCount(codeHelpLabel, this.digitCount);
    }
    get enterAllDigits() {
        return formatCount(enterAllDigitsLabel, this.digitCount);
    }
    /** The one message under the field: the error while it shows, else the help. */
    get describedBy() {
        return this.incompleteMessage ? 'otp-code-error' : 'otp-code-help';
    }
    /** aria-invalid: "true" while the inline message is shown. */
    get invalidState() {
        return this.incompleteMessage ? 'true' : 'false';
    }
    get formElementClass() {
        return this.incompleteMessage ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }
    handleInput(event) {
        const input = event.target;
        const digits = normalizeCode(input.value, this.digitCount);
        // Setting the property alone does not re-render when only a separator was added.
        if (input.value !== digits) {
            input.value = digits;
        }
        this.code = digits;
        this.incompleteMessage = undefined;
        this.dispatchEvent(new CustomEvent('codechange', { detail: { code: digits } }));
    }
    handleKeydown(event) {
        if (event.key !== 'Enter') {
            return;
        }
        event.preventDefault();
        if (this.reportValidity()) {
            this.dispatchEvent(new CustomEvent('codesubmit', { detail: { code: this.code } }));
        }
    }
    get input() {
        return this.template?.querySelector('[data-id="code"]') ?? null;
    }
}
/** Fills the label's {0} with a count, as Apex String.format does. */
function formatCount(template, count) {
    return template.replace(/\{0\}/g, String(count));
}
