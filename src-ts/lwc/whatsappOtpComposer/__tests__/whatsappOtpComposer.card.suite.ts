// What an agent meets on the card between the happy steps: a reload while the code is still being sent, the
// countdowns' wording, one story per state, one error at a time, buttons that wait honestly, and where focus goes.
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import {
    CODE,
    SENT,
    VERIFIED,
    advance,
    button,
    byDataId,
    challengeRecord,
    click,
    clickAndPoll,
    contactRecord,
    focusedElement,
    getRecordAdapter,
    mountComposer,
    mountWithPhone,
    mustFind,
    pressEnter,
    refusal,
    relatedListAdapter,
    sendStatus,
    sentComposer,
    textOf,
    typeCode,
    useFakeClock
} from './composerTestUtils';
import type { ComposerElement } from './composerTestUtils';

const mockSendOtp = jest.mocked(sendOtp);
const mockGetSendStatus = jest.mocked(getSendStatus);
const mockVerifyOtp = jest.mocked(verifyOtp);

function statusIsRed(element: ComposerElement): boolean {
    return mustFind(element, 'status').classList.contains('slds-text-color_error');
}

describe('c-whatsapp-otp-composer: a reload while the code is still being sent', () => {
    useFakeClock();

    async function reloadedWhileSending(): Promise<ComposerElement> {
        const element = await mountWithPhone();
        relatedListAdapter.emit({
            records: [challengeRecord({ Status__c: 'Sending', Send_Outcome__c: null, Attempts__c: 0 })],
            count: 1
        });
        await advance(0);
        return element;
    }

    it('follows the delivery to "Code sent" without another reload', async () => {
        mockGetSendStatus.mockResolvedValue(sendStatus(SENT, 'SENDING'));
        const element = await reloadedWhileSending();
        expect(textOf(element, 'status')).toBe('Sending the code…');

        mockGetSendStatus.mockResolvedValue(sendStatus(SENT, 'SENT'));
        await advance(1000);

        expect(mockGetSendStatus).toHaveBeenCalled();
        expect(textOf(element, 'status')).toBe('Code sent to +65 •••• 5678 via WhatsApp.');
        expect(byDataId(element, 'code')).not.toBeNull();
    });

    it('goes back to Send with the reason when the service refused the resumed send', async () => {
        mockGetSendStatus.mockResolvedValue(
            sendStatus(SENT, 'FAILED', { errorCode: 'RATE_LIMITED', errorMessage: 'Busy. No code was sent.' })
        );
        const element = await reloadedWhileSending();

        await advance(1000);

        expect(textOf(element, 'error')).toBe('Busy. No code was sent.');
        expect(byDataId(element, 'send')).not.toBeNull();
        expect(byDataId(element, 'code')).toBeNull();
    });
});

describe('c-whatsapp-otp-composer: the hourly cap', () => {
    useFakeClock();

    it('counts an hour-long wait down in minutes and seconds on Resend', async () => {
        const element = await sentComposer();
        await advance(30_000);
        const retryAt = new Date(Date.now() + 3582_000).toISOString();
        mockSendOtp.mockResolvedValue(refusal('HOURLY_CAP', 'Limit reached.', retryAt));

        await click(element, 'resend');

        expect(button(element, 'resend').label).toBe('Resend in 59:42');
        expect(button(element, 'resend').disabled).toBe(true);
    });
});

describe('c-whatsapp-otp-composer: after Verified', () => {
    useFakeClock();

    async function verifiedByEnter(): Promise<ComposerElement> {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue(VERIFIED);
        await typeCode(element, CODE);
        await pressEnter(element);
        await advance(0);
        return element;
    }

    it('says "just now" for a verification under a minute old', async () => {
        const element = await verifiedByEnter();

        expect(textOf(element, 'verified-by')).toBe('Verified just now by Jane Doe.');
    });

    it('keeps Verify again disabled through the cooldown, counting it down on its label', async () => {
        const element = await verifiedByEnter();

        expect(button(element, 'verify-again').disabled).toBe(true);
        expect(button(element, 'verify-again').label).toBe('Verify again in 0:30');

        await advance(11_000);
        expect(button(element, 'verify-again').label).toBe('Verify again in 0:19');

        await advance(19_000);
        expect(button(element, 'verify-again').disabled).toBe(false);
        expect(button(element, 'verify-again').label).toBe('Verify again');
    });

    it('moves focus to the verified message after a verify by Enter, not to the page', async () => {
        const element = await verifiedByEnter();

        expect(focusedElement(element)).toBe(mustFind(element, 'verified-box'));
    });
});

describe('c-whatsapp-otp-composer: an unknown send outcome and its receipts', () => {
    useFakeClock();

    it('reads as sent once a receipt shows the message reached WhatsApp, agreeing with the delivery line', async () => {
        mockSendOtp.mockResolvedValue(SENT);
        mockGetSendStatus.mockResolvedValue(
            sendStatus(SENT, 'UNCONFIRMED', { errorCode: 'SERVICE_UNAVAILABLE', fallbackEnabled: false })
        );
        const element = await mountWithPhone();
        await clickAndPoll(element, 'send');
        expect(textOf(element, 'status')).toBe(
            'The code may have been delivered. If the customer received it, enter it.'
        );

        mockGetSendStatus.mockResolvedValue(
            sendStatus(SENT, 'UNCONFIRMED', {
                errorCode: 'SERVICE_UNAVAILABLE',
                fallbackEnabled: false,
                channel: 'WHATSAPP',
                whatsappStatus: 'DELIVERED'
            })
        );
        await advance(60_000);

        expect(textOf(element, 'delivery-status')).toContain('Delivered on WhatsApp');
        // The status region also holds the delivery line's announcement for screen readers.
        expect(textOf(element, 'status')).toMatch(/^Code sent to \+65 •••• 5678 via WhatsApp\./);
        expect(textOf(element, 'status')).not.toContain('may have been');
    });
});

describe('c-whatsapp-otp-composer: one error at a time after a wrong code', () => {
    useFakeClock();

    async function afterWrongCode(): Promise<ComposerElement> {
        const element = await sentComposer();
        mockVerifyOtp.mockResolvedValue({ status: 'INVALID_CODE', attemptsRemaining: 4 });
        await typeCode(element, '654321');
        await click(element, 'verify');
        return element;
    }

    it('shows the wrong code as an error until the agent starts on the next one', async () => {
        const element = await afterWrongCode();

        expect(textOf(element, 'status')).toBe("That code doesn't match. 4 attempts left.");
        expect(statusIsRed(element)).toBe(true);
    });

    it("a short code then shows one red line: the field's own message, not the stale mismatch or the help", async () => {
        const element = await afterWrongCode();

        await typeCode(element, '123');
        await pressEnter(element);

        expect(textOf(element, 'code-error')).toBe('Enter all 6 digits.');
        expect(byDataId(element, 'code-help')).toBeNull();
        expect(statusIsRed(element)).toBe(false);
        expect(textOf(element, 'status')).toBe("That code doesn't match. 4 attempts left.");
    });

    it("Verify with the emptied field also leaves only the field's message in red", async () => {
        const element = await afterWrongCode();

        await click(element, 'verify');

        expect(textOf(element, 'code-error')).toBe('Enter all 6 digits.');
        expect(statusIsRed(element)).toBe(false);
    });
});

describe('c-whatsapp-otp-composer: a malformed number', () => {
    useFakeClock();

    async function malformed(): Promise<ComposerElement> {
        const element = mountComposer();
        getRecordAdapter.emit(contactRecord('12-34', null));
        await advance(0);
        return element;
    }

    it('is warned about as advice, in no error red, and never printed unmasked', async () => {
        const element = await malformed();
        const warning = mustFind(element, 'phone-warning');

        expect(textOf(element, 'phone').includes('1234')).toBe(true);
        expect(textOf(element, 'phone-warning')).not.toContain('12-34');
        expect(warning.classList.contains('slds-text-color_error')).toBe(false);
        expect(warning.querySelector('.slds-text-color_error')).toBeNull();
    });

    it('after a refused Send, shows the refusal alone, not the warning beside it', async () => {
        mockSendOtp.mockResolvedValue(refusal('INVALID_PHONE', 'Not a valid international number.'));
        const element = await malformed();

        await click(element, 'send');

        expect(textOf(element, 'error')).toBe('Not a valid international number.');
        expect(byDataId(element, 'phone-warning')).toBeNull();
    });
});

describe('c-whatsapp-otp-composer: refusals a retry cannot fix', () => {
    useFakeClock();

    it.each([
        ['SETTINGS_INVALID', 'A setting is out of range.'],
        ['COUNTRY_NOT_ALLOWED', 'Codes cannot be sent to this country.']
    ])('%s disables Send until the record or the setup changes', async (errorCode, message) => {
        mockSendOtp.mockResolvedValue(refusal(errorCode, message));
        const element = await mountWithPhone();

        await click(element, 'send');

        expect(textOf(element, 'error')).toBe(message);
        expect(button(element, 'send').disabled).toBe(true);
    });
});

describe('c-whatsapp-otp-composer: while the Contact loads', () => {
    useFakeClock();

    it('says the number is loading, beside a disabled Send', async () => {
        const element = mountComposer();
        await advance(0);

        expect(textOf(element, 'loading')).toBe("Loading the contact's number…");
        expect(button(element, 'send').disabled).toBe(true);
    });

    it('drops the loading line once the number is there', async () => {
        const element = await mountWithPhone();

        expect(byDataId(element, 'loading')).toBeNull();
    });
});
