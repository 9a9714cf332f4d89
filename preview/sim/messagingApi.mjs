// The simulated 8x8 POST /api/v1/subaccounts/{subAccountId}/messages: 400 for a body outside the spec, else the
// scenario's outcome; an accepted message reaches the page's phone and its receipts the org (./receipts.mjs).
import crypto from 'node:crypto';
import fs from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { specFile } from './paths.mjs';
import { receiptEnvelope, receiptTimeline } from './receipts.mjs';

// The spec (OpenAPI 3.0 carries keywords JSON Schema does not know: not strict; the spec gate validates it, so not
// here again). Ajv compiles the request schema at the first send and keeps it for the process.
const ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateSchema: false }));
ajv.addSchema({ ...JSON.parse(fs.readFileSync(specFile, 'utf8')), $id: 'cpaas-spec' });
const requestSchema = () => ajv.getSchema('cpaas-spec#/components/schemas/single-message-request');

function errorBody(code, message) {
    return { code, message, errorId: crypto.randomUUID(), timestamp: new Date().toISOString() };
}

const OUTCOME_ERRORS = {
    401: { status: 401, body: () => errorBody(1200, 'Not authenticated') },
    '400-template': { status: 400, body: () => errorBody(3038, 'Template not found') },
    // 8x8 refuses every template language but the default (en_US): the delivery job's second send goes through.
    '400-language': { status: 400, body: () => errorBody(3037, 'Invalid Template language'), accepts: 'en_US' },
    '400-number': { status: 400, body: () => errorBody(1002, 'Invalid MSISDN') },
    429: { status: 429, body: () => errorBody(1800, 'Too many requests'), headers: { 'retry-after': '1' } },
    500: { status: 500, body: () => errorBody(5000, 'Internal server error') }
};

/** Outcomes where 8x8 accepts the message (200) and the receipts tell what became of it. */
const DELIVERY_OUTCOMES = ['not-on-whatsapp', 'undelivered', 'language-missing'];

/** Whether a request asks for the SMS fallback (channels[]: WhatsApp, then SMS). */
const asksSmsFallback = (body) =>
    Array.isArray(body.channels) && body.channels.findIndex((e) => e?.channel === 'SMS') > 0;

/** The code in a message's authentication template: its body component's (the fixture's first) text parameter. */
export const codeOf = (message) => message.template.components[0].parameters[0].text;

export function createMessagingApi() {
    /**
     * An accepted message: on the phone (unless never delivered), then its receipts on the session's clock (8x8
     * delivers on its own timeline; `receipts.post` reaches the org only when the request asked for receipts).
     */
    function followDelivery({ umid, body, outcome, deliver, phoneStatus, receipts }) {
        const template = body.content?.template;
        if (!DELIVERY_OUTCOMES.includes(outcome)) {
            deliver({
                kind: 'whatsapp',
                umid,
                msisdn: body.user.msisdn,
                template,
                state: 'queued',
                receivedAt: new Date().toISOString()
            });
        }
        for (const step of receiptTimeline(outcome, { smsFallback: asksSmsFallback(body) })) {
            receipts.schedule(step.afterMs, (at) => {
                if (step.channel === 'WhatsApp' && !DELIVERY_OUTCOMES.includes(outcome)) {
                    phoneStatus(umid, step.state);
                } else if (step.channel === 'SMS' && step.state === 'sent') {
                    const code = codeOf(body.content);
                    deliver({
                        kind: 'sms',
                        umid: `${umid}-sms`,
                        msisdn: body.user.msisdn,
                        code,
                        // The fallback body's SMS text (content.fallbackText, a Custom Label holding the code).
                        text: typeof body.content.fallbackText === 'string' ? body.content.fallbackText : code,
                        receivedAt: new Date(at).toISOString()
                    });
                }
                receipts.post(
                    receiptEnvelope({ umid, clientMessageId: body.clientMessageId, ...step, ...step.error, at })
                );
            });
        }
    }

    /**
     * Resolves to { status, headers, body }, or to { timedOut: true } after timeoutMs for the timeout outcome.
     * `wait(ms)` takes the time 8x8 answers in, on the caller's session clock.
     */
    async function sendMessage({ body, outcome = 'success', latencyMs = 0, timeoutMs = 0, wait, ...delivery }) {
        const validate = requestSchema();
        const invalid = validate(body)
            ? undefined
            : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
        if (outcome === 'timeout') {
            // 8x8 took the message but answers too late: the customer has the code; its receipts still come.
            if (!invalid) {
                followDelivery({ umid: crypto.randomUUID(), body, outcome: 'success', ...delivery });
            }
            await wait(timeoutMs);
            return { timedOut: true };
        }
        await wait(latencyMs);
        if (invalid) {
            return { status: 400, headers: {}, body: errorBody(1000, `Invalid request: ${invalid.join('; ')}`) };
        }
        const failure = OUTCOME_ERRORS[outcome];
        if (failure && failure.accepts !== body.content?.template?.language) {
            return { status: failure.status, headers: failure.headers ?? {}, body: failure.body() };
        }
        const umid = crypto.randomUUID();
        followDelivery({ umid, body, outcome, ...delivery });
        const status = { state: 'queued', timestamp: new Date().toISOString() };
        return {
            status: 200,
            headers: {},
            body: { umid, clientMessageId: body.clientMessageId, status, user: { msisdn: body.user.msisdn } }
        };
    }

    return { sendMessage };
}
