// Browser tests of the delivery receipts on the preview page: after Send the composer follows
// the simulated 8x8's receipts without a reload (Delivered, then Read), the SMS fallback shows "Sent by SMS
// instead" while the phone gets an SMS with the same code, and an undelivered code offers the next step.
// Time is moved on both clocks (the page's, for the component's poll, and the simulated org's, for the
// receipt timeline) instead of waiting. Same harness and page guards as composer.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible, composerDomSoFar, label, recordComposerDom, startHarness } from './harness.mjs';

let harness;

before(async () => {
    harness = await startHarness();
});

after(async () => {
    await harness?.close();
});

const FAST = { latency: 0, timeout: 300 };

async function open(t, query) {
    const view = await harness.openPage({ ...FAST, ...query });
    t.after(() => view.close());
    await recordComposerDom(view.composer);
    // Before Send: the component's polls then run on the page's clock, which the test moves.
    await view.page.clock.install();
    return view;
}

function assertCleanPage(view) {
    assert.deepEqual(view.problems.offHostRequests, [], 'requests left 127.0.0.1');
    assert.deepEqual(view.problems.consoleErrors, [], 'console errors');
}

const byId = (view, id) => view.composer.locator(`[data-id="${id}"]`);
const phone = (view, id) => view.page.locator(`[data-id="customer-phone"] [data-id="${id}"]`);

/** Moves the page's clock and this tab's simulated org's clock on by `seconds`. */
async function moveClocks(view, seconds) {
    const session = await view.page.evaluate(() => window.sessionStorage.getItem('whatsapp-otp-preview-session'));
    const response = await fetch(`${harness.url}sim/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session, advanceSeconds: seconds })
    });
    assert.equal(response.status, 200, 'the simulated org took the clock move');
    await view.page.clock.fastForward(seconds * 1000);
}

/**
 * Moves both clocks on a second at a time until `locator` shows `text`: the composer's next status call
 * waits on the page's clock, and its answer on the receipts the simulated org's clock has brought.
 */
async function moveClocksUntil(view, locator, text, maxSeconds = 20) {
    for (let second = 0; second <= maxSeconds; second += 1) {
        const shown = await locator.filter({ hasText: text }).count();
        if (shown > 0) {
            return;
        }
        await moveClocks(view, 1);
        // Let the status call that the move released go out and come back.
        await view.page.waitForTimeout(100);
    }
    assert.fail(`"${text}" did not show within ${maxSeconds} simulated seconds`);
}

async function sendAndWaitForCodeSent(view) {
    await view.composer.locator('[data-id="send"] button').click();
    // The send settles at the first status call, one second after Send on the page's clock.
    await moveClocksUntil(view, byId(view, 'status'), label('WhatsAppOtp_UI_CodeSent', '+65 •••• 5678'), 5);
}

describe('delivery receipts on the preview page', { concurrency: 3 }, () => {
    it('after Send, the composer reaches Delivered and then Read without a reload; the phone shows the ticks', async (t) => {
        const view = await open(t, { contact: 'mobile' });
        await sendAndWaitForCodeSent(view);
        const code = (await phone(view, 'whatsapp-code').first().innerText()).trim();

        await moveClocksUntil(view, byId(view, 'delivery-status'), label('WhatsAppOtp_Delivery_Delivered'));
        // The phone follows the simulated org's clock at once, the card at its next poll: on a busy machine the
        // phone may already show Read when the card reaches Delivered.
        assert.ok(
            ['delivered', 'read'].includes(await phone(view, 'whatsapp-ticks').getAttribute('data-state')),
            'the phone shows the message delivered'
        );
        assert.equal(
            await byId(view, 'delivery-announcement').textContent(),
            label('WhatsAppOtp_Delivery_Delivered'),
            'announced in the aria-live region'
        );
        await assertAccessible(view.page, 'delivered');

        await moveClocksUntil(view, byId(view, 'delivery-status'), label('WhatsAppOtp_Delivery_Read'));
        const ticks = phone(view, 'whatsapp-ticks');
        assert.equal(await ticks.getAttribute('data-state'), 'read');
        assert.match(await ticks.getAttribute('class'), /bubble-ticks_read/, 'two blue ticks once read');
        assert.equal(await byId(view, 'delivery-status').locator('[data-ticks="read"]').count(), 1);
        assert.equal(await byId(view, 'code').count(), 1, 'the code can still be entered');
        assert.ok(!(await composerDomSoFar(view.composer)).includes(code), 'the code never reached the composer');
        assertCleanPage(view);
    });

    it('not on WhatsApp: "Sent by SMS instead", and the phone gets an SMS with the same code, which verifies', async (t) => {
        const view = await open(t, { contact: 'mobile', outcome: 'not-on-whatsapp' });
        await sendAndWaitForCodeSent(view);

        await moveClocksUntil(view, byId(view, 'delivery-status'), label('WhatsAppOtp_Delivery_SmsInstead'));
        assert.match(
            await byId(view, 'delivery-status').innerText(),
            new RegExp(label('WhatsAppOtp_Delivery_NotDelivered', '.+')),
            'says why WhatsApp did not deliver'
        );
        assert.equal(await phone(view, 'whatsapp-message').count(), 0, 'no WhatsApp message on the phone');
        const smsCode = (await phone(view, 'sms-code').innerText()).trim();
        assert.match(smsCode, /^\d{6}$/);
        await assertAccessible(view.page, 'sent by SMS');

        await moveClocksUntil(view, byId(view, 'delivery-status'), label('WhatsAppOtp_Delivery_SmsDelivered'));
        // The SMS carries the challenge's own code: it verifies.
        await byId(view, 'code').fill(smsCode);
        await view.composer.locator('[data-id="verify"] button').click();
        await byId(view, 'verified').waitFor({ timeout: 10000 });
        assert.equal(await byId(view, 'delivery-status').count(), 0, 'the delivery status goes once verified');
        assert.ok(!(await composerDomSoFar(view.composer)).includes(smsCode), 'the code never reached the composer');
        assertCleanPage(view);
    });

    it('without the receipt endpoint the card stays at "Code sent" while the phone reads it, and the code verifies', async (t) => {
        const view = await open(t, { contact: 'mobile', receipts: 'off' });
        await sendAndWaitForCodeSent(view);
        const code = (await phone(view, 'whatsapp-code').first().innerText()).trim();

        await moveClocks(view, 10);
        await view.page.waitForTimeout(200);
        assert.equal(await phone(view, 'whatsapp-ticks').getAttribute('data-state'), 'read', 'the phone read it');
        const card = await view.composer.innerText();
        assert.ok(!card.includes(label('WhatsAppOtp_Delivery_Delivered')), 'no receipt reached the org');
        assert.ok(!card.includes(label('WhatsAppOtp_Delivery_Read')), 'nor a read receipt');
        assert.match(await byId(view, 'status').innerText(), new RegExp(label('WhatsAppOtp_UI_CodeSent', '.+')));

        await byId(view, 'code').fill(code);
        await view.composer.locator('[data-id="verify"] button').click();
        await byId(view, 'verified').waitFor({ timeout: 10000 });
        assertCleanPage(view);
    });

    it('undelivered, fallback off: the reason and what the agent can do next', async (t) => {
        const view = await open(t, { contact: 'mobile', outcome: 'undelivered' });
        await sendAndWaitForCodeSent(view);

        await moveClocksUntil(view, byId(view, 'next-step'), label('WhatsAppOtp_Delivery_NextStep'));
        assert.match(
            await byId(view, 'delivery-status').innerText(),
            new RegExp(label('WhatsAppOtp_Delivery_NotDelivered', '.+'))
        );
        assert.match(await byId(view, 'delivery-announcement').textContent(), /did not reach the customer/);
        assert.equal(await view.composer.locator('[data-id="resend"]').count(), 1, 'Resend is offered');
        assert.equal(await phone(view, 'sms-message').count(), 0, 'no SMS without the fallback');
        await assertAccessible(view.page, 'undelivered');
        assertCleanPage(view);
    });
});
