// Browser tests of the compiled composer on the preview page: only what needs the whole stack, a real page and the
// simulated org together (the component's own states are Jest's). One server and browser, few pages (each page load
// costs about a CPU-second); each test a fresh context, so a fresh simulated org. No test waits on real time: it moves
// the page's clock and its simulated org's, and waits for the page's requests to be answered.
import assert from 'node:assert/strict';
import http from 'node:http';
import os from 'node:os';
import { after, before, describe, it } from 'node:test';
import axe from 'axe-core';
import { byId, codeOnPhone, enterCode, label, startHarness, waitForText } from './harness.mjs';
import { RECORDS } from '../sim/contacts.mjs';

let harness;

/**
 * Opens the preview with the page's clock installed (so a test moves time on instead of waiting). When the test
 * ends, it closes and must have had no console error and no request beyond 127.0.0.1.
 */
async function open(t, query, options) {
    const view = await harness.openPage(query, options);
    t.after(async () => {
        await view.close();
        assert.deepEqual(view.problems, { consoleErrors: [], offHostRequests: [] });
    });
    await view.page.clock.install();
    await recordComposerDom(view);
    return view;
}

const button = (view, id) => byId(view, id).locator('button');
const phone = (view, id) => view.page.locator(`[data-id="customer-phone"] [data-id="${id}"]`);
const answered = (view, method) => view.page.waitForResponse((response) => response.url().endsWith(`.${method}`));

/** Moves the page's clock and its simulated org's on by `seconds`, then waits for the page's requests' answers. */
async function moveClocks(view, seconds) {
    await view.moveOrgClock(seconds);
    await view.page.clock.fastForward(seconds * 1000);
    await view.page.waitForFunction(() => window.__previewFetches === 0);
}

/** Moves both clocks on a second at a time until `locator` shows `text` (the composer's polls wait on both). */
async function moveClocksUntil(view, locator, text) {
    for (let second = 0; (await locator.filter({ hasText: text }).count()) === 0; second += 1) {
        assert.ok(second < 20, `"${text}" did not show within 20 simulated seconds`);
        await moveClocks(view, 1);
    }
}

/** Clicks Send and, once sendOtp has reserved, moves the clocks on to the composer's first poll. */
async function send(view) {
    const reserved = answered(view, 'sendOtp');
    await button(view, 'send').click();
    await reserved;
    await moveClocks(view, 1);
}

/**
 * Records all the composer's subtree holds from now on, so a test can prove a code never appeared there. It reads
 * through the native accessors harness.mjs keeps: the composer's whole rendered subtree, base components included.
 */
async function recordComposerDom(view) {
    await view.composer.evaluate((host) => {
        const native = window.__previewNative;
        const seen = [native.innerHTML.call(host)];
        const observer = new MutationObserver((records) => {
            for (const record of records) {
                if (record.type === 'characterData') {
                    seen.push(record.target.data);
                } else if (record.type === 'attributes') {
                    seen.push(record.target.getAttribute(record.attributeName) ?? '');
                } else {
                    record.addedNodes.forEach((node) =>
                        seen.push(node.nodeType === 1 ? native.innerHTML.call(node) : native.textContent.call(node))
                    );
                }
            }
        });
        native.observe.call(observer, host, { subtree: true, childList: true, characterData: true, attributes: true });
        window.__composerSeen = seen;
    });
}

/** Fails if the code was in the composer's subtree since recordComposerDom, or is in its HTML or inputs now. */
async function assertNoCodeInComposer(view, code) {
    const held = await view.composer.evaluate((host) => {
        const native = window.__previewNative;
        const inputs = [...native.querySelectorAll.call(host, 'input, textarea')].map((input) => input.value);
        return [...(window.__composerSeen ?? []), native.innerHTML.call(host), ...inputs].join('\n');
    });
    assert.ok(!held.includes(code), `the code ${code} was in the composer's DOM`);
}

/**
 * Fails on any serious or critical axe violation on the page. axe-core goes into the page once: a wrapper such as
 * @axe-core/playwright injects the whole library again at every scan.
 */
async function assertAccessible(page, state) {
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
        await page.evaluate(axe.source);
    }
    const violations = await page.evaluate(async () => {
        const results = await window.axe.run(document);
        return results.violations.map(({ id, impact, nodes }) => ({ id, impact, targets: nodes.map((n) => n.target) }));
    });
    const serious = violations.filter(({ impact }) => ['serious', 'critical'].includes(impact));
    const found = serious.map(({ id, targets }) => `${id}: ${targets.map((target) => target.join(' ')).join(', ')}`);
    assert.deepEqual(found, [], `axe found serious or critical violations in the ${state} state`);
}

const isFocused = (locator) => locator.evaluate((element) => element.matches(':focus'));

/** Waits until `locator` has the focus (fails after 3 s). */
async function waitUntilFocused(locator) {
    const element = await locator.elementHandle();
    await locator.page().waitForFunction((target) => target.matches(':focus'), element, { timeout: 3000 });
}

const MASKED = '+65 •••• 5678';
const CODE_SENT = label('WhatsAppOtp_UI_CodeSent', MASKED);

before(async () => {
    harness = await startHarness();
    console.log(`e2e: browser ${harness.browser}`);
});

after(() => harness?.close());

// The record switcher: the composer on each kind of record page, the person resolved as an org would (the simulated
// controller runs the composer's own compiled rule, person.js). One page, switched in place.
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

describe('whatsappOtpComposer on the preview page', { concurrency: true }, () => {
    it('by keyboard, through a reload while the code is on its way: Sent, Delivered, Verified', async (t) => {
        // 8x8 answers after 30 simulated seconds: the reload lands while the code is being sent.
        const view = await open(t, { contact: 'mobile', latency: 30000 });
        await waitForText(byId(view, 'phone'), '5678');
        for (let presses = 0; !(await isFocused(button(view, 'send'))); presses++) {
            assert.ok(presses < 25, 'Tab reaches Send');
            await view.page.keyboard.press('Tab');
        }
        const reserved = answered(view, 'sendOtp');
        await view.page.keyboard.press('Enter');
        await reserved;
        await view.page.reload();
        await recordComposerDom(view);
        // Resumed from the related list: still sending, so no Send button.
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_Sending'));
        assert.equal(await button(view, 'send').count(), 0, 'no Send button: the code in flight is resumed');
        // 8x8 answers; the resumed card reaches "Code sent" at its next poll, without another reload.
        await moveClocks(view, 30);
        await waitForText(byId(view, 'status'), CODE_SENT);
        const code = await codeOnPhone(view);
        await waitForText(byId(view, 'expiry'), 'Code expires in');
        await waitUntilFocused(byId(view, 'code'));

        // The timeline on to Read, and how each state is said aloud, are the receipt suite's and Jest's.
        await moveClocksUntil(view, byId(view, 'delivery-status'), label('WhatsAppOtp_Delivery_Delivered'));
        // Jest runs axe on each of the composer's states; the page adds real CSS (contrast) and the phone.
        await assertAccessible(view.page, 'delivered');

        assert.ok(await isFocused(byId(view, 'code')), 'the code field still has focus');
        await view.page.keyboard.type(code);
        await view.page.keyboard.press('Enter');
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_Verified', MASKED));
        // The code field and Verify have left the page: focus is on the verified message, not on the body.
        await waitUntilFocused(byId(view, 'verified-box'));

        await waitForText(phone(view, 'whatsapp-security'), 'For your security, do not share this code.');
        await waitForText(phone(view, 'whatsapp-expiry'), 'This code expires in 1 minute.');
        await view.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
            origin: harness.url.slice(0, -1)
        });
        await phone(view, 'whatsapp-copy').click();
        await waitForText(phone(view, 'whatsapp-copy'), 'Copied');
        assert.equal(await view.page.evaluate(() => navigator.clipboard.readText()), code, 'Copy code copies the code');
        await assertNoCodeInComposer(view, code);
    });

    it('at 375 px, nothing scrolls sideways; the customer pastes the code into the chat; the scenario controls drive the org: title, outcome (an SMS fallback), Start over', async (t) => {
        const view = await open(
            t,
            { contact: 'mobile', title: 'Identity check' },
            { viewport: { width: 375, height: 812 } }
        );
        await waitForText(view.composer.locator('lightning-card'), 'Identity check');
        await send(view);
        await waitForText(byId(view, 'reply-hint'), label('WhatsAppOtp_UI_ReplyHint'));
        const code = await codeOnPhone(view);
        await phone(view, 'customer-reply').fill(code);
        await phone(view, 'customer-reply').press('Enter');
        await phone(view, 'customer-reply-message').waitFor();
        // The card's next poll (every 5 s) brings the verdict.
        await moveClocks(view, 6);
        await waitForText(byId(view, 'status'), "confirmed by the customer's WhatsApp reply.");
        await assertNoCodeInComposer(view, code);
        const { subject } = (await view.records()).tasks.at(-1);
        assert.equal(subject, label('WhatsAppOtp_Task_VerifiedByReply', MASKED), "the reply's Task names no code");
        const sideways = await view.page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
        assert.equal(sideways, 0, 'nothing scrolls sideways at 375 px');

        // "Start over" gives the tab a fresh simulated org: nothing to resume.
        await view.page.locator('[data-id="scenario-reset"]').click();
        await view.page.waitForURL(/contact=mobile/);
        await recordComposerDom(view);
        await button(view, 'send').waitFor();

        // Not on WhatsApp: "Sent by SMS instead", and the phone gets an SMS with the same code, which verifies.
        await view.page.locator('[data-id="scenario-outcome"]').selectOption('not-on-whatsapp');
        await view.page.waitForURL(/outcome=not-on-whatsapp/);
        await send(view);
        await waitForText(byId(view, 'status'), CODE_SENT);
        // Why WhatsApp did not deliver, and when the SMS is delivered, are the receipt suite's and Jest's.
        await moveClocksUntil(view, byId(view, 'delivery-status'), label('WhatsAppOtp_Delivery_SmsInstead'));
        assert.equal(await phone(view, 'whatsapp-message').count(), 0, 'no WhatsApp message on the phone');
        await assertAccessible(view.page, 'sent by SMS');
        const smsCode = (await phone(view, 'sms-code').innerText()).trim();
        await enterCode(view, smsCode);
        await byId(view, 'verified').waitFor({ timeout: 10000 });
        await assertNoCodeInComposer(view, smsCode);
    });

    it('a request to another address of this machine never arrives, and the page reports it', async (t) => {
        // A server on every interface, asked for at an address other than 127.0.0.1 (on Linux 127.0.0.2, which is
        // always there; elsewhere the first external IPv4 address).
        let arrived = 0;
        const server = http.createServer((request, response) => response.end(`reached ${(arrived += 1)}`));
        await new Promise((resolve) => server.listen(0, '0.0.0.0', resolve));
        t.after(() => server.close());
        const addresses = Object.values(os.networkInterfaces()).flat();
        const external = addresses.find((address) => address.family === 'IPv4' && !address.internal)?.address;
        const host = process.platform === 'linux' ? '127.0.0.2' : external;
        assert.ok(host, 'this machine has no address other than 127.0.0.1 to try');
        const url = `http://${host}:${server.address().port}/`;
        assert.equal(await (await fetch(url)).text(), 'reached 1', 'the server answers outside the browser');

        // The browser's own flags stop it, on any page: no preview page needed.
        const view = await harness.openPage({}, { blank: true });
        t.after(() => view.close());
        const fromPage = view.page.evaluate((target) => fetch(target, { mode: 'no-cors' }).then(() => 'answered'), url);
        await assert.rejects(fromPage, /Failed to fetch/);
        assert.equal(arrived, 1, 'only the check outside the browser arrived');
        assert.deepEqual(view.problems.offHostRequests, [url], 'the page guard reports the request');
    });

    it('the record switcher shows the composer on each record kind, and sends from a Case and a Lead to their person', async (t) => {
        const view = await open(t, { contact: 'mobile' });
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
    });
});
