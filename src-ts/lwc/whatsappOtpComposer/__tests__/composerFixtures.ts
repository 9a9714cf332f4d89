// The composer tests' data: ids, times and Apex answers, with no DOM or LWC engine, so the tests of the pure modules
// (run in Node, jest.config.js) share them with the component's tests.
import type { SendOtpResult } from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import type { SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import { POLL_DELAYS_MS } from '../statusPoll';

export const CONTACT_ID = '003000000000001AAA';
export const CHALLENGE_ID = 'a01000000000001AAA';
export const SECOND_CHALLENGE_ID = 'a01000000000002AAA';
/** The wait before the first getSendStatus call: a send shows its outcome this long after the click. */
export const FIRST_POLL_MS = POLL_DELAYS_MS[0];
/**
 * When a first send's outcome shows. The fake clock starts FIRST_POLL_MS earlier, so the challenge below
 * (reserved at that start) shows 10:00 left on its code and 30 s of cooldown.
 */
export const NOW = new Date('2026-01-15T10:00:00.000Z');
export const CODE = '123456';

/** verifyOtp's answer for the right code, verified by the preview's agent at NOW. */
export const VERIFIED = {
    status: 'VERIFIED' as const,
    attemptsRemaining: 0,
    verifiedAt: NOW.toISOString(),
    verifiedByName: 'Jane Doe'
};

/** sendOtp's answer: the reservation. */
export const SENT: SendOtpResult = {
    challengeId: CHALLENGE_ID,
    maskedPhone: '+65 •••• 5678',
    status: 'SENDING',
    expiresAt: '2026-01-15T10:10:00.000Z',
    resendAvailableAt: '2026-01-15T10:00:30.000Z',
    codeLength: 6
};

/** SENT with a code that lives 30 s (as its cooldown), for tests that run a code out: less fake clock to tick through. */
export const SHORT_SENT: SendOtpResult = { ...SENT, expiresAt: '2026-01-15T10:00:30.000Z' };

/** getSendStatus's answer for a reservation once 8x8 has accepted the message (or: `status` instead). */
export function sendStatus(
    reservation: SendOtpResult = SENT,
    status: SendStatusResult['status'] = 'SENT',
    changes: Partial<SendStatusResult> = {}
): SendStatusResult {
    const { challengeId, maskedPhone, expiresAt, resendAvailableAt, codeLength } = reservation;
    return {
        challengeId,
        status,
        errorCode: null,
        errorMessage: null,
        maskedPhone,
        expiresAt,
        resendAvailableAt,
        codeLength,
        attemptsRemaining: 5,
        ...changes
    };
}
