// The 8x8 API key: read from a prompt that echoes nothing when standard input is a terminal, otherwise from
// standard input (CI, `pass show 8x8 | npm run org:setup ...`). Never from argv, never written anywhere: it is
// stored in the org through Connect REST `named-credentials/credential` (API 56.0+), POST to create and PUT to
// replace, with `encrypted: true`. Request body as documented in "Credential Input":
// https://developer.salesforce.com/docs/atlas.en-us.chatterapi.meta/chatterapi/connect_requests_credential_input.htm
// and the resource: .../chatterapi/connect_resources_named_credential.htm (GET takes externalCredential,
// principalName and principalType as query parameters). A Custom protocol takes any credential name.
// The receipt secret (the HMAC key of each message's dlrCallbackUrl token) is read the same way, after the key,
// and stored in the custom setting WhatsApp_OTP_Receipt_Secret__c (storeReceiptSecret). The setting is Public:
// Protected deploys only to developer and scratch orgs and, outside a managed package, protects nothing (Salesforce
// Help, "Protection and Privacy Options for Custom Settings",
// https://help.salesforce.com/s/articleView?id=platform.cs_schema_settings.htm). In an org installed from source,
// who can read it is listed in docs/admin-guide.md ("Who can read the receipt secret").
import { StepError } from './sf.mjs';

export const EXTERNAL_CREDENTIAL = 'X8x8_CPaaS_Authentication';
export const PRINCIPAL = 'X8x8_API_Key_Principal';
export const PARAMETER = 'ApiKey';
export const RECEIPT_SETTING = 'WhatsApp_OTP_Receipt_Secret__c';
/** The shortest receipt secret accepted: 32 characters, the HMAC-SHA256 key's 256 bits as text of good entropy. */
export const MIN_SECRET_LENGTH = 32;

/** Reads the key from a hidden prompt (TTY) or all of standard input. */
export async function readKey(input = process.stdin, output = process.stderr) {
    const [key] = await readSecrets(['8x8 API key'], input, output);
    return key;
}

/**
 * Reads one secret per prompt: from hidden prompts when standard input is a terminal, otherwise one a line from
 * standard input, in the order asked (e.g. the API key, then the receipt secret). Blank lines are skipped.
 * @returns {Promise<string[]>} the secrets ('' for one not given)
 */
export async function readSecrets(prompts, input = process.stdin, output = process.stderr) {
    if (!input.isTTY) {
        let text = '';
        input.setEncoding('utf8');
        for await (const chunk of input) {
            text += chunk;
        }
        const lines = text
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean);
        return prompts.map((_, i) => lines[i] ?? '');
    }
    const secrets = [];
    for (const prompt of prompts) {
        secrets.push(await hiddenPrompt(prompt, input, output));
    }
    return secrets;
}

function hiddenPrompt(prompt, input, output) {
    output.write(`${prompt} (typing is hidden, Enter to finish): `);
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.resume();
    return new Promise((resolve, reject) => {
        let key = '';
        const done = (error) => {
            input.setRawMode(false);
            input.pause();
            input.removeListener('data', onData);
            output.write('\n');
            return error ? reject(error) : resolve(key.trim());
        };
        const onData = (chunk) => {
            for (const ch of chunk) {
                if (ch === '\r' || ch === '\n') {
                    return done();
                }
                if (ch === '\u0003') {
                    return done(
                        new StepError(
                            `cancelled at the ${prompt} prompt`,
                            'rerun when you have it, or pass --skip-key / --skip-secret'
                        )
                    );
                }
                if (ch === '\u007f' || ch === '\b') {
                    key = key.slice(0, -1);
                } else {
                    key += ch;
                }
            }
            return undefined;
        };
        input.on('data', onData);
    });
}

/** The key removed from any text that might echo it (an error body). */
export function scrub(text, key) {
    return key ? String(text).split(key).join('[the key]') : String(text);
}

/**
 * Stores the key on the named principal: GET to learn whether it exists, then PUT (replace) or POST (create).
 * @returns {Promise<'created' | 'replaced'>}
 */
export async function storeKey({ instanceUrl, accessToken, apiVersion, key, fetchImpl = fetch }) {
    const base = `${instanceUrl.replace(/\/$/, '')}/services/data/v${apiVersion}/named-credentials/credential`;
    const headers = {
        Authorization: `Bearer ${accessToken}`,
        'Content-Type': 'application/json',
        Accept: 'application/json'
    };
    const query = new URLSearchParams({
        externalCredential: EXTERNAL_CREDENTIAL,
        principalName: PRINCIPAL,
        principalType: 'NamedPrincipal'
    });
    const describe = async (response) => {
        const text = await response.text();
        let detail = text;
        try {
            detail = []
                .concat(JSON.parse(text))
                .map((e) => `${e.errorCode ?? ''} ${e.message ?? ''}`.trim())
                .join('; ');
        } catch {
            /* not JSON: keep the text */
        }
        return `HTTP ${response.status}${detail ? `: ${scrub(detail, key).slice(0, 500)}` : ''}`;
    };
    const current = await fetchImpl(`${base}?${query}`, { headers });
    let exists = false;
    if (current.ok) {
        const body = await current.json().catch(() => ({}));
        exists = Boolean(body?.credentials?.[PARAMETER]);
    } else if (current.status === 401 || current.status === 403) {
        throw new StepError(
            `reading the credential was refused (${await describe(current)})`,
            'log in again (sf org login web) as an admin with Customize Application and Manage Named Credentials, then rerun'
        );
    }
    const body = JSON.stringify({
        externalCredential: EXTERNAL_CREDENTIAL,
        authenticationProtocol: 'Custom',
        principalName: PRINCIPAL,
        principalType: 'NamedPrincipal',
        credentials: { [PARAMETER]: { value: key, encrypted: true } }
    });
    const saved = await fetchImpl(base, { method: exists ? 'PUT' : 'POST', headers, body });
    if (!saved.ok) {
        throw new StepError(
            `storing the key (${exists ? 'PUT' : 'POST'} named-credentials/credential) failed: ${await describe(saved)}`,
            `check that ${EXTERNAL_CREDENTIAL} and its principal ${PRINCIPAL} were deployed (step connection), or enter the key in Setup (docs/admin-guide.md, "Enter the API key by hand"), then rerun`
        );
    }
    return exists ? 'replaced' : 'created';
}

/**
 * Stores the receipt secret as the org default of the hierarchy custom setting WhatsApp_OTP_Receipt_Secret__c
 * (SetupOwnerId = the org's Id), with the REST API: a SOQL query for the org default, then PATCH (replace) or POST
 * (create) on /sobjects/WhatsApp_OTP_Receipt_Secret__c. The secret travels only in the request body. Unconfirmed
 * in an org: that the write succeeds where Schema Settings restrict access to custom settings.
 * @returns {Promise<'created' | 'replaced'>}
 */
export async function storeReceiptSecret({ instanceUrl, accessToken, apiVersion, orgId, secret, fetchImpl = fetch }) {
    if (!/^00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(orgId ?? '')) {
        throw new StepError(`sf org display gave no org Id (${orgId})`, 'log in again: sf org login web, then rerun');
    }
    const base = `${instanceUrl.replace(/\/$/, '')}/services/data/v${apiVersion}`;
    const headers = {
        Authorization: `Bearer ${accessToken}`,
        'Content-Type': 'application/json',
        Accept: 'application/json'
    };
    const describe = async (response) =>
        `HTTP ${response.status}: ${scrub(await response.text(), secret).slice(0, 500)}`;
    const soql = `SELECT Id FROM ${RECEIPT_SETTING} WHERE SetupOwnerId = '${orgId}'`;
    const call = async (url, init) => {
        try {
            return await fetchImpl(url, init);
        } catch (error) {
            throw new StepError(
                `the org could not be reached (${error.cause?.message ?? error.message})`,
                'check the login (sf org display), then rerun'
            );
        }
    };
    const found = await call(`${base}/query?${new URLSearchParams({ q: soql })}`, { headers });
    if (!found.ok) {
        throw new StepError(
            `reading ${RECEIPT_SETTING} was refused (${await describe(found)})`,
            'check that step deploy succeeded and that you are an admin (Customize Application), then rerun'
        );
    }
    const existing = (await found.json().catch(() => ({})))?.records?.[0]?.Id;
    const url = existing ? `${base}/sobjects/${RECEIPT_SETTING}/${existing}` : `${base}/sobjects/${RECEIPT_SETTING}`;
    const body = JSON.stringify(existing ? { Secret__c: secret } : { SetupOwnerId: orgId, Secret__c: secret });
    const saved = await call(url, { method: existing ? 'PATCH' : 'POST', headers, body });
    if (!saved.ok) {
        throw new StepError(
            `storing the receipt secret (${existing ? 'PATCH' : 'POST'} ${RECEIPT_SETTING}) failed: ${await describe(saved)}`,
            'enter it in Setup → Custom Settings → WhatsApp OTP Receipt Secret → Manage (docs/admin-guide.md, "Store the receipt secret by hand"), or rerun'
        );
    }
    return existing ? 'replaced' : 'created';
}
