// WhatsAppPhoneNumber's rules beyond normalize (the composer's normalizePhone, person.mjs): the number's pick, its
// country code (read from the class), and its mask.
import fs from 'node:fs';
import path from 'node:path';
import { corePackage } from './paths.mjs';

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
    ['MobilePhone', 'Phone']
        .map((name) => fields[name])
        .find((value) => typeof value === 'string' && value.trim() !== '');

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
