// WhatsAppOtpPolicy, pure (no clock), tied to the Apex by the shared WhatsAppOtpPolicyCases.json; every range and
// default is read from its Bound constants.
import { settingBounds } from '../../scripts/gates/lib/contracts.mjs';

/** Each numeric setting's range and WhatsApp_OTP_Setting__mdt field, in the order the Apex checks them. */
export const SETTING_BOUNDS = Object.freeze(Object.fromEntries(settingBounds()));

/** The settings of the policy (the cases file's names), with their defaults. */
export const DEFAULT_POLICY_SETTINGS = Object.freeze({
    ...Object.fromEntries(Object.entries(SETTING_BOUNDS).map(([name, bound]) => [name, bound.defaultValue])),
    fallbackEnabled: false,
    allowedCountryCodes: Object.freeze([]),
    sandboxAllowedNumbers: Object.freeze([])
});

/** WhatsAppOtpPolicy.SMS_MIN_USABLE_SECONDS: code lifetime an SMS fallback must still have when sent. */
export const SMS_MIN_USABLE_SECONDS = 60;

/** The fallback delays that deliver one code once (8x8: a shorter delay can deliver it twice) and in time. */
export function fallbackWindow(settings) {
    return {
        min: settings.whatsappLifetimeSeconds,
        max: settings.codeTtlMinutes * 60 - SMS_MIN_USABLE_SECONDS
    };
}

const HOUR_SECONDS = 3600;
const DAY_SECONDS = 86400;

/** WhatsAppOtpPolicy.checkSettings: { valid: true }, or the first broken rule { errorCode, field, min, max, rule? }. */
export function validateSettings(settings) {
    for (const [field, { min, max }] of Object.entries(SETTING_BOUNDS)) {
        const value = settings[field];
        if (!Number.isInteger(value) || value < min || value > max) {
            return { errorCode: 'SETTINGS_INVALID', field, min, max };
        }
    }
    if (settings.fallbackEnabled === true) {
        const { min, max } = fallbackWindow(settings);
        if (settings.fallbackDelaySeconds < min || settings.fallbackDelaySeconds > max) {
            return { errorCode: 'SETTINGS_INVALID', field: 'fallbackDelaySeconds', min, max, rule: 'fallbackWindow' };
        }
    }
    return { valid: true };
}

/**
 * WhatsAppOtpPolicy.decideSend, on the shared cases' shapes: { allowed: true, initialAttempts } or
 * { errorCode, retryAfterSeconds?, limit? }. `history` entries: { ageSeconds, sameContact, sameNumber, sameAgent,
 * source, status, attempts, carried? }.
 */
export function decideSend({ settings, request, history, orgSendsToday, failuresResetAgeSeconds }) {
    if (request.isSandbox && !request.onSandboxList) {
        return { errorCode: 'SANDBOX_BLOCKED' };
    }
    if (settings.allowedCountryCodes.length === 0 && request.isProduction === true) {
        return { errorCode: 'COUNTRIES_REQUIRED' };
    }
    if (settings.allowedCountryCodes.length > 0 && !admits(settings.allowedCountryCodes, request)) {
        return { errorCode: 'COUNTRY_NOT_ALLOWED' };
    }

    const lockout = windowBlock(
        failureEntries(history, failuresResetAgeSeconds),
        DAY_SECONDS,
        settings.dailyFailureCap,
        failuresOf
    );
    if (lockout !== undefined) {
        return { errorCode: 'FAILURE_LOCKOUT', retryAfterSeconds: lockout, limit: settings.dailyFailureCap };
    }

    const counted = history.filter((entry) => entry.status !== 'Failed'); // 8x8 refused it;
    const contactSends = counted.filter((entry) => entry.sameContact);
    const latest = Math.min(...contactSends.map((entry) => entry.ageSeconds));
    if (latest < settings.resendCooldownSeconds) {
        return { errorCode: 'COOLDOWN', retryAfterSeconds: settings.resendCooldownSeconds - latest };
    }

    const source = capSource(request);
    const agentSends = counted.filter((entry) => entry.sameAgent && entry.source === source);
    const hourlyChecks = [
        ['HOURLY_CAP', contactSends, settings.hourlySendCap],
        ['NUMBER_CAP', counted.filter((entry) => entry.sameNumber), settings.perNumberHourlyCap],
        source === 'Flow'
            ? ['FLOW_CAP', agentSends, settings.flowHourlySendCap]
            : ['AGENT_CAP', agentSends, settings.perAgentHourlyCap]
    ];
    for (const [errorCode, entries, cap] of hourlyChecks) {
        const retryAfterSeconds = windowBlock(entries, HOUR_SECONDS, cap, () => 1);
        if (retryAfterSeconds !== undefined) {
            return { errorCode, retryAfterSeconds, limit: cap };
        }
    }

    // Read after locking one of four budget rows (WhatsAppOtpThrottleStore.ORG_BUDGET_SHARDS): at most four sends
    // count at once, so the budget can be passed by at most three times the largest single reservation.
    if (orgSendsToday >= settings.orgDailySendBudget) {
        return { errorCode: 'ORG_DAILY_BUDGET', limit: settings.orgDailySendBudget };
    }

    // Guesses carry over: the new code starts with the wrong attempts of a still-valid code it supersedes.
    const ttlSeconds = settings.codeTtlMinutes * 60;
    const stillValid = contactSends.filter((entry) => entry.status === 'Pending' && entry.ageSeconds < ttlSeconds);
    return { allowed: true, initialAttempts: Math.max(0, ...stillValid.map((entry) => entry.attempts)) };
}

/** WhatsAppOtpPolicy.capSource: the Flow cap only for an automation user or the bulk permission. */
export function capSource({ source, sender = 'Human', bulkPermission = false }) {
    return source === 'Flow' && (sender === 'Automation' || bulkPermission === true) ? 'Flow' : 'Interactive';
}

/** Whether an allow-list entry (a calling code or a longer E.164 prefix) starts the number's digits. */
function admits(allowed, { digits, callingCode }) {
    return digits === undefined ? allowed.includes(callingCode) : allowed.some((prefix) => digits.startsWith(prefix));
}

/** WhatsAppOtpPolicy.locksAfterWrongCode: attempts used up, or the Contact's day of failures at the cap. */
export function locksAfterWrongCode({ settings, attempts, maxAttempts, history, failuresResetAgeSeconds }) {
    const failures = failureEntries(history, failuresResetAgeSeconds).reduce((sum, e) => sum + failuresOf(e), 0);
    return attempts >= maxAttempts || failures >= settings.dailyFailureCap;
}

/** As WhatsAppOtpPolicy.Sent.failures: carried attempts count on the code they come from, so each counts once. */
const failuresOf = (entry) => entry.attempts - (entry.carried ?? 0);

/** The Contact's challenges whose wrong codes count toward the lockout: the last 24 h, after a lift. */
function failureEntries(history, failuresResetAgeSeconds) {
    return history.filter(
        (entry) =>
            entry.sameContact &&
            entry.ageSeconds < DAY_SECONDS &&
            (failuresResetAgeSeconds === undefined || entry.ageSeconds < failuresResetAgeSeconds)
    );
}

/**
 * A rolling window: undefined under the cap, else the seconds until enough of the oldest entries leave it.
 * INFERRED: an entry exactly as old as the window has left it (the shared cases test 3601 s, not 3600 s).
 */
function windowBlock(entries, windowSeconds, cap, weightOf) {
    const inWindow = entries.filter((entry) => entry.ageSeconds < windowSeconds);
    let weight = inWindow.reduce((sum, entry) => sum + weightOf(entry), 0);
    if (weight < cap) {
        return undefined;
    }
    for (const entry of [...inWindow].sort((a, b) => b.ageSeconds - a.ageSeconds)) {
        weight -= weightOf(entry);
        if (weight < cap) {
            return windowSeconds - entry.ageSeconds;
        }
    }
    return undefined;
}
