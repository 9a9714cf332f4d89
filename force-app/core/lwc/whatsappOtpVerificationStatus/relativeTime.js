// Generated from src-ts/lwc/whatsappOtpVerificationStatus/relativeTime.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// "just now", "2 minutes ago", "1 hour ago" in the user's locale, from the platform's Intl.RelativeTimeFormat.
const MINUTE_MS = 60000;
const HOUR_MS = 60 * MINUTE_MS;
/** How long before `nowMs` the instant `atMs` was, in words; a future instant (clock skew) reads as now. */
export function relativeTime(atMs, nowMs, locale) {
    const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const ago = Math.max(0, nowMs - atMs);
    if (ago < MINUTE_MS) {
        // numeric 'auto' makes 0 seconds "now" in English ("just now" has no Intl unit).
        return format.format(0, 'second');
    }
    if (ago < HOUR_MS) {
        return format.format(-Math.floor(ago / MINUTE_MS), 'minute');
    }
    return format.format(-Math.floor(ago / HOUR_MS), 'hour');
}
