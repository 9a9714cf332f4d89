// The failures the simulated Apex reports: the stable error codes with their agent messages (the Custom Label
// WhatsAppOtpException's labelFor names, read from the Apex itself), and CPaasMessagingGateway's mapping of an
// 8x8 answer to an error code.
import { errorLabels } from '../../scripts/gates/lib/contracts.mjs';
import { label } from './labels.mjs';

/** errorCode -> Custom Label, as WhatsAppOtpException.labelFor returns it. */
export const ERROR_LABELS = Object.freeze(errorLabels());

/** What the Apex throws: AuraHandledException with the agent message. */
export class AgentError extends Error {
    constructor(errorCode, message) {
        super(message);
        this.errorCode = errorCode;
    }
}

/** WhatsAppOtpException.forCode: the error with its label's text, {0}… filled in. */
export function fail(errorCode, ...args) {
    return new AgentError(errorCode, label(ERROR_LABELS[errorCode], ...args));
}

/** 8x8 answers after which the message may have reached the customer (docs/architecture.md). */
export const UNKNOWN_OUTCOMES = new Set(['TIMEOUT', 'SERVICE_UNAVAILABLE', 'UNEXPECTED_RESPONSE', 'CALLOUT_FAILED']);

/** The mapping of CPaasMessagingGateway: an 8x8 answer (or its absence) -> errorCode. */
export function errorCodeFor8x8(answer) {
    if (answer.timedOut) {
        return 'TIMEOUT';
    }
    const { status, body } = answer;
    if (status === 200) {
        return body && typeof body.umid === 'string' && body.umid ? undefined : 'UNEXPECTED_RESPONSE';
    }
    if (status === 400) {
        if ([3037, 3038, 3043].includes(body?.code)) {
            return 'TEMPLATE_REJECTED';
        }
        return body?.code === 1002 ? 'INVALID_NUMBER' : 'BAD_REQUEST';
    }
    const byStatus = { 401: 'CREDENTIAL_REJECTED', 403: 'CREDENTIAL_REJECTED', 404: 'NOT_FOUND', 429: 'RATE_LIMITED' };
    return byStatus[status] ?? (status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNEXPECTED_RESPONSE');
}
