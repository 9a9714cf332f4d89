import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import type { SendOtpResult } from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import {
    CONTACT_ID,
    SENT,
    apexErrorMessages,
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
    refusal,
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

describe('c-whatsapp-otp-composer: sending a code', () => {
    useFakeClock();

    it('calls sendOtp exactly once, with the record id only', async () => {
        await sentComposer();

        expect(mockSendOtp).toHaveBeenCalledTimes(1);
        expect(mockSendOtp).toHaveBeenCalledWith({ recordId: CONTACT_ID });
        expect(mockVerifyOtp).not.toHaveBeenCalled();
    });

    it('shows a spinner and disables Send while the code is being sent', async () => {
        const pending = deferred<SendOtpResult>();
        mockSendOtp.mockReturnValue(pending.promise);
        const element = await mountWithPhone();

        await click(element, 'send');

        expect(spinner(element)).not.toBeNull();
        expect(button(element, 'send').disabled).toBe(true);
        expect(textOf(element, 'status')).toBe('Sending the code…');
    });

    it('ignores a second click while the first send is out', async () => {
        mockSendOtp.mockReturnValue(deferred<SendOtpResult>().promise);
        const element = await mountWithPhone();

        await click(element, 'send');
        await click(element, 'send');

        expect(mockSendOtp).toHaveBeenCalledTimes(1);
    });

    it('says where the code went, using the masked phone from Apex', async () => {
        const element = await sentComposer();

        expect(spinner(element)).toBeNull();
        expect(textOf(element, 'status')).toBe('Code sent to +65 •••• 5678 via WhatsApp.');
        expect(mustFind(element, 'status').getAttribute('aria-live')).toBe('polite');
    });

    it('starts the expiry countdown at the time left on the code', async () => {
        const element = await sentComposer();

        expect(textOf(element, 'expiry')).toBe('Code expires in 10:00');
    });

    it('offers a numeric one-time-code input without a maxlength, and Verify', async () => {
        const element = await sentComposer();

        const input = mustFind<HTMLInputElement>(element, 'code');
        expect(input.getAttribute('inputmode')).toBe('numeric');
        expect(input.getAttribute('autocomplete')).toBe('one-time-code');
        // A maxlength would cut pasted "12 34 56" short before the spaces are dropped.
        expect(input.hasAttribute('maxlength')).toBe(false);
        expect(input.value).toBe('');
        expect(button(element, 'verify').disabled).toBe(false);
    });

    it('sizes the code input from codeLength when Apex returns it', async () => {
        const element = await sentComposer({ ...SENT, codeLength: 8 });

        const input = await typeCode(element, '123456789');

        expect(input.value).toBe('12345678');
        expect(textOf(element, 'code-help')).toContain('8-digit');
    });

    it('moves keyboard focus to the code input', async () => {
        const element = await sentComposer();

        expect(focusedElement(element)).toBe(mustFind(element, 'code'));
    });

    it('replaces Send with a Resend that waits for the cooldown', async () => {
        const element = await sentComposer();

        expect(byDataId(element, 'send')).toBeNull();
        expect(button(element, 'resend').disabled).toBe(true);
        expect(button(element, 'resend').label).toBe('Resend in 0:30');
    });

    it('leaves out the code input and Verify when the verify step is switched off', async () => {
        const element = await sentComposer(SENT, { showVerifyStep: false });

        expect(textOf(element, 'status')).toBe('Code sent to +65 •••• 5678 via WhatsApp.');
        expect(byDataId(element, 'code')).toBeNull();
        expect(byDataId(element, 'verify')).toBeNull();
        expect(byDataId(element, 'expiry')).not.toBeNull();
        expect(byDataId(element, 'resend')).not.toBeNull();
    });

    it('dispatches no toast when the send succeeds', async () => {
        mockSendOtp.mockResolvedValue(SENT);
        mockGetSendStatus.mockResolvedValue(sendStatus());
        const element = await mountWithPhone();
        const toasts = recordToasts(element);

        await clickAndPoll(element, 'send');

        expect(toasts).toEqual([]);
        expect(byDataId(element, 'error')).toBeNull();
    });
});

describe('c-whatsapp-otp-composer: a send that Apex refuses', () => {
    useFakeClock();

    it.each(apexErrorMessages('send'))(
        'shows the %s message inline, once, without a toast',
        async (_label, message) => {
            mockSendOtp.mockResolvedValue(refusal('SOME_REFUSAL', message));
            const element = await mountWithPhone();
            const toasts = recordToasts(element);

            await click(element, 'send');

            expect(textOf(element, 'error')).toBe(message);
            expect(renderedMarkup(element).split(message)).toHaveLength(2);
            expect(toasts).toEqual([]);
        }
    );

    it('shows an unexpected failure inline, without a toast', async () => {
        mockSendOtp.mockRejectedValue(auraError('WhatsApp service is not responding.'));
        const element = await mountWithPhone();
        const toasts = recordToasts(element);

        await click(element, 'send');

        expect(textOf(element, 'error')).toBe('WhatsApp service is not responding.');
        expect(toasts).toEqual([]);
    });

    it('goes back to ready with Send enabled, so the agent can retry', async () => {
        mockSendOtp.mockResolvedValue(refusal('RATE_LIMITED', 'WhatsApp is busy.'));
        const element = await mountWithPhone();

        await click(element, 'send');

        expect(spinner(element)).toBeNull();
        expect(button(element, 'send').disabled).toBe(false);
        expect(byDataId(element, 'code')).toBeNull();
        expect(textOf(element, 'status')).toBe('');
    });

    it('falls back to a generic message when the failure carries none (e.g. the network dropped)', async () => {
        mockSendOtp.mockRejectedValue(new TypeError('Failed to fetch'));
        const element = await mountWithPhone();
        const toasts = recordToasts(element);

        await click(element, 'send');

        const generic = 'Something went wrong. Try again, or ask your admin to check the WhatsApp OTP setup.';
        expect(textOf(element, 'error')).toBe(generic);
        expect(toasts).toEqual([]);
    });

    it('falls back to the generic message when the error body has no message', async () => {
        mockSendOtp.mockRejectedValue({ body: { message: '' }, status: 500 });
        const element = await mountWithPhone();

        await click(element, 'send');

        expect(textOf(element, 'error')).toBe(
            'Something went wrong. Try again, or ask your admin to check the WhatsApp OTP setup.'
        );
    });

    it('reads the message of an error whose body is a list', async () => {
        mockSendOtp.mockRejectedValue({ body: [{ message: 'Insufficient access.' }], status: 403 });
        const element = await mountWithPhone();

        await click(element, 'send');

        expect(textOf(element, 'error')).toBe('Insufficient access.');
    });

    it('clears the previous error when the agent sends again', async () => {
        mockSendOtp.mockRejectedValueOnce(auraError('WhatsApp service is not responding.')).mockResolvedValueOnce(SENT);
        const element = await mountWithPhone();

        await click(element, 'send');
        await click(element, 'send');

        expect(byDataId(element, 'error')).toBeNull();
        expect(mockSendOtp).toHaveBeenCalledTimes(2);
    });
});
