#!/usr/bin/env node
// `npm run screenshots`: regenerates the docs pictures of the composer's main states under docs/.
import path from 'node:path';
import { projectRoot } from '../sim/paths.mjs';
import { label, startHarness } from './harness.mjs';

const docs = path.join(projectRoot, 'docs');
const VIEWPORT = { width: 1280, height: 760 };

const composerOf = (view) => view.composer;
const byId = (view, id) => composerOf(view).locator(`[data-id="${id}"]`);

async function waitForText(locator, text) {
    await locator.filter({ hasText: text }).first().waitFor({ timeout: 10000 });
}

async function sendAndReadCode(view, n = 1) {
    await byId(view, 'send').locator('button').click();
    const code = view.page.locator('[data-id="customer-phone"] [data-id="whatsapp-code"]').nth(n - 1);
    await code.waitFor({ timeout: 10000 });
    return (await code.innerText()).trim();
}

/** Waits out the cooldown (real time here: 15 s, the shortest Apex allows), resends and waits for the notice. */
async function resendAndReadNotice(view) {
    const resend = byId(view, 'resend').locator('button');
    await resend
        .filter({ hasText: label('WhatsAppOtp_UI_Resend') })
        .first()
        .waitFor({ timeout: 25000 });
    await resend.click();
    const code = view.page.locator('[data-id="customer-phone"] [data-id="whatsapp-code"]').nth(1);
    await code.waitFor({ timeout: 10000 });
    await byId(view, 'resend-notice').waitFor();
}

async function enterCode(view, code) {
    await byId(view, 'code').fill(code);
    await byId(view, 'verify').locator('button').click();
}

async function shoot(view, name) {
    // Let the spinner, toasts and focus rings settle.
    await view.page.waitForTimeout(300);
    const file = path.join(docs, `preview-${name}.png`);
    // A phone-sized page is taken whole: its parts stack, and focus may have scrolled it.
    await view.page.screenshot({ path: file, fullPage: view.page.viewportSize().width < 600 });
    if (view.problems.consoleErrors.length || view.problems.offHostRequests.length) {
        throw new Error(`${name}: ${JSON.stringify(view.problems)}`);
    }
    console.log(path.relative(projectRoot, file));
}

const SCENES = {
    async ready(harness) {
        const view = await harness.openPage({ contact: 'mobile' }, { viewport: VIEWPORT });
        await waitForText(byId(view, 'phone'), '5678');
        return view;
    },
    async sent(harness) {
        const view = await harness.openPage({ contact: 'mobile' }, { viewport: VIEWPORT });
        await sendAndReadCode(view);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_CodeSent', '+65 •••• 5678'));
        return view;
    },
    async verified(harness) {
        const view = await harness.openPage({ contact: 'mobile' }, { viewport: VIEWPORT });
        const code = await sendAndReadCode(view);
        await enterCode(view, code);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_Verified', '+65 •••• 5678'));
        await waitForText(byId(view, 'verified-by'), 'Jane Doe');
        return view;
    },
    async resumed(harness) {
        const view = await harness.openPage({ contact: 'mobile' }, { viewport: VIEWPORT });
        await sendAndReadCode(view);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_CodeSent', '+65 •••• 5678'));
        // A reload: the card resumes the code in flight from the Contact's related list.
        await view.page.reload();
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_CodeSent', '+65 •••• 5678'));
        await waitForText(byId(view, 'expiry'), 'Code expires in');
        return view;
    },
    async 'resend-notice'(harness) {
        const view = await harness.openPage({ contact: 'mobile' }, { viewport: VIEWPORT });
        await sendAndReadCode(view);
        await resendAndReadNotice(view);
        return view;
    },
    async 'older-code'(harness) {
        // The customer reads out the code of the first message after a resend: it counts as a wrong code.
        const view = await harness.openPage({ contact: 'mobile' }, { viewport: VIEWPORT });
        const older = await sendAndReadCode(view);
        await resendAndReadNotice(view);
        await enterCode(view, older);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_InvalidCode', 4));
        return view;
    },
    async narrow(harness) {
        // A phone-sized window (375 px): the page wraps instead of scrolling sideways.
        const view = await harness.openPage({ contact: 'mobile' }, { viewport: { width: 375, height: 812 } });
        await sendAndReadCode(view);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_CodeSent', '+65 •••• 5678'));
        return view;
    },
    async paste(harness) {
        const view = await harness.openPage({ contact: 'mobile' }, { viewport: VIEWPORT });
        const code = await sendAndReadCode(view);
        // Typed with spaces, as read aloud: the input keeps every digit.
        await byId(view, 'code').pressSequentially(code.replace(/(\d{2})(?=\d)/g, '$1 '));
        return view;
    },
    async error(harness) {
        const view = await harness.openPage({ contact: 'mobile', outcome: '401' }, { viewport: VIEWPORT });
        await byId(view, 'send').locator('button').click();
        await waitForText(byId(view, 'error'), label('WhatsAppOtp_Error_CredentialRejected'));
        return view;
    },
    async locked(harness) {
        const view = await harness.openPage({ contact: 'mobile', attempts: 2 }, { viewport: VIEWPORT });
        const code = await sendAndReadCode(view);
        const wrong = code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));
        await enterCode(view, wrong);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_InvalidCodeLastAttempt'));
        await enterCode(view, wrong);
        await waitForText(byId(view, 'status'), label('WhatsAppOtp_UI_Locked'));
        return view;
    },
    async 'no-phone'(harness) {
        const view = await harness.openPage({ contact: 'no-phone' }, { viewport: VIEWPORT });
        await waitForText(byId(view, 'no-phone'), label('WhatsAppOtp_Error_NoPhone'));
        return view;
    }
};

const harness = await startHarness();
try {
    for (const [name, scene] of Object.entries(SCENES)) {
        const view = await scene(harness);
        await shoot(view, name);
        await view.close();
    }
} finally {
    await harness.close();
}
