// The delivery-status child: renders what deliveryView says, with WhatsApp's ticks as SLDS icons.
import { createElement } from 'lwc';
import WhatsappOtpDeliveryStatus from 'c/whatsappOtpDeliveryStatus';
import type { DeliveryFields } from 'c/whatsappOtpDeliveryView';
import { NO_RECEIPT, labelText } from '../../whatsappOtpDeliveryView/__tests__/deliveryTestUtils';

function mount(status: DeliveryFields | undefined): HTMLElement & { status: DeliveryFields | undefined } {
    const element = createElement('c-whatsapp-otp-delivery-status', {
        is: WhatsappOtpDeliveryStatus
    }) as HTMLElement & {
        status: DeliveryFields | undefined;
    };
    element.status = status;
    document.body.appendChild(element);
    return element;
}

const query = (element: HTMLElement, selector: string): HTMLElement | null =>
    element.shadowRoot!.querySelector<HTMLElement>(selector);

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
});

describe('c-whatsapp-otp-delivery-status', () => {
    it('renders nothing before the first receipt', () => {
        const element = mount(NO_RECEIPT);

        expect(query(element, '[data-id="delivery"]')).toBeNull();
        expect(query(element, '[data-id="next-step"]')).toBeNull();
    });

    it.each([
        ['SENT', 1, false],
        ['DELIVERED', 2, false],
        ['READ', 2, true]
    ] as const)('WhatsApp %s: %i tick(s), blue only when read', async (whatsappStatus, tickCount, blue) => {
        const element = mount({ ...NO_RECEIPT, channel: 'WHATSAPP', whatsappStatus });

        const ticks = query(element, '[data-id="ticks"]')!;
        expect(ticks.querySelectorAll('lightning-icon')).toHaveLength(tickCount);
        expect(ticks.classList.contains('ticks_read')).toBe(blue);
        await expect(element).toBeAccessible();
    });

    it('follows a new status without being re-created', async () => {
        const element = mount({ ...NO_RECEIPT, whatsappStatus: 'DELIVERED' });

        element.status = { ...NO_RECEIPT, whatsappStatus: 'READ' };
        await Promise.resolve();

        expect(query(element, '[data-id="whatsapp"] [data-id="text"]')!.textContent).toBe(
            labelText('WhatsAppOtp_Delivery_Read')
        );
    });

    it('WhatsApp undelivered without fallback: the reason in error colour, and the next step', async () => {
        const element = mount({
            ...NO_RECEIPT,
            whatsappStatus: 'UNDELIVERED',
            deliveryErrorDetail: 'Not a WhatsApp user'
        });

        const line = query(element, '[data-id="whatsapp"]')!;
        expect(line.textContent).toBe(labelText('WhatsAppOtp_Delivery_NotDelivered', 'Not a WhatsApp user'));
        expect(line.classList.contains('slds-text-color_error')).toBe(true);
        expect(query(element, '[data-id="next-step"]')!.textContent).toBe(labelText('WhatsAppOtp_Delivery_NextStep'));
        await expect(element).toBeAccessible();
    });

    it('SMS fallback: "Sent by SMS instead" with the SMS icon and no next step', () => {
        const element = mount({
            ...NO_RECEIPT,
            channel: 'SMS',
            whatsappStatus: 'UNDELIVERED',
            smsStatus: 'SENT',
            fallbackEnabled: true
        });

        const sms = query(element, '[data-id="sms"]')!;
        expect(sms.textContent).toBe(labelText('WhatsAppOtp_Delivery_SmsInstead'));
        const icon = sms.querySelector('lightning-icon') as unknown as { iconName: string };
        expect(icon.iconName).toBe('utility:sms');
        expect(query(element, '[data-id="next-step"]')).toBeNull();
    });
});
