// After Send: the reservation, the bounded getSendStatus poll, and each way a delivery can end
// (docs/architecture.md, "Send reservation, delivery and the policy").
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import type { SendOtpResult } from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import type { SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import { POLL_DELAYS_MS } from '../statusPoll';
import type { ComposerElement } from './composerTestUtils';
import {
    CHALLENGE_ID,
    CODE,
    FIRST_POLL_MS,
    SECOND_CHALLENGE_ID,
    SENT,
    advance,
    auraError,
    button,
    byDataId,
    focusedElement,
    click,
    clickAndPoll,
    deferred,
    mountWithPhone,
    mustFind,
    recordToasts,
    renderedMarkup,
    sendStatus,
    sentComposer,
    spinner,
    textOf,
    typeCode,
    useFakeClock
} from './composerTestUtils';

const mockSendOtp = jest.mocked(sendOtp);
const mockVerifyOtp = jest.mocked(verifyOtp);
const mockGetSendStatus = jest.mocked(getSendStatus);

const UNCONFIRMED_TEXT = 'The code may have been delivered. If the customer received it, enter it.';
const STILL_SENDING_TEXT = 'The code is still being sent. Wait a moment, then enter it.';
const SENT_TEXT = 'Code sent to +65 •••• 5678 via WhatsApp.';
const REFUSED_TEXT = 'WhatsApp rejected the phone number. Check the number on the contact.';
const ALL_POLLS_MS = POLL_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);

/** A composer whose Send was clicked; sendOtp answers SENT, getSendStatus what the test set up. */
async function clickedSend(): Promise<ComposerElement> {
    mockSendOtp.mockResolvedValue(SENT);
    const element = await mountWithPhone();
    await click(element, 'send');
    return element;
}

const failed = (reservation: SendOtpResult = SENT): SendStatusResult =>
    sendStatus(reservation, 'FAILED', { errorCode: 'INVALID_NUMBER', errorMessage: REFUSED_TEXT });

describe('c-whatsapp-otp-composer: waiting for the delivery', () => {
    useFakeClock();

    it('shows the sending state until getSendStatus answers', async () => {
        mockGetSendStatus.mockReturnValue(deferred<SendStatusResult>().promise);
        const element = await clickedSend();

        await advance(FIRST_POLL_MS);

        expect(spinner(element)).not.toBeNull();
        expect(textOf(element, 'status')).toBe('Sending the code…');
        expect(byDataId(element, 'code')).toBeNull();
        expect(button(element, 'send').disabled).toBe(true);
    });

    it('asks for the status of the reserved challenge only after the first wait', async () => {
        mockGetSendStatus.mockResolvedValue(sendStatus());
        await clickedSend();

        await advance(FIRST_POLL_MS - 1);
        expect(mockGetSendStatus).not.toHaveBeenCalled();

        await advance(1);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
        expect(mockGetSendStatus).toHaveBeenCalledWith({ challengeId: CHALLENGE_ID });
    });

    it('asks again, waiting longer each time, while the code is still being sent', async () => {
        mockGetSendStatus.mockResolvedValue(sendStatus(SENT, 'SENDING'));
        await clickedSend();

        await advance(POLL_DELAYS_MS[0]);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
        await advance(POLL_DELAYS_MS[1]);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(2);
        await advance(POLL_DELAYS_MS[2] - 1);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(2);
        await advance(1);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(3);
        expect(POLL_DELAYS_MS[2]).toBeGreaterThan(POLL_DELAYS_MS[1]);
    });

    it('shows the sent state once 8x8 has accepted the message', async () => {
        mockGetSendStatus
            .mockResolvedValueOnce(sendStatus(SENT, 'SENDING'))
            .mockResolvedValueOnce(sendStatus(SENT, 'SENT'));
        const element = await clickedSend();

        await advance(POLL_DELAYS_MS[0] + POLL_DELAYS_MS[1]);

        expect(spinner(element)).toBeNull();
        expect(textOf(element, 'status')).toBe(SENT_TEXT);
        expect(focusedElement(element)).toBe(mustFind(element, 'code'));
    });

    it('takes the countdowns from the delivered challenge', async () => {
        mockGetSendStatus.mockResolvedValue({ ...sendStatus(), expiresAt: '2026-01-15T10:05:00.000Z' });
        const element = await clickedSend();

        await advance(FIRST_POLL_MS);

        expect(textOf(element, 'expiry')).toBe('Code expires in 5:00');
    });

    it('stops asking after the last wait, and opens the code input with the still-sending message', async () => {
        mockGetSendStatus.mockResolvedValue(sendStatus(SENT, 'SENDING'));
        const element = await clickedSend();

        await advance(ALL_POLLS_MS);
        await advance(60_000);

        expect(mockGetSendStatus).toHaveBeenCalledTimes(POLL_DELAYS_MS.length);
        expect(textOf(element, 'status')).toBe(STILL_SENDING_TEXT);
        expect(byDataId(element, 'code')).not.toBeNull();
        expect(byDataId(element, 'error')).toBeNull();
    });

    it('stops asking when it is removed from the page, and leaves no timer behind', async () => {
        mockGetSendStatus.mockResolvedValue(sendStatus(SENT, 'SENDING'));
        const element = await clickedSend();
        await advance(FIRST_POLL_MS);

        document.body.removeChild(element);
        await advance(ALL_POLLS_MS);

        expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('picks the poll up again when it comes back to the page', async () => {
        mockGetSendStatus.mockResolvedValueOnce(sendStatus(SENT, 'SENDING')).mockResolvedValue(sendStatus());
        const element = await clickedSend();
        await advance(FIRST_POLL_MS);
        document.body.removeChild(element);

        document.body.appendChild(element);
        await advance(FIRST_POLL_MS);

        expect(mockGetSendStatus).toHaveBeenCalledTimes(2);
        expect(textOf(element, 'status')).toBe(SENT_TEXT);
    });
});

describe('c-whatsapp-otp-composer: a delivery with an unknown outcome', () => {
    useFakeClock();

    it('shows one message, the unconfirmed one, with no error and no toast', async () => {
        mockGetSendStatus.mockResolvedValue(
            sendStatus(SENT, 'UNCONFIRMED', { errorCode: 'TIMEOUT', errorMessage: null })
        );
        const element = await clickedSend();
        const toasts = recordToasts(element);

        await advance(FIRST_POLL_MS);

        expect(textOf(element, 'status')).toBe(UNCONFIRMED_TEXT);
        expect(byDataId(element, 'error')).toBeNull();
        expect(toasts).toEqual([]);
    });

    it('keeps the code input open and focused, and checks the code against the challenge', async () => {
        mockGetSendStatus.mockResolvedValue(sendStatus(SENT, 'UNCONFIRMED'));
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 5 });
        const element = await clickedSend();
        await advance(FIRST_POLL_MS);
        expect(focusedElement(element)).toBe(mustFind(element, 'code'));

        await typeCode(element, CODE);
        await click(element, 'verify');

        expect(mockVerifyOtp).toHaveBeenCalledWith({ challengeId: CHALLENGE_ID, code: CODE });
        expect(byDataId(element, 'verified')).not.toBeNull();
    });
});

describe('c-whatsapp-otp-composer: a delivery that 8x8 refused', () => {
    useFakeClock();

    it('shows the refusal inline, without a toast, and keeps Send disabled for a rejected number', async () => {
        mockGetSendStatus.mockResolvedValue(failed());
        const element = await clickedSend();
        const toasts = recordToasts(element);

        await advance(FIRST_POLL_MS);

        expect(textOf(element, 'error')).toBe(REFUSED_TEXT);
        expect(toasts).toEqual([]);
        expect(byDataId(element, 'code')).toBeNull();
        expect(button(element, 'send').disabled).toBe(true);
        expect(textOf(element, 'status')).toBe('');
    });

    it('offers Send again after a refusal that a retry may get past', async () => {
        mockGetSendStatus.mockResolvedValue({ ...failed(), errorCode: 'RATE_LIMITED', errorMessage: 'Busy.' });
        const element = await clickedSend();

        await advance(FIRST_POLL_MS);

        expect(textOf(element, 'error')).toBe('Busy.');
        expect(button(element, 'send').disabled).toBe(false);
    });

    it('keeps the current code usable when a resend is refused', async () => {
        const element = await sentComposer();
        await advance(30_000);
        const second = { ...SENT, challengeId: SECOND_CHALLENGE_ID };
        mockSendOtp.mockResolvedValueOnce(second);
        mockGetSendStatus.mockResolvedValue(failed(second));
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 5 });

        await clickAndPoll(element, 'resend');
        await typeCode(element, CODE);
        await click(element, 'verify');

        expect(textOf(element, 'status')).toContain('Verified.');
        expect(mockVerifyOtp).toHaveBeenCalledWith({ challengeId: CHALLENGE_ID, code: CODE });
    });
});

describe('c-whatsapp-otp-composer: when the status cannot be read', () => {
    useFakeClock();

    it('opens the code input with the still-sending message and the reason inline, without a toast', async () => {
        mockGetSendStatus.mockRejectedValue(auraError('Disconnected or Canceled'));
        const element = await clickedSend();
        const toasts = recordToasts(element);

        await advance(FIRST_POLL_MS);

        expect(textOf(element, 'status')).toBe(STILL_SENDING_TEXT);
        expect(textOf(element, 'error')).toBe('Disconnected or Canceled');
        expect(byDataId(element, 'code')).not.toBeNull();
        expect(toasts).toEqual([]);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
    });

    it('treats a status outside the contract like an unreadable one, never as sent', async () => {
        const unknown = { ...sendStatus(), status: 'QUEUED' } as unknown as SendStatusResult;
        mockGetSendStatus.mockResolvedValue(unknown);
        const element = await clickedSend();

        await advance(FIRST_POLL_MS);

        expect(textOf(element, 'status')).toBe(STILL_SENDING_TEXT);
        expect(textOf(element, 'error')).toBe(
            'Something went wrong. Try again, or ask your admin to check the WhatsApp OTP setup.'
        );
    });
});

describe('c-whatsapp-otp-composer: a verify while the code is still being sent', () => {
    useFakeClock();

    /** A composer whose poll ended while still sending, with a code typed and verify answering STILL_SENDING. */
    async function verifiedTooEarly(): Promise<ComposerElement> {
        mockGetSendStatus.mockResolvedValue(sendStatus(SENT, 'SENDING'));
        const element = await clickedSend();
        await advance(ALL_POLLS_MS);
        mockVerifyOtp.mockRejectedValue(auraError(STILL_SENDING_TEXT));
        await typeCode(element, CODE);
        await click(element, 'verify');
        return element;
    }

    it('goes back to waiting for the delivery, without an error or a toast, and clears the code', async () => {
        const element = await verifiedTooEarly();

        expect(textOf(element, 'status')).toBe('Sending the code…');
        expect(spinner(element)).not.toBeNull();
        expect(byDataId(element, 'error')).toBeNull();
        expect(renderedMarkup(element)).not.toContain(CODE);
    });

    it('asks for the status again, and shows the sent state once it is out', async () => {
        const element = await verifiedTooEarly();
        mockGetSendStatus.mockClear();
        mockGetSendStatus.mockResolvedValue(sendStatus());

        await advance(FIRST_POLL_MS);

        expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
        expect(textOf(element, 'status')).toBe(SENT_TEXT);
        expect(mustFind<HTMLInputElement>(element, 'code').value).toBe('');
    });

    it('goes back to Send with the refusal when 8x8 turns out to have refused it', async () => {
        const element = await verifiedTooEarly();
        mockGetSendStatus.mockResolvedValue(failed());

        await advance(FIRST_POLL_MS);

        expect(textOf(element, 'error')).toBe(REFUSED_TEXT);
        expect(byDataId(element, 'code')).toBeNull();
        expect(button(element, 'send').disabled).toBe(true);
    });
});
