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

/**
 * @typedef {object} FoundBrowser
 * @property {string} executablePath
 * @property {string} description what the e2e gate prints
 * @property {Record<string, string>} env extra environment for the browser process
 */

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

/** The package's directory and version, or undefined where npm did not install it. */
function npmChromiumPackage() {
    let entry;
    try {
        entry = fileURLToPath(import.meta.resolve(NPM_CHROMIUM));
    } catch {
        return undefined;
    }
    // Its "exports" hide package.json; the entry point is <dir>/build/esm/index.js.
    const dir = path.resolve(path.dirname(entry), '..', '..');
    const { name, version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    if (name !== NPM_CHROMIUM) {
        throw new Error(`${NPM_CHROMIUM} resolved to ${entry}, which is not inside that package`);
    }
    return { dir, entry, version };
}

/**
 * The npm Chromium, unpacked once per installed version into node_modules/.cache (so `npm ci` starts it
 * afresh). The package's own executablePath() does the unpacking; it writes to os.tmpdir(), so it runs in
 * a child process whose TMPDIR is a private staging directory, renamed into place only when complete:
 * an interrupted or concurrent first run never leaves a half-written browser behind.
 * Its fonts.conf names a fonts folder in the system temp directory; ours names the unpacked fonts (without any font, text has no width).
 */
async function npmChromium() {
    const pkg = npmChromiumPackage();
    if (!pkg) {
        return undefined;
    }
    const cacheRoot = path.resolve(pkg.dir, '..', '..', '.cache', 'npm-chromium');
    const target = path.join(cacheRoot, pkg.version);
    const executablePath = path.join(target, 'chromium');
    const fontsConf = path.join(target, 'fonts.conf');
    if (!fs.existsSync(executablePath) || !fs.existsSync(fontsConf)) {
        fs.mkdirSync(cacheRoot, { recursive: true });
        const staging = fs.mkdtempSync(path.join(cacheRoot, `.staging-${pkg.version}-`));
        try {
            const unpack =
                `const { default: c } = await import(${JSON.stringify(pkg.entry)});` +
                'process.stdout.write(await c.executablePath());';
            const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', unpack], {
                env: { ...process.env, TMPDIR: staging }
            });
            if (path.resolve(stdout.trim()) !== path.join(staging, 'chromium')) {
                throw new Error(`${NPM_CHROMIUM} unpacked to ${stdout.trim()}, expected ${staging}/chromium`);
            }
            fs.writeFileSync(
                path.join(staging, 'fonts.conf'),
                '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
                    `    <dir>${path.join(target, 'fonts')}</dir>\n` +
                    `    <cachedir>${path.join(target, 'fonts-cache')}</cachedir>\n</fontconfig>\n`
            );
            fs.rmSync(target, { recursive: true, force: true });
            fs.renameSync(staging, target);
        } catch (error) {
            fs.rmSync(staging, { recursive: true, force: true });
            // Another process finishing first is fine; anything else is a failure.
            if (!fs.existsSync(executablePath) || !fs.existsSync(fontsConf)) {
                throw error;
            }
        }
    }
    return {
        executablePath,
        description: `${NPM_CHROMIUM} ${pkg.version} from npm (${path.relative(process.cwd(), executablePath)})`,
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
 * Launches the browser findBrowser() picks (or the one given) with the offline flags. playwright's launch()
 * starts it on a fresh temporary user data dir of its own (--user-data-dir=<new temp dir>) and deletes it
 * on close.
 * @param {FoundBrowser} [found]
 */
export async function launchBrowser(found) {
    const browser = found ?? (await findBrowser());
    return chromium.launch({
        executablePath: browser.executablePath,
        headless: true,
        args: OFFLINE_FLAGS,
        env: { ...process.env, ...browser.env }
    });
}
