#!/usr/bin/env node
// `npm start`: builds the preview page (rollup, in memory) and serves it with the simulated org and the simulated
// 8x8 on 127.0.0.1 only, PORT (default 4173). It watches force-app/core and preview/src, rebuilds on change and an
// open page reloads itself; `npm run dev` adds the TypeScript build's watch, so a src-ts edit reaches the page too.
// The e2e tests and the screenshot script start the same server with startPreview({ port: 0 }).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { json } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { createCustomerPhone } from './sim/customerPhone.mjs';
import { RECORDS, recordById } from './sim/contacts.mjs';
import { createMessagingApi } from './sim/messagingApi.mjs';
import { corePackage, previewRoot, sldsAssets } from './sim/paths.mjs';
import { AgentError, createSimulatedOrg, scenarioSettingsFrom } from './sim/simulatedOrg.mjs';

const HOST = '127.0.0.1';
const pageRoot = path.join(previewRoot, 'src');
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2'
};

/** Ends a response: a string or a file's bytes as they are (plain text unless typed), anything else as JSON. */
function send(res, status, value, type) {
    const text = typeof value === 'string' || Buffer.isBuffer(value);
    res.writeHead(status, {
        'content-type': type ?? (text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
        'cache-control': text ? 'no-cache' : 'no-store'
    });
    res.end(text ? value : JSON.stringify(value));
}

/** Opens a server-sent event stream until the page goes; `subscribe(write)` returns what unsubscribes. */
function eventStream(req, res, subscribe) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(': stream\n\n');
    req.on(
        'close',
        subscribe((event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`))
    );
}

/** The rejection the platform hands to an imperative Apex caller for an AuraHandledException. */
function auraError(message) {
    const body = { message, exceptionType: 'System.AuraHandledException', isUserDefinedException: false };
    return { status: 500, statusText: 'Server Error', ok: false, headers: {}, body: { ...body, stackTrace: null } };
}

function serveFile(res, root, name) {
    const file = path.resolve(root, name);
    const found = file.startsWith(root + path.sep) && fs.statSync(file, { throwIfNoEntry: false })?.isFile();
    return found ? send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)]) : send(res, 404, 'Not found');
}

/**
 * Takes the port, builds once, then serves. Options: port (0 = any free port), watch (rebuild on change), log, build
 * (false: serve the simulated org only, for tests that need no page), now (the simulated org's clock; Date.now
 * unless given). Resolves to { url, port, org, phone, buildError(), close() }.
 */
export async function startPreview({ port = 4173, watch = false, log = () => {}, build: buildPage = true, now } = {}) {
    const phone = createCustomerPhone();
    const org = createSimulatedOrg({ messagingApi: createMessagingApi(), phone, now });
    const reloadListeners = new Set();
    let files = new Map();
    let cache;
    let buildError;

    async function build() {
        const started = Date.now();
        try {
            // Loaded only to build: a server that only simulates the org (build: false) never pays for rollup.
            const { buildBundle } = await import('./build/bundle.mjs');
            ({ files, cache } = await buildBundle(cache));
            buildError = undefined;
            log(`preview built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        } catch (error) {
            buildError = error;
            log(`preview build failed: ${error.message}`);
        }
        return !buildError;
    }

    const session = (url) => String(url.searchParams.get('session') ?? 'default');
    const list = (url, name) => (url.searchParams.get(name) || '').split(',').filter(Boolean);
    // A handler gets (req, res, decoded path groups, url); what it returns (if anything) goes back as JSON, 200.
    const get = (pattern, handler) => ['GET', pattern, handler];
    const post = (pattern, handler) => ['POST', pattern, handler];
    const routes = [
        get(/^\/(index\.html|preview\.css)?$/, (req, res, [name]) => serveFile(res, pageRoot, name ?? 'index.html')),
        get(/^\/assets\/(.+)$/, (req, res, [name]) => serveFile(res, sldsAssets, name)),
        get(/^\/dist\/(.+)$/, (req, res, [name]) =>
            files.has(name)
                ? send(res, 200, files.get(name), TYPES['.js'])
                : send(res, buildError ? 500 : 404, buildError ? `Preview build failed:\n${buildError.message}` : '')
        ),
        // Every record the page can sit on, by its scenario key.
        get(/^\/sim\/contacts$/, () => RECORDS),
        get(/^\/sim\/records\/([A-Za-z0-9]+)$/, (req, res, [id]) => {
            const found = recordById(id);
            const record = found && { apiName: found.apiName, id: found.id, fields: found.fields };
            return record ? { ok: true, record } : { ok: false, status: 404, statusText: 'Not Found' };
        }),
        // lightning/uiRelatedListApi's stand-in: the Contact's challenges from this tab's simulated org.
        get(/^\/sim\/related\/([^/]+)\/([^/]+)$/, (req, res, [parentId, listId], url) => {
            if (listId !== 'WhatsApp_OTP_Challenges__r') {
                return { ok: false, status: 400, statusText: 'Bad Request', message: 'Unknown related list' };
            }
            const query = { fields: list(url, 'fields'), sortBy: list(url, 'sortBy') };
            query.pageSize = Number(url.searchParams.get('pageSize')) || 50;
            return { ok: true, records: org.relatedChallenges(session(url), parentId, query) };
        }),
        post(
            /^\/sim\/apex\/WhatsAppOtpController\.(sendOtp|getSendStatus|verifyOtp|liftLockout)$/,
            async (req, res, [name]) => {
                const { params, scenario } = await json(req);
                const settings = {
                    outcome: String(scenario?.outcome ?? 'success'),
                    receipts: scenario?.receipts !== false,
                    ...scenarioSettingsFrom(scenario?.overrides)
                };
                try {
                    // The simulated org has the controller's methods (the pattern above names them).
                    return {
                        ok: true,
                        result: org[name](String(scenario?.session ?? 'default'), params ?? {}, settings)
                    };
                } catch (error) {
                    if (!(error instanceof AgentError)) {
                        throw error;
                    }
                    log(`apex ${name}: ${error.errorCode}`);
                    // Like Aura, a failed action still travels as HTTP 200 (so the browser logs no failed load).
                    return { ok: false, error: auraError(error.message) };
                }
            }
        ),
        // The customer writes in the WhatsApp chat (the phone's reply box).
        post(/^\/sim\/phone\/reply$/, async (req) => {
            const { session: id, text, overrides } = await json(req);
            const reply = String(text ?? '').slice(0, 1000);
            return { ok: org.customerReply(String(id ?? 'default'), reply, scenarioSettingsFrom(overrides)) };
        }),
        get(/^\/sim\/phone\/stream$/, (req, res, groups, url) =>
            eventStream(req, res, (write) => {
                // One event per kind (whatsapp, sms: the fallback, reply: the customer's own); ticks as status.
                const offMessages = phone.subscribe(session(url), (message) => write(message.kind, message));
                const offStatus = phone.subscribeStatus(session(url), (change) => write('status', change));
                return () => (offMessages(), offStatus());
            })
        ),
        get(/^\/sim\/reload$/, (req, res) =>
            eventStream(req, res, (write) => {
                const listener = () => write('rebuilt', {});
                reloadListeners.add(listener);
                return () => reloadListeners.delete(listener);
            })
        )
    ];

    const server = http.createServer(async (req, res) => {
        const url = new URL(req.url, `http://${HOST}`);
        const route = routes.find(([method, pattern]) => method === req.method && pattern.test(url.pathname));
        if (!route) {
            return send(res, 404, 'Not found');
        }
        try {
            const groups = url.pathname
                .match(route[1])
                .slice(1)
                .map((group) => group && decodeURIComponent(group));
            const answer = await route[2](req, res, groups, url);
            if (answer !== undefined) {
                send(res, 200, answer);
            }
        } catch (error) {
            log(`error on ${url.pathname}: ${error.stack ?? error}`);
            // Like Aura, as above.
            res.headersSent
                ? res.end()
                : send(res, 200, { ok: false, error: auraError(`Preview server error: ${error.message}`) });
        }
    });

    // The port first: a busy one fails at once, not after the build.
    await new Promise((resolve, reject) => server.once('error', reject).listen(port, HOST, resolve));
    if (buildPage) {
        await build();
    }
    let timer;
    let building = Promise.resolve();
    const rebuild = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            building = building.then(async () => (await build()) && reloadListeners.forEach((listener) => listener()));
        }, 150);
    };
    // The page's sources; a change under preview/sim or preview/build needs a restart.
    const watchers = watch ? [corePackage, pageRoot].map((dir) => fs.watch(dir, { recursive: true }, rebuild)) : [];
    const { port: actualPort } = server.address();
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    startPreview({ port: Number(process.env.PORT || 4173), watch: true, log: console.error }).then(
        (preview) => {
            if (preview.buildError()) {
                console.error(
                    'The page cannot load until the build succeeds; fix the error above (watching for changes).'
                );
            }
            console.log(preview.url);
        },
        (error) => {
            // Another preview (or anything else) holds the port: say what to do instead of a stack.
            const busy = error?.code === 'EADDRINUSE';
            console.error(busy ? `port ${error.port} in use; set PORT, for example: PORT=4174 npm start` : error);
            process.exit(1);
        }
    );
}
