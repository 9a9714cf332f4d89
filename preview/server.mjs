#!/usr/bin/env node
// `npm start`: builds the preview page (rollup, in memory) and serves it with the simulated org and the
// simulated 8x8 on 127.0.0.1 only. Watches force-app/ and the preview's sources and rebuilds on change;
// an open page reloads itself after each rebuild. Prints the URL on a line of its own once the page is ready.
//   PORT=4173 (default)
// The e2e tests and the screenshot script start the same server with startPreview({ port: 0 }).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCustomerPhone } from './sim/customerPhone.mjs';
import { CONTACTS, contactById } from './sim/contacts.mjs';
import { createMessagingApi } from './sim/messagingApi.mjs';
import { corePackage, distDir, previewRoot, sldsAssets } from './sim/paths.mjs';
import { AgentError, createSimulatedOrg, scenarioSettingsFrom } from './sim/simulatedOrg.mjs';

export const DEFAULT_PORT = 4173;
const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 64 * 1024;

const CONTENT_TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.png': 'image/png',
    '.json': 'application/json'
};

/**
 * Builds the page bundle in memory; returns { files: Map<fileName, code>, cache }. `cache` is rollup's own, which a
 * watching server hands back on each rebuild, so only changed modules compile again. With PREVIEW_DIST=1 the files
 * are read from preview/dist instead: test:e2e builds once into it for all of its test files (preview/e2e/run.mjs).
 */
export async function buildBundle(cache) {
    if (process.env.PREVIEW_DIST === '1') {
        const names = fs.readdirSync(distDir, { recursive: true }).map((name) => name.split(path.sep).join('/'));
        const files = names.filter((name) => fs.statSync(path.join(distDir, name)).isFile());
        return { files: new Map(files.map((name) => [name, fs.readFileSync(path.join(distDir, name), 'utf8')])) };
    }
    // Loaded only to build: a server that only simulates the org (build: false) never pays for them.
    const [{ rollup }, { createRollupOptions }] = await Promise.all([import('rollup'), import('./rollup.config.mjs')]);
    const options = createRollupOptions();
    const bundle = await rollup({ ...options, cache });
    try {
        const { output } = await bundle.generate(options.output);
        const files = new Map(output.map((item) => [item.fileName, item.type === 'chunk' ? item.code : item.source]));
        return { files, cache: bundle.cache };
    } finally {
        await bundle.close();
    }
}

function sanitizeScenario(scenario) {
    return {
        outcome: String(scenario?.outcome ?? 'success'),
        receipts: scenario?.receipts !== false,
        ...scenarioSettingsFrom(scenario?.overrides)
    };
}

function sendJson(response, status, value, headers = {}) {
    response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        ...headers
    });
    response.end(JSON.stringify(value));
}

async function readJsonBody(request) {
    const chunks = [];
    let size = 0;
    for await (const chunk of request) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
            request.destroy();
            throw new Error('request body too large');
        }
        chunks.push(chunk);
    }
    return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

/** Opens a server-sent event stream; returns what writes one event. */
function eventStream(response, comment) {
    response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive'
    });
    response.write(`: ${comment}\n\n`);
    return (event, data) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The rejection the platform hands to an imperative Apex caller for an AuraHandledException. */
function auraError(message) {
    return {
        status: 500,
        statusText: 'Server Error',
        ok: false,
        headers: {},
        body: { message, exceptionType: 'System.AuraHandledException', isUserDefinedException: false, stackTrace: null }
    };
}

function serveFile(response, filePath, root) {
    const resolved = path.resolve(filePath);
    if (!resolved.startsWith(root + path.sep) || !fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('Not found');
        return;
    }
    response.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(resolved)] ?? 'application/octet-stream',
        'cache-control': 'no-cache'
    });
    fs.createReadStream(resolved).pipe(response);
}

/**
 * Builds once, then serves. Options: port (0 = any free port), watch (rebuild on change), log, build
 * (false: serve the simulated org only, for tests that need no page), now (the simulated org's clock;
 * Date.now unless given). Resolves to
 * { url, port, org, phone, close() }.
 */
export async function startPreview({
    port = DEFAULT_PORT,
    watch = false,
    log = () => {},
    build: buildPage = true,
    now
} = {}) {
    const messagingApi = createMessagingApi();
    const phone = createCustomerPhone();
    const org = createSimulatedOrg({ messagingApi, phone, now });
    const reloadListeners = new Set();
    let files = new Map();
    let cache;
    let buildError;

    async function build() {
        const started = Date.now();
        try {
            const result = await buildBundle(cache);
            files = result.files;
            cache = result.cache;
            buildError = undefined;
            log(`preview built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
            return true;
        } catch (error) {
            buildError = error;
            log(`preview build failed: ${error.message}`);
            return false;
        }
    }

    const routes = [
        [
            /^\/(index\.html|preview\.css)?$/,
            (req, res, match) =>
                serveFile(res, path.join(previewRoot, 'src', match[1] ?? 'index.html'), path.join(previewRoot, 'src'))
        ],
        [
            /^\/assets\/(.+)$/,
            (req, res, match) => serveFile(res, path.join(sldsAssets, decodeURIComponent(match[1])), sldsAssets)
        ],
        [
            /^\/dist\/(.+)$/,
            (req, res, match) => {
                const code = files.get(match[1]);
                if (code === undefined) {
                    res.writeHead(buildError ? 500 : 404, { 'content-type': 'text/plain' });
                    res.end(buildError ? `Preview build failed:\n${buildError.message}` : 'Not found');
                    return;
                }
                res.writeHead(200, { 'content-type': CONTENT_TYPES['.js'], 'cache-control': 'no-cache' });
                res.end(code);
            }
        ],
        [
            /^\/sim\/contacts$/,
            (req, res) =>
                sendJson(
                    res,
                    200,
                    Object.entries(CONTACTS).map(([key, contact]) => ({
                        key,
                        id: contact.id,
                        name: contact.fields.Name
                    }))
                )
        ],
        [
            /^\/sim\/records\/([A-Za-z0-9]+)$/,
            (req, res, match) => {
                const contact = contactById(match[1]);
                if (!contact) {
                    sendJson(res, 200, { ok: false, status: 404, statusText: 'Not Found' });
                    return;
                }
                sendJson(res, 200, {
                    ok: true,
                    record: { apiName: 'Contact', id: contact.id, fields: contact.fields }
                });
            }
        ],
        [
            // The Activity card: the Tasks this tab's simulated org logged on the Contact, newest first.
            /^\/sim\/tasks\/([^/]+)$/,
            (req, res, match, url) => {
                const session = String(url.searchParams.get('session') ?? 'default');
                sendJson(res, 200, { ok: true, tasks: org.tasksOf(session, decodeURIComponent(match[1])) });
            }
        ],
        [
            // lightning/uiRelatedListApi's stand-in: the Contact's challenges from this tab's simulated org.
            /^\/sim\/related\/([^/]+)\/([^/]+)$/,
            (req, res, match, url) => {
                if (decodeURIComponent(match[2]) !== 'WhatsApp_OTP_Challenges__r') {
                    sendJson(res, 200, {
                        ok: false,
                        status: 400,
                        statusText: 'Bad Request',
                        message: 'Unknown related list'
                    });
                    return;
                }
                const list = (name) => (url.searchParams.get(name) || '').split(',').filter(Boolean);
                const records = org.relatedChallenges(
                    String(url.searchParams.get('session') ?? 'default'),
                    decodeURIComponent(match[1]),
                    {
                        fields: list('fields'),
                        sortBy: list('sortBy'),
                        pageSize: Number(url.searchParams.get('pageSize')) || 50
                    }
                );
                sendJson(res, 200, { ok: true, records });
            }
        ],
        [
            /^\/sim\/apex\/WhatsAppOtpController\.(sendOtp|getSendStatus|verifyOtp|liftLockout)$/,
            async (req, res, match) => {
                if (req.method !== 'POST') {
                    sendJson(res, 405, auraError('POST only'));
                    return;
                }
                const { params, scenario } = await readJsonBody(req);
                const session = String(scenario?.session ?? 'default');
                try {
                    // The simulated controller has the controller's methods (the pattern above names them).
                    const result = org[match[1]](session, params ?? {}, sanitizeScenario(scenario));
                    sendJson(res, 200, { ok: true, result });
                } catch (error) {
                    if (!(error instanceof AgentError)) {
                        throw error;
                    }
                    log(`apex ${match[1]}: ${error.errorCode}`);
                    // Like Aura, a failed action still travels as HTTP 200 (so the browser logs no failed load).
                    sendJson(res, 200, { ok: false, error: auraError(error.message) });
                }
            }
        ],
        [
            // The tests' clock: moves one session's simulated org forward instead of waiting.
            /^\/sim\/clock$/,
            async (req, res) => {
                if (req.method !== 'POST') {
                    sendJson(res, 405, { message: 'POST only' });
                    return;
                }
                const { session, advanceSeconds } = await readJsonBody(req);
                const seconds = Number(advanceSeconds);
                if (!Number.isFinite(seconds) || seconds < 0) {
                    sendJson(res, 400, { message: 'advanceSeconds must be a number of seconds, 0 or more' });
                    return;
                }
                org.advanceClock(String(session), seconds);
                sendJson(res, 200, { ok: true });
            }
        ],
        [
            /^\/sim\/phone\/stream$/,
            (req, res, match, url) => {
                const send = eventStream(res, 'customer phone');
                const session = String(url.searchParams.get('session'));
                // An SMS (the fallback) has its own event; ticks come as status events.
                const unsubscribe = phone.subscribe(session, (message) =>
                    send(message.kind === 'sms' ? 'sms' : 'whatsapp', message)
                );
                const unsubscribeStatus = phone.subscribeStatus(session, (change) => send('status', change));
                req.on('close', () => {
                    unsubscribe();
                    unsubscribeStatus();
                });
            }
        ],
        [
            /^\/sim\/reload$/,
            (req, res) => {
                const send = eventStream(res, 'rebuilds');
                const listener = () => send('rebuilt', {});
                reloadListeners.add(listener);
                req.on('close', () => reloadListeners.delete(listener));
            }
        ],
        [
            // The simulated 8x8 itself, for a direct look: the outcome comes from the X-Preview-Outcome header.
            /^\/sim\/8x8\/api\/v1\/subaccounts\/([^/]+)\/messages$/,
            async (req, res, match) => {
                if (req.method !== 'POST') {
                    sendJson(res, 405, { code: 1000, message: 'POST only' });
                    return;
                }
                const answer = await messagingApi.sendMessage({
                    subAccountId: decodeURIComponent(match[1]),
                    body: await readJsonBody(req),
                    outcome: String(req.headers['x-preview-outcome'] ?? 'success'),
                    timeoutMs: 1000
                });
                if (answer.timedOut) {
                    req.socket.destroy();
                    return;
                }
                sendJson(res, answer.status, answer.body, answer.headers);
            }
        ]
    ];

    const server = http.createServer(async (req, res) => {
        const url = new URL(req.url, `http://${HOST}`);
        try {
            for (const [pattern, handler] of routes) {
                const match = url.pathname.match(pattern);
                if (match) {
                    await handler(req, res, match, url);
                    return;
                }
            }
            res.writeHead(404, { 'content-type': 'text/plain' });
            res.end('Not found');
        } catch (error) {
            log(`error on ${url.pathname}: ${error.stack ?? error}`);
            if (!res.headersSent) {
                sendJson(res, 200, { ok: false, error: auraError(`Preview server error: ${error.message}`) });
            } else {
                res.end();
            }
        }
    });

    if (buildPage) {
        await build();
    }
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, HOST, resolve);
    });
    const actualPort = server.address().port;

    const watchers = [];
    if (watch) {
        let timer;
        let building = Promise.resolve();
        const onChange = () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                building = building.then(async () => {
                    if (await build()) {
                        reloadListeners.forEach((listener) => listener());
                    }
                });
            }, 150);
        };
        // The page's sources; a change under preview/sim or preview/build needs a restart.
        for (const dir of [corePackage, path.join(previewRoot, 'src')]) {
            watchers.push(fs.watch(dir, { recursive: true }, onChange));
        }
    }

    return {
        url: `http://${HOST}:${actualPort}/`,
        port: actualPort,
        org,
        phone,
        buildError: () => buildError,
        close() {
            watchers.forEach((watcher) => watcher.close());
            org.stopReceipts();
            server.closeAllConnections();
            return new Promise((resolve) => server.close(resolve));
        }
    };
}

async function main() {
    if (process.argv.includes('--build-only')) {
        // For timing a cold build: /usr/bin/time node preview/server.mjs --build-only
        const started = Date.now();
        const { files } = await buildBundle();
        console.log(`preview built in ${((Date.now() - started) / 1000).toFixed(1)} s (${files.size} files)`);
        return;
    }
    const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
    const log = (line) => console.error(line);
    const preview = await startPreview({ port, watch: true, log });
    if (preview.buildError()) {
        console.error('The page cannot load until the build succeeds; fix the error above (watching for changes).');
    }
    console.log(preview.url);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main().catch((error) => {
        if (error?.code === 'EADDRINUSE') {
            // Another preview (or anything else) holds the port: say what to do instead of a stack.
            console.error(`port ${error.port} in use; set PORT, for example: PORT=4174 npm start`);
        } else {
            console.error(error);
        }
        process.exit(1);
    });
}
