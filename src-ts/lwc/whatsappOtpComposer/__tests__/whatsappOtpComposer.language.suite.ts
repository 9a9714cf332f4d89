// A receipt says the template does not exist in the person's language (Meta 132001): the card says so and lets
// the agent resend in the default language; nothing is resent by itself.
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import { CONTACT_ID, SENT, advance, button, byDataId, click, clickAndPoll, mountWithPhone } from './composerTestUtils';
import { sendStatus, sentComposer } from './composerTestUtils';
import { textOf, useFakeClock } from './composerTestUtils';
import { languageNameOf } from '../language';

const MISSING_IN_GERMAN = { language: 'de', defaultLanguage: 'en_US', languageMissing: true };

describe('c-whatsapp-otp-composer: the template language', () => {
    useFakeClock();

    it('says the code was not delivered in German and resends in the default language on request', async () => {
        jest.mocked(sendOtp).mockResolvedValue(SENT);
        jest.mocked(getSendStatus).mockResolvedValue({
            ...sendStatus(SENT, 'SENT', { fallbackEnabled: false, whatsappStatus: 'UNDELIVERED' }),
            ...MISSING_IN_GERMAN
        });
        const element = await mountWithPhone();
        await clickAndPoll(element, 'send');

        expect(textOf(element, 'language-missing')).toContain(
            "Not delivered in German: the template isn't approved in this language."
        );
        const resend = button(element, 'resend-default-language');
        expect(resend.label).toBe('Resend in American English');
        expect(sendOtp).toHaveBeenCalledTimes(1);

        await advance(30000);
        await click(element, 'resend-default-language');
        expect(sendOtp).toHaveBeenLastCalledWith({ recordId: CONTACT_ID, inDefaultLanguage: true });
    });

    it('shows nothing about the language while receipts report none missing', async () => {
        const element = await sentComposer(SENT);
        expect(byDataId(element, 'language-missing')).toBeNull();
    });

    it('names a language code the browser does not know by the code itself', () => {
        expect(languageNameOf('de', 'en-US')).toBe('German');
        expect(languageNameOf('not a code!', 'en-US')).toBe('not a code!');
    });
});
