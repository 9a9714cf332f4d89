// The composer's stage machine: its stages, the transitions verifyOtp and the clock cause, and what each
// stage shows (which buttons, which are disabled and why). Pure: no LWC or platform imports, so every
// rule is unit-tested on its own (__tests__/otpStages.test.ts) and the component only renders the view.
import type { VerifyOtpStatus } from '@salesforce/apex/WhatsAppOtpController.verifyOtp';

export type Stage = 'ready' | 'sending' | 'sent' | 'verifying' | 'verified' | 'invalid' | 'expired' | 'locked';

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
}

/** What the template shows for a StageInput. */
export interface StageView {
    /** A call is out: the spinner shows and every button is disabled. */
    isBusy: boolean;
    showSend: boolean;
    sendDisabled: boolean;
    showResend: boolean;
    resendDisabled: boolean;
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
    const { stage, hasChallenge, canSend, resendCooldownSeconds, verifyStepShown } = input;
    const isBusy = stage === 'sending' || stage === 'verifying';
    const codeOut = hasChallenge && CODE_ENTRY_STAGES.includes(stage);
    const sendDisabled = isBusy || !canSend;
    return {
        isBusy,
        // Before the first code only; after that Resend takes over.
        showSend: !hasChallenge,
        sendDisabled,
        showResend: hasChallenge && stage !== 'verified',
        resendDisabled: sendDisabled || resendCooldownSeconds > 0,
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
 * The stage once the clock says the code has expired: a code that could still be typed in (and is not
 * being checked right now) expires locally, so the agent is offered a resend without a wasted verify call.
 */
export function stageOnExpiry(stage: Stage): Stage {
    return stage === 'sent' || stage === 'invalid' ? 'expired' : stage;
}
