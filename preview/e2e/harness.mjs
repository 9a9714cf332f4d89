// Shared by the e2e tests and the screenshot script: one preview server and one browser, a fresh
// context (so a fresh simulated org) per page, and the guards every page runs under: no console
// error, no request beyond 127.0.0.1.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { startPreview } from '../server.mjs';
import { formatLabel, readLabels } from '../sim/labels.mjs';
import { launchBrowser } from './browser.mjs';

export const labels = readLabels();

/** The text of a Custom Label, with {0}… filled in. */
export function label(name, ...args) {
    if (!labels.has(name)) {
        throw new Error(`no Custom Label ${name}`);
    }
    return formatLabel(labels.get(name), ...args);
}

export async function startHarness() {
    // Build and browser start overlap; either failing stops both.
    const [previewResult, browserResult] = await Promise.allSettled([startPreview({ port: 0 }), launchBrowser()]);
    const preview = previewResult.value;
    const browser = browserResult.value;
    const failure =
        previewResult.reason ?? browserResult.reason ?? (preview.buildError() ? preview.buildError() : undefined);
    if (failure) {
        await preview?.close();
        await browser?.close();
        throw failure;
    }
    return {
        url: preview.url,
        async openPage(query = {}, { viewport = { width: 1280, height: 860 } } = {}) {
            const context = await browser.newContext({ viewport });
            // Before synthetic shadow patches the DOM: keep the native accessors, so a check can read the
            // composer's whole rendered subtree (base components included) the way the browser holds it.
            await context.addInitScript(() => {
                window.__previewNative = {
                    innerHTML: Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML').get,
                    textContent: Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').get,
                    querySelectorAll: Element.prototype.querySelectorAll,
                    observe: MutationObserver.prototype.observe
                };
            });
            const page = await context.newPage();
            const problems = { consoleErrors: [], offHostRequests: [] };
            page.on('console', (message) => {
                if (message.type() === 'error') {
                    problems.consoleErrors.push(message.text());
                }
            });
            page.on('pageerror', (error) => problems.consoleErrors.push(`pageerror: ${error.message}`));
            // Reported, not intercepted: the browser's own flags already stop any such request (browser.mjs),
            // and routing every request through Playwright cost the e2e gate about 2 s CPU.
            context.on('request', (request) => {
                const { protocol, hostname } = new URL(request.url());
                if (/^(https?|wss?):$/.test(protocol) && hostname !== '127.0.0.1' && hostname !== 'localhost') {
                    problems.offHostRequests.push(request.url());
                }
            });
            await page.goto(`${preview.url}?${new URLSearchParams(query)}`);
            const composer = page.locator('c-whatsapp-otp-composer');
            await composer.locator('[data-id="status"]').waitFor({ state: 'attached' });
            return { page, context, composer, problems, close: () => context.close() };
        },
        async close() {
            await browser.close();
            await preview.close();
        }
    };
}

/**
 * Records everything the composer's subtree ever holds from now on (added nodes, text changes and
 * attribute values, read with the native DOM accessors), so a test can prove that a code never
 * appeared there at any moment.
 */
export async function recordComposerDom(composer) {
    await composer.evaluate((host) => {
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

/** All the composer's subtree held since recordComposerDom, plus its current HTML and input values. */
export async function composerDomSoFar(composer) {
    return composer.evaluate((host) => {
        const native = window.__previewNative;
        const inputs = [...native.querySelectorAll.call(host, 'input, textarea')].map((input) => input.value);
        return [...(window.__composerSeen ?? []), native.innerHTML.call(host), ...inputs].join('\n');
    });
}

/**
 * Fails on any serious or critical axe violation on the whole page. Legacy mode runs axe.run() in the page
 * itself; the default (runPartial per frame, then finishRun in a new blank page with axe injected again)
 * exists for cross-origin iframes, which the preview page has none of, and costs twice the CPU
 * (0.65 s against 0.35 s a scan, measured here).
 */
export async function assertAccessible(page, state) {
    const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
    const serious = violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
    assert.deepEqual(
        serious.map(
            (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
        ),
        [],
        `axe found serious or critical violations in the ${state} state`
    );
}
