// Reply verification (step inbound): the inbound secret, its SHA-256 for the org (WhatsAppOtpInboundSecret compares
// hashes), and the subaccount's inbound (MSG) webhook in 8x8, with the secret in its URL and its Authorization value.
// 8x8's Webhook Configuration API takes the API key as a Bearer token on the region's host
// (https://developer.8x8.com/connect/reference/configuration-api). GET lists the account's webhooks, the
// httpAuthorization masked as *** (https://support.cpaas.8x8.com/hc/en-us/articles/59375137883801-Get-all-Webhooks-for-Account);
// POST creates or replaces the webhook of each subAccountId and type, and without a type both CADR and MSG, so type
// MSG is always sent and the delivery-receipt webhook is never touched
// (https://support.cpaas.8x8.com/hc/en-us/articles/59375118080537-Create-or-Replace-webhooks).
import crypto from 'node:crypto';
import { REGIONS } from './metadata.mjs';
import { call } from './secret.mjs';
import { StepError } from './sf.mjs';

export const INBOUND_PATH = '/services/apexrest/whatsapp-otp/inbound';
/** What WhatsAppOtpInboundSecret accepts: base64url, 32 to 128 characters. */
export const INBOUND_SECRET = /^[\w-]{32,128}$/;
/** 32 random bytes, base64url: 43 characters. */
export const newInboundSecret = () => crypto.randomBytes(32).toString('base64url');
export const hashOf = (secret) => crypto.createHash('sha256').update(secret).digest('hex');
export const webhooksUrl = (region, accountId) => `${REGIONS[region]}/api/v1/accounts/${accountId}/webhooks`;

/** The inbound (MSG) webhook of `subaccount` that points at the Site's inbound endpoint. */
export const webhook = (siteUrl, subaccount, secret) => ({
    subAccountId: subaccount,
    type: 'MSG',
    url: `${siteUrl}${INBOUND_PATH}/${secret}`,
    httpAuthorization: `Bearer ${secret}`,
    enabled: true
});

/** The 8x8 Connect steps that make the same webhook by hand (https://developer.8x8.com/connect/docs/developer-tools). */
export const portalSteps = ({ subAccountId, url, httpAuthorization }) =>
    `in 8x8 Connect: Developer tools → Webhooks → Add new webhook: subaccount ${subAccountId} (not all subaccounts),
    Chat Apps inbound messages (leave delivery receipts as they are), URL ${url}, HTTP Authorization ${httpAuthorization}`;

/**
 * Reads the account's webhooks ({ fetch, key, url, force }) and refuses, unless `force`, when an inbound webhook of
 * the subaccount or of every subaccount (*) points anywhere but the Site's inbound endpoint: replacing it would take
 * that system's customer messages. Returns the POST that sets `hook`, to run once the org holds the hash.
 */
export async function checkWebhooks({ fetch, key, url, force }, hook, secret) {
    const send = async (method, body) => {
        const r = await call({ token: key, fetch }, [key, secret], method, url, body);
        if (!r.ok) {
            const fix = 'check --account-id, --region and the API key (8x8 Connect → Developer tools → API keys)';
            throw new StepError(`8x8 ${method} ${url} failed: ${r.problem}`, `${fix}, then rerun`);
        }
        return r.body;
    };
    const ours = `${hook.url.slice(0, hook.url.lastIndexOf('/'))}/`;
    const scope = [hook.subAccountId, '*'];
    const others = (w) => w.type === 'MSG' && scope.includes(w.subAccountId) && !`${w.url}/`.startsWith(ours);
    const elsewhere = [].concat((await send('GET')) ?? []).filter(others);
    const found = elsewhere.map((w) => `${w.url} (subaccount ${w.subAccountId})`).join(', ');
    if (found && !force) {
        throw new StepError(
            `8x8 already sends the inbound WhatsApp messages of ${hook.subAccountId} to ${found}; replacing it would take them from that system`,
            'give codes their own subaccount or number (docs/admin-guide.md, "Reply verification"), or rerun with --force to replace it'
        );
    }
    return () => send('POST', [hook]).then(() => (found ? `replaced ${found}` : 'set'));
}
