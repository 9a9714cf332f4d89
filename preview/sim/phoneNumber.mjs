// WhatsAppPhoneNumber's rules (shared WhatsAppPhoneNumberCases.json); the country codes are read from the class.
import fs from 'node:fs';
import path from 'node:path';
import { corePackage } from './paths.mjs';

export const PHONE_FIELDS = ['MobilePhone', 'Phone'];
const APEX_CLASS = path.join(corePackage, 'classes', 'otp', 'WhatsAppPhoneNumber.cls');

function readCountryCodes() {
    const source = fs.readFileSync(APEX_CLASS, 'utf8');
    const declaration = source.match(/COUNTRY_CODES\s*=\s*new Set<String>\(([\s\S]*?)\.split\(' '\)/);
    if (!declaration) {
        throw new Error(`preview: cannot find COUNTRY_CODES in ${APEX_CLASS}; update preview/sim/phoneNumber.mjs`);
    }
    const literals = [...declaration[1].matchAll(/'([^']*)'/g)].map((match) => match[1]).join('');
    return new Set(literals.split(' ').filter(Boolean));
}

let countryCodes;

/** The first non-blank phone field value, or undefined. */
export const pickPhone = (fields) =>
    PHONE_FIELDS.map((name) => fields[name]).find((value) => typeof value === 'string' && value.trim() !== '');

/** WhatsAppPhoneNumber.normalize, or undefined (INVALID_PHONE); strips Java's \s, no-break space, -.() as Apex. */
export function toE164(raw, defaultCountryCode = null) {
    const compact = raw.replace(/[ \t\n\v\f\r\u00a0\-.()]/g, '');
    let digits;
    if (compact.startsWith('+')) {
        digits = compact.slice(1);
    } else if (compact.startsWith('00')) {
        digits = compact.slice(2);
    } else if (defaultCountryCode && defaultCountryCode.trim() !== '') {
        digits = defaultCountryCode + (compact.startsWith('0') ? compact.slice(1) : compact);
    } else {
        return undefined;
    }
    return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
}

/** The country calling code of an E.164 number ("+6591235678" -> "65"), or undefined when not recognised. */
export function callingCodeOf(e164) {
    countryCodes ??= readCountryCodes();
    const digits = e164.slice(1);
    for (let length = 1; length <= 3 && length < digits.length; length++) {
        if (countryCodes.has(digits.slice(0, length))) {
            return digits.slice(0, length);
        }
    }
    return undefined;
}

/** "+65 •••• 5678", or "+•• •••• 5678" when the country code is not recognised. */
export function maskE164(e164) {
    return `+${callingCodeOf(e164) ?? '••'} •••• ${e164.slice(-4)}`;
}

/** WhatsAppPhoneNumber.sameNumber: a stored number key is compared with the number's key of its own version. */
export function sameNumber(keysByVersion, storedKey) {
    return storedKey != null && storedKey === keysByVersion[storedKey.split(':')[0]];
}
