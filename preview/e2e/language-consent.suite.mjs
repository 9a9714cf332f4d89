// The customer's language and consent in the simulated org (run from simulated-org.test.mjs): the shared cases
// WhatsAppOtpLanguageConsentCases.json (also run by WhatsAppOtpLanguageConsentTest), then the language, the
// default-language resend, the template missing in a receipt and the Field consent refusal end to end.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTACTS } from '../sim/contacts.mjs';
import { chooseLanguage, consentRefuses, isMissingInReceipt, retriesInDefault } from '../sim/languageConsent.mjs';
import { label, message, orgWithClock, readCases, scenario } from './simOrg.mjs';

const table = readCases('core', 'WhatsAppOtpLanguageConsentCases.json');
const rules = {
    language: (row) => [chooseLanguage(row.value, table.settings), row.expect],
    fallback: (row) => [retriesInDefault(row.errorCode, row.language, 'en_US'), row.retries],
    receipt: (row) => [isMissingInReceipt(row.deliveryErrorCode), row.languageMissing],
    consent: (row) => [consentRefuses(row.mode, row.value), row.refused]
};

/** A send to `contact`, delivered and its receipts in: what 8x8 was asked for and what the agent and the Task show. */
async function sendTo(contact, outcome = 'success', params = {}) {
    const { org, advance, sentBodies } = orgWithClock();
    const answer = org.sendOtp('s', { recordId: contact.id, ...params }, scenario(outcome, {}, { receipts: true }));
    await org.deliveriesDone('s');
    advance(10);
    const status = answer.challengeId ? org.getSendStatus('s', answer, scenario(outcome)) : {};
    const { description, subject } = org.records('s').tasks.at(-1) ?? {};
    return {
        languages: sentBodies.map((body) => body.content.template.language),
        shown: [status.language, status.languageMissing, answer.errorMessage ?? status.status],
        task: description ?? subject
    };
}

/** What a delivered send shows: the languages asked for, the status's language and the Task's description. */
const sent = (languages, language, missing, ...task) => ({
    languages,
    shown: [language, missing, 'SENT'],
    task: label(...task)
});
const LOGGED = 'WhatsAppOtp_Task_Language';

describe('the customer language and consent', () => {
    for (const [section, rule] of Object.entries(rules)) {
        it(`runs every shared ${section} row`, () =>
            table[section].forEach((row) => assert.equal(...rule(row), row.name)));
    }
    it("sends in the person's language and logs it", async () =>
        assert.deepEqual(await sendTo(CONTACTS.german), sent(['de'], 'de', false, LOGGED, 'de')));
    it('sends once more in the default language when 8x8 refuses it, and logs both', async () =>
        assert.deepEqual(
            await sendTo(CONTACTS.german, '400-language'),
            sent(['de', 'en_US'], 'en_US', false, 'WhatsAppOtp_Task_LanguageFallback', 'en_US', 'de')
        ));
    it('sends in the default language when asked to', async () =>
        assert.deepEqual(
            await sendTo(CONTACTS.german, 'success', { inDefaultLanguage: true }),
            sent(['en_US'], 'en_US', false, LOGGED, 'en_US')
        ));
    it("shows a receipt's template-missing error and resends nothing itself", async () =>
        assert.deepEqual(await sendTo(CONTACTS.german, 'language-missing'), sent(['de'], 'de', true, LOGGED, 'de')));
    it('refuses a person who opted out, with the reason, and sends nothing', async () => {
        const reason = label('WhatsAppOtp_Consent_OptOutField', 'WhatsApp Opt Out');
        const shown = [undefined, undefined, message('CONSENT_REFUSED', reason)];
        assert.deepEqual(await sendTo(CONTACTS['opted-out']), { languages: [], shown, task: undefined });
    });
});
