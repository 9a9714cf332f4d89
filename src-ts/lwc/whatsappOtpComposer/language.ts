// The template language on the card: when a receipt says Meta refused the template in the person's language
// (132001, the template does not exist in that language), the card says so and offers a resend in the default
// language. Nothing is resent by itself: the agent decides.
import notInLanguageLabel from '@salesforce/label/c.WhatsAppOtp_Delivery_NotInLanguage';
import resendInLanguageLabel from '@salesforce/label/c.WhatsAppOtp_UI_ResendInLanguage';
import type { SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import { formatLabel } from './otpFormat';

/** getSendStatus's language fields (WhatsAppOtpController's SendStatusResponse, declared in apex.d.ts). */
export type LanguageStatus = Pick<SendStatusResult, 'language' | 'defaultLanguage' | 'languageMissing'>;

/** What the card shows: the line and the resend button's label. */
export interface LanguageNotice {
    text: string;
    resendLabel: string;
}

/** A language code's name in the agent's language ('de' -> 'German'); the code itself where the browser has none. */
export function languageNameOf(code: string | null | undefined, locale: string): string {
    if (!code) {
        return '';
    }
    try {
        return new Intl.DisplayNames([locale], { type: 'language' }).of(code.replace(/_/g, '-')) ?? code;
    } catch {
        return code;
    }
}

/** The notice for a status whose receipt reported the language missing; undefined otherwise. */
export function languageNoticeOf(status: LanguageStatus | undefined, locale: string): LanguageNotice | undefined {
    if (status?.languageMissing !== true) {
        return undefined;
    }
    return {
        text: formatLabel(notInLanguageLabel, languageNameOf(status.language, locale)),
        resendLabel: formatLabel(resendInLanguageLabel, languageNameOf(status.defaultLanguage, locale))
    };
}
