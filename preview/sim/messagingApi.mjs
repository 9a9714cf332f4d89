// The simulated 8x8 Messaging Apps API: POST /api/v1/subaccounts/{subAccountId}/messages.
// It validates the request body against the spec in the repo (single-message-request) and answers
// 400 for an invalid body, as 8x8 would; otherwise it answers with the outcome the scenario chose.
// Accepted messages go to the customer's phone (the preview page's phone panel).
import crypto from 'node:crypto';
import fs from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { specFile } from './paths.mjs';

/** The AUTHENTICATION templates this simulated 8x8 subaccount has approved. */
export const APPROVED_TEMPLATES = [{ name: 'salesforce_otp', language: 'en_US' }];

function compileSpecSchemas() {
    const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));
    // OpenAPI 3.0 schema objects carry keywords JSON Schema does not know (example, nullable…).
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...spec, $id: 'cpaas-spec' });
    return {
        request: ajv.getSchema('cpaas-spec#/components/schemas/single-message-request'),
        response: ajv.getSchema('cpaas-spec#/components/schemas/single-message-response'),
        error: ajv.getSchema('cpaas-spec#/components/schemas/error-response')
    };
}

function errorBody(code, message) {
    return { code, message, errorId: crypto.randomUUID(), timestamp: new Date().toISOString() };
}

const OUTCOME_ERRORS = {
    401: { status: 401, body: () => errorBody(1200, 'Not authenticated') },
    '400-template': { status: 400, body: () => errorBody(3038, 'Template not found') },
    '400-number': { status: 400, body: () => errorBody(1002, 'Invalid MSISDN') },
    429: { status: 429, body: () => errorBody(1800, 'Too many requests'), headers: { 'retry-after': '1' } },
    500: { status: 500, body: () => errorBody(5000, 'Internal server error') }
};

export const OUTCOMES = ['success', ...Object.keys(OUTCOME_ERRORS), 'timeout'];

export function createMessagingApi() {
    const schemas = compileSpecSchemas();

    /**
     * Handles one send. Resolves to { status, headers, body } or, for the timeout outcome, to
     * { timedOut: true } after timeoutMs (the caller's callout timeout).
     */
    async function sendMessage({ subAccountId, body, outcome = 'success', latencyMs = 0, timeoutMs = 0, deliver }) {
        if (outcome === 'timeout') {
            // 8x8 took the message, but its answer comes too late: the customer has the code, the caller
            // does not know. This is the unknown outcome the org stores as verifiable.
            if (schemas.request(body) && subAccountId) {
                deliver?.({
                    umid: crypto.randomUUID(),
                    msisdn: body.user.msisdn,
                    template: body.content?.template,
                    receivedAt: new Date().toISOString()
                });
            }
            await delay(timeoutMs);
            return { timedOut: true };
        }
        await delay(latencyMs);
        if (!subAccountId) {
            return { status: 404, headers: {}, body: errorBody(1004, 'Subaccount not found') };
        }
        if (!schemas.request(body)) {
            const detail = schemas.request.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
            return { status: 400, headers: {}, body: errorBody(1000, `Invalid request: ${detail}`) };
        }
        const failure = OUTCOME_ERRORS[outcome];
        if (failure) {
            return { status: failure.status, headers: failure.headers ?? {}, body: failure.body() };
        }
        const template = body.content?.template;
        if (
            !template ||
            !APPROVED_TEMPLATES.some(
                (approved) => approved.name === template.name && approved.language === template.language
            )
        ) {
            return { status: 400, headers: {}, body: errorBody(3038, 'Template not found') };
        }
        const accepted = {
            umid: crypto.randomUUID(),
            clientMessageId: body.clientMessageId,
            status: { state: 'queued', timestamp: new Date().toISOString() },
            user: { msisdn: body.user.msisdn }
        };
        if (!schemas.response(accepted)) {
            throw new Error('simulated 8x8 built a response outside the spec');
        }
        deliver?.({ umid: accepted.umid, msisdn: body.user.msisdn, template, receivedAt: accepted.status.timestamp });
        return { status: 200, headers: {}, body: accepted };
    }

    return { sendMessage, validateRequest: (body) => schemas.request(body) };
}

function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
