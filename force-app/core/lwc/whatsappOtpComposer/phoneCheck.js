// Generated from src-ts/lwc/whatsappOtpComposer/phoneCheck.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// The composer's advisory pre-send check of the Contact's number, by the rule of Apex WhatsAppPhoneNumber.normalize
// (tied to it by the shared cases in the static resource WhatsAppPhoneNumberCases). Advisory: the org's default
// country code is not known without an Apex call, so the check only warns; Apex stays the judge at send time.
const MIN_DIGITS = 8;
const MAX_DIGITS = 15;
/** As the Apex FORMATTING pattern: Java's \s (ASCII whitespace), no-break space, dashes, dots, parentheses. */
const FORMATTING = /[ \t\n\v\f\r\u00A0\-.()]/g;
/** E.164 ("+6591235678") as Apex normalises `raw`, or undefined where Apex refuses it (INVALID_PHONE). */
export function normalizePhone(raw, defaultCountryCode) {
    const compact = (raw ?? '').replace(FORMATTING, '');
    let digits;
    if (compact.startsWith('+')) {
        digits = compact.slice(1);
    }
    else if (compact.startsWith('00')) {
        digits = compact.slice(2);
    }
    else if (defaultCountryCode && defaultCountryCode.trim() !== '') {
        // A national number: the trunk prefix 0 goes, the default country code comes in front.
        digits = defaultCountryCode + (compact.startsWith('0') ? compact.slice(1) : compact);
    }
    else {
        return undefined;
    }
    const plausible = /^[0-9]+$/.test(digits) &&
        !digits.startsWith('0') &&
        digits.length >= MIN_DIGITS &&
        digits.length <= MAX_DIGITS;
    return plausible ? `+${digits}` : undefined;
}
/**
 * Whether Apex will refuse the number whatever the org's default country code is: an international number is
 * judged in full; a national one only fails when no 1 to 3 digit country code in front could make it valid.
 */
export function looksMalformed(raw) {
    return !normalizePhone(raw, null) && !['1', '12', '123'].some((code) => normalizePhone(raw, code));
}
