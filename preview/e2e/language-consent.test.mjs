// The customer's language and consent in the simulated org: the shared cases WhatsAppOtpLanguageConsentCases.json
// (also run by WhatsAppOtpLanguageConsentTest), then the language, the default-language resend, the template missing
// in a receipt and the Field consent refusal end to end.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { CONTACTS } from '../sim/contacts.mjs';
import { chooseLanguage, consentRefuses, isMissingInReceipt, retriesInDefault } from '../sim/languageConsent.mjs';
import { label, message, orgWithClock, readCases, scenario, sendAndDeliver } from './simOrg.mjs';

const table = readCases('core', 'WhatsAppOtpLanguageConsentCases.json');

// Two people of the contract's seeds, added for this file only (the preview's own seeds may hold them too).
const person = (id, fields) => ({ id, fields: { LastName: 'Test', MobilePhone: '+65 9123 5678', ...fields } });
CONTACTS.lcGerman = person('003PV0000LcGermAAA', { Preferred_Language__c: 'German' });
CONTACTS.lcOptedOut = person('003PV0000LcOptOAAA', { WhatsApp_Opt_Out__c: true });
after(() => delete CONTACTS.lcGerman && delete CONTACTS.lcOptedOut);

describe('shared language and consent cases', () => {
    const rules = {
        language: (row) => [chooseLanguage(row.value, table.settings), row.expect],
        fallback: (row) => [retriesInDefault(row.errorCode, row.language, 'en_US'), row.retries],
        receipt: (row) => [isMissingInReceipt(row.deliveryErrorCode), row.languageMissing],
        consent: (row) => [consentRefuses(row.mode, row.value), row.refused]
    };
    for (const [section, rule] of Object.entries(rules)) {
        it(`every ${section} row`, () => {
            for (const row of table[section]) {
                assert.equal(...rule(row), row.name);
            }
        });
    }
});

describe('language and consent end to end', () => {
    const sendTo = async (contact, outcome = 'success', params = {}) => {
        const recorded = orgWithClock();
        const reservation = recorded.org.sendOtp('s', { recordId: contact.id, ...params }, scenario(outcome));
        await recorded.org.deliveriesDone('s');
        const { challengeId } = reservation;
        const status = challengeId && recorded.org.getSendStatus('s', { challengeId }, scenario(outcome));
        const languages = recorded.sentBodies.map((body) => body.content.template.language);
        return { ...recorded, reservation, status, languages, task: recorded.org.records('s').tasks.at(-1) };
    };

    it("sends in the person's language and logs it on the Task", async () => {
        const { status, languages, task } = await sendTo(CONTACTS.lcGerman);
        assert.deepEqual(languages, ['de']);
        assert.deepEqual([status.language, status.defaultLanguage, status.languageMissing], ['de', 'en_US', false]);
        assert.equal(task.description, label('WhatsAppOtp_Task_Language', 'de'));
    });

    it('sends once more in the default language when 8x8 refuses the template language', async () => {
        const { status, languages, task } = await sendTo(CONTACTS.lcGerman, '400-language');
        assert.deepEqual(languages, ['de', 'en_US']);
        assert.deepEqual([status.status, status.language], ['SENT', 'en_US']);
        assert.equal(task.description, label('WhatsAppOtp_Task_LanguageFallback', 'en_US', 'de'));
    });

    it('resends in the default language when asked to', async () => {
        assert.deepEqual((await sendTo(CONTACTS.lcGerman, 'success', { inDefaultLanguage: true })).languages, [
            'en_US'
        ]);
    });

    it("shows a receipt's template-missing error and resends nothing itself", async () => {
        const recorded = orgWithClock();
        const options = scenario('language-missing', {}, { receipts: true });
        const { statusNow } = await sendAndDeliver(recorded.org, options, CONTACTS.lcGerman.id);
        recorded.advance(10);
        assert.equal(statusNow().languageMissing, true);
        assert.equal(recorded.sentBodies.length, 1, 'no automatic resend');
    });

    it('refuses a person who opted out, with the reason', async () => {
        const { reservation, sentBodies } = await sendTo(CONTACTS.lcOptedOut);
        const reason = label('WhatsAppOtp_Consent_OptOutField', 'WhatsApp Opt Out');
        assert.deepEqual(
            [reservation.status, reservation.errorCode, reservation.errorMessage],
            ['REFUSED', 'CONSENT_REFUSED', message('CONSENT_REFUSED', reason)]
        );
        assert.equal(sentBodies.length, 0);
    });
});
