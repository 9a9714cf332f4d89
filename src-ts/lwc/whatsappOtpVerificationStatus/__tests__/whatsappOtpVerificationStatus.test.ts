// The verified line on its own.
import { createElement } from 'lwc';
import WhatsappOtpVerificationStatus from 'c/whatsappOtpVerificationStatus';

type StatusElement = ReturnType<typeof createElement<WhatsappOtpVerificationStatus>>;

function mount(
    props: Partial<Pick<WhatsappOtpVerificationStatus, 'maskedPhone' | 'verifiedAt' | 'verifiedByName' | 'verifiedVia'>>
): StatusElement {
    const element = createElement<WhatsappOtpVerificationStatus>('c-whatsapp-otp-verification-status', {
        is: WhatsappOtpVerificationStatus
    });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function text(element: StatusElement): string {
    return element.shadowRoot?.querySelector('[data-id="verified-text"]')?.textContent ?? '';
}

function byText(element: StatusElement): string | null {
    return element.shadowRoot?.querySelector('[data-id="verified-by"]')?.textContent ?? null;
}

afterEach(() => {
    jest.useRealTimers();
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
});

describe('c-whatsapp-otp-verification-status', () => {
    it('says which number the verified code went to', () => {
        expect(text(mount({ maskedPhone: '+65 •••• 5678' }))).toBe(
            'Verified. The customer confirmed the code sent to +65 •••• 5678.'
        );
    });

    it('shows a success icon in a success box', () => {
        const element = mount({ maskedPhone: '+65 •••• 5678' });

        expect(element.shadowRoot?.querySelector('.slds-theme_success lightning-icon')).not.toBeNull();
    });

    it.each([
        ['who verified the customer', undefined, 'Verified 2 minutes ago by Jane Doe.'],
        [
            "that the customer's WhatsApp reply did, not the agent who sent the code",
            'Customer reply',
            "Verified 2 minutes ago, confirmed by the customer's WhatsApp reply."
        ]
    ])('says %s, and how long ago', (_what, verifiedVia, expected) => {
        jest.useFakeTimers({ now: Date.parse('2026-01-15T10:02:00.000Z') });

        const element = mount({
            maskedPhone: '+65 •••• 5678',
            verifiedAt: '2026-01-15T10:00:00.000Z',
            verifiedByName: 'Jane Doe',
            verifiedVia
        });

        expect(byText(element)).toBe(expected);
    });

    it('keeps "how long ago" up to date while it is shown', async () => {
        jest.useFakeTimers({ now: Date.parse('2026-01-15T10:00:10.000Z') });
        const element = mount({ verifiedAt: '2026-01-15T10:00:00.000Z', verifiedByName: 'Jane Doe' });
        expect(byText(element)).toBe('Verified just now by Jane Doe.');

        jest.advanceTimersByTime(60_000);
        await Promise.resolve();

        expect(byText(element)).toBe('Verified 1 minute ago by Jane Doe.');
    });

    it('leaves out the who-and-when line without a verifier', () => {
        expect(byText(mount({ maskedPhone: '+65 •••• 5678', verifiedAt: '2026-01-15T10:00:00.000Z' }))).toBeNull();
    });
});
