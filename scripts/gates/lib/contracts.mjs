// The contracts written once in the Apex, read by everything that copies them: the docs' tables (scripts/docs.mjs),
// the setting-bounds gate and the preview's simulated org (preview/sim). Each parser takes the Apex text; the
// readers at the end read the project's own files.
import fs from 'node:fs';
import path from 'node:path';
import { root } from './common.mjs';

export const CONTRACT_SOURCES = {
    exception: 'force-app/core/classes/otp/WhatsAppOtpException.cls',
    policy: 'force-app/core/classes/otp/WhatsAppOtpPolicy.cls',
    settings: 'force-app/core/classes/otp/WhatsAppOtpSettings.cls'
};

// NOT_A_CONTACT -> NotAContact: the label of a code is WhatsAppOtp_Error_<this>, except where the switch says otherwise.
const pascal = (code) => code.toLowerCase().replace(/(?:^|_)(\w)/g, (_, first) => first.toUpperCase());

/**
 * The error codes of WhatsAppOtpException, in declaration order, each with the label its `labelFor` switch returns.
 * A code without its own `when` arm would show the `when else` label, which is one code's own (its name is that
 * code's, UNEXPECTED_RESPONSE's); any other code without an arm has no label of its own, and fails here.
 */
export function parseErrorCodes(apex, file = CONTRACT_SOURCES.exception) {
    const codes = [...apex.matchAll(/public static final String (\w+) = '(\w+)';/g)].map((m) => m[2]);
    const labelOf = new Map(
        [...apex.matchAll(/when '(\w+)' \{\s*return System\.Label\.(\w+);/g)].map((m) => [m[1], m[2]])
    );
    const fallback = /when else \{[^}]*?return System\.Label\.(\w+);/.exec(apex)?.[1];
    if (!codes.length || !fallback) {
        throw new Error(`${file}: no error-code constants or no \`when else\` label found`);
    }
    const unlabelled = codes.filter((c) => !labelOf.has(c) && `WhatsAppOtp_Error_${pascal(c)}` !== fallback);
    if (unlabelled.length) {
        throw new Error(
            unlabelled
                .map((c) => `${file}: ${c} has no label (add \`when '${c}'\` to labelFor; else it shows ${fallback})`)
                .join('\n')
        );
    }
    return codes.map((c) => ({ code: c, label: labelOf.get(c) ?? fallback }));
}

/** `new Bound('name', default, min, max)` constants of WhatsAppOtpPolicy, by bound name, in declaration order. */
export function parseBounds(apex) {
    return new Map(
        [...apex.matchAll(/new Bound\('(\w+)', (\d+), (\d+), (\d+)\)/g)].map((m) => [
            m[1],
            { defaultValue: Number(m[2]), min: Number(m[3]), max: Number(m[4]) }
        ])
    );
}

/** FIELD_OF_BOUND of WhatsAppOtpSettings: bound name -> field API name. */
export function parseFieldOfBound(apex) {
    return new Map([...apex.matchAll(/'(\w+)' => WhatsApp_OTP_Setting__mdt\.(\w+)/g)].map((m) => [m[1], m[2]]));
}

const readSource = (name) => fs.readFileSync(path.join(root, CONTRACT_SOURCES[name]), 'utf8');

/** errorCode -> Custom Label name, from WhatsAppOtpException. */
export function errorLabels() {
    return Object.fromEntries(parseErrorCodes(readSource('exception')).map(({ code, label }) => [code, label]));
}

/** bound name -> { defaultValue, min, max, field }, from WhatsAppOtpPolicy and WhatsAppOtpSettings. */
export function settingBounds() {
    const fields = parseFieldOfBound(readSource('settings'));
    return new Map(
        [...parseBounds(readSource('policy'))].map(([name, b]) => [name, { ...b, field: fields.get(name) }])
    );
}
