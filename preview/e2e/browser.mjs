// Finds an installed Chromium or Chrome and launches it so that it cannot leave 127.0.0.1.
// Never downloads a browser: without one, the e2e step fails with the install hint.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const USUAL_PATHS = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
];

export const INSTALL_HINT =
    'No Chromium or Chrome found. Install one (Debian/Ubuntu: sudo apt-get install chromium), ' +
    'or point CHROME_PATH at a Chrome/Chromium executable. The browser tests never download a browser.';

/** CHROME_PATH first, then the usual install paths; throws with the install hint when none exists. */
export function findBrowser() {
    if (process.env.CHROME_PATH) {
        if (!fs.existsSync(process.env.CHROME_PATH)) {
            throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist. ${INSTALL_HINT}`);
        }
        return process.env.CHROME_PATH;
    }
    const found = USUAL_PATHS.find((candidate) => fs.existsSync(candidate));
    if (!found) {
        throw new Error(INSTALL_HINT);
    }
    return found;
}

// Without the host resolver rules (and a fresh profile) headless Chromium still resolves Google hosts.
const OFFLINE_FLAGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-domain-reliability',
    '--no-pings',
    '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
];

/**
 * Launches the installed browser with the offline flags. playwright's launch() starts it on a fresh
 * temporary user data dir of its own (--user-data-dir=<new temp dir>) and deletes it on close.
 */
export async function launchBrowser() {
    return chromium.launch({ executablePath: findBrowser(), headless: true, args: OFFLINE_FLAGS });
}
