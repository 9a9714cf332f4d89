import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import type { ComposerElement } from './composerTestUtils';
import {
    CONTACT_ID,
    button,
    byDataId,
    contactRecord,
    flush,
    getRecordAdapter,
    mountComposer,
    removeAll,
    renderedMarkup,
    textOf
} from './composerTestUtils';

const mockSendOtp = jest.mocked(sendOtp);
const mockVerifyOtp = jest.mocked(verifyOtp);

function card(element: ComposerElement): HTMLElement {
    const found = element.shadowRoot?.querySelector<HTMLElement>('lightning-card');
    if (!found) {
        throw new Error('no lightning-card');
    }
    return found;
}

describe('c-whatsapp-otp-composer: the destination (LDS, no Apex)', () => {
    afterEach(() => {
        removeAll();
        jest.clearAllMocks();
    });

    it('asks getRecord for the MobilePhone and Phone of the person, on a Contact the record it sits on', async () => {
        mountComposer();
        getRecordAdapter.emit(contactRecord(null, null));
        await flush();

        expect(getRecordAdapter.getLastConfig()).toEqual({
            recordId: CONTACT_ID,
            optionalFields: ['Contact.MobilePhone', 'Contact.Phone']
        });
    });

    it('shows the mobile number masked to its last 4 digits', async () => {
        const element = mountComposer();
        getRecordAdapter.emit(contactRecord('+65 9123 5678', '+65 6000 1111'));
        await flush();

        expect(textOf(element, 'phone')).toBe('•••• 5678');
        expect(renderedMarkup(element)).not.toContain('9123');
    });

    it('falls back to Phone when MobilePhone is blank', async () => {
        const element = mountComposer();
        getRecordAdapter.emit(contactRecord('  ', '(06) 6000-1111'));
        await flush();

        expect(textOf(element, 'phone')).toBe('•••• 1111');
    });

    it('renders and reads the phone without calling Apex', async () => {
        mountComposer();
        getRecordAdapter.emit(contactRecord('+65 9123 5678', null));
        await flush();

        expect(mockSendOtp).not.toHaveBeenCalled();
        expect(mockVerifyOtp).not.toHaveBeenCalled();
    });

    it('enables Send once the contact has a phone', async () => {
        const element = mountComposer();
        getRecordAdapter.emit(contactRecord(null, '+65 6000 1111'));
        await flush();

        expect(button(element, 'send').disabled).toBe(false);
    });

    it('keeps Send disabled while the contact is still loading', () => {
        const element = mountComposer();

        expect(button(element, 'send').disabled).toBe(true);
    });

    it('disables Send and says why when the contact has no phone', async () => {
        const element = mountComposer();
        getRecordAdapter.emit(contactRecord(null, null));
        await flush();

        expect(button(element, 'send').disabled).toBe(true);
        expect(byDataId(element, 'phone')).toBeNull();
        expect(textOf(element, 'no-phone')).toBe(
            'This contact has no mobile number. Add one to the contact, then send the code.'
        );
    });

    it('disables Send and shows the LDS message when the contact cannot be read', async () => {
        const element = mountComposer();
        getRecordAdapter.error({ message: 'The requested resource does not exist' }, 404, 'Not Found');
        await flush();

        expect(button(element, 'send').disabled).toBe(true);
        expect(textOf(element, 'record-error')).toBe('The requested resource does not exist');
    });

    it('titles the card with the translated default when App Builder sets no title', async () => {
        const element = mountComposer();
        await flush();

        expect(card(element).title).toBe('WhatsApp Verification');
    });

    it('titles the card with the App Builder card title', async () => {
        const element = mountComposer({ cardTitle: 'Identity check' });
        await flush();

        expect(card(element).title).toBe('Identity check');
    });
});
