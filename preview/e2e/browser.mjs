// Finds a Chromium for the browser tests and launches it so that it cannot leave 127.0.0.1.
// Order: CHROME_PATH, then an installed Chromium or Chrome, then (Linux x64 only) the Chromium that
// `npm ci` brought with @sparticuz/chromium. That package is a dependency of the local package
// preview/e2e/linux-chromium, an optional dependency whose "os"/"cpu" fields keep npm from installing it
// on macOS, Windows or ARM, where a local Chrome serves. Nothing is ever downloaded.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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

const NPM_CHROMIUM = '@sparticuz/chromium';

const INSTALL_HINT =
    'No Chromium or Chrome found. On Linux x64 `npm ci` installs one from npm (@sparticuz/chromium, unless ' +
    'optional dependencies were omitted); elsewhere install Chrome, or point CHROME_PATH at a Chrome/Chromium ' +
    'executable. The browser tests never download a browser.';

/** CHROME_PATH first, then the usual install paths, then the npm Chromium; throws the hint when none exists. */
export async function findBrowser() {
    const fromEnv = process.env.CHROME_PATH;
    if (fromEnv && !fs.existsSync(fromEnv)) {
        throw new Error(`CHROME_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    }
    const executablePath = fromEnv || USUAL_PATHS.find((candidate) => fs.existsSync(candidate));
    if (executablePath) {
        return { executablePath, description: `${executablePath} (${fromEnv ? 'CHROME_PATH' : 'installed'})`, env: {} };
    }
    const npm = await npmChromium();
    if (!npm) {
        throw new Error(INSTALL_HINT);
    }
    return npm;
}

/**
 * The npm Chromium (where npm installed it), unpacked once per version into node_modules/.cache, so `npm ci`
 * starts afresh. The package's executablePath() unpacks into os.tmpdir(), so it runs in a child process whose
 * TMPDIR is that folder; fonts.conf, written last, marks a complete unpack and names the unpacked fonts (the
 * package's own names a fonts folder in the system temp directory, see @sparticuz/chromium build/esm/index.js;
 * without any font, text has no width).
 */
async function npmChromium() {
    let entry;
    try {
        entry = fileURLToPath(import.meta.resolve(NPM_CHROMIUM));
    } catch {
        return undefined;
    }
    // Its "exports" hide package.json; the entry point is <dir>/build/esm/index.js.
    const dir = path.resolve(path.dirname(entry), '..', '..');
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const target = path.resolve(dir, '..', '..', '.cache', 'npm-chromium', version);
    const fontsConf = path.join(target, 'fonts.conf');
    if (!fs.existsSync(fontsConf)) {
        // An interrupted unpack leaves no fonts.conf; the package would take its half-written chromium as done.
        fs.rmSync(target, { recursive: true, force: true });
        fs.mkdirSync(target, { recursive: true });
        const unpack = `const { default: c } = await import(${JSON.stringify(entry)}); await c.executablePath();`;
        await promisify(execFile)(process.execPath, ['--input-type=module', '-e', unpack], {
            env: { ...process.env, TMPDIR: target }
        });
        fs.writeFileSync(
            fontsConf,
            `<?xml version="1.0"?>\n<fontconfig><dir>${target}/fonts</dir>` +
                `<cachedir>${target}/fonts-cache</cachedir></fontconfig>\n`
        );
    }
    const executablePath = path.join(target, 'chromium');
    return {
        executablePath,
        description: `${NPM_CHROMIUM} ${version} from npm (${path.relative(process.cwd(), executablePath)})`,
        env: { FONTCONFIG_FILE: fontsConf }
    };
}

// Without the host resolver rules (and a fresh profile) headless Chromium still resolves Google hosts.
// These are the flags for every browser, the npm one included: @sparticuz/chromium's own `args`
// (--single-process, in-process GPU, SwiftShader) make 143 crash with SIGTRAP outside AWS Lambda.
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
    // Every host but 127.0.0.1 and localhost, IP literals included, resolves to nothing, so no request can
    // leave (composer.test.mjs proves it against a server on another address of this machine).
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
];

/**
 * Launches findBrowser()'s pick with the offline flags, on a fresh profile Playwright deletes on close; resolves to
 * { browser, description }.
 */
export async function launchBrowser() {
    const found = await findBrowser();
    const browser = await chromium.launch({
        executablePath: found.executablePath,
        headless: true,
        args: OFFLINE_FLAGS,
        env: { ...process.env, ...found.env }
    });
    return { browser, description: found.description };
}
