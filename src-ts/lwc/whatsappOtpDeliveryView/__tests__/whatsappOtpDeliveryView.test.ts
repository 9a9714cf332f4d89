// The mapping from getSendStatus's delivery fields to what the agent sees, state by state.
import { deliveryFailed, deliveryFinal, deliveryView } from 'c/whatsappOtpDeliveryView';
import type { DeliveryFields } from 'c/whatsappOtpDeliveryView';
import { NO_RECEIPT, labelText } from './deliveryTestUtils';

const fields = (changes: Partial<DeliveryFields>): DeliveryFields => ({ ...NO_RECEIPT, ...changes });

describe('deliveryView', () => {
    it('shows nothing before the first receipt', () => {
        expect(deliveryView(NO_RECEIPT)).toEqual({ lines: [], nextStep: undefined, announcement: '' });
    });

    it('shows nothing while 8x8 holds the message in its queue', () => {
        expect(deliveryView(fields({ channel: 'WHATSAPP', whatsappStatus: 'QUEUED' })).lines).toEqual([]);
    });

    it('shows nothing without fields', () => {
        expect(deliveryView(undefined).lines).toEqual([]);
    });

    it.each([
        ['SENT', 'sent', 'WhatsAppOtp_Delivery_Sent'],
        ['DELIVERED', 'delivered', 'WhatsAppOtp_Delivery_Delivered'],
        ['READ', 'read', 'WhatsAppOtp_Delivery_Read']
    ] as const)('WhatsApp %s shows the %s ticks and its label', (whatsappStatus, ticks, label) => {
        const view = deliveryView(fields({ channel: 'WHATSAPP', whatsappStatus }));

        expect(view.lines).toEqual([
            { key: 'whatsapp', text: labelText(label), ticks, icon: undefined, failed: false }
        ]);
        expect(view.nextStep).toBeUndefined();
        expect(view.announcement).toBe(labelText(label));
    });

    it.each(['UNDELIVERED', 'REJECTED'] as const)(
        'WhatsApp %s without fallback gives 8x8 reason and the next step',
        (whatsappStatus) => {
            const view = deliveryView(
                fields({
                    channel: 'WHATSAPP',
                    whatsappStatus,
                    deliveryErrorCode: '7001',
                    deliveryErrorDetail: 'Not a WhatsApp user'
                })
            );

            expect(view.lines).toEqual([
                {
                    key: 'whatsapp',
                    text: labelText('WhatsAppOtp_Delivery_NotDelivered', 'Not a WhatsApp user'),
                    ticks: 'none',
                    icon: 'utility:warning',
                    failed: true
                }
            ]);
            expect(view.nextStep).toBe(labelText('WhatsAppOtp_Delivery_NextStep'));
            expect(view.announcement).toBe(
                `${labelText('WhatsAppOtp_Delivery_NotDelivered', 'Not a WhatsApp user')} ${labelText('WhatsAppOtp_Delivery_NextStep')}`
            );
        }
    );

    it('falls back to the error code when 8x8 sent no detail', () => {
        const view = deliveryView(fields({ whatsappStatus: 'UNDELIVERED', deliveryErrorCode: '7001' }));

        expect(view.lines[0].text).toBe(labelText('WhatsAppOtp_Delivery_NotDelivered', '7001'));
    });

    it('says no reason was given when 8x8 sent neither code nor detail', () => {
        const view = deliveryView(fields({ whatsappStatus: 'UNDELIVERED', deliveryErrorDetail: '  ' }));

        expect(view.lines[0].text).toBe(
            labelText('WhatsAppOtp_Delivery_NotDelivered', labelText('WhatsAppOtp_Delivery_NoReason'))
        );
    });

    it('WhatsApp failed with fallback on, before the SMS: says the SMS follows, no next step', () => {
        const view = deliveryView(fields({ whatsappStatus: 'UNDELIVERED', fallbackEnabled: true }));

        expect(view.lines.map((line) => line.text)).toEqual([
            labelText('WhatsAppOtp_Delivery_NotDelivered', labelText('WhatsAppOtp_Delivery_NoReason')),
            labelText('WhatsAppOtp_Delivery_SmsPending')
        ]);
        expect(view.nextStep).toBeUndefined();
    });

    it('the SMS went out: "Sent by SMS instead" after the WhatsApp failure', () => {
        const view = deliveryView(
            fields({ channel: 'SMS', whatsappStatus: 'UNDELIVERED', smsStatus: 'SENT', fallbackEnabled: true })
        );

        expect(view.lines[1]).toEqual({
            key: 'sms',
            text: labelText('WhatsAppOtp_Delivery_SmsInstead'),
            ticks: 'none',
            icon: 'utility:sms',
            failed: false
        });
        expect(view.announcement).toBe(labelText('WhatsAppOtp_Delivery_SmsInstead'));
    });

    it('an SMS status without a WhatsApp failure (8x8 fell back on its timer) still says SMS', () => {
        const view = deliveryView(fields({ channel: 'SMS', whatsappStatus: 'SENT', smsStatus: 'QUEUED' }));

        expect(view.lines.map((line) => line.key)).toEqual(['whatsapp', 'sms']);
        expect(view.lines[1].text).toBe(labelText('WhatsAppOtp_Delivery_SmsInstead'));
    });

    it.each(['DELIVERED', 'READ'] as const)('SMS %s shows "Delivered by SMS"', (smsStatus) => {
        const view = deliveryView(fields({ channel: 'SMS', whatsappStatus: 'UNDELIVERED', smsStatus }));

        expect(view.lines[1].text).toBe(labelText('WhatsAppOtp_Delivery_SmsDelivered'));
        expect(view.nextStep).toBeUndefined();
    });

    it('the SMS failed too: its reason and the next step', () => {
        const view = deliveryView(
            fields({
                channel: 'SMS',
                whatsappStatus: 'UNDELIVERED',
                smsStatus: 'UNDELIVERED',
                deliveryErrorDetail: 'Handset unreachable',
                fallbackEnabled: true
            })
        );

        expect(view.lines[1]).toMatchObject({
            text: labelText('WhatsAppOtp_Delivery_SmsNotDelivered', 'Handset unreachable'),
            failed: true
        });
        expect(view.nextStep).toBe(labelText('WhatsAppOtp_Delivery_NextStep'));
    });
});

describe('deliveryFailed', () => {
    it.each<[string, Partial<DeliveryFields>, boolean]>([
        ['no receipt', {}, false],
        ['WhatsApp read', { whatsappStatus: 'READ' }, false],
        ['WhatsApp undelivered, no fallback', { whatsappStatus: 'UNDELIVERED' }, true],
        ['WhatsApp rejected, no fallback', { whatsappStatus: 'REJECTED' }, true],
        ['WhatsApp undelivered, SMS to follow', { whatsappStatus: 'UNDELIVERED', fallbackEnabled: true }, false],
        ['SMS sent', { channel: 'SMS', whatsappStatus: 'UNDELIVERED', smsStatus: 'SENT' }, false],
        ['SMS rejected', { channel: 'SMS', whatsappStatus: 'UNDELIVERED', smsStatus: 'REJECTED' }, true]
    ])('%s: %s', (_name, changes, expected) => {
        expect(deliveryFailed(fields(changes))).toBe(expected);
    });
});

describe('deliveryFinal', () => {
    it.each<[string, Partial<DeliveryFields>, boolean]>([
        ['no receipt', {}, false],
        ['WhatsApp sent', { whatsappStatus: 'SENT' }, false],
        ['WhatsApp delivered (read may follow)', { whatsappStatus: 'DELIVERED' }, false],
        ['WhatsApp read', { whatsappStatus: 'READ' }, true],
        ['WhatsApp undelivered, no fallback', { whatsappStatus: 'UNDELIVERED' }, true],
        ['WhatsApp undelivered, SMS to follow', { whatsappStatus: 'UNDELIVERED', fallbackEnabled: true }, false],
        ['SMS sent', { channel: 'SMS', smsStatus: 'SENT', fallbackEnabled: true }, false],
        ['SMS delivered', { channel: 'SMS', smsStatus: 'DELIVERED', fallbackEnabled: true }, true],
        ['SMS undelivered', { channel: 'SMS', smsStatus: 'UNDELIVERED', fallbackEnabled: true }, true]
    ])('%s: %s', (_name, changes, expected) => {
        expect(deliveryFinal(fields(changes))).toBe(expected);
    });
});
