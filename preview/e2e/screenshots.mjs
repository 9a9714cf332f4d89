#!/usr/bin/env node
// `npm run screenshots`: regenerates the docs pictures of the composer's main states under docs/.
// Every picture is taken on fixed clocks, so a second run changes no file unless the UI did: the page's Date and
// the simulated org's clock stand still at AT (in UTC), and a scene that needs time to pass moves both on by the
// same seconds. The simulation's other reads of the time and its codes are fixed too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../sim/paths.mjs';
import { byId, codeOnPhone, enterCode, label, startHarness, waitForText } from './harness.mjs';

const docs = path.join(projectRoot, 'docs');
const AT = Date.UTC(2026, 0, 15, 9, 30);
const SENT = label('WhatsAppOtp_UI_CodeSent', '+65 •••• 5678');

// The simulated 8x8 (started in this process) stamps a message with `new Date()`, which here gives AT, and the
// simulated org draws each code with crypto.randomInt, which here gives the same codes on every run. Date.now stays
// real: the browser driver in this process reads it.
globalThis.Date = class extends Date {
    constructor(...args) {
        super(...(args.length ? args : [AT]));
    }
};
let drawn = 0;
crypto.randomInt = (min, max) => min + ((++drawn * 482711 + 100003) % (max - min));

const shown = (locator) => locator.waitFor({ timeout: 10000 });

/** Sends a code and waits until the card says it was sent; returns the code the customer's phone shows. */
async function send(view) {
    await byId(view, 'send').locator('button').click();
    const code = await codeOnPhone(view);
    await waitForText(byId(view, 'status'), SENT);
    return code;
}

/**
 * Lets the cooldown (15 s, the shortest Apex allows) pass, resends and waits for the notice. The first message's
 * receipts come in that time: the customer has read it before the resend.
 */
async function resendAndReadNotice(view) {
    // Both clocks move on by the same seconds: the page's, fixed at AT, by setting it.
    await view.moveOrgClock(15);
    await view.page.clock.setFixedTime(AT + 15000);
    await shown(view.page.locator('[data-id="whatsapp-ticks"][data-state="read"]'));
    const resend = byId(view, 'resend').locator('button');
    await waitForText(resend, label('WhatsAppOtp_UI_Resend'));
    await resend.click();
    await codeOnPhone(view, 2);
    await shown(byId(view, 'resend-notice'));
}

/**
 * True when two PNGs (decoded by the page) show the same picture. Chromium's software rasteriser anti-aliases a few
 * rounded-corner pixels differently from run to run (up to 48 pixels, by up to 26 of 255), so a picture counts as
 * unchanged while at most 0.01% of its pixels differ, as Playwright's screenshot comparison allows a threshold.
 */
async function samePicture(page, before, after) {
    const urls = [before, after].map((png) => `data:image/png;base64,${png.toString('base64')}`);
    return page.evaluate(async (sources) => {
        const decode = async (src) => {
            const image = Object.assign(new Image(), { src });
            await image.decode();
            const context = new OffscreenCanvas(image.width, image.height).getContext('2d');
            context.drawImage(image, 0, 0);
            return context.getImageData(0, 0, image.width, image.height).data;
        };
        const [a, b] = await Promise.all(sources.map(decode));
        let differing = 0;
        for (let i = 0; i < a.length && a.length === b.length; i += 4) {
            differing += a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] ? 1 : 0;
        }
        return a.length === b.length && differing <= a.length / 4 / 10000;
    }, urls);
}

async function shoot(view, name) {
    // Let the spinner and focus rings settle.
    await view.page.waitForTimeout(300);
    const file = path.join(docs, `preview-${name}.png`);
    // A phone-sized page is taken whole: its parts stack, and focus may have scrolled it.
    const fullPage = view.page.viewportSize().width < 600;
    const picture = await view.page.screenshot({ fullPage, animations: 'disabled' });
    if (view.problems.consoleErrors.length || view.problems.offHostRequests.length) {
        throw new Error(`${name}: ${JSON.stringify(view.problems)}`);
    }
    const kept = fs.existsSync(file) && (await samePicture(view.page, fs.readFileSync(file), picture));
    kept || fs.writeFileSync(file, picture);
    console.log(`${path.relative(projectRoot, file)}${kept ? ' (unchanged)' : ''}`);
}

/** Each scene brings its page to the state its picture shows. */
const SCENES = {
    ready: (view) => waitForText(byId(view, 'phone'), '5678'),
    sent: send,
    async verified(view) {
        await enterCode(view, await send(view));
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_Verified', '+65 •••• 5678'));
        await waitForText(byId(view, 'verified-by'), 'Jane Doe');
    },
    async resumed(view) {
        await send(view);
        // A reload: the card resumes the code in flight from the Contact's related list.
        await view.page.reload();
        await waitForText(byId(view, 'status'), SENT);
        await waitForText(byId(view, 'expiry'), 'Code expires in');
    },
    async 'resend-notice'(view) {
        await send(view);
        await resendAndReadNotice(view);
    },
    async 'older-code'(view) {
        // The customer reads out the code of the first message after a resend: it counts as a wrong code.
        const older = await send(view);
        await resendAndReadNotice(view);
        await enterCode(view, older);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_InvalidCode', 4));
    },
    // A phone-sized window (375 px, PAGES): the page wraps instead of scrolling sideways.
    narrow: send,
    async paste(view) {
        // Typed with spaces, as read aloud: the input keeps every digit.
        await byId(view, 'code').pressSequentially((await send(view)).replace(/(\d{2})(?=\d)/g, '$1 '));
    },
    async error(view) {
        await byId(view, 'send').locator('button').click();
        await waitForText(byId(view, 'error'), label('WhatsAppOtp_Error_CredentialRejected'));
    },
    async locked(view) {
        const wrong = (await send(view)).replace(/^./, (digit) => String((Number(digit) + 1) % 10));
        await enterCode(view, wrong);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_InvalidCodeLastAttempt'));
        await enterCode(view, wrong);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_Locked'));
    },
    'no-phone': (view) => waitForText(byId(view, 'no-phone'), label('WhatsAppOtp_Error_NoPhone'))
};
/** The scenes' pages other than the mobile Contact's in a 1280 x 760 window: [query, viewport]. */
const PAGES = {
    narrow: [{}, { width: 375, height: 812 }],
    error: [{ outcome: '401' }],
    locked: [{ attempts: 2 }],
    'no-phone': [{ contact: 'no-phone' }]
};

const harness = await startHarness({ now: () => AT });
try {
    for (const [name, scene] of Object.entries(SCENES)) {
        const [query, viewport = { width: 1280, height: 760 }] = PAGES[name] ?? [{}];
        // 8x8 answers at once: its answer time runs on the simulated org's clock, which stands still here.
        const view = await harness.openPage({ contact: 'mobile', latency: 0, ...query }, { viewport, time: AT });
        await scene(view);
        await shoot(view, name);
        await view.close();
    }
} finally {
    await harness.close();
}
