// The 8x8 API key, the receipt secret and the inbound secret: read from prompts that echo nothing when standard input
// is a terminal, otherwise one a line from standard input (CI, `pass show 8x8 | npm run org:setup ...`). Never from
// argv, never written anywhere: each travels only in the body of our own HTTPS request with the session of
// `sf org display`. (`sf api request rest` is beta in the project's sf and takes no --json; its `--body -` would read
// stdin, but oclif waits 10 ms for it and then sends "-" itself: oclif/core#1646, forcedotcom/cli#3647; `--body @file`
// would put the secret on disk.)
// The key goes to Connect REST `named-credentials/credential` (API 56.0+), POST to create and PUT to replace, with
// `encrypted: true` ("Credential Input":
// https://developer.salesforce.com/docs/atlas.en-us.chatterapi.meta/chatterapi/connect_requests_credential_input.htm;
// GET takes externalCredential, principalName and principalType: .../connect_resources_named_credential.htm).
// The receipt secret (the HMAC key of each message's dlrCallbackUrl token) goes to the org default of the Public
// hierarchy custom setting WhatsApp_OTP_Receipt_Secret__c: Protected deploys only to developer and scratch orgs and,
// outside a managed package, protects nothing ("Protection and Privacy Options for Custom Settings",
// https://help.salesforce.com/s/articleView?id=platform.cs_schema_settings.htm); docs/admin-guide.md lists who can
// read it. Unconfirmed in an org: that the write succeeds where Schema Settings restrict custom settings.
//
// Reply verification: the org stores only the inbound secret's SHA-256 (WhatsAppOtpInboundSecret compares hashes),
// and the subaccount's inbound (MSG) webhook in 8x8 carries the secret in its URL and its Authorization value.
// 8x8's Webhook Configuration API takes the API key as a Bearer token on the region's host
// (https://developer.8x8.com/connect/reference/configuration-api). GET lists the account's webhooks, the
// httpAuthorization masked as *** (https://support.cpaas.8x8.com/hc/en-us/articles/59375137883801-Get-all-Webhooks-for-Account);
// POST creates or replaces the webhook of each subAccountId and type, and without a type both CADR and MSG, so type
// MSG is always sent and the delivery-receipt webhook is never touched
// (https://support.cpaas.8x8.com/hc/en-us/articles/59375118080537-Create-or-Replace-webhooks).
import crypto from 'node:crypto';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { StepError } from './sf.mjs';

export const RECEIPT_SETTING = 'WhatsApp_OTP_Receipt_Secret__c';
/** The shortest receipt secret accepted: 32 characters, the HMAC-SHA256 key's 256 bits as text of good entropy. */
export const MIN_SECRET_LENGTH = 32;
/** What WhatsAppOtpInboundSecret accepts: base64url, 32 to 128 characters. */
export const INBOUND_SECRET = /^[\w-]{32,128}$/;
/** 32 random bytes, base64url: 43 characters. */
export const newInboundSecret = () => crypto.randomBytes(32).toString('base64url');
export const hashOf = (secret) => crypto.createHash('sha256').update(secret).digest('hex');

/** One secret per prompt ('' for one not given): hidden prompts on a terminal, else lines of standard input. */
export async function readSecrets(prompts, input, output) {
    if (!input.isTTY) {
        const lines = [];
        for await (const line of readline.createInterface({ input })) {
            lines.push(...(line.trim() ? [line.trim()] : []));
        }
        return prompts.map((_, i) => lines[i] ?? '');
    }
    // readline edits the typed line (Backspace and the rest) with the terminal in raw mode; its echo goes nowhere.
    const muted = new Writable({ write: (chunk, encoding, done) => done() });
    const typing = readline.createInterface({ input, output: muted, terminal: true });
    const secrets = [];
    try {
        for (const prompt of prompts) {
            output.write(`${prompt} (typing is hidden, Enter to finish): `);
            const cancelled = new StepError(`cancelled at the ${prompt} prompt`, 'rerun, or pass its --skip flag');
            const typed = new Promise((resolve, reject) => {
                typing.once('line', (line) => resolve(line.trim()));
                typing.once('SIGINT', () => reject(cancelled));
                typing.once('close', () => resolve(''));
            });
            secrets.push(await typed);
            output.write('\n');
        }
    } finally {
        typing.close();
    }
    return secrets;
}

/**
 * An HTTPS JSON call with a Bearer token; every echo of `secrets` in the answer is blanked. The org's REST API and 8x8's
 * Webhook Configuration API both go through it. Throws a StepError (`what` failed, `fix`) unless it succeeds.
 */
async function call({ token, fetch: send = fetch }, secrets, [method, url, body], what, fix) {
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const response = await send(url, { method, headers, body: body && JSON.stringify(body) }).catch((error) => {
        const why = error.cause?.message ?? error.message;
        throw new StepError(`${new URL(url).host} could not be reached (${why})`, 'rerun');
    });
    const text = [].concat(secrets).reduce((t, s) => t.split(s).join('[the secret]'), await response.text());
    const parsed = /^[[{]/.test(text) ? JSON.parse(text) : text;
    if (!response.ok) {
        const detail = [].concat(parsed).map((e) => (e.message ? `${e.errorCode} ${e.message}` : JSON.stringify(e)));
        const problem = `${method} HTTP ${response.status}: ${detail.join('; ').slice(0, 500)}`;
        throw new StepError(`${what} failed: ${problem}`, fix);
    }
    return parsed;
}

/** A REST call under /services/data/vNN.0 with the org's session ({ instanceUrl, accessToken, apiVersion, fetch }). */
function rest(session, secret, [method, resource, body], what, fix) {
    const url = `${session.instanceUrl.replace(/\/$/, '')}/services/data/v${session.apiVersion}/${resource}`;
    return call({ token: session.accessToken, fetch: session.fetch }, secret, [method, url, body], what, fix);
}

/** Stores the key on the named principal: GET to learn whether it is there, then PUT (replace) or POST (create). */
export async function storeKey(session, key) {
    const who = {
        externalCredential: 'X8x8_CPaaS_Authentication',
        principalName: 'X8x8_API_Key_Principal',
        principalType: 'NamedPrincipal'
    };
    const fix =
        'check that step connection deployed X8x8_CPaaS_Authentication and that you may Manage Named Credentials, or enter the key in Setup (docs/admin-guide.md, "Enter the API key by hand"), then rerun';
    const resource = 'named-credentials/credential';
    const current = await rest(session, key, ['GET', `${resource}?${new URLSearchParams(who)}`]).catch(() => {});
    const method = current?.credentials?.ApiKey ? 'PUT' : 'POST';
    const body = { ...who, authenticationProtocol: 'Custom', credentials: { ApiKey: { value: key, encrypted: true } } };
    await rest(session, key, [method, resource, body], 'storing the key', fix);
    return method === 'PUT' ? 'replaced' : 'created';
}

/**
 * Stores `value` in `field` of the org default (SetupOwnerId = the org) of RECEIPT_SETTING: PATCH it, or POST one.
 * The receipt secret goes to Secret__c, the inbound secret's hash to Inbound_Secret_Hash__c.
 */
export async function storeSetting(session, value, field) {
    const what = `storing ${field}`;
    const fix = `enter it in Setup → Custom Settings → WhatsApp OTP Receipt Secret → Manage, field ${field} (docs/admin-guide.md, "Store the receipt secret by hand", "Reply verification"), or rerun`;
    const soql = `SELECT Id FROM ${RECEIPT_SETTING} WHERE SetupOwnerId = '${session.id}'`;
    const found = await rest(session, value, ['GET', `query?${new URLSearchParams({ q: soql })}`], what, fix);
    const id = found?.records?.[0]?.Id;
    const write = id ? ['PATCH', `sobjects/${RECEIPT_SETTING}/${id}`] : ['POST', `sobjects/${RECEIPT_SETTING}`];
    await rest(session, value, [...write, { ...(id ? {} : { SetupOwnerId: session.id }), [field]: value }], what, fix);
    return id ? 'replaced' : 'created';
}

/** The inbound (MSG) webhook of `subaccount` that points at the Site's inbound endpoint. */
export const webhook = (siteUrl, subaccount, secret) => ({
    subAccountId: subaccount,
    type: 'MSG',
    url: `${siteUrl}/services/apexrest/whatsapp-otp/inbound/${secret}`,
    httpAuthorization: `Bearer ${secret}`,
    enabled: true
});

/** The 8x8 Connect steps that make the same webhook by hand (https://developer.8x8.com/connect/docs/developer-tools). */
export const portalSteps = ({ subAccountId, url, httpAuthorization }) =>
    `in 8x8 Connect: Developer tools → Webhooks → Add new webhook: subaccount ${subAccountId} (not all subaccounts),
    Chat Apps inbound messages (leave delivery receipts as they are), URL ${url}, HTTP Authorization ${httpAuthorization}`;

/**
 * Reads the account's webhooks at `url` with the API key and refuses, unless `force`, when an inbound webhook of the
 * subaccount or of every subaccount (*) points anywhere but the Site's inbound endpoint: replacing it would take
 * that system's customer messages. Returns the POST that sets `hook`, to run once the org holds the hash.
 */
export async function checkWebhooks({ fetch, key, url, force }, hook, secret) {
    const fix = 'check --account-id, --region and the API key (8x8 Connect → Developer tools → API keys), then rerun';
    const api = (method, body) =>
        call({ token: key, fetch }, [key, secret], [method, url, body], `8x8 ${method} ${url}`, fix);
    const ours = `${hook.url.slice(0, hook.url.lastIndexOf('/'))}/`;
    const others = (w) =>
        w.type === 'MSG' && [hook.subAccountId, '*'].includes(w.subAccountId) && !`${w.url}/`.startsWith(ours);
    const found = [].concat((await api('GET')) ?? []).filter(others);
    const named = found.map((w) => `${w.url} (subaccount ${w.subAccountId})`).join(', ');
    if (named && !force) {
        throw new StepError(
            `8x8 already sends the inbound WhatsApp messages of ${hook.subAccountId} to ${named}; replacing it would take them from that system`,
            'give codes their own subaccount or number (docs/admin-guide.md, "Reply verification"), or rerun with --force to replace it'
        );
    }
    return () => api('POST', [hook]).then(() => (named ? `replaced ${named}` : 'set'));
}
