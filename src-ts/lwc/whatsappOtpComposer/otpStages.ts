// The composer's stage machine: its stages, the transitions verifyOtp and the clock cause, and what each
// stage shows (which buttons, which are disabled and why). Pure: no LWC or platform imports, so every
// rule is unit-tested on its own (__tests__/otpStages.test.ts) and the component only renders the view.
import type { VerifyOtpStatus } from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import type { ChallengeStatus } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import { secondsUntil } from './otpFormat';

/** `superseded`: a newer code went out elsewhere (another tab or agent); this one no longer works. */
export type Stage =
    'ready' | 'sending' | 'sent' | 'verifying' | 'verified' | 'invalid' | 'expired' | 'locked' | 'superseded';

/** Stages in which a code is out and can still be typed in. */
export const CODE_ENTRY_STAGES: readonly Stage[] = ['sent', 'verifying', 'invalid'];

/** What the stage view is computed from: the stage and the few facts around it. */
export interface StageInput {
    stage: Stage;
    /** A code has been sent (or resumed): Resend replaces Send. */
    hasChallenge: boolean;
    /** The record has an Id and a phone number to send to. */
    canSend: boolean;
    /** Seconds until a resend is no longer refused for cooldown; 0 when it is allowed now. */
    resendCooldownSeconds: number;
    /** The App Builder's "Show the verify step" (unset means shown). */
    verifyStepShown: boolean;
    /** A refusal that a new send cannot get past yet (see SendBlock): Send and Resend are disabled. */
    sendBlocked: boolean;
}

/** What the template shows for a StageInput. */
export interface StageView {
    /** A call is out: the spinner shows and every button is disabled. */
    isBusy: boolean;
    showSend: boolean;
    sendDisabled: boolean;
    showResend: boolean;
    resendDisabled: boolean;
    /** Verify again starts a new code, so it waits for the resend cooldown as Resend does. */
    verifyAgainDisabled: boolean;
    /** The expiry countdown of the code that can be typed in. */
    showExpiry: boolean;
    /** The code input and Verify. */
    showCodeEntry: boolean;
    /** Verify waits only on a call in flight: a short code gets the input's own inline message instead. */
    verifyDisabled: boolean;
    isVerified: boolean;
    /** The status line reads as an error (a wrong code, a locked challenge). */
    statusIsError: boolean;
}

export function stageView(input: StageInput): StageView {
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
export function stageAfterVerify(status: VerifyOtpStatus | string): Stage | undefined {
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
export function stageAfterChallenge(status: ChallengeStatus | null | undefined): Stage | undefined {
    const closedBy: Partial<Record<ChallengeStatus, Stage>> = {
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
export function codeOpen(stage: Stage, expiresAt: string | undefined, nowMs: number): boolean {
    return CODE_ENTRY_STAGES.includes(stage) && secondsUntil(expiresAt, nowMs) > 0;
}

export function stageOnExpiry(stage: Stage): Stage {
    return stage === 'sent' || stage === 'invalid' ? 'expired' : stage;
}

/**
 * Why a send cannot succeed for now. `until`: a limit that passes with time (the cooldown, the hourly, number
 * and agent caps, a lockout, the daily budget): sendOtp's retryAt. `record`: the number, the template or the
 * credentials were refused; only a change to the record (or a reload, after the admin fixed the setup) helps.
 */
export type SendBlock = { kind: 'until'; untilMs: number; errorCode: string } | { kind: 'record'; errorCode: string };

/**
 * Refusals that retrying the same send cannot get past: the number (its format, its country, a sandbox's test
 * list), the template, the credentials, or a setting the admin must correct.
 */
const RECORD_BLOCKS: readonly string[] = [
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
export function blockFor(
    errorCode: string | null | undefined,
    retryAt: string | null | undefined
): SendBlock | undefined {
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
export function blockActive(block: SendBlock | undefined, nowMs: number): boolean {
    if (!block) {
        return false;
    }
    return block.kind === 'record' || nowMs < block.untilMs;
}

/** Whole seconds until a send can go again: the cooldown or a time block, whichever ends later. */
export function secondsUntilSendable(block: SendBlock | undefined, cooldownSeconds: number, nowMs: number): number {
    const blockSeconds = block?.kind === 'until' ? Math.max(0, Math.ceil((block.untilMs - nowMs) / 1000)) : 0;
    return Math.max(cooldownSeconds, blockSeconds);
}

export interface ClockInput {
    stage: Stage;
    block: SendBlock | undefined;
    hasChallenge: boolean;
    expiresAt: string | undefined;
    /** The resend cooldown still to run, in seconds. */
    cooldownSeconds: number;
    nowMs: number;
}

export interface ClockOutcome {
    /** A refusal's retry time has passed: Send and Resend may go again. */
    blockPassed: boolean;
    /** The stage after this tick: a code that can still be typed in expires locally (stageOnExpiry). */
    stage: Stage;
    /** Nothing is left to count down. */
    stopClock: boolean;
}

/**
 * One tick of the composer's clock. A code whose expiry passes while it can still be typed in is expired
 * locally, so the agent is offered a resend without a wasted verify call. The browser clock is used: a skewed
 * clock shifts the countdown, but Apex stays the judge.
 */
export function clockTick({ stage, block, hasChallenge, expiresAt, cooldownSeconds, nowMs }: ClockInput): ClockOutcome {
    const blockPassed = block?.kind === 'until' && !blockActive(block, nowMs);
    const remainingBlock = blockPassed ? undefined : block;
    const expired = secondsUntil(expiresAt, nowMs) === 0;
    const next = hasChallenge && expired ? stageOnExpiry(stage) : stage;
    const waiting = remainingBlock?.kind === 'until' || (hasChallenge && (!expired || cooldownSeconds > 0));
    // Verified: only Verify again's countdown (the cooldown) keeps the clock going.
    const verifiedWaiting = remainingBlock?.kind === 'until' || cooldownSeconds > 0;
    return { blockPassed, stage: next, stopClock: next === 'verified' ? !verifiedWaiting : !waiting };
}
