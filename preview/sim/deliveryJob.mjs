// WhatsAppOtpDeliveryJob: after the reservation commits, the code, the callout with the reservation's
// clientMessageId, and the outcome stored and logged (shared cases: WhatsAppOtpSendTaskCases.json).
import crypto from 'node:crypto';
import { errorCodeFor8x8, UNKNOWN_OUTCOMES } from './agentErrors.mjs';
import { close, hashCode, logTask } from './challenges.mjs';
import { describeLanguage, retriesInDefault } from './languageConsent.mjs';
import { buildFallbackRequestBody, buildRequestBody } from './requestBody.mjs';
import { SETTINGS } from './scenario.mjs';

/** Delivers one reserved challenge; `receipts.post` is undefined without the receipt endpoint. */
export async function deliver({ session, sessionId, challenge, msisdn, scenario, messagingApi, phone, receipts }) {
    const { outcome, settings, timings } = scenario;
    const { codeLength, clientMessageId, templateLanguage: language } = challenge;
    const code = String(crypto.randomInt(0, 10 ** codeLength)).padStart(codeLength, '0');
    const body = challenge.smsFallback
        ? buildFallbackRequestBody(msisdn, code, { clientMessageId, language, settings, at: session.clock() })
        : buildRequestBody(msisdn, code, { clientMessageId, language });
    if (!receipts.post) {
        // Without the receipt endpoint the Receipt Callback Base URL is blank, and the gateway asks for none.
        delete body.dlrCallbackUrl;
    }
    const request = {
        subAccountId: SETTINGS.subaccountId,
        body,
        outcome,
        latencyMs: timings.latency,
        timeoutMs: timings.timeout,
        // On the session's clock, as the receipts are: a test moves it on instead of waiting.
        wait: (ms) => new Promise((resolve) => receipts.schedule(ms, resolve)),
        deliver: (message) => phone.deliver(sessionId, { ...message, codeExpirationMinutes: settings.codeTtlMinutes }),
        phoneStatus: (umid, state) => phone.status(sessionId, umid, state),
        // 8x8 delivers on its own timeline either way; it posts receipts only to a dlrCallbackUrl.
        receipts: { schedule: receipts.schedule, post: receipts.post ?? (() => undefined) }
    };
    let answer = await messagingApi.sendMessage(request);
    // WhatsAppOtpDeliveryJob.resendInDefaultLanguage: once more in the default language, before anything is stored.
    const refused = retriesInDefault(errorCodeFor8x8(answer), language, SETTINGS.templateLanguage) ? language : null;
    if (refused) {
        const again = structuredClone(body);
        challenge.templateLanguage = again.content.template.language = SETTINGS.templateLanguage;
        answer = await messagingApi.sendMessage({ ...request, body: again });
    }
    const errorCode = errorCodeFor8x8(answer);
    const notSent = errorCode !== undefined && !UNKNOWN_OUTCOMES.has(errorCode);
    const sendOutcome = notSent ? 'Refused' : errorCode ? 'Unknown' : 'Accepted';
    const kind = { Refused: 'NotSent', Unknown: 'MayHaveBeenSent', Accepted: 'Sent' }[sendOutcome];
    Object.assign(challenge, { errorCode: errorCode ?? null, sendOutcome });
    logTask(session, kind, challenge.contactId, [challenge.maskedPhone, errorCode], challenge.id);
    describeLanguage(session.tasks.at(-1), challenge.templateLanguage, refused);
    if (notSent) {
        close(challenge, 'Failed');
        return;
    }
    challenge.messageId = errorCode ? null : answer.body.umid;
    challenge.codeSalt = crypto.randomBytes(16).toString('base64');
    challenge.codeHash = hashCode(challenge.codeSalt, code);
    challenge.status = 'Pending';
    // Re-read after the callout: only the Pending codes that are still there now are superseded.
    for (const other of session.challenges.values()) {
        if (other !== challenge && other.contactId === challenge.contactId && other.status === 'Pending') {
            close(other, 'Superseded');
        }
    }
}
