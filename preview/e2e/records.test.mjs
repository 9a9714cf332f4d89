// Browser test of the preview's record switcher: the composer on each kind of record page, the person resolved as
// an org would (the simulated controller runs the composer's own compiled rule, person.js). One page, switched in
// place; no test waits on real time (the phone's message and the challenge come as the simulated org sends them).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { byId, codeOnPhone, label, startHarness, waitForText } from './harness.mjs';
import { RECORDS } from '../sim/contacts.mjs';

let harness;
before(async () => {
    harness = await startHarness();
});
after(() => harness?.close());

/** Each record kind and the masked number its card shows (the person's, or a WhatsApp session's own). */
const NUMBERS = {
    case: '•••• 5678',
    'person-account': '•••• 1122',
    lead: '•••• 3210',
    'converted-lead': '•••• 0123',
    'messaging-session': '•••• 2233',
    // Their language and consent are the simulated org's to apply at send; the card loads as for any Contact.
    german: '•••• 6789',
    'opted-out': '•••• 4455'
};

it('the record switcher shows the composer on each record kind, and sends from a Case and a Lead to their person', async (t) => {
    const view = await harness.openPage({ contact: 'mobile' });
    t.after(() => view.close());
    const show = async (key) => {
        await view.page.selectOption('[data-id="scenario-contact"]', key);
        await view.page.locator('[data-id="contact-name"]').filter({ hasText: RECORDS[key].fields.Name }).waitFor();
    };
    for (const [key, masked] of Object.entries(NUMBERS)) {
        await show(key);
        await waitForText(byId(view, 'phone'), masked);
    }

    await show('case-no-contact');
    await waitForText(byId(view, 'no-person'), label('WhatsAppOtp_Error_NoPerson', 'Case'));
    assert.equal(await byId(view, 'send').count(), 0, 'nothing to send from a Case without a contact');

    for (const [key, personId] of [
        ['case', RECORDS.mobile.id],
        ['lead', RECORDS.lead.id]
    ]) {
        await show(key);
        await byId(view, 'send').locator('button').click();
        await codeOnPhone(view, key === 'case' ? 1 : 2);
        const { challenges } = await view.records();
        assert.equal(challenges.at(-1).contactId, personId, `the code from the ${key} went to its person`);
    }
    assert.deepEqual(view.problems, { consoleErrors: [], offHostRequests: [] });
});
