// The simulated org's settings: the WhatsApp_OTP_Setting__mdt Default record of the preview, what the page's URL
// query changes in it, and the simulated 8x8's timings.
import fs from 'node:fs';
import path from 'node:path';
import { fail } from './agentErrors.mjs';
import { corePackage } from './paths.mjs';
import { DEFAULT_POLICY_SETTINGS, SETTING_BOUNDS, validateSettings } from './policy.mjs';

/** The preview's WhatsApp_OTP_Setting__mdt Default record, apart from the policy settings. */
export const SETTINGS = {
    subaccountId: 'PreviewSubaccount',
    templateName: 'salesforce_otp',
    templateLanguage: 'en_US'
};

/**
 * The preview's policy settings: the org's defaults, with the timings short enough for a person to watch
 * them pass, and still inside the ranges Apex allows (docs/architecture.md, "Policy").
 */
export const PREVIEW_SETTINGS = { ...DEFAULT_POLICY_SETTINGS, codeTtlMinutes: 1, resendCooldownSeconds: 15 };

/**
 * The page's URL query names for the policy settings. A value is passed on as it is, so one that Apex
 * would refuse gives SETTINGS_INVALID here too: the preview cannot show what Apex forbids.
 */
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

const listOf = (value) =>
    String(value)
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
const numberOf = (value) => (value === undefined || value === '' ? NaN : Number(value));

/**
 * The settings and timings of a request: the preview's, overridden by the page's query values. Numeric
 * settings are taken as given (validated at send time); unreadable ones are ignored. `countries` and
 * `sandboxNumbers` are comma lists; `sandbox=true` makes the org a sandbox, `production=true` a production org
 * (where a blank country list refuses every send).
 */
export function scenarioSettingsFrom(overrides = {}) {
    const settings = {
        ...PREVIEW_SETTINGS,
        isSandbox: String(overrides.sandbox) === 'true',
        isProduction: String(overrides.production) === 'true'
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

/**
 * Whether a send asks 8x8 for the SMS fallback. The scenario outcome "Not on WhatsApp, SMS fallback" is the
 * preview's shorthand for an org with the fallback setting on; "Undelivered" is one with it off.
 */
export function smsFallbackOn(settings, outcome) {
    return outcome === 'not-on-whatsapp' || (outcome !== 'undelivered' && settings?.fallbackEnabled === true);
}

/**
 * The settings a send runs with. With the fallback on, WhatsAppOtpPolicy's fallback window must hold (the
 * delay at least the WhatsApp lifetime, and ending a minute before the code expires), which the preview's
 * 1-minute code cannot meet: the fallback then runs with the shortest combination the policy accepts, a code
 * of at least 2 minutes, a 30-second WhatsApp lifetime and a 30-second fallback delay.
 */
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

/** The label of a setting as Setup shows it: from the field's metadata, else its API name in words. */
function settingLabel(field) {
    const apiName = SETTING_BOUNDS[field].field;
    const file = path.join(corePackage, 'objects', 'WhatsApp_OTP_Setting__mdt', 'fields', `${apiName}.field-meta.xml`);
    const declared = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').match(/<label>([^<]*)<\/label>/) : null;
    return declared ? declared[1] : apiName.replace(/__c$/, '').replace(/_/g, ' ');
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
