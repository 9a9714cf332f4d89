// Accessibility (axe rules through @sa11y/jest) in the main states. Real timers: axe times out
// under Jest's fake timers, so these tests do not touch the clock.
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import type { SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import type { ComposerElement } from './composerTestUtils';
import {
    CODE,
    SENT,
    advance,
    auraError,
    click,
    clickAndPoll,
    contactRecord,
    flush,
    getRecordAdapter,
    mountComposer,
    mountWithPhone,
    removeAll,
    sendStatus,
    sentComposer,
    typeCode
} from './composerTestUtils';

const mockSendOtp = jest.mocked(sendOtp);
const mockVerifyOtp = jest.mocked(verifyOtp);

/** A sent code, on fake timers for the status poll only: axe then runs on real timers. */
async function sentNow(delivery: SendStatusResult['status'] = 'SENT'): Promise<ComposerElement> {
    jest.useFakeTimers({ now: Date.now() });
    try {
        const reservation = { ...SENT, expiresAt: inMinutes(10), resendAvailableAt: inMinutes(0.5) };
        const element = await sentComposer(reservation);
        if (delivery !== 'SENT') {
            // Not the first send's status: a resend after the cooldown, whose delivery ends as asked.
            jest.mocked(getSendStatus).mockResolvedValue(sendStatus(reservation, delivery));
            await advance(30_000);
            await clickAndPoll(element, 'resend');
        }
        return element;
    } finally {
        jest.useRealTimers();
    }
}

function inMinutes(minutes: number): string {
    return new Date(Date.now() + minutes * 60_000).toISOString();
}

describe('c-whatsapp-otp-composer: accessibility', () => {
    afterEach(() => {
        removeAll();
        jest.clearAllMocks();
    });

    it('is accessible when ready to send', async () => {
        const element = await mountWithPhone();

        await expect(element).toBeAccessible();
    });

    it('is accessible when the contact has no phone', async () => {
        const element = mountComposer();
        getRecordAdapter.emit(contactRecord(null, null));
        await flush();

        await expect(element).toBeAccessible();
    });

    it('is accessible with a code sent and the code input shown', async () => {
        const element = await sentNow();
        await typeCode(element, '123');

        await expect(element).toBeAccessible();
    });

    it('is accessible after a wrong code', async () => {
        const element = await sentNow();
        mockVerifyOtp.mockResolvedValue({ status: 'INVALID_CODE', attemptsRemaining: 3 });
        await typeCode(element, '654321');
        await click(element, 'verify');

        await expect(element).toBeAccessible();
    });

    it('is accessible when the delivery outcome is unknown', async () => {
        const element = await sentNow('UNCONFIRMED');

        await expect(element).toBeAccessible();
    });

    it('is accessible when verified', async () => {
        const element = await sentNow();
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4 });
        await typeCode(element, CODE);
        await click(element, 'verify');

        await expect(element).toBeAccessible();
    });

    it('is accessible when locked', async () => {
        const element = await sentNow();
        mockVerifyOtp.mockResolvedValue({ status: 'LOCKED', attemptsRemaining: 0 });
        await typeCode(element, CODE);
        await click(element, 'verify');

        await expect(element).toBeAccessible();
    });

    it('is accessible with an Apex error shown', async () => {
        mockSendOtp.mockRejectedValue(auraError('WhatsApp service is not responding.'));
        const element = await mountWithPhone();
        await click(element, 'send');

        await expect(element).toBeAccessible();
    });
});
