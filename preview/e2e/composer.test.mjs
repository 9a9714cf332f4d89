// Browser tests of the compiled composer on the preview page: only what needs the whole stack (the component's own
// states are Jest's). One server and browser; each test a fresh context, so a fresh simulated org.
import assert from 'node:assert/strict';
import http from 'node:http';
import os from 'node:os';
import { after, before, describe, it } from 'node:test';
import { assertAccessible, composerDomSoFar, label, recordComposerDom, startHarness } from './harness.mjs';

let harness;

// Tests run side by side (each in its own browser context); the machine has few cores.
const CONCURRENCY = 3;

/** Short simulated timings keep the suite fast; a test overrides what it exercises. */
const FAST = { latency: 0, timeout: 300 };

/**
 * Opens the preview with the page's clock installed (so a test moves time on instead of waiting). When the test
 * ends, it closes and must have had no console error and no request beyond 127.0.0.1, unless `clean: false`.
 */
async function open(t, query, { clean = true, ...options } = {}) {
    const view = await harness.openPage({ ...FAST, ...query }, options);
    t.after(async () => {
        await view.close();
        if (clean) {
            assert.deepEqual(view.problems.offHostRequests, [], 'requests left 127.0.0.1');
            assert.deepEqual(view.problems.consoleErrors, [], 'console errors');
        }
    });
    await view.page.clock.install();
    await recordComposerDom(view.composer);
    return view;
}

const byId = (view, id) => view.composer.locator(`[data-id="${id}"]`);
const button = (view, id) => view.composer.locator(`[data-id="${id}"] button`);

const waitForText = (locator, text) => locator.filter({ hasText: text }).first().waitFor({ timeout: 10000 });

/** The code in the n-th WhatsApp message (1-based) of the customer's phone. */
async function codeOnPhone(view, n = 1) {
    const codes = view.page.locator('[data-id="customer-phone"] [data-id="whatsapp-code"]');
    await codes.nth(n - 1).waitFor({ timeout: 10000 });
    return (await codes.nth(n - 1).innerText()).trim();
}

const send = (view) => whileSending(view, () => button(view, 'send').click());

/**
 * Does `act` (a click, a key) and, once a send is taken, moves both clocks on by the composer's first poll delay
 * (1 s, POLL_DELAYS_MS in statusPoll.ts) instead of waiting it out. `beforeClocksMove` checks the in-flight
 * state; the page clock is held still until then, so a busy machine's first poll cannot settle the send first.
 */
async function whileSending(view, act, beforeClocksMove) {
    if (beforeClocksMove) {
        await holdPageClock(view);
    }
    const answered = view.page.waitForResponse((response) => response.url().endsWith('.sendOtp'));
    await act();
    const payload = await (await answered).json();
    if (payload.ok && payload.result?.status !== 'REFUSED') {
        await beforeClocksMove?.();
        await moveClocks(view, 1);
    }
    if (beforeClocksMove) {
        await view.page.clock.resume();
    }
}

/** Pauses the page clock just ahead of its now, again if the running clock passed it first (pauseAt refuses). */
async function holdPageClock(view) {
    for (let attempt = 1; ; attempt++) {
        const now = await view.page.evaluate(() => Date.now());
        try {
            await view.page.clock.pauseAt(now + 250);
            return;
        } catch (error) {
            if (attempt === 5 || !/to the past/.test(error.message)) {
                throw error;
            }
        }
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

/** Moves time on by `seconds` for the page (Playwright's clock) and this tab's simulated org (/sim/clock). */
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

const isFocused = (locator) => locator.evaluate((element) => element.matches(':focus'));

async function waitUntil(condition, what, timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
        assert.ok(Date.now() < deadline, `timed out: ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

const phone = (view, id) => view.page.locator(`[data-id="customer-phone"] [data-id="${id}"]`);

/** Moves both clocks on a second at a time until `locator` shows `text` (the poll waits on both). */
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

const CODE_SENT = label('WhatsAppOtp_UI_CodeSent', '+65 •••• 5678');
const VERIFIED = label('WhatsAppOtp_UI_Verified', '+65 •••• 5678');

before(async () => {
    harness = await startHarness();
});

after(async () => {
    await harness?.close();
});

describe('whatsappOtpComposer on the preview page', { concurrency: CONCURRENCY }, () => {
    it('happy path by keyboard: Tab to Send, Enter, the code from the phone, Enter: Verified, and logged', async (t) => {
        const view = await open(t, { contact: 'mobile' });
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
        // The reservation is back; the delivery's outcome comes with the first status poll.
        await whileSending(
            view,
            () => view.page.keyboard.press('Enter'),
            () => waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_Sending'))
        );
        const code = await codeOnPhone(view);
        assert.match(code, /^\d{6}$/);
        await waitForText(byId(view, 'status'), CODE_SENT);
        await waitForText(byId(view, 'expiry'), 'Code expires in');
        await waitUntil(() => isFocused(byId(view, 'code')), 'the code field has focus after sending');
        await assertAccessible(view.page, 'sent');
        await view.page.keyboard.type(code);
        await view.page.keyboard.press('Enter');
        await waitForText(byId(view, 'status'), VERIFIED);
        // The code field and Verify have left the page: focus is on the verified message, not on the body.
        await waitUntil(() => isFocused(byId(view, 'verified-box')), 'the verified message has focus');
        await assertAccessible(view.page, 'verified');
        const phone = view.page.locator('[data-id="customer-phone"]');
        await waitForText(phone, 'For your security, do not share this code.');
        await waitForText(phone, 'This code expires in 1 minute.');
        const copy = phone.locator('[data-id="whatsapp-copy"]');
        await view.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
            origin: new URL(harness.url).origin
        });
        await copy.click();
        await waitForText(copy, 'Copied');
        assert.equal(await view.page.evaluate(() => navigator.clipboard.readText()), code, 'Copy code copies the code');
        // The Activity card shows the Tasks the org logged, newest first, and no code.
        await waitForText(activity, label('WhatsAppOtp_Task_Verified', '+65 •••• 5678'));
        const subjects = (await activity.locator('[data-id="activity-subject"]').allInnerTexts()).map((s) => s.trim());
        const tasks = ['WhatsAppOtp_Task_Verified', 'WhatsAppOtp_Task_Sent'].map((name) =>
            label(name, '+65 •••• 5678')
        );
        assert.deepEqual(subjects, tasks);
        await assertNoCodeInComposer(view, code);
    });

    it('reload after Send: the card resumes the code in flight, and the same code verifies', async (t) => {
        const view = await open(t, { contact: 'mobile', cooldown: 30 });
        await send(view);
        const code = await codeOnPhone(view);
        await waitForText(byId(view, 'status'), CODE_SENT);
        await view.page.reload();
        await recordComposerDom(view.composer);
        // Resumed from Lightning Data Service (the related list), not from an Apex call.
        await waitForText(byId(view, 'status'), CODE_SENT);
        await waitForText(byId(view, 'expiry'), 'Code expires in');
        await waitForText(button(view, 'resend'), 'Resend in');
        await waitForText(byId(view, 'attempts'), label('WhatsAppOtp_UI_AttemptsLeft', 5));
        assert.equal(await button(view, 'send').count(), 0, 'no Send button: the code in flight is resumed');
        await enterCode(view, code);
        await waitForText(byId(view, 'status'), VERIFIED);
        await assertNoCodeInComposer(view, code);
    });

    it('an older code after a resend costs an attempt, and the card says to ask for the newest code', async (t) => {
        const view = await open(t, { contact: 'mobile' });
        await send(view);
        const older = await codeOnPhone(view, 1);
        await moveClocks(view, 15);
        const resend = button(view, 'resend');
        await waitForText(resend, label('WhatsAppOtp_UI_Resend'));
        await whileSending(view, () => resend.click());
        const newest = await codeOnPhone(view, 2);
        const [notice] = label('WhatsAppOtp_UI_ResendNotice', '|').split('|').slice(1);
        await waitForText(byId(view, 'resend-notice'), notice.trim());
        await enterCode(view, older);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_InvalidCode', 4));
        await waitForText(byId(view, 'resend-notice'), notice.trim());
        await enterCode(view, newest);
        await waitForText(byId(view, 'status'), VERIFIED);
    });

    it('a timeout may have delivered the code: its receipts show 8x8 had it, so the card says sent, and the code verifies', async (t) => {
        const view = await open(t, { contact: 'mobile', outcome: 'timeout' });
        await send(view);
        const code = await codeOnPhone(view);
        // The simulated 8x8 took the message though its answer timed out: its receipts come, and the card says so.
        await waitForText(byId(view, 'status'), CODE_SENT);
        const unconfirmed = (await byId(view, 'status').innerText()).includes(label('WhatsAppOtp_Status_Unconfirmed'));
        assert.ok(!unconfirmed, 'no "may have been delivered" beside a receipt');
        assert.equal(await byId(view, 'error').count(), 0, 'no error besides the one message');
        assert.equal(await view.page.locator('lightning-toast').count(), 0, 'no toast');
        await assertAccessible(view.page, 'unconfirmed');
        await enterCode(view, code);
        await waitForText(byId(view, 'status'), VERIFIED);
        await assertNoCodeInComposer(view, code);
    });

    for (const [outcome, labelName] of [
        ['401', 'WhatsAppOtp_Error_CredentialRejected'],
        ['429', 'WhatsAppOtp_Error_RateLimited']
    ]) {
        it(`${outcome}: its agent message inline, once and without a toast; Send waits when retrying cannot help`, async (t) => {
            const view = await open(t, { contact: 'mobile', outcome });
            await send(view);
            const message = label(labelName);
            await waitForText(byId(view, 'error'), message);
            assert.equal(await view.page.locator('lightning-toast').count(), 0, 'no toast');
            const retryHelps = outcome === '429';
            await waitUntil(
                async () => (await button(view, 'send').isEnabled()) === retryHelps,
                `Send ${retryHelps ? 'enabled' : 'disabled'} after ${outcome}`
            );
            if (outcome === '401') {
                await assertAccessible(view.page, 'send failed');
            }
            assert.equal(await view.page.locator('[data-id="whatsapp-code"]').count(), 0, 'nothing reached the phone');
            assert.equal(await byId(view, 'code').count(), 0, 'no code entry after a refusal');
        });
    }

    it('a reload 40 ms after Send reaches "Code sent" without another reload', async (t) => {
        // The simulated 8x8 answers after 400 ms, as in the reported case: a reload lands while the code is sent.
        const view = await open(t, { contact: 'mobile', latency: 400 });
        await waitForText(byId(view, 'phone'), '5678');
        const requested = view.page.waitForRequest((request) => request.url().endsWith('.sendOtp'));
        await button(view, 'send').click();
        await requested;
        await new Promise((resolve) => setTimeout(resolve, 40));
        await view.page.reload();
        await waitForText(byId(view, 'status'), CODE_SENT);
        await byId(view, 'code').waitFor();
        const stillSending = (await byId(view, 'status').innerText()).includes(label('WhatsAppOtp_Error_StillSending'));
        assert.ok(!stillSending, 'no longer "still being sent"');
    });

    it('the scenario controls: the title from the URL, the outcome and contact switches, Start over', async (t) => {
        const view = await open(t, { contact: 'mobile', title: 'Identity check' });
        await waitForText(view.composer.locator('lightning-card'), 'Identity check');
        await view.page.locator('[data-id="scenario-outcome"]').selectOption('429');
        await send(view);
        await waitForText(byId(view, 'error'), label('WhatsAppOtp_Error_RateLimited'));
        await view.page.locator('[data-id="scenario-outcome"]').selectOption('success');
        await send(view);
        await codeOnPhone(view);
        assert.match(view.page.url(), /outcome=success/);
        // "Start over" gives the tab a fresh simulated org: nothing to resume, nothing logged.
        await view.page.locator('[data-id="scenario-reset"]').click();
        await view.page.waitForURL(/contact=mobile/);
        await button(view, 'send').waitFor();
        await waitForText(view.page.locator('preview-activity'), 'No activities yet.');
        await view.page.locator('[data-id="scenario-contact"]').selectOption('no-phone');
        await waitForText(byId(view, 'no-phone'), label('WhatsAppOtp_Error_NoPhone'));
        assert.match(view.page.url(), /contact=no-phone/);
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

        const view = await open(t, { contact: 'mobile' }, { clean: false });
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

    it('at 375 px the page does not scroll sideways, and the Activity timeline stays clear of its text', async (t) => {
        const view = await open(t, { contact: 'mobile', attempts: 1 }, { viewport: { width: 375, height: 812 } });
        await send(view);
        const code = await codeOnPhone(view);
        await enterCode(view, wrongCodeFor(code));
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_Locked'));
        const activity = view.page.locator('preview-activity');
        await waitForText(activity, label('WhatsAppOtp_Task_Locked', '+65 •••• 5678'));
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
        assert.ok(
            layout.scrollWidth <= layout.clientWidth,
            `no sideways scroll: ${layout.scrollWidth} > ${layout.clientWidth}`
        );
        assert.ok(layout.lineClear, 'the timeline line runs left of every Task subject');
        assert.ok(layout.subjectsWhole, 'every Task subject shows whole');
        assert.ok(layout.timesOneLine, 'every Task time keeps to one line');
        assert.ok(layout.resetHeight <= 40, `Start over stays one line high: ${layout.resetHeight}px`);
    });

    it('after Send, the composer reaches Delivered and then Read without a reload; the phone shows the ticks', async (t) => {
        const view = await open(t, { contact: 'mobile' });
        await send(view);
        await waitForText(byId(view, 'status'), CODE_SENT);
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
        await assertNoCodeInComposer(view, code);
    });

    it('not on WhatsApp: "Sent by SMS instead", and the phone gets an SMS with the same code, which verifies', async (t) => {
        const view = await open(t, { contact: 'mobile', outcome: 'not-on-whatsapp' });
        await send(view);
        await waitForText(byId(view, 'status'), CODE_SENT);

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
        await enterCode(view, smsCode);
        await byId(view, 'verified').waitFor({ timeout: 10000 });
        assert.equal(await byId(view, 'delivery-status').count(), 0, 'the delivery status goes once verified');
        await assertNoCodeInComposer(view, smsCode);
    });
});
