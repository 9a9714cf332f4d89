// The OTP policy of the simulated org: the rules of WhatsAppOtpPolicy (docs/architecture.md, "Policy"),
// written once on this side. Pure: it decides from the data it is given and reads no clock. The Apex
// class and this module are tied together by the shared cases in
// force-app/core/staticresources/WhatsAppOtpPolicyCases.json, which both test suites run. The numbers are
// not copied: every range and default is read from WhatsAppOtpPolicy's Bound constants.
import { settingBounds } from '../../scripts/gates/lib/contracts.mjs';

/**
 * The allowed range of each numeric setting and the WhatsApp_OTP_Setting__mdt field behind it, in the order
 * the Apex checks them. The validation rules refuse a value outside it (check:setting-bounds); a value that
 * gets past them gives SETTINGS_INVALID at send time.
 */
export const SETTING_BOUNDS = Object.freeze(Object.fromEntries(settingBounds()));

/** The settings of the policy (the cases file's names), with their defaults. */
export const DEFAULT_POLICY_SETTINGS = Object.freeze({
    ...Object.fromEntries(Object.entries(SETTING_BOUNDS).map(([name, bound]) => [name, bound.defaultValue])),
    fallbackEnabled: false,
    allowedCountryCodes: Object.freeze([]),
    sandboxAllowedNumbers: Object.freeze([])
});

/** Seconds of code lifetime an SMS fallback must still have when it is sent (WhatsAppOtpPolicy.SMS_MIN_USABLE_SECONDS). */
export const SMS_MIN_USABLE_SECONDS = 60;

/**
 * With SMS fallback on, the fallback delays that deliver one code once and in time: at least the WhatsApp
 * lifetime (8x8: a shorter delay can deliver the code twice), at most the code lifetime minus a minute.
 */
export function fallbackWindow(settings) {
    return {
        min: settings.whatsappLifetimeSeconds,
        max: settings.codeTtlMinutes * 60 - SMS_MIN_USABLE_SECONDS
    };
}

const HOUR_SECONDS = 3600;
const DAY_SECONDS = 86400;

/** Statuses that never count toward a limit: 8x8 refused the send. */
const UNCOUNTED_STATUSES = new Set(['Failed']);

/**
 * { valid: true }, or the first setting out of its range as
 * { errorCode: 'SETTINGS_INVALID', field, min, max }. A missing or non-integer value is out of range.
 * Then, with fallbackEnabled, a fallback delay outside fallbackWindow gives
 * { errorCode: 'SETTINGS_INVALID', field: 'fallbackDelaySeconds', min, max, rule: 'fallbackWindow' } (its
 * message is the label WhatsAppOtp_Error_FallbackDelayInvalid, not the range label).
 */
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
 * Whether a send may go ahead. The checks run in the documented order; the first that fails is the answer.
 *   settings: validated policy settings
 *   request: { source: 'Interactive'|'Flow', sender?: 'Human'|'Automation', bulkPermission?, callingCode, digits?,
 *              isSandbox, onSandboxList, isProduction? }
 *   history: earlier challenges, each { ageSeconds, sameContact, sameNumber, sameAgent, source, status, attempts,
 *            carried? (the attempts it carried over, included in attempts) }
 *   orgSendsToday: the org's counted sends today
 *   failuresResetAgeSeconds: how long ago a supervisor lifted the Contact's lockout (undefined: never)
 * Returns { allowed: true, initialAttempts } or { errorCode, retryAfterSeconds?, limit? }.
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

    const counted = history.filter((entry) => !UNCOUNTED_STATUSES.has(entry.status));
    const contactSends = counted.filter((entry) => entry.sameContact);
    const latest = Math.min(...contactSends.map((entry) => entry.ageSeconds));
    if (latest < settings.resendCooldownSeconds) {
        return { errorCode: 'COOLDOWN', retryAfterSeconds: settings.resendCooldownSeconds - latest };
    }

    const hourlyChecks = [
        ['HOURLY_CAP', contactSends, settings.hourlySendCap],
        ['NUMBER_CAP', counted.filter((entry) => entry.sameNumber), settings.perNumberHourlyCap],
        capSource(request) === 'Flow'
            ? ['FLOW_CAP', counted.filter((e) => e.sameAgent && e.source === 'Flow'), settings.flowHourlySendCap]
            : [
                  'AGENT_CAP',
                  counted.filter((e) => e.sameAgent && e.source === 'Interactive'),
                  settings.perAgentHourlyCap
              ]
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

/**
 * The cap a send counts against (WhatsAppOtpPolicy.capSource): a Flow send uses the Flow cap only for an
 * automation user or a person with the bulk permission; every other send uses the agent cap.
 */
export function capSource({ source, sender = 'Human', bulkPermission = false }) {
    return source === 'Flow' && (sender === 'Automation' || bulkPermission === true) ? 'Flow' : 'Interactive';
}

/** Whether an allow-list entry (a calling code or a longer E.164 prefix) starts the number's digits. */
function admits(allowed, { digits, callingCode }) {
    return digits === undefined ? allowed.includes(callingCode) : allowed.some((prefix) => digits.startsWith(prefix));
}

/**
 * After a wrong code: whether the challenge locks, because its own attempts are used up or because the
 * Contact's wrong codes in the last 24 h (after a lift) have reached the Daily Failure Cap. `history` holds
 * the Contact's challenges, this one included with its attempts after the wrong code.
 */
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
 * For a rolling window: undefined when the entries younger than the window weigh less than the cap;
 * otherwise the seconds until enough of the oldest have left the window to bring the weight under it.
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
