// Shared by the e2e tests and the screenshot script: one preview server and one browser, a fresh context (so a
// fresh simulated org) per page, which records its console errors and requests beyond 127.0.0.1.
import { startPreview } from '../server.mjs';
import { label } from '../sim/labels.mjs';
import { launchBrowser } from './browser.mjs';

export { label };

/** `now`: the simulated org's clock (startPreview); the screenshots fix it. */
export async function startHarness({ now } = {}) {
    // Build and browser start overlap; either failing stops both.
    const [started, launched] = await Promise.allSettled([startPreview({ port: 0, now }), launchBrowser()]);
    const [preview, { browser, description } = {}] = [started.value, launched.value];
    const failure = started.reason ?? launched.reason ?? preview.buildError();
    if (failure) {
        await preview?.close();
        await browser?.close();
        throw failure;
    }
    return {
        url: preview.url,
        /** Which browser runs the pages, and where it comes from. */
        browser: description,
        /**
         * `time`: a fixed instant for the page's Date (in UTC, its timers still run), as the screenshots want.
         * `blank`: the context and its checks without the preview page (about:blank).
         */
        async openPage(query = {}, { viewport = { width: 1280, height: 860 }, time, blank = false } = {}) {
            const context = await browser.newContext({ viewport, ...(time !== undefined && { timezoneId: 'UTC' }) });
            if (time !== undefined) {
                await context.clock.setFixedTime(time);
            }
            // Before synthetic shadow patches the DOM: keep the native accessors, so a check can read the
            // composer's whole rendered subtree (base components included) the way the browser holds it. And count
            // the page's requests to the preview server in flight, so a test can wait until they are answered.
            await context.addInitScript(() => {
                window.__previewNative = {
                    innerHTML: Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML').get,
                    textContent: Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').get,
                    querySelectorAll: Element.prototype.querySelectorAll,
                    observe: MutationObserver.prototype.observe
                };
                const fetch = window.fetch;
                window.__previewFetches = 0;
                window.fetch = (...args) => {
                    window.__previewFetches += 1;
                    return fetch(...args).finally(() => (window.__previewFetches -= 1));
                };
            });
            const page = await context.newPage();
            const problems = { consoleErrors: [], offHostRequests: [] };
            page.on('console', (message) => message.type() === 'error' && problems.consoleErrors.push(message.text()));
            page.on('pageerror', (error) => problems.consoleErrors.push(`pageerror: ${error.message}`));
            // Reported, not intercepted: the browser's own flags already stop any such request (OFFLINE_FLAGS in browser.mjs),
            // and routing every request through Playwright cost the e2e gate about 2 s CPU.
            context.on('request', (request) => {
                const { protocol, hostname } = new URL(request.url());
                if (/^(https?|wss?):$/.test(protocol) && hostname !== '127.0.0.1' && hostname !== 'localhost') {
                    problems.offHostRequests.push(request.url());
                }
            });
            const view = {
                page,
                context,
                problems,
                close: () => context.close(),
                /** Moves this tab's simulated org's clock on by `seconds` (the page's is the caller's to move). */
                moveOrgClock: async (seconds) => preview.org.advanceClock(await sessionOf(page), seconds),
                /** This tab's simulated org's challenges and Tasks. */
                records: async () => preview.org.records(await sessionOf(page))
            };
            if (blank) {
                return view;
            }
            await page.goto(`${preview.url}?${new URLSearchParams(query)}`);
            view.composer = page.locator('c-whatsapp-otp-composer');
            await view.composer.locator('[data-id="status"]').waitFor({ state: 'attached' });
            return view;
        },
        async close() {
            await browser.close();
            await preview.close();
        }
    };
}

const sessionOf = (page) => page.evaluate(() => sessionStorage.getItem('whatsapp-otp-preview-session'));

/** The composer's element with this data-id. */
export const byId = (view, id) => view.composer.locator(`[data-id="${id}"]`);

export const waitForText = (locator, text) => locator.filter({ hasText: text }).first().waitFor({ timeout: 10000 });

/** The code in the n-th WhatsApp message (1-based) on the customer's phone, once it is there. */
export async function codeOnPhone(view, n = 1) {
    const code = view.page.locator('[data-id="customer-phone"] [data-id="whatsapp-code"]').nth(n - 1);
    await code.waitFor({ timeout: 10000 });
    return (await code.innerText()).trim();
}

export async function enterCode(view, code) {
    await byId(view, 'code').fill(code);
    await byId(view, 'verify').locator('button').click();
}
