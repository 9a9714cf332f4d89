// What the end of a getSendStatus poll means for the composer: pure, so each outcome is tested on its own.
import type { SendOtpResult } from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import type { PollOutcome } from './statusPoll';
import type { Stage } from './otpStages';

/**
 * What is known of the current code's delivery: 8x8 accepted it, its outcome is unknown (it may have been
 * delivered), or the status poll ended while it was still being sent.
 */
export type Delivery = 'confirmed' | 'unconfirmed' | 'pending';

/** The challenge the code input checks against: sendOtp's reservation, updated by getSendStatus. */
export type Challenge = Pick<
    SendOtpResult,
    'challengeId' | 'maskedPhone' | 'expiresAt' | 'resendAvailableAt' | 'codeLength'
>;

/** What a send that 8x8 refuses goes back to: the code the agent had before. */
export interface Snapshot {
    challenge: Challenge | undefined;
    stage: Stage;
    delivery: Delivery;
    attemptsRemaining: number | undefined;
}

/** The child the code is typed into (c-whatsapp-otp-code-input): its public methods, cleared after a delivery. */
export interface CodeInput extends HTMLElement {
    value: string;
    reportValidity(): boolean;
    clear(): void;
    focus(): void;
}

/** A poll that ran to its end (a cancelled one changes nothing). */
export type FinishedPoll = Exclude<PollOutcome, { kind: 'cancelled' }>;

export type DeliveryResult =
    /**
     * 8x8 refused the send: nothing reached the customer; `message` is the agent message, if any, and
     * `errorCode` the stable code (e.g. INVALID_NUMBER), which decides whether a retry can help.
     */
    | { kind: 'refused'; message: string | undefined; errorCode: string | null }
    /**
     * The code may be with the customer: open the code input for `challenge`. `error` is a failed status
     * call, shown inline; it is no refusal, since the code may well be on its way.
     */
    | { kind: 'open'; challenge: Challenge; delivery: Delivery; error?: unknown };

/** The result of the poll for `reserved` (the challenge whose delivery was awaited). */
export function deliveryResult(reserved: Challenge, outcome: FinishedPoll): DeliveryResult {
    if (outcome.kind === 'error') {
        return { kind: 'open', challenge: reserved, delivery: 'pending', error: outcome.error };
    }
    if (outcome.kind === 'gaveUp') {
        return { kind: 'open', challenge: reserved, delivery: 'pending' };
    }
    const { status, errorCode, errorMessage, maskedPhone, expiresAt, resendAvailableAt, codeLength } = outcome.status;
    if (status === 'FAILED') {
        return { kind: 'refused', message: errorMessage ?? undefined, errorCode };
    }
    return {
        kind: 'open',
        challenge: { challengeId: reserved.challengeId, maskedPhone, expiresAt, resendAvailableAt, codeLength },
        delivery: status === 'SENT' ? 'confirmed' : 'unconfirmed'
    };
}
