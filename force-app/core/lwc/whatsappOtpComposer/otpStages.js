// Generated from src-ts/lwc/whatsappOtpComposer/otpStages.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
import { secondsUntil } from './otpFormat';
/** Stages in which a code is out and can still be typed in. */
export const CODE_ENTRY_STAGES = ['sent', 'verifying', 'invalid'];
export function stageView(input) {
    const { stage, hasChallenge, canSend, resendCooldownSeconds, verifyStepShown, sendBlocked } = input;
    const isBusy = stage === 'sending' || stage === 'verifying';
    const codeOut = hasChallenge && CODE_ENTRY_STAGES.includes(stage);
    const sendDisabled = isBusy || !canSend || sendBlocked;
    return {
        isBusy,
        // Before the first code only; after that Resend takes over.
        showSend: !hasChallenge,
        sendDisabled,
        showResend: hasChallenge && stage !== 'verified',
        resendDisabled: sendDisabled || resendCooldownSeconds > 0,
        verifyAgainDisabled: sendDisabled || resendCooldownSeconds > 0,
        showExpiry: codeOut,
        showCodeEntry: verifyStepShown && codeOut,
        verifyDisabled: isBusy,
        isVerified: stage === 'verified',
        statusIsError: stage === 'invalid' || stage === 'locked'
    };
}
/** The stage a verifyOtp status leads to; undefined for a status this component does not know. */
export function stageAfterVerify(status) {
    switch (status) {
        case 'VERIFIED':
            return 'verified';
        case 'INVALID_CODE':
            return 'invalid';
        case 'EXPIRED':
            return 'expired';
        case 'LOCKED':
            return 'locked';
        default:
            return undefined;
    }
}
/**
 * The stage a challenge status from getSendStatus leads to while its code is open (a customer's WhatsApp reply
 * verified it, or wrong replies locked it); undefined while it stays open.
 */
export function stageAfterChallenge(status) {
    const closedBy = {
        Verified: 'verified',
        Expired: 'expired',
        Locked: 'locked',
        Superseded: 'superseded'
    };
    return status ? closedBy[status] : undefined;
}
/**
 * The stage once the clock says the code has expired: a code that could still be typed in (and is not
 * being checked right now) expires locally, so the agent is offered a resend without a wasted verify call.
 */
/** A code that can still be typed in: an entry stage, not yet expired by the browser's clock. */
export function codeOpen(stage, expiresAt, nowMs) {
    return CODE_ENTRY_STAGES.includes(stage) && secondsUntil(expiresAt, nowMs) > 0;
}
export function stageOnExpiry(stage) {
    return stage === 'sent' || stage === 'invalid' ? 'expired' : stage;
}
/**
 * Refusals that retrying the same send cannot get past: the number (its format, its country, a sandbox's test
 * list), the template, the credentials, or a setting the admin must correct.
 */
const RECORD_BLOCKS = [
    'INVALID_NUMBER',
    'INVALID_PHONE',
    'NO_PHONE',
    'COUNTRY_NOT_ALLOWED',
    'SANDBOX_BLOCKED',
    'CREDENTIAL_REJECTED',
    'NOT_FOUND',
    'TEMPLATE_REJECTED',
    'SETTINGS_INVALID',
    'SETTINGS_MISSING'
];
/** The block a refused send leaves, from its error code and retry time; undefined when retrying may help. */
export function blockFor(errorCode, retryAt) {
    if (!errorCode) {
        return undefined;
    }
    const untilMs = retryAt ? Date.parse(retryAt) : NaN;
    if (!Number.isNaN(untilMs)) {
        return { kind: 'until', untilMs, errorCode };
    }
    return RECORD_BLOCKS.includes(errorCode) ? { kind: 'record', errorCode } : undefined;
}
/** Whether the block still applies at `nowMs`: a time block until its time, a record block until cleared. */
export function blockActive(block, nowMs) {
    if (!block) {
        return false;
    }
    return block.kind === 'record' || nowMs < block.untilMs;
}
/** Whole seconds until a send can go again: the cooldown or a time block, whichever ends later. */
export function secondsUntilSendable(block, cooldownSeconds, nowMs) {
    const blockSeconds = block?.kind === 'until' ? Math.max(0, Math.ceil((block.untilMs - nowMs) / 1000)) : 0;
    return Math.max(cooldownSeconds, blockSeconds);
}
/**
 * One tick of the composer's clock. A code whose expiry passes while it can still be typed in is expired
 * locally, so the agent is offered a resend without a wasted verify call. The browser clock is used: a skewed
 * clock shifts the countdown, but Apex stays the judge.
 */
export function clockTick({ stage, block, hasChallenge, expiresAt, cooldownSeconds, nowMs }) {
    const blockPassed = block?.kind === 'until' && !blockActive(block, nowMs);
    const remainingBlock = blockPassed ? undefined : block;
    const expired = secondsUntil(expiresAt, nowMs) === 0;
    const next = hasChallenge && expired ? stageOnExpiry(stage) : stage;
    const waiting = remainingBlock?.kind === 'until' || (hasChallenge && (!expired || cooldownSeconds > 0));
    // Verified: only Verify again's countdown (the cooldown) keeps the clock going.
    const verifiedWaiting = remainingBlock?.kind === 'until' || cooldownSeconds > 0;
    return { blockPassed, stage: next, stopClock: next === 'verified' ? !verifiedWaiting : !waiting };
}
