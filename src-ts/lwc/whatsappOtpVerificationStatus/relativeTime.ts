// "just now", "2 minutes ago", "1 hour ago" in the user's locale: minutes and hours from the platform's
// Intl.RelativeTimeFormat, under a minute the Custom Label WhatsAppOtp_UI_JustNow (Intl has no "just now":
// its numeric 'auto' gives a bare "now", which reads awkwardly in "Verified now by Jane Doe.").
import justNowLabel from '@salesforce/label/c.WhatsAppOtp_UI_JustNow';

const MINUTE_MS = 60000;
const HOUR_MS = 60 * MINUTE_MS;

/** How long before `nowMs` the instant `atMs` was, in words; a future instant (clock skew) reads as now. */
export function relativeTime(atMs: number, nowMs: number, locale: string): string {
    const ago = Math.max(0, nowMs - atMs);
    if (ago < MINUTE_MS) {
        return justNowLabel;
    }
    const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    if (ago < HOUR_MS) {
        return format.format(-Math.floor(ago / MINUTE_MS), 'minute');
    }
    return format.format(-Math.floor(ago / HOUR_MS), 'hour');
}
