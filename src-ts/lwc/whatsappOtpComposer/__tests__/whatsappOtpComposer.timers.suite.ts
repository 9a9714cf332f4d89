import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import type { SendOtpResult } from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import type { ComposerElement } from './composerTestUtils';
import {
    CODE,
    CONTACT_ID,
    SECOND_CHALLENGE_ID,
    SENT,
    advance,
    auraError,
    button,
    byDataId,
    focusedElement,
    click,
    clickAndPoll,
    mustFind,
    sendStatus,
    sentComposer,
    textOf,
    typeCode,
    useFakeClock,
    SHORT_SENT
} from './composerTestUtils';

const mockSendOtp = jest.mocked(sendOtp);
const mockVerifyOtp = jest.mocked(verifyOtp);

const mockGetSendStatus = jest.mocked(getSendStatus);

async function advanceSeconds(seconds: number): Promise<void> {
    await advance(seconds * 1000);
}

/** A resend 30 s after the first send: reserved then, its outcome shown FIRST_POLL_MS later. */
const SECOND: SendOtpResult = {
    ...SENT,
    challengeId: SECOND_CHALLENGE_ID,
    expiresAt: '2026-01-15T10:10:31.000Z',
    resendAvailableAt: '2026-01-15T10:01:01.000Z'
};

/** Clicks Resend with sendOtp answering `reservation` and the status poll SENT for it. */
async function resendWith(element: ComposerElement, reservation: SendOtpResult): Promise<void> {
    mockSendOtp.mockResolvedValueOnce(reservation);
    mockGetSendStatus.mockResolvedValue(sendStatus(reservation));
    await clickAndPoll(element, 'resend');
}

describe('c-whatsapp-otp-composer: countdowns', () => {
    useFakeClock();

    it('counts the expiry down every second', async () => {
        const element = await sentComposer();

        await advanceSeconds(61);

        expect(textOf(element, 'expiry')).toBe('Code expires in 8:59');
    });

    it('counts the resend cooldown down', async () => {
        const element = await sentComposer();

        await advanceSeconds(12);

        expect(button(element, 'resend').label).toBe('Resend in 0:18');
        expect(button(element, 'resend').disabled).toBe(true);
    });

    it('enables Resend once the cooldown is over', async () => {
        const element = await sentComposer();

        await advanceSeconds(30);

        expect(button(element, 'resend').label).toBe('Resend Code');
        expect(button(element, 'resend').disabled).toBe(false);
    });

    it('marks the code expired by itself when the countdown reaches 0, without calling Apex', async () => {
        const element = await sentComposer(SHORT_SENT);
        await typeCode(element, '123');

        await advanceSeconds(30);

        expect(textOf(element, 'status')).toBe('The code has expired. Send a new code.');
        expect(byDataId(element, 'code')).toBeNull();
        expect(byDataId(element, 'expiry')).toBeNull();
        expect(button(element, 'resend').disabled).toBe(false);
        expect(mockVerifyOtp).not.toHaveBeenCalled();
    });

    it('stops its clock once the code has expired and the cooldown is over', async () => {
        await sentComposer(SHORT_SENT);

        await advanceSeconds(30);

        expect(jest.getTimerCount()).toBe(0);
    });

    it('stops its clock when it is removed from the page', async () => {
        const element = await sentComposer();
        expect(jest.getTimerCount()).toBe(1);

        document.body.removeChild(element);

        expect(jest.getTimerCount()).toBe(0);
    });

    it('keeps counting when the verify step is switched off', async () => {
        const element = await sentComposer(SENT, { showVerifyStep: false });

        await advanceSeconds(5);

        expect(textOf(element, 'expiry')).toBe('Code expires in 9:55');
    });
});

describe('c-whatsapp-otp-composer: resending', () => {
    useFakeClock();

    it('does not call Apex while the cooldown is running', async () => {
        const element = await sentComposer();

        await click(element, 'resend');

        expect(mockSendOtp).toHaveBeenCalledTimes(1);
    });

    it('calls sendOtp once more, with the record id only, after the cooldown', async () => {
        const element = await sentComposer();
        await advanceSeconds(30);
        mockSendOtp.mockResolvedValueOnce({ ...SENT, challengeId: SECOND_CHALLENGE_ID });

        await click(element, 'resend');

        expect(mockSendOtp).toHaveBeenCalledTimes(2);
        expect(mockSendOtp).toHaveBeenLastCalledWith({ recordId: CONTACT_ID });
    });

    it('checks the next code against the new challenge', async () => {
        const element = await sentComposer();
        await advanceSeconds(30);
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4 });
        await resendWith(element, SECOND);

        await typeCode(element, CODE);
        await click(element, 'verify');

        expect(mockVerifyOtp).toHaveBeenCalledWith({ challengeId: SECOND_CHALLENGE_ID, code: CODE });
    });

    it('restarts both countdowns from the new challenge', async () => {
        const element = await sentComposer();
        await advanceSeconds(30);

        await resendWith(element, SECOND);

        expect(textOf(element, 'expiry')).toBe('Code expires in 10:00');
        expect(button(element, 'resend').label).toBe('Resend in 0:30');
    });

    it('brings an expired code back to code entry', async () => {
        const element = await sentComposer(SHORT_SENT);
        await advanceSeconds(30);

        await resendWith(element, {
            ...SENT,
            challengeId: SECOND_CHALLENGE_ID,
            expiresAt: '2026-01-15T10:10:31.000Z',
            resendAvailableAt: '2026-01-15T10:01:01.000Z'
        });

        expect(textOf(element, 'status')).toBe('Code sent to +65 •••• 5678 via WhatsApp.');
        expect(focusedElement(element)).toBe(mustFind(element, 'code'));
    });

    it('keeps the current code usable when Apex refuses the resend', async () => {
        const element = await sentComposer();
        await advanceSeconds(30);
        mockSendOtp.mockRejectedValueOnce(auraError('5 codes were sent to this contact in the last hour.'));

        await click(element, 'resend');

        expect(textOf(element, 'error')).toBe('5 codes were sent to this contact in the last hour.');
        expect(textOf(element, 'status')).toBe('Code sent to +65 •••• 5678 via WhatsApp.');
        expect(byDataId(element, 'code')).not.toBeNull();
        expect(textOf(element, 'expiry')).toBe('Code expires in 9:30');
    });
});
