// WhatsAppOtpLanguage and WhatsAppOtpConsent in the simulated org (shared cases WhatsAppOtpLanguageConsentCases.json).
import { fail } from './agentErrors.mjs';
import { label } from './labels.mjs';
import { listOf, SETTINGS } from './scenario.mjs';

/** WhatsAppOtpLanguage.choose: the mapped (or given) code when approved, else the default. */
export function chooseLanguage(value, { languageMap, approvedLanguages, templateLanguage }) {
    const text = String(value ?? '').trim();
    const pairs = listOf(languageMap).map((pair) => pair.split('=').map((part) => part.trim()));
    const code = pairs.find(([key]) => key.toLowerCase() === text.toLowerCase())?.[1] ?? text;
    const approved = [templateLanguage, ...listOf(approvedLanguages)];
    return text && approved.includes(code) ? code : templateLanguage;
}

/** WhatsAppOtpLanguage.retriesInDefault and isMissingInReceipt (Meta's 132001, which 8x8 reports as 1031). */
export const retriesInDefault = (errorCode, language, defaultLanguage) =>
    errorCode === 'TEMPLATE_REJECTED' && !!language && language !== defaultLanguage;
export const isMissingInReceipt = (code) => ['132001', '1031'].includes(String(code));

/** WhatsAppOtpConsent.refuses. */
export const consentRefuses = (mode, value) =>
    ({ Field: value === true, MessagingEndUser: value === 'OptedOut', ContactPointTypeConsent: value !== 'OptIn' })[
        mode
    ] ?? false;

/** WhatsAppOtpTargets.withPreferences (the preview's Consent Mode is Field): the target with its language. */
export function withPreferences(target, inDefaultLanguage) {
    const fields = target.contact?.fields ?? {};
    if (SETTINGS.consentMode === 'Field' && consentRefuses('Field', fields[SETTINGS.contactOptOutField])) {
        throw fail('CONSENT_REFUSED', label('WhatsAppOtp_Consent_OptOutField', 'WhatsApp Opt Out'));
    }
    const chosen = inDefaultLanguage === true ? null : chooseLanguage(fields[SETTINGS.contactLanguageField], SETTINGS);
    return { ...target, language: chosen ?? SETTINGS.templateLanguage };
}

/** getSendStatus's language fields (WhatsAppOtpSendStatus). */
export const languageStatus = ({ templateLanguage, deliveryErrorCode }) => ({
    language: templateLanguage ?? null,
    defaultLanguage: SETTINGS.templateLanguage,
    languageMissing: isMissingInReceipt(deliveryErrorCode)
});

/** The send Task's description (WhatsAppOtpActivityLog): WhatsAppOtp_Task_Language, or ..._LanguageFallback. */
export function describeLanguage(task, language, refused) {
    if (language) {
        task.description = label(`WhatsAppOtp_Task_Language${refused ? 'Fallback' : ''}`, language, refused);
    }
}
