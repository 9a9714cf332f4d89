// The 8x8 API key: read from a prompt that echoes nothing when standard input is a terminal, otherwise from
// standard input (CI, `pass show 8x8 | npm run org:setup ...`). Never from argv, never written anywhere: it is
// stored in the org through Connect REST `named-credentials/credential` (API 56.0+), POST to create and PUT to
// replace, with `encrypted: true`. Request body as documented in "Credential Input":
// https://developer.salesforce.com/docs/atlas.en-us.chatterapi.meta/chatterapi/connect_requests_credential_input.htm
// and the resource: .../chatterapi/connect_resources_named_credential.htm (GET takes externalCredential,
// principalName and principalType as query parameters). A Custom protocol takes any credential name.
import { StepError } from './sf.mjs';

export const EXTERNAL_CREDENTIAL = 'X8x8_CPaaS_Authentication';
export const PRINCIPAL = 'X8x8_API_Key_Principal';
export const PARAMETER = 'ApiKey';

/** Reads the key from a hidden prompt (TTY) or all of standard input. */
export async function readKey(input = process.stdin, output = process.stderr) {
    if (!input.isTTY) {
        let text = '';
        input.setEncoding('utf8');
        for await (const chunk of input) {
            text += chunk;
        }
        return text.trim();
    }
    output.write('8x8 API key (typing is hidden, Enter to finish): ');
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
                        new StepError('cancelled at the key prompt', 'rerun when you have the key, or pass --skip-key')
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
            `check that ${EXTERNAL_CREDENTIAL} and its principal ${PRINCIPAL} were deployed (step connection), or enter the key in Setup (README, "Enter the API key"), then rerun`
        );
    }
    return exists ? 'replaced' : 'created';
}
