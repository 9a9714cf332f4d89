// Browser tests of the compiled composer on the preview page: only what needs the whole stack, a real page and the
// simulated org together (the component's own states are Jest's). One server and browser, few pages (each page load
// costs about a CPU-second); each test a fresh context, so a fresh simulated org. No test waits on real time: it moves
// the page's clock and its simulated org's, and waits for the page's requests to be answered.
import assert from 'node:assert/strict';
import http from 'node:http';
import os from 'node:os';
import { after, before, describe, it } from 'node:test';
import { assertAccessible, composerDomSoFar, label, recordComposerDom, startHarness } from './harness.mjs';

let harness;

/**
 * Opens the preview with the page's clock installed (so a test moves time on instead of waiting). When the test
 * ends, it closes and must have had no console error and no request beyond 127.0.0.1.
 */
async function open(t, query, options) {
    const view = await harness.openPage(query, options);
    t.after(async () => {
        await view.close();
        assert.deepEqual(view.problems.offHostRequests, [], 'requests left 127.0.0.1');
        assert.deepEqual(view.problems.consoleErrors, [], 'console errors');
    });
    await view.page.clock.install();
    await recordComposerDom(view.composer);
    return view;
}

const byId = (view, id) => view.composer.locator(`[data-id="${id}"]`);
const button = (view, id) => view.composer.locator(`[data-id="${id}"] button`);
const phone = (view, id) => view.page.locator(`[data-id="customer-phone"] [data-id="${id}"]`);
const waitForText = (locator, text) => locator.filter({ hasText: text }).first().waitFor({ timeout: 10000 });

/** The code in the n-th WhatsApp message (1-based) on the customer's phone. */
async function codeOnPhone(view, n = 1) {
    const code = phone(view, 'whatsapp-code').nth(n - 1);
    await code.waitFor({ timeout: 10000 });
    return (await code.innerText()).trim();
}

/** Moves time on by `seconds` for the page (Playwright's clock) and this tab's simulated org, then lets it settle. */
async function moveClocks(view, seconds) {
    const session = await view.page.evaluate(() => window.sessionStorage.getItem('whatsapp-otp-preview-session'));
    const response = await fetch(`${harness.url}sim/clock`, {
        method: 'POST',
        body: JSON.stringify({ session, advanceSeconds: seconds })
    });
    assert.equal(response.status, 200, 'the simulated org took the clock move');
    await view.page.clock.fastForward(seconds * 1000);
    // The timers that fired may have asked the server: wait for the answers, not for a time.
    await view.page.waitForFunction(() => window.__previewFetches === 0);
}

/** Moves both clocks on a second at a time until `locator` shows `text` (the composer's polls wait on both). */
async function moveClocksUntil(view, locator, text, maxSeconds = 20) {
    for (let second = 0; second <= maxSeconds; second += 1) {
        if ((await locator.filter({ hasText: text }).count()) > 0) {
            return;
        }
        await moveClocks(view, 1);
    }
    assert.fail(`"${text}" did not show within ${maxSeconds} simulated seconds`);
}

/** Does `act` (a click by default) and, once sendOtp has reserved, moves the clocks on to the composer's first poll. */
async function send(view, act = () => button(view, 'send').click()) {
    const answered = view.page.waitForResponse((response) => response.url().endsWith('.sendOtp'));
    await act();
    if ((await (await answered).json()).result?.status === 'SENDING') {
        await moveClocks(view, 1);
    }
}

async function enterCode(view, code) {
    await byId(view, 'code').fill(code);
    await button(view, 'verify').click();
}

const wrongCodeFor = (code) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));

async function assertNoCodeInComposer(view, code) {
    const seen = await composerDomSoFar(view.composer);
    assert.ok(!seen.includes(code), `the code ${code} appeared in the composer's DOM`);
}

const isFocused = (locator) => locator.evaluate((element) => element.matches(':focus'));

async function waitUntil(condition, what, timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
        assert.ok(Date.now() < deadline, `timed out: ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

const MASKED = '+65 •••• 5678';
const CODE_SENT = label('WhatsAppOtp_UI_CodeSent', MASKED);
const VERIFIED = label('WhatsAppOtp_UI_Verified', MASKED);

before(async () => {
    harness = await startHarness();
    console.log(`e2e: browser ${harness.browser}`);
});

after(async () => {
    await harness?.close();
});

describe('whatsappOtpComposer on the preview page', { concurrency: true }, () => {
    it('by keyboard, through a reload while the code is on its way: Sent, Delivered, Read, Verified and logged', async (t) => {
        // 8x8 answers after 30 simulated seconds: the reload lands while the code is being sent.
        const view = await open(t, { contact: 'mobile', latency: 30000 });
        await waitForText(byId(view, 'phone'), '5678');
        const activity = view.page.locator('preview-activity');
        await waitForText(activity, 'No activities yet.');
        await assertAccessible(view.page, 'ready');
        let reached = false;
        for (let presses = 0; presses < 25 && !reached; presses++) {
            await view.page.keyboard.press('Tab');
            reached = await isFocused(button(view, 'send'));
        }
        assert.ok(reached, 'Tab reaches Send');
        const reserved = view.page.waitForResponse((response) => response.url().endsWith('.sendOtp'));
        await view.page.keyboard.press('Enter');
        await reserved;

        await view.page.reload();
        await recordComposerDom(view.composer);
        assert.equal(await button(view, 'send').count(), 0, 'no Send button: the code in flight is resumed');
        // 8x8 answers; the resumed card reaches "Code sent" at its next poll, without another reload.
        await moveClocks(view, 30);
        await waitForText(byId(view, 'status'), CODE_SENT);
        const code = await codeOnPhone(view);
        assert.match(code, /^\d{6}$/);
        await waitForText(byId(view, 'expiry'), 'Code expires in');
        await waitUntil(() => isFocused(byId(view, 'code')), 'the code field has focus once the code is sent');

        const delivery = byId(view, 'delivery-status');
        await moveClocksUntil(view, delivery, label('WhatsAppOtp_Delivery_Delivered'));
        // The phone follows the simulated org's clock at once, the card at its next poll.
        assert.ok(['delivered', 'read'].includes(await phone(view, 'whatsapp-ticks').getAttribute('data-state')));
        assert.equal(
            await byId(view, 'delivery-announcement').textContent(),
            label('WhatsAppOtp_Delivery_Delivered'),
            'announced in the aria-live region'
        );
        await assertAccessible(view.page, 'delivered');
        await moveClocksUntil(view, delivery, label('WhatsAppOtp_Delivery_Read'));
        assert.equal(await phone(view, 'whatsapp-ticks').getAttribute('data-state'), 'read');
        assert.match(await phone(view, 'whatsapp-ticks').getAttribute('class'), /bubble-ticks_read/, 'blue ticks');
        assert.equal(await delivery.locator('[data-ticks="read"]').count(), 1);

        assert.ok(await isFocused(byId(view, 'code')), 'the code field still has focus');
        await view.page.keyboard.type(code);
        await view.page.keyboard.press('Enter');
        await waitForText(byId(view, 'status'), VERIFIED);
        // The code field and Verify have left the page: focus is on the verified message, not on the body.
        await waitUntil(() => isFocused(byId(view, 'verified-box')), 'the verified message has focus');
        await assertAccessible(view.page, 'verified');

        const customerPhone = view.page.locator('[data-id="customer-phone"]');
        await waitForText(customerPhone, 'For your security, do not share this code.');
        await waitForText(customerPhone, 'This code expires in 1 minute.');
        await view.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
            origin: new URL(harness.url).origin
        });
        await phone(view, 'whatsapp-copy').click();
        await waitForText(phone(view, 'whatsapp-copy'), 'Copied');
        assert.equal(await view.page.evaluate(() => navigator.clipboard.readText()), code, 'Copy code copies the code');
        // The Activity card (it asks every 1.5 s) shows the Tasks the org logged, newest first, and no code.
        await view.page.clock.fastForward(1500);
        await waitForText(activity, label('WhatsAppOtp_Task_Verified', MASKED));
        const subjects = (await activity.locator('[data-id="activity-subject"]').allInnerTexts()).map((s) => s.trim());
        assert.deepEqual(
            subjects,
            ['WhatsAppOtp_Task_Verified', 'WhatsAppOtp_Task_Sent'].map((name) => label(name, MASKED))
        );
        await assertNoCodeInComposer(view, code);
    });

    it('at 375 px the scenario controls drive the org (title, outcome, Start over, contact) and nothing scrolls sideways', async (t) => {
        const view = await open(
            t,
            { contact: 'mobile', title: 'Identity check', attempts: 1 },
            { viewport: { width: 375, height: 812 } }
        );
        await waitForText(view.composer.locator('lightning-card'), 'Identity check');
        const outcome = view.page.locator('[data-id="scenario-outcome"]');
        await outcome.selectOption('429');
        await send(view);
        await waitForText(byId(view, 'error'), label('WhatsAppOtp_Error_RateLimited'));
        await outcome.selectOption('success');
        assert.match(view.page.url(), /outcome=success/);
        await send(view);
        await enterCode(view, wrongCodeFor(await codeOnPhone(view)));
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_Locked'));
        const activity = view.page.locator('preview-activity');
        await view.page.clock.fastForward(1500);
        await waitForText(activity, label('WhatsAppOtp_Task_Locked', MASKED));
        const layout = await view.page.evaluate(() => {
            const native = window.__previewNative;
            const root = document.documentElement;
            // The native accessors: synthetic shadow hides the page's components from document.querySelector.
            const [host] = native.querySelectorAll.call(root, 'preview-activity');
            const items = [...native.querySelectorAll.call(host, '.slds-timeline__item_expandable')];
            const subjects = [...native.querySelectorAll.call(host, '[data-id="activity-subject"]')];
            const times = [...native.querySelectorAll.call(host, '[data-id="activity-time"]')];
            return {
                scrollWidth: root.scrollWidth,
                clientWidth: root.clientWidth,
                lineClear: items.every((item, index) => {
                    const line =
                        item.getBoundingClientRect().left + parseFloat(getComputedStyle(item, '::before').left);
                    return line + 2 < subjects[index].getBoundingClientRect().left;
                }),
                subjectsWhole: subjects.every((subject) => subject.scrollWidth <= subject.clientWidth),
                // One line: the time's text lies on a single line box (the element itself may stretch with the row).
                timesOneLine: times.every((time) => {
                    const range = document.createRange();
                    range.selectNodeContents(time);
                    const tops = [...range.getClientRects()].filter((box) => box.width > 0).map((box) => box.top);
                    return new Set(tops).size === 1;
                }),
                resetHeight: native.querySelectorAll.call(root, '[data-id="scenario-reset"]')[0].getBoundingClientRect()
                    .height
            };
        });
        assert.ok(layout.scrollWidth <= layout.clientWidth, `sideways: ${layout.scrollWidth} > ${layout.clientWidth}`);
        assert.ok(layout.lineClear, 'the timeline line runs left of every Task subject');
        assert.ok(layout.subjectsWhole, 'every Task subject shows whole');
        assert.ok(layout.timesOneLine, 'every Task time keeps to one line');
        assert.ok(layout.resetHeight <= 40, `Start over stays one line high: ${layout.resetHeight}px`);

        // "Start over" gives the tab a fresh simulated org: nothing to resume, nothing logged.
        await view.page.locator('[data-id="scenario-reset"]').click();
        await view.page.waitForURL(/contact=mobile/);
        await button(view, 'send').waitFor();
        await waitForText(activity, 'No activities yet.');
        await view.page.locator('[data-id="scenario-contact"]').selectOption('no-phone');
        await waitForText(byId(view, 'no-phone'), label('WhatsAppOtp_Error_NoPhone'));
        assert.match(view.page.url(), /contact=no-phone/);
    });

    it('not on WhatsApp: "Sent by SMS instead", and the phone gets an SMS with the same code, which verifies', async (t) => {
        const view = await open(t, { contact: 'mobile', outcome: 'not-on-whatsapp' });
        await send(view);
        await waitForText(byId(view, 'status'), CODE_SENT);
        const delivery = byId(view, 'delivery-status');
        await moveClocksUntil(view, delivery, label('WhatsAppOtp_Delivery_SmsInstead'));
        assert.match(
            await delivery.innerText(),
            new RegExp(label('WhatsAppOtp_Delivery_NotDelivered', '.+')),
            'says why WhatsApp did not deliver'
        );
        assert.equal(await phone(view, 'whatsapp-message').count(), 0, 'no WhatsApp message on the phone');
        const smsCode = (await phone(view, 'sms-code').innerText()).trim();
        assert.match(smsCode, /^\d{6}$/);
        await assertAccessible(view.page, 'sent by SMS');
        await moveClocksUntil(view, delivery, label('WhatsAppOtp_Delivery_SmsDelivered'));
        await enterCode(view, smsCode);
        await byId(view, 'verified').waitFor({ timeout: 10000 });
        assert.equal(await delivery.count(), 0, 'the delivery status goes once verified');
        await assertNoCodeInComposer(view, smsCode);
    });

    it('a request to another address of this machine never arrives, and the page reports it', async (t) => {
        // A server on every interface; the page asks for it at an address other than 127.0.0.1 (on Linux
        // 127.0.0.2, which is always there; elsewhere the first external IPv4 address).
        let arrived = 0;
        const server = http.createServer((request, response) => {
            arrived += 1;
            response.end('reached');
        });
        await new Promise((resolve) => server.listen(0, '0.0.0.0', resolve));
        t.after(() => server.close());
        const external = Object.values(os.networkInterfaces())
            .flat()
            .find((address) => address.family === 'IPv4' && !address.internal)?.address;
        const host = process.platform === 'linux' ? '127.0.0.2' : external;
        assert.ok(host, 'this machine has no address other than 127.0.0.1 to try');
        const url = `http://${host}:${server.address().port}/`;
        assert.equal(await (await fetch(url)).text(), 'reached', 'the server answers outside the browser');

        // The browser's own flags stop it, on any page: no preview page needed.
        const view = await harness.openPage({}, { blank: true });
        t.after(() => view.close());
        const fromPage = await view.page.evaluate(async (target) => {
            try {
                await fetch(target, { mode: 'no-cors' });
                return 'answered';
            } catch {
                return 'failed';
            }
        }, url);
        assert.equal(fromPage, 'failed');
        assert.equal(arrived, 1, 'only the check outside the browser arrived');
        assert.deepEqual(view.problems.offHostRequests, [url], 'the page guard reports the request');
    });
});
