// Generated from src-ts/lwc/whatsappOtpComposer/cardText.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// The card's texts besides the status sentence (statusLine.ts): the fixed labels, the title, the busy text, the resend and
// verify-again buttons, the countdown, the attempts left, the resend notice and the advisory phone warning. Pure, so the composer keeps
// state and calls only; tested on its own (__tests__/cardText.test.ts).
import cardTitleLabel from '@salesforce/label/c.WhatsAppOtp_UI_CardTitle';
import destinationLabel from '@salesforce/label/c.WhatsAppOtp_UI_Destination';
import noPhoneLabel from '@salesforce/label/c.WhatsAppOtp_Error_NoPhone';
import sendLabel from '@salesforce/label/c.WhatsAppOtp_UI_Send';
import verifyLabel from '@salesforce/label/c.WhatsAppOtp_UI_Verify';
import verifyAgainLabel from '@salesforce/label/c.WhatsAppOtp_UI_VerifyAgain';
import verifyAgainInLabel from '@salesforce/label/c.WhatsAppOtp_UI_VerifyAgainIn';
import loadingContactLabel from '@salesforce/label/c.WhatsAppOtp_UI_LoadingContact';
import sendingLabel from '@salesforce/label/c.WhatsAppOtp_UI_Sending';
import verifyingLabel from '@salesforce/label/c.WhatsAppOtp_UI_Verifying';
import expiresInLabel from '@salesforce/label/c.WhatsAppOtp_UI_ExpiresIn';
import resendLabel from '@salesforce/label/c.WhatsAppOtp_UI_Resend';
import resendInLabel from '@salesforce/label/c.WhatsAppOtp_UI_ResendIn';
import attemptsLeftLabel from '@salesforce/label/c.WhatsAppOtp_UI_AttemptsLeft';
import resendNoticeLabel from '@salesforce/label/c.WhatsAppOtp_UI_ResendNotice';
import phoneLooksInvalidLabel from '@salesforce/label/c.WhatsAppOtp_UI_PhoneLooksInvalid';
import numberChangedLabel from '@salesforce/label/c.WhatsAppOtp_UI_NumberChanged';
import numberChangedAgoLabel from '@salesforce/label/c.WhatsAppOtp_UI_NumberChangedAgo';
import replyHintLabel from '@salesforce/label/c.WhatsAppOtp_UI_ReplyHint';
import replyMismatchLabel from '@salesforce/label/c.WhatsAppOtp_UI_ReplyMismatch';
import { formatClockTime, formatLabel, formatMinutesSeconds, secondsUntil } from './otpFormat';
import { looksMalformed } from './phoneCheck';
/** The fixed texts the template shows as they are. */
export const CARD_LABELS = {
    destination: destinationLabel,
    loadingContact: loadingContactLabel,
    noPhone: noPhoneLabel,
    replyHint: replyHintLabel,
    send: sendLabel,
    verify: verifyLabel
};
/**
 * The verified card's warning that the number differs: with the whole minutes since the change when field history
 * dated it (verifyOtp's numberChangedAt), otherwise the plain warning.
 */
export function numberChangedTextOf(changedAt, nowMs) {
    const changedMs = changedAt ? Date.parse(changedAt) : NaN;
    return Number.isNaN(changedMs)
        ? numberChangedLabel
        : formatLabel(numberChangedAgoLabel, Math.max(0, Math.floor((nowMs - changedMs) / 60000)));
}
/** App Builder's card title; blank uses the translated default. */
export function cardHeadingOf(cardTitle) {
    return cardTitle || cardTitleLabel;
}
/** The spinner's text while a call is out. */
export function busyTextOf(stage) {
    return stage === 'verifying' ? verifyingLabel : sendingLabel;
}
/**
 * "Resend Code", or "Resend in 0:12" while a cooldown or a refusal's retry time runs: minutes and seconds, as the
 * expiry countdown, so an hour's wait reads "59:42" rather than "3582s".
 */
export function resendTextOf(secondsLeft) {
    return secondsLeft > 0 ? formatLabel(resendInLabel, formatMinutesSeconds(secondsLeft)) : resendLabel;
}
/** "Verify again", or "Verify again in 0:12" while the resend cooldown runs: it sends a new code. */
export function verifyAgainTextOf(secondsLeft) {
    return secondsLeft > 0 ? formatLabel(verifyAgainInLabel, formatMinutesSeconds(secondsLeft)) : verifyAgainLabel;
}
/** After a resume: the wrong codes still allowed, read from the stored attempts. */
export function attemptsTextOf(stage, left) {
    return stage === 'sent' && left !== undefined ? formatLabel(attemptsLeftLabel, left) : undefined;
}
/** "The customer's WhatsApp reply didn't match the code. Attempts left: 3." */
export function replyMismatchTextOf(left) {
    return formatLabel(replyMismatchLabel, left);
}
/** "Expires in 4:59". */
export function expiryTextOf(expiresAt, nowMs) {
    return formatLabel(expiresInLabel, formatMinutesSeconds(secondsUntil(expiresAt, nowMs)));
}
/** "A new code was sent at 10:03. Only the newest code works.", while the new code can be typed in. */
export function resendNoticeOf(sentAtMs, codeShown, locale) {
    return sentAtMs !== undefined && codeShown
        ? formatLabel(resendNoticeLabel, formatClockTime(sentAtMs, locale))
        : undefined;
}
/**
 * Advisory, before a first send: Apex will refuse this number whatever the default country code (phoneCheck.ts).
 * It names no number (the card shows only the masked one), and gives way to a refusal's message, which says more.
 */
export function phoneWarningOf(phone, hasChallenge, errorShown) {
    return phone && !hasChallenge && !errorShown && looksMalformed(phone) ? phoneLooksInvalidLabel : undefined;
}
