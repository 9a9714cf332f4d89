// After a settled send: the composer follows the delivery receipts (statusPoll.ts), shows them in
// c-whatsapp-otp-delivery-status and announces each change in its aria-live region; it stops when the
// delivery is final, when the challenge closes and when it leaves the page.
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import type { SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import type { DeliveryFields } from 'c/whatsappOtpDeliveryView';
import { FOLLOW_DELAYS_MS } from '../statusPoll';
import { labelText, NO_RECEIPT } from '../../whatsappOtpDeliveryView/__tests__/deliveryTestUtils';
import type { ComposerElement } from './composerTestUtils';
import {
    CODE,
    SENT,
    advance,
    byDataId,
    click,
    clickAndPoll,
    mountWithPhone,
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

        await advance(600_000);
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
        await advance(600_000);
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

        await advance(600_000);
        expect(mockGetSendStatus).toHaveBeenCalledTimes(3);
    });

    it('stops asking once the code is verified, and hides the delivery status', async () => {
        const element = await following(withDelivery({ whatsappStatus: 'DELIVERED' }));
        await advance(FOLLOW_DELAYS_MS[0]);
        mockVerifyOtp.mockResolvedValue({ status: 'VERIFIED', attemptsRemaining: 4 });
        await typeCode(element, CODE);

        await click(element, 'verify');
        await advance(600_000);

        expect(mockGetSendStatus).toHaveBeenCalledTimes(1);
        expect(byDataId(element, 'delivery-status')).toBeNull();
    });

    it('stops asking when the code expires', async () => {
        const element = await following();
        mockGetSendStatus.mockResolvedValue(withDelivery({ whatsappStatus: 'DELIVERED' }));

        await advance(10 * 60_000);
        const calls = mockGetSendStatus.mock.calls.length;
        await advance(600_000);

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

        await advance(600_000);

        expect(mockGetSendStatus).not.toHaveBeenCalled();
    });
});
