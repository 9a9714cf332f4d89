// WhatsAppOtpLanguage and WhatsAppOtpConsent in the simulated org (shared cases WhatsAppOtpLanguageConsentCases.json).
import { fail } from './agentErrors.mjs';
import { label } from './labels.mjs';
import { SETTINGS } from './scenario.mjs';

const entries = (text, separators) =>
    String(text ?? '')
        .split(separators)
        .map((entry) => entry.trim())
        .filter(Boolean);

/** WhatsAppOtpLanguage.choose: the mapped (or given) code when approved, else the default. */
export function chooseLanguage(value, { languageMap, approvedLanguages, templateLanguage }) {
    const text = String(value ?? '').trim();
    const map = new Map(entries(languageMap, /[,;\n\r]+/).map((pair) => pair.split('=').map((s) => s.trim())));
    const code = [...map].find(([key]) => key.toLowerCase() === text.toLowerCase())?.[1] ?? text;
    return text && [templateLanguage, ...entries(approvedLanguages, /[,;\s]+/)].includes(code)
        ? code
        : templateLanguage;
}

/** WhatsAppOtpLanguage.retriesInDefault: a template refusal of a language other than the default. */
export const retriesInDefault = (errorCode, language, defaultLanguage) =>
    errorCode === 'TEMPLATE_REJECTED' && !!language && language !== defaultLanguage;

/** WhatsAppOtpLanguage.isMissingInReceipt: Meta's 132001, as 8x8 reports it (1031) or not. */
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
    const chosen = chooseLanguage(fields[SETTINGS.contactLanguageField], SETTINGS);
    return { ...target, language: inDefaultLanguage === true ? SETTINGS.templateLanguage : chosen };
}

/** getSendStatus's language fields (WhatsAppOtpSendStatus). */
export const languageStatus = (challenge) => ({
    language: challenge.templateLanguage ?? null,
    defaultLanguage: SETTINGS.templateLanguage,
    languageMissing: isMissingInReceipt(challenge.deliveryErrorCode)
});

/** WhatsAppOtpActivityLog.withLanguage: the send Task's description. */
export function describeLanguage(task, language, refusedLanguage) {
    if (task && language) {
        task.description = refusedLanguage
            ? label('WhatsAppOtp_Task_LanguageFallback', language, refusedLanguage)
            : label('WhatsAppOtp_Task_Language', language);
    }
}
