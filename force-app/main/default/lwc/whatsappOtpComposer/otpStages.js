// Generated from src-ts/lwc/whatsappOtpComposer/otpStages.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
/** Stages in which a code is out and can still be typed in. */
export const CODE_ENTRY_STAGES = ['sent', 'verifying', 'invalid'];
export function stageView(input) {
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
 * The stage once the clock says the code has expired: a code that could still be typed in (and is not
 * being checked right now) expires locally, so the agent is offered a resend without a wasted verify call.
 */
export function stageOnExpiry(stage) {
    return stage === 'sent' || stage === 'invalid' ? 'expired' : stage;
}
