// The 8x8 API key and the receipt secret: read from prompts that echo nothing when standard input is a terminal,
// otherwise one a line from standard input (CI, `pass show 8x8 | npm run org:setup ...`). Never from argv, never
// written anywhere: each travels only in the body of our own HTTPS request with the session of `sf org display`.
// (`sf api request rest --body -` would read stdin, but oclif waits 10 ms for it and then sends "-" itself:
// oclif/core#1646, forcedotcom/cli#3647; `--body @file` would put the secret on disk.)
// The key goes to Connect REST `named-credentials/credential` (API 56.0+), POST to create and PUT to replace, with
// `encrypted: true` ("Credential Input":
// https://developer.salesforce.com/docs/atlas.en-us.chatterapi.meta/chatterapi/connect_requests_credential_input.htm;
// GET takes externalCredential, principalName and principalType: .../connect_resources_named_credential.htm).
// The receipt secret (the HMAC key of each message's dlrCallbackUrl token) goes to the org default of the Public
// hierarchy custom setting WhatsApp_OTP_Receipt_Secret__c: Protected deploys only to developer and scratch orgs and,
// outside a managed package, protects nothing ("Protection and Privacy Options for Custom Settings",
// https://help.salesforce.com/s/articleView?id=platform.cs_schema_settings.htm); docs/admin-guide.md lists who can
// read it. Unconfirmed in an org: that the write succeeds where Schema Settings restrict custom settings.
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { StepError } from './sf.mjs';

export const RECEIPT_SETTING = 'WhatsApp_OTP_Receipt_Secret__c';
/** The shortest receipt secret accepted: 32 characters, the HMAC-SHA256 key's 256 bits as text of good entropy. */
export const MIN_SECRET_LENGTH = 32;

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
 * An HTTPS JSON call with a Bearer token ({ token, fetch }); every echo of `secrets` is blanked in the answer. The
 * org's REST API and 8x8's Webhook Configuration API both go through it.
 */
export async function call({ token, fetch: send = fetch }, secrets, method, url, body) {
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const response = await send(url, { method, headers, body: body && JSON.stringify(body) }).catch((error) => {
        const why = error.cause?.message ?? error.message;
        throw new StepError(`${new URL(url).host} could not be reached (${why})`, 'rerun');
    });
    const text = [].concat(secrets).reduce((t, s) => t.split(s).join('[the secret]'), await response.text());
    const parsed = /^[[{]/.test(text) ? JSON.parse(text) : text;
    const detail = [].concat(parsed).map((e) => (e.message ? `${e.errorCode} ${e.message}` : JSON.stringify(e)));
    const problem = `${method} HTTP ${response.status}: ${detail.join('; ').slice(0, 500)}`;
    return { ok: response.ok, body: parsed, problem };
}

/** A REST call under /services/data/vNN.0 with the org's session ({ instanceUrl, accessToken, apiVersion, fetch }). */
function rest(session, secret, method, resource, body) {
    const url = `${session.instanceUrl.replace(/\/$/, '')}/services/data/v${session.apiVersion}/${resource}`;
    return call({ token: session.accessToken, fetch: session.fetch }, secret, method, url, body);
}

/** Stores the key on the named principal: GET to learn whether it is there, then PUT (replace) or POST (create). */
export async function storeKey(session, key) {
    const who = {
        externalCredential: 'X8x8_CPaaS_Authentication',
        principalName: 'X8x8_API_Key_Principal',
        principalType: 'NamedPrincipal'
    };
    const resource = 'named-credentials/credential';
    const current = await rest(session, key, 'GET', `${resource}?${new URLSearchParams(who)}`);
    const method = current.ok && current.body?.credentials?.ApiKey ? 'PUT' : 'POST';
    const credentials = { ApiKey: { value: key, encrypted: true } };
    const saved = await rest(session, key, method, resource, { ...who, authenticationProtocol: 'Custom', credentials });
    if (!saved.ok) {
        const fix =
            'check that step connection deployed X8x8_CPaaS_Authentication and that you may Manage Named Credentials, or enter the key in Setup (docs/admin-guide.md, "Enter the API key by hand"), then rerun';
        throw new StepError(`storing the key failed: ${saved.problem}`, fix);
    }
    return method === 'PUT' ? 'replaced' : 'created';
}

/**
 * Stores `value` in `field` of the org default (SetupOwnerId = the org) of RECEIPT_SETTING: PATCH it, or POST one.
 * The receipt secret goes to Secret__c, the inbound secret's hash to Inbound_Secret_Hash__c.
 */
export async function storeReceiptSecret(session, value, field) {
    const soql = `SELECT Id FROM ${RECEIPT_SETTING} WHERE SetupOwnerId = '${session.id}'`;
    const found = await rest(session, value, 'GET', `query?${new URLSearchParams({ q: soql })}`);
    const id = found.body?.records?.[0]?.Id;
    const body = { ...(id ? {} : { SetupOwnerId: session.id }), [field]: value };
    const saved = found.ok
        ? await rest(session, value, id ? 'PATCH' : 'POST', `sobjects/${RECEIPT_SETTING}${id ? `/${id}` : ''}`, body)
        : found;
    if (!saved.ok) {
        const fix = `enter it in Setup → Custom Settings → WhatsApp OTP Receipt Secret → Manage, field ${field} (docs/admin-guide.md, "Store the receipt secret by hand", "Reply verification"), or rerun`;
        throw new StepError(`storing ${field} failed: ${saved.problem}`, fix);
    }
    return id ? 'replaced' : 'created';
}
