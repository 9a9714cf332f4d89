// Generated from src-ts/lwc/whatsappOtpCodeInput/codeNormalize.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// What the agent types or pastes, as the digits of a code. Pure, so each rule is tested on its own.
/** U+FF10 FULLWIDTH DIGIT ZERO: full-width digits U+FF10–U+FF19 map onto 0–9 by this offset. */
const FULL_WIDTH_ZERO = 0xff10;
/**
 * The digits of `value`, at most `maxLength` of them. Full-width digits (typed with an East Asian input
 * method) count as digits; spaces, dashes, dots and anything else that is not a digit are dropped first, so
 * "12 34 56", "123-456" and " 123.456 " are all "123456". The length limit applies only after that: an
 * input `maxlength` would cut the raw text short before the separators are gone.
 */
export function normalizeCode(value, maxLength) {
    const ascii = value.replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - FULL_WIDTH_ZERO + 0x30));
    return ascii.replace(/[^0-9]/g, '').slice(0, maxLength);
}
