// Generated from src-ts/lwc/whatsappOtpComposer/otpFormat.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// Pure helpers of the composer: masking, label formatting, countdowns and Apex error messages.
/** Shown in place of the hidden digits; a glyph, not language, so not a Custom Label. */
const MASK = '••••';
/** The last 4 digits of a phone number behind a mask, e.g. "•••• 5678"; undefined when it has no digits. */
export function maskPhone(phone) {
    const digits = (phone ?? '').replace(/\D/g, '');
    return digits ? `${MASK} ${digits.slice(-4)}` : undefined;
}
/** Fills {0}, {1}, … in a Custom Label, as Apex String.format does. */
export function formatLabel(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (placeholder, index) => {
        const value = values[Number(index)];
        return value === undefined ? placeholder : String(value);
    });
}
/** Whole seconds from now until an ISO instant, never negative; 0 when the instant is missing or unreadable. */
export function secondsUntil(isoInstant, nowMs) {
    const target = isoInstant ? Date.parse(isoInstant) : NaN;
    return Number.isNaN(target) ? 0 : Math.max(0, Math.ceil((target - nowMs) / 1000));
}
/** 600 -> "10:00", 59 -> "0:59". */
export function formatMinutesSeconds(totalSeconds) {
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
/** Keeps digits only, up to maxLength. */
export function digitsOnly(value, maxLength) {
    return value.replace(/\D/g, '').slice(0, maxLength);
}
/**
 * The agent message of a failed Apex or LDS call: AuraHandledException puts it in error.body.message
 * (LDS may send an array of such bodies). Undefined when there is none, so the caller picks a fallback.
 */
export function errorMessageOf(error) {
    if (typeof error !== 'object' || error === null || !('body' in error)) {
        return undefined;
    }
    const body = error.body;
    const first = Array.isArray(body) ? body[0] : body;
    if (typeof first === 'object' && first !== null && 'message' in first && typeof first.message === 'string') {
        return first.message || undefined;
    }
    return undefined;
}
// One formatter per locale: the card re-renders every second while a code is live, and building an
// Intl.DateTimeFormat costs far more than formatting with one.
const clockFormats = new Map();
/** A time of day in the user's locale, e.g. "10:03 AM". */
export function formatClockTime(epochMs, locale) {
    let format = clockFormats.get(locale);
    if (!format) {
        format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
        clockFormats.set(locale, format);
    }
    return format.format(new Date(epochMs));
}
