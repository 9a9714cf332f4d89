import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import type { VerifyOtpResult } from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import {
    CHALLENGE_ID,
    CODE,
    advance,
    apexErrorMessages,
    auraError,
    button,
    byDataId,
    focusedElement,
    click,
    deferred,
    mustFind,
    pressEnter,
    recordToasts,
    renderedMarkup,
    sentComposer,
    spinner,
    textOf,
    typeCode,
    useFakeClock
} from './composerTestUtils';

const mockSendOtp = jest.mocked(sendOtp);
const mockVerifyOtp = jest.mocked(verifyOtp);

describe('c-whatsapp-otp-composer: typing the code', () => {
    useFakeClock();

    it('says inline to enter all 6 digits, without a call, when Verify is clicked on a short code', async () => {
        const element = await sentComposer();
        await typeCode(element, '12345');

        await click(element, 'verify');

        expect(textOf(element, 'code-error')).toBe('Enter all 6 digits.');
        expect(mockVerifyOtp).not.toHaveBeenCalled();
    });

    it('says inline to enter all 6 digits, without a call, when Enter is pressed on an empty code', async () => {
        const element = await sentComposer();

        await pressEnter(element);

        expect(textOf(element, 'code-error')).toBe('Enter all 6 digits.');
        expect(mockVerifyOtp).not.toHaveBeenCalled();
    });

    it('enables Verify once all 6 digits are in', async () => {
        const element = await sentComposer();

        await typeCode(element, CODE);

        expect(button(element, 'verify').disabled).toBe(false);
    });

    it('strips everything that is not a digit', async () => {
        const element = await sentComposer();

        const input = await typeCode(element, '12 3-4a5.6');

        expect(input.value).toBe(CODE);
        expect(button(element, 'verify').disabled).toBe(false);
    });

    it('stops at the code length when more digits are pasted', async () => {
        const element = await sentComposer();

        const input = await typeCode(element, '12345678');

        expect(input.value).toBe(CODE);
    });

    it('does not call Apex on Enter while the code is incomplete', async () => {
        const element = await sentComposer();
        await typeCode(element, '123');

        await pressEnter(element);

        expect(mockVerifyOtp).not.toHaveBeenCalled();
    });

    it('keeps the code out of the markup: only the input value holds it', async () => {
        const element = await sentComposer();

        const input = await typeCode(element, CODE);

        expect(input.value).toBe(CODE);
        expect(renderedMarkup(element)).not.toContain(CODE);
    });
});

describe('c-whatsapp-otp-composer: verifying the code', () => {
    useFakeClock();

    it('calls verifyOtp exactly once, with the challenge id and the typed code', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4 });
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(mockVerifyOtp).toHaveBeenCalledTimes(1);
        expect(mockVerifyOtp).toHaveBeenCalledWith({ challengeId: CHALLENGE_ID, code: CODE });
        expect(mockSendOtp).toHaveBeenCalledTimes(1);
    });

    it('verifies when the agent presses Enter in the code input', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4 });
        await typeCode(element, CODE);

        await pressEnter(element);

        expect(mockVerifyOtp).toHaveBeenCalledTimes(1);
        expect(mockVerifyOtp).toHaveBeenCalledWith({ challengeId: CHALLENGE_ID, code: CODE });
    });

    it('shows a spinner and disables the input and buttons while checking', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockReturnValue(deferred<VerifyOtpResult>().promise);
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(spinner(element)).not.toBeNull();
        expect(textOf(element, 'status')).toBe('Checking the code…');
        expect(mustFind<HTMLInputElement>(element, 'code').disabled).toBe(true);
        expect(button(element, 'verify').disabled).toBe(true);
        expect(button(element, 'resend').disabled).toBe(true);
    });

    it('ignores Enter while a check is already out', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockReturnValue(deferred<VerifyOtpResult>().promise);
        await typeCode(element, CODE);

        await click(element, 'verify');
        await pressEnter(element);

        expect(mockVerifyOtp).toHaveBeenCalledTimes(1);
    });

    it('shows an unmistakable success banner when the code matches', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4 });
        await typeCode(element, CODE);

        await click(element, 'verify');

        const status = mustFind(element, 'status');
        expect(textOf(element, 'status')).toBe('Verified. The customer confirmed the code sent to +65 •••• 5678.');
        expect(byDataId(element, 'verified')).not.toBeNull();
        expect(
            (
                status
                    .querySelector('c-whatsapp-otp-verification-status')
                    ?.shadowRoot?.querySelector('lightning-icon') as HTMLElement & { iconName: string }
            ).iconName
        ).toBe('utility:success');
    });

    it('warns, not in error red, when the code went to a number the contact no longer holds', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4, numberDiffers: true });
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(textOf(element, 'number-changed')).toBe('The number on this contact has changed since it was verified.');
        const icon = mustFind(element, 'number-changed').querySelector('lightning-icon') as HTMLElement & {
            variant: string;
        };
        expect(icon.variant).toBe('warning');
        expect(mustFind(element, 'status').className).not.toContain('slds-text-color_error');
    });

    it('says how long ago the number changed when field history dated the change', async () => {
        const element = await sentComposer();
        const changedAt = new Date(Date.now() - 7 * 60000 - 5000).toISOString();
        mockVerifyOtp.mockResolvedValue({
            status: 'VERIFIED',
            attemptsRemaining: 4,
            numberDiffers: true,
            numberChangedAt: changedAt
        });
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(textOf(element, 'number-changed')).toBe(
            'The number on this contact changed 7 min ago, after the code was sent.'
        );
    });

    it('shows no number warning when the contact still holds the number that was verified', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4, numberDiffers: false });
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(byDataId(element, 'verified')).not.toBeNull();
        expect(byDataId(element, 'number-changed')).toBeNull();
    });

    it('ends the exchange when the code matches: no input, Verify, Resend or countdown left', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4 });
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(byDataId(element, 'code')).toBeNull();
        expect(byDataId(element, 'verify')).toBeNull();
        expect(byDataId(element, 'resend')).toBeNull();
        expect(byDataId(element, 'expiry')).toBeNull();
        // Only Verify again's cooldown countdown keeps the clock; once it has passed, what is left is the verified
        // line's "2 minutes ago" refresh.
        await advance(30_000);
        expect(jest.getTimerCount()).toBe(1);
    });

    it('says how many attempts are left when the code is wrong', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'INVALID_CODE', attemptsRemaining: 3 });
        await typeCode(element, '654321');

        await click(element, 'verify');

        expect(textOf(element, 'status')).toBe("That code doesn't match. 3 attempts left.");
    });

    it('says when only one attempt is left', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'INVALID_CODE', attemptsRemaining: 1 });
        await typeCode(element, '654321');

        await click(element, 'verify');

        expect(textOf(element, 'status')).toBe("That code doesn't match. 1 attempt left.");
    });

    it('clears and refocuses the input after a wrong code, ready for the next try', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'INVALID_CODE', attemptsRemaining: 3 });
        await typeCode(element, '654321');

        await click(element, 'verify');

        const input = mustFind<HTMLInputElement>(element, 'code');
        expect(input.value).toBe('');
        expect(focusedElement(element)).toBe(input);
    });

    it('checks a second code with a second, separate call', async () => {
        const element = await sentComposer();
        mockVerifyOtp
            .mockResolvedValueOnce({ status: 'INVALID_CODE', attemptsRemaining: 4 })
            .mockResolvedValueOnce({ status: 'VERIFIED', attemptsRemaining: 4 });
        await typeCode(element, '654321');
        await click(element, 'verify');

        await typeCode(element, CODE);
        await click(element, 'verify');

        expect(mockVerifyOtp).toHaveBeenCalledTimes(2);
        expect(mockVerifyOtp).toHaveBeenLastCalledWith({ challengeId: CHALLENGE_ID, code: CODE });
        expect(byDataId(element, 'verified')).not.toBeNull();
    });

    it('offers a resend instead of the input when Apex says the code expired', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'EXPIRED', attemptsRemaining: 5 });
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(textOf(element, 'status')).toBe('The code has expired. Send a new code.');
        expect(byDataId(element, 'code')).toBeNull();
        expect(byDataId(element, 'verify')).toBeNull();
        expect(byDataId(element, 'resend')).not.toBeNull();
    });

    it('offers a resend instead of the input when Apex says the code is locked', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'LOCKED', attemptsRemaining: 0 });
        await typeCode(element, '654321');

        await click(element, 'verify');

        expect(textOf(element, 'status')).toBe('Too many wrong codes. This code is locked; send a new code.');
        expect(byDataId(element, 'code')).toBeNull();
        expect(byDataId(element, 'verify')).toBeNull();
        expect(byDataId(element, 'resend')).not.toBeNull();
    });

    it.each<[VerifyOtpResult['status'], number]>([
        ['VERIFIED', 4],
        ['INVALID_CODE', 3],
        ['EXPIRED', 5],
        ['LOCKED', 0]
    ])('leaves no trace of the code in the component after a %s answer', async (status, attemptsRemaining) => {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status, attemptsRemaining });
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(renderedMarkup(element)).not.toContain(CODE);
        const input = byDataId<HTMLInputElement>(element, 'code');
        expect(input?.value ?? '').toBe('');
    });
});

describe('c-whatsapp-otp-composer: a check that Apex refuses', () => {
    useFakeClock();

    it.each(apexErrorMessages('verify'))(
        'shows the %s message inline, once, without a toast',
        async (_label, message) => {
            const element = await sentComposer();
            mockVerifyOtp.mockRejectedValue(auraError(message));
            const toasts = recordToasts(element);
            await typeCode(element, CODE);

            await click(element, 'verify');

            expect(textOf(element, 'error')).toBe(message);
            expect(renderedMarkup(element).split(message)).toHaveLength(2);
            expect(toasts).toEqual([]);
        }
    );

    it('falls back to a generic message when the failure carries none', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockRejectedValue(new TypeError('Failed to fetch'));
        const toasts = recordToasts(element);
        await typeCode(element, CODE);

        await click(element, 'verify');

        const generic = 'Something went wrong. Try again, or ask your admin to check the WhatsApp OTP setup.';
        expect(textOf(element, 'error')).toBe(generic);
        expect(toasts).toEqual([]);
    });

    it('treats a status outside the contract as a failed check, not as verified', async () => {
        const element = await sentComposer();
        const unknown = { status: 'PENDING', attemptsRemaining: 4 } as unknown as VerifyOtpResult;
        mockVerifyOtp.mockResolvedValue(unknown);
        const toasts = recordToasts(element);
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(byDataId(element, 'verified')).toBeNull();
        expect(textOf(element, 'error')).toBe(
            'Something went wrong. Try again, or ask your admin to check the WhatsApp OTP setup.'
        );
        expect(toasts).toEqual([]);
        expect(byDataId(element, 'code')).not.toBeNull();
    });

    it('returns to code entry with the input cleared, so the agent can try again', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockRejectedValue(auraError('WhatsApp service is not responding.'));
        await typeCode(element, CODE);

        await click(element, 'verify');

        const input = mustFind<HTMLInputElement>(element, 'code');
        expect(spinner(element)).toBeNull();
        expect(input.disabled).toBe(false);
        expect(input.value).toBe('');
        expect(textOf(element, 'status')).toBe('Code sent to +65 •••• 5678 via WhatsApp.');
        expect(renderedMarkup(element)).not.toContain(CODE);
    });
});
