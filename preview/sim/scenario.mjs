// The preview's WhatsApp_OTP_Setting__mdt Default record, what the page's query changes in it, and 8x8's timings.
import fs from 'node:fs';
import path from 'node:path';
import { fail } from './agentErrors.mjs';
import { corePackage } from './paths.mjs';
import { DEFAULT_POLICY_SETTINGS, SETTING_BOUNDS, validateSettings } from './policy.mjs';

/** The preview's WhatsApp_OTP_Setting__mdt Default record, apart from the policy settings. */
export const SETTINGS = {
    subaccountId: 'PreviewSubaccount',
    templateName: 'salesforce_otp',
    templateLanguage: 'en_US',
    // Language and consent (WhatsAppOtpLanguage, WhatsAppOtpConsent), on the preview Contacts' own fields.
    contactLanguageField: 'Preferred_Language__c',
    languageMap: 'German=de, English=en_US',
    approvedLanguages: 'en_US, de',
    consentMode: 'Field',
    contactOptOutField: 'WhatsApp_Opt_Out__c'
};

/** The org's defaults, with timings short enough to watch pass, inside the ranges Apex allows. */
export const PREVIEW_SETTINGS = { ...DEFAULT_POLICY_SETTINGS, codeTtlMinutes: 1, resendCooldownSeconds: 15 };

/** The page's query names for the policy settings, passed on as given: one Apex refuses gives SETTINGS_INVALID. */
export const SETTING_QUERY = {
    ttl: 'codeTtlMinutes',
    cooldown: 'resendCooldownSeconds',
    attempts: 'maxAttempts',
    cap: 'hourlySendCap',
    numberCap: 'perNumberHourlyCap',
    agentCap: 'perAgentHourlyCap',
    failureCap: 'dailyFailureCap',
    budget: 'orgDailySendBudget'
};

/**
 * The simulated 8x8's timings, milliseconds: not settings, so bounded here. An Apex callout waits at most
 * 120 s (Apex Developer Guide, "Callout Limits and Limitations": timeout at most 120,000 ms).
 */
export const TIMING_DEFAULTS = { latency: 400, timeout: 4000 };
const TIMING_LIMITS = { latency: 60000, timeout: 120000 };

export const listOf = (value) =>
    String(value)
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
const numberOf = (value) => (value === undefined || value === '' ? NaN : Number(value));

/** The preview's settings and timings, overridden by the page's query values (unreadable numbers ignored). */
export function scenarioSettingsFrom(overrides = {}) {
    const settings = {
        ...PREVIEW_SETTINGS,
        isSandbox: String(overrides.sandbox) === 'true',
        // Reply_Verification_Enabled__c: on in the preview, which exists to show it; ?reply=off turns it off.
        replyVerification: String(overrides.reply) !== 'off'
    };
    for (const [name, field] of Object.entries(SETTING_QUERY)) {
        if (Number.isFinite(numberOf(overrides[name]))) {
            settings[field] = numberOf(overrides[name]);
        }
    }
    if (overrides.countries !== undefined) {
        settings.allowedCountryCodes = listOf(overrides.countries).map((code) => code.replace(/^\+/, ''));
    }
    if (overrides.sandboxNumbers !== undefined) {
        settings.sandboxAllowedNumbers = listOf(overrides.sandboxNumbers);
    }
    const timings = {};
    for (const [name, fallback] of Object.entries(TIMING_DEFAULTS)) {
        const value = numberOf(overrides[name]);
        timings[name] = Number.isFinite(value) && value >= 0 ? Math.min(value, TIMING_LIMITS[name]) : fallback;
    }
    return { settings, timings };
}

/** Whether a send asks for the SMS fallback: "Not on WhatsApp" stands for an org with it on, "Undelivered" off. */
export function smsFallbackOn(settings, outcome) {
    return outcome === 'not-on-whatsapp' || (outcome !== 'undelivered' && settings?.fallbackEnabled === true);
}

/** With the fallback on, the shortest timings its window (fallbackWindow) accepts: a 1-minute code fails it. */
export function settingsForSend(settings, outcome) {
    if (!smsFallbackOn(settings, outcome)) {
        return settings;
    }
    const codeTtlMinutes = Math.max(settings.codeTtlMinutes, 2);
    return {
        ...settings,
        fallbackEnabled: true,
        codeTtlMinutes,
        whatsappLifetimeSeconds: 30,
        fallbackDelaySeconds: 30
    };
}

/** The label of a setting as Setup shows it, from the field's metadata. */
function settingLabel(field) {
    const fileName = `${SETTING_BOUNDS[field].field}.field-meta.xml`;
    const file = path.join(corePackage, 'objects', 'WhatsApp_OTP_Setting__mdt', 'fields', fileName);
    return fs.readFileSync(file, 'utf8').match(/<label>([^<]*)<\/label>/)[1];
}

/** The scenario's settings for a send, refused (SETTINGS_INVALID, naming the setting) as Apex refuses them. */
export function checkedSettings({ outcome = 'success', settings: chosen }) {
    const settings = settingsForSend(chosen, outcome);
    const invalid = validateSettings(settings);
    if (!invalid.valid) {
        throw fail('SETTINGS_INVALID', settingLabel(invalid.field), invalid.min, invalid.max);
    }
    return settings;
}
