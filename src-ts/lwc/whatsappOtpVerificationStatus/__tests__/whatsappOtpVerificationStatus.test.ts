// The verified line on its own.
import { createElement } from 'lwc';
import WhatsappOtpVerificationStatus from 'c/whatsappOtpVerificationStatus';

type StatusElement = ReturnType<typeof createElement<WhatsappOtpVerificationStatus>>;

function mount(props: Partial<Pick<WhatsappOtpVerificationStatus, 'maskedPhone'>>): StatusElement {
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

afterEach(() => {
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
});
