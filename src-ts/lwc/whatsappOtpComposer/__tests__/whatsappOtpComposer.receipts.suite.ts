// After a settled send: the composer follows the delivery receipts (statusPoll.ts), shows them in
// c-whatsapp-otp-delivery-status and announces each change in its aria-live region; it stops when the
// delivery is final, when the challenge closes and when it leaves the page. With reply verification on, the same
// follow-up watches every 5 s for the customer's WhatsApp reply closing the challenge, until the code expires.
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import type { SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import type { SendOtpResult } from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import type { DeliveryFields } from 'c/whatsappOtpDeliveryView';
import { FOLLOW_DELAYS_MS, REPLY_POLL_MS } from '../statusPoll';
import { labelText, NO_RECEIPT } from '../../whatsappOtpDeliveryView/__tests__/deliveryTestUtils';
import type { ComposerElement } from './composerTestUtils';
import {
    CODE,
    SENT,
    advance,
    auraError,
    deferred,
    focusedElement,
    byDataId,
    click,
    clickAndPoll,
    mountWithPhone,
    mustFind,
    sendStatus,
    sentComposer,
    textOf,
    typeCode,
    useFakeClock
} from './composerTestUtils';

const mockGetSendStatus = jest.mocked(getSendStatus);
const mockVerifyOtp = jest.mocked(verifyOtp);

/** getSendStatus's SENT answer for the reservation, with these delivery fields. */
function withDelivery(changes: Partial<DeliveryFields>): SendStatusResult {
    return { ...sendStatus(SENT), ...NO_RECEIPT, channel: 'WHATSAPP', ...changes } as SendStatusResult;
}

/**
 * A composer whose Send went out: the settling status answer says Queued (receipts reported), and the
 * follow-up calls answer `answers` in turn.
 */
async function following(...answers: SendStatusResult[]): Promise<ComposerElement> {
    jest.mocked(sendOtp).mockResolvedValue(SENT);
    mockGetSendStatus.mockResolvedValueOnce(withDelivery({ whatsappStatus: 'QUEUED' }));
    const element = await mountWithPhone();
    await clickAndPoll(element, 'send');
    mockGetSendStatus.mockReset();
    answers.forEach((answer) => mockGetSendStatus.mockResolvedValueOnce(answer));
    return element;
}

const announcement = (element: ComposerElement): string => textOf(element, 'delivery-announcement');

describe('c-whatsapp-otp-composer: delivery receipts', () => {
    useFakeClock();

    it('makes no status call before Send: rendering calls no Apex', async () => {
        await mountWithPhone();
        await advance(60_000);

        expect(mockGetSendStatus).not.toHaveBeenCalled();
    });

    it('reaches Delivered and then Read without a reload, announcing each, then stops asking', async () => {
        const element = await following(
            withDelivery({ whatsappStatus: 'SENT' }),
            withDelivery({ whatsappStatus: 'DELIVERED' }),
            withDelivery({ whatsappStatus: 'READ' })
        );

        await advance(FOLLOW_DELAYS_MS[0]);
        expect(textOf(element, 'delivery-status')).toBe(labelText('WhatsAppOtp_Delivery_Sent'));
        await advance(FOLLOW_DELAYS_MS[1]);
        expect(textOf(element, 'delivery-status')).toBe(labelText('WhatsAppOtp_Delivery_Delivered'));
        expect(announcement(element)).toBe(labelText('WhatsAppOtp_Delivery_Delivered'));
        await advance(FOLLOW_DELAYS_MS[2]);
        expect(textOf(element, 'delivery-status')).toBe(labelText('WhatsAppOtp_Delivery_Read'));
        expect(announcement(element)).toBe(labelText('WhatsAppOtp_Delivery_Read'));

        await advance(60_000);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(3);
    });

    it('is accessible with the delivery status shown', async () => {
        const element = await following(withDelivery({ whatsappStatus: 'READ' }));
        await advance(FOLLOW_DELAYS_MS[0]);
        expect(byDataId(element, 'delivery-status')).not.toBeNull();

        // sa11y runs on real timers only.
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('keeps the code line and the input while the delivery status changes', async () => {
        const element = await following(withDelivery({ whatsappStatus: 'DELIVERED' }));

        await advance(FOLLOW_DELAYS_MS[0]);

        expect(textOf(element, 'status')).toContain('Code sent to +65 •••• 5678 via WhatsApp.');
        expect(byDataId(element, 'code')).not.toBeNull();
    });

    it('WhatsApp undelivered, no fallback: the reason and the next step, announced, and no further call', async () => {
        const element = await following(
            withDelivery({ whatsappStatus: 'UNDELIVERED', deliveryErrorDetail: 'Recipient is not a WhatsApp user' })
        );

        await advance(FOLLOW_DELAYS_MS[0]);

        const reason = labelText('WhatsAppOtp_Delivery_NotDelivered', 'Recipient is not a WhatsApp user');
        const nextStep = labelText('WhatsAppOtp_Delivery_NextStep');
        expect(textOf(element, 'delivery-status')).toBe(`${reason}${nextStep}`);
        expect(announcement(element)).toBe(`${reason} ${nextStep}`);
        expect(byDataId(element, 'resend')).not.toBeNull();
        await advance(60_000);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
    });

    it('SMS fallback: "Sent by SMS instead", then Delivered by SMS, then no further call', async () => {
        const failed = { whatsappStatus: 'UNDELIVERED', fallbackEnabled: true } as const;
        const element = await following(
            withDelivery(failed),
            withDelivery({ ...failed, channel: 'SMS', smsStatus: 'SENT' }),
            withDelivery({ ...failed, channel: 'SMS', smsStatus: 'DELIVERED' })
        );

        await advance(FOLLOW_DELAYS_MS[0]);
        expect(announcement(element)).toBe(labelText('WhatsAppOtp_Delivery_SmsPending'));
        await advance(FOLLOW_DELAYS_MS[1]);
        expect(announcement(element)).toBe(labelText('WhatsAppOtp_Delivery_SmsInstead'));
        expect(textOf(element, 'status')).toMatch(/^Code sent to \+65 •••• 5678 by SMS\./);
        await advance(FOLLOW_DELAYS_MS[2]);
        expect(announcement(element)).toBe(labelText('WhatsAppOtp_Delivery_SmsDelivered'));

        await advance(60_000);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(3);
    });

    it('stops asking once the code is verified, and hides the delivery status', async () => {
        const element = await following(withDelivery({ whatsappStatus: 'DELIVERED' }));
        await advance(FOLLOW_DELAYS_MS[0]);
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4 });
        await typeCode(element, CODE);

        await click(element, 'verify');
        await advance(60_000);

        expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
        expect(byDataId(element, 'delivery-status')).toBeNull();
    });

    it('stops asking when the code expires', async () => {
        const element = await following();
        mockGetSendStatus.mockResolvedValue(withDelivery({ whatsappStatus: 'DELIVERED' }));

        await advance(10 * 60_000);
        const calls = mockGetSendStatus.mock.calls.length;
        // Longer than the longest wait between two calls.
        await advance(120_000);

        expect(mockGetSendStatus).toHaveBeenCalledTimes(calls);
        expect(byDataId(element, 'delivery-status')).toBeNull();
    });

    it('stops when it leaves the page, and picks up again when it comes back', async () => {
        const element = await following();
        mockGetSendStatus.mockResolvedValue(withDelivery({ whatsappStatus: 'SENT' }));

        document.body.removeChild(element);
        await advance(60_000);
        expect(mockGetSendStatus).not.toHaveBeenCalled();

        mockGetSendStatus.mockResolvedValue(withDelivery({ whatsappStatus: 'READ' }));
        document.body.appendChild(element);
        await advance(FOLLOW_DELAYS_MS[0]);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
        expect(textOf(element, 'delivery-status')).toBe(labelText('WhatsAppOtp_Delivery_Read'));
    });

    it('follows receipts even when the answer leaves out the null fields', async () => {
        jest.mocked(sendOtp).mockResolvedValue(SENT);
        mockGetSendStatus.mockResolvedValueOnce({ ...sendStatus(SENT), fallbackEnabled: false });
        const element = await mountWithPhone();
        await clickAndPoll(element, 'send');
        mockGetSendStatus.mockResolvedValueOnce({
            ...sendStatus(SENT),
            whatsappStatus: 'DELIVERED',
            fallbackEnabled: false
        });

        await advance(FOLLOW_DELAYS_MS[0]);

        expect(textOf(element, 'delivery-status')).toBe(labelText('WhatsAppOtp_Delivery_Delivered'));
    });

    it('follows nothing when the controller reports no delivery', async () => {
        mockGetSendStatus.mockResolvedValue(sendStatus(SENT));
        await sentComposer(SENT);
        mockGetSendStatus.mockClear();

        await advance(60_000);

        expect(mockGetSendStatus).not.toHaveBeenCalled();
    });
});

/** A send with reply verification on, whose code lives 30 s (short, so the fake clock has little to tick through). */
const REPLY_SENT: SendOtpResult = {
    ...SENT,
    expiresAt: '2026-01-15T10:00:30.000Z',
    resendAvailableAt: '2026-01-15T10:00:10.000Z',
    replyVerification: true
};

/** getSendStatus's answer for REPLY_SENT with the challenge in this state. */
function challengeIs(changes: Partial<SendStatusResult>): SendStatusResult {
    return sendStatus(REPLY_SENT, 'SENT', { challengeStatus: 'Pending', ...changes });
}

const BY_REPLY = challengeIs({
    challengeStatus: 'Verified',
    verifiedAt: '2026-01-15T10:00:05.000Z',
    verifiedByName: 'Jane Doe',
    verifiedVia: 'Customer reply'
});

/** A composer whose Send went out with reply verification on; the poll's calls answer `answers`, then Pending. */
async function replying(...answers: SendStatusResult[]): Promise<ComposerElement> {
    jest.mocked(sendOtp).mockResolvedValue(REPLY_SENT);
    mockGetSendStatus.mockResolvedValue(challengeIs({}));
    const element = await mountWithPhone();
    await clickAndPoll(element, 'send');
    mockGetSendStatus.mockClear();
    answers.forEach((answer) => mockGetSendStatus.mockResolvedValueOnce(answer));
    return element;
}

describe('c-whatsapp-otp-composer: customer reply verification', () => {
    useFakeClock();

    it('asks the agent to have the customer paste the code into the chat', async () => {
        const element = await replying();

        expect(textOf(element, 'reply-hint')).toBe(
            'Ask the customer to paste the code into this WhatsApp chat. You can also type it if they read it out.'
        );
    });

    it('says nothing of replies when reply verification is off', async () => {
        const element = await sentComposer();

        expect(byDataId(element, 'reply-hint')).toBeNull();
    });

    it('turns Verified when the reply verifies the code, saying so in the live status region, then stops asking', async () => {
        const element = await replying(challengeIs({}), BY_REPLY);

        await advance(2 * REPLY_POLL_MS);

        expect(mustFind(element, 'status').getAttribute('aria-live')).toBe('polite');
        expect(textOf(element, 'status')).toContain("confirmed by the customer's WhatsApp reply.");
        expect(byDataId(element, 'code-input')).toBeNull();
        await advance(30_000);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(2);
    });

    it('moves focus to the Verified line when it was in the code input the reply removes', async () => {
        const element = await replying(BY_REPLY);
        expect(focusedElement(element)).toBe(mustFind(element, 'code'));

        await advance(REPLY_POLL_MS);

        expect(focusedElement(element)).toBe(mustFind(element, 'verified-box'));
    });

    it('leaves focus where the agent is when it was outside the card', async () => {
        const element = await replying(BY_REPLY);
        const elsewhere = document.body.appendChild(document.createElement('button'));
        elsewhere.focus();

        await advance(REPLY_POLL_MS);

        expect(byDataId(element, 'verified-box')).not.toBeNull();
        expect(document.activeElement).toBe(elsewhere);
    });

    it.each([
        ['Expired', 'WhatsAppOtp_UI_Expired'],
        ['Locked', 'WhatsAppOtp_UI_Locked']
    ] as const)(
        'shows the %s state when the challenge reports it, and stops asking',
        async (challengeStatus, label) => {
            const element = await replying(challengeIs({ challengeStatus }));

            await advance(REPLY_POLL_MS);

            expect(textOf(element, 'status')).toBe(labelText(label));
            await advance(30_000);
            expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
        }
    );

    it('asks every 5 s while the code is open, and not after it expires', async () => {
        await replying();

        await advance(REPLY_POLL_MS - 1);
        expect(mockGetSendStatus).not.toHaveBeenCalled();
        await advance(1);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
        await advance(60_000);
        // The code has 30 s left: calls at 5, 10, 15, 20 and 25 s; at 30 s it has expired and no call is made.
        expect(mockGetSendStatus).toHaveBeenCalledTimes(5);
    });

    it('keeps the Verified card when a typed code is answered "already verified" after the reply verified it', async () => {
        const element = await replying(BY_REPLY);
        const verify = deferred<never>();
        mockVerifyOtp.mockReturnValue(verify.promise);
        await typeCode(element, CODE);
        await click(element, 'verify');

        await advance(REPLY_POLL_MS);
        verify.reject(auraError(labelText('WhatsAppOtp_Error_AlreadyVerified')));
        await advance(0);

        expect(textOf(element, 'status')).toContain("confirmed by the customer's WhatsApp reply.");
        expect(byDataId(element, 'error')).toBeNull();
    });

    it('says the reply did not match when the attempts left drop with no code typed', async () => {
        const element = await replying(challengeIs({ attemptsRemaining: 5 }), challengeIs({ attemptsRemaining: 4 }));

        await advance(2 * REPLY_POLL_MS);

        expect(textOf(element, 'error')).toBe("The customer's WhatsApp reply didn't match the code. Attempts left: 4");
        expect(byDataId(element, 'code-input')).not.toBeNull();
    });

    it('stops asking once a typed code is verified first', async () => {
        const element = await replying();
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4 });
        await typeCode(element, CODE);

        await click(element, 'verify');
        await advance(30_000);

        expect(mockGetSendStatus).not.toHaveBeenCalled();
    });
});
