// Generated from src-ts/lwc/whatsappOtpComposer/resendMemory.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// Remembers, per Contact, when the latest code's resend opens (sendOtp's resendAvailableAt), so that a reload, a
// second tab or a reopened quick action shows the resend timer without an Apex call: the cooldown setting is
// not on the challenge record. localStorage is shared by the tabs of one browser. Unconfirmed in an org: that
// Lightning Web Security gives the component localStorage (kept apart per namespace). Best effort: when storage is unavailable, Resend is offered and a refusal within the
// cooldown brings its retry time as data.
const PREFIX = 'whatsappOtp.resendAt.';
function storage() {
    try {
        return typeof window !== 'undefined' ? window.localStorage : undefined;
    }
    catch {
        return undefined;
    }
}
/** Stores the latest code's resend time for the Contact (one entry per Contact, so storage stays small). */
export function rememberResendAt(contactId, challengeId, resendAvailableAt) {
    try {
        storage()?.setItem(PREFIX + contactId, JSON.stringify({ challengeId, resendAvailableAt }));
    }
    catch {
        // Quota or privacy mode: the resume still works, without the resend timer.
    }
}
/** The remembered resend time of this challenge of the Contact, if this browser sent it. */
export function rememberedResendAt(contactId, challengeId) {
    try {
        const raw = storage()?.getItem(PREFIX + contactId);
        const entry = raw ? JSON.parse(raw) : undefined;
        return entry?.challengeId === challengeId && typeof entry.resendAvailableAt === 'string'
            ? entry.resendAvailableAt
            : undefined;
    }
    catch {
        return undefined;
    }
}
