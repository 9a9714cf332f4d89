// Finds a Chromium for the browser tests and launches it so that it cannot leave 127.0.0.1. Order: CHROME_PATH, an
// installed Chromium or Chrome, then (Linux x64 only) the Chromium `npm ci` brought with @sparticuz/chromium, a
// dependency of the optional local package preview/e2e/linux-chromium, whose "os"/"cpu" fields keep npm from
// installing it elsewhere. Nothing is ever downloaded.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// Required, not imported: an import makes Node scan the package's 3.6 MB CommonJS bundle for its export names first.
const { chromium } = createRequire(import.meta.url)('playwright-core');

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

const INSTALL_HINT =
    'No Chromium or Chrome found. On Linux x64 `npm ci` installs one from npm (@sparticuz/chromium, unless optional ' +
    'dependencies were omitted); elsewhere install Chrome, or point CHROME_PATH at a Chrome/Chromium executable.';

/**
 * The npm Chromium, unpacked once per version into node_modules/.cache (so `npm ci` starts afresh). The package's
 * executablePath() unpacks into os.tmpdir(), so it runs in a child process whose TMPDIR is that folder; fonts.conf,
 * written last, marks a complete unpack and names the unpacked fonts (without any font, text has no width; the
 * package's own names a folder in the system temp directory, see @sparticuz/chromium build/esm/index.js).
 */
async function npmChromium() {
    let entry;
    try {
        entry = fileURLToPath(import.meta.resolve('@sparticuz/chromium'));
    } catch {
        throw new Error(INSTALL_HINT);
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
        const env = { ...process.env, TMPDIR: target };
        await promisify(execFile)(process.execPath, ['--input-type=module', '-e', unpack], { env });
        const fonts = `<dir>${target}/fonts</dir><cachedir>${target}/fonts-cache</cachedir>`;
        fs.writeFileSync(fontsConf, `<?xml version="1.0"?>\n<fontconfig>${fonts}</fontconfig>\n`);
    }
    const executablePath = path.join(target, 'chromium');
    const description = `@sparticuz/chromium ${version} from npm (${path.relative(process.cwd(), executablePath)})`;
    return { executablePath, description, env: { FONTCONFIG_FILE: fontsConf } };
}

/** CHROME_PATH first, then the usual install paths, then the npm Chromium; throws the hint when none exists. */
export async function findBrowser() {
    const fromEnv = process.env.CHROME_PATH;
    if (fromEnv && !fs.existsSync(fromEnv)) {
        throw new Error(`CHROME_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    }
    const executablePath = fromEnv || USUAL_PATHS.find((candidate) => fs.existsSync(candidate));
    const description = `${executablePath} (${fromEnv ? 'CHROME_PATH' : 'installed'})`;
    return executablePath ? { executablePath, description, env: {} } : npmChromium();
}

// Without the host resolver rules (and a fresh profile) headless Chromium still resolves Google hosts. These are the
// flags for every browser, the npm one included, on top of Playwright's own (headless, no sandbox, no first run, no
// background networking, component updates or sync): @sparticuz/chromium's own `args` (--single-process, in-process
// GPU, SwiftShader) make 143 crash with SIGTRAP outside AWS Lambda.
const OFFLINE_FLAGS = [
    '--disable-gpu',
    '--disable-quic',
    '--disable-domain-reliability',
    '--no-pings',
    '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
    // Every host but 127.0.0.1 and localhost, IP literals included, resolves to nothing, so no request can leave
    // (composer.test.mjs proves it against a server on another address of this machine).
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
];

/** Launches findBrowser()'s pick offline, on a fresh profile Playwright deletes on close: { browser, description }. */
export async function launchBrowser() {
    const { executablePath, description, env } = await findBrowser();
    const browser = await chromium.launch({ executablePath, args: OFFLINE_FLAGS, env: { ...process.env, ...env } });
    return { browser, description };
}
