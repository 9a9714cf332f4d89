// The simulated org behind the preview: WhatsAppOtpController.sendOtp / verifyOtp with the contract of
// docs/architecture.md and the states of WhatsAppOtpService (expiry, attempts, lockout, resend
// cooldown, hourly cap). Its failures carry the agent messages from the project's Custom Labels, looked
// up by the label names of the error table. Each browser tab gets its own simulated org (a session).
// The code is generated and checked here and only ever leaves in the body sent to the simulated 8x8.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { contactById } from './contacts.mjs';
import { currentLabels, formatLabel } from './labels.mjs';
import { fixtureFile } from './paths.mjs';
import { maskE164, pickPhone, toE164 } from './phoneNumber.mjs';

/** errorCode -> Custom Label (docs/architecture.md, "Stable error codes and their Custom Labels"). */
export const ERROR_LABELS = {
    NOT_A_CONTACT: 'WhatsAppOtp_Error_NotAContact',
    CONTACT_NOT_FOUND: 'WhatsAppOtp_Error_ContactNotFound',
    NO_PHONE: 'WhatsAppOtp_Error_NoPhone',
    INVALID_PHONE: 'WhatsAppOtp_Error_InvalidPhone',
    SETTINGS_MISSING: 'WhatsAppOtp_Error_SettingMissing',
    COOLDOWN: 'WhatsAppOtp_Error_Cooldown',
    HOURLY_CAP: 'WhatsAppOtp_Error_HourlyCap',
    TEMPLATE_REJECTED: 'WhatsAppOtp_Error_TemplateRejected',
    INVALID_NUMBER: 'WhatsAppOtp_Error_InvalidNumber',
    BAD_REQUEST: 'WhatsAppOtp_Error_BadRequest',
    CREDENTIAL_REJECTED: 'WhatsAppOtp_Error_CredentialRejected',
    NOT_FOUND: 'WhatsAppOtp_Error_NotFound',
    RATE_LIMITED: 'WhatsAppOtp_Error_RateLimited',
    SERVICE_UNAVAILABLE: 'WhatsAppOtp_Error_ServiceUnavailable',
    TIMEOUT: 'WhatsAppOtp_Error_Timeout',
    CALLOUT_FAILED: 'WhatsAppOtp_Error_CalloutFailed',
    UNEXPECTED_RESPONSE: 'WhatsAppOtp_Error_UnexpectedResponse',
    REJECTED_BY_8X8: 'WhatsAppOtp_Error_RejectedBy8x8',
    CHALLENGE_NOT_FOUND: 'WhatsAppOtp_Error_ChallengeNotFound',
    ALREADY_VERIFIED: 'WhatsAppOtp_Error_AlreadyVerified',
    SUPERSEDED: 'WhatsAppOtp_Error_Superseded',
    INVALID_CODE_FORMAT: 'WhatsAppOtp_Error_InvalidCodeFormat'
};

/** The preview's WhatsApp_OTP_Setting__mdt Default record (timings come from the scenario). */
export const SETTINGS = {
    subaccountId: 'PreviewSubaccount',
    templateName: 'salesforce_otp',
    templateLanguage: 'en_US',
    codeLength: 6
};

/**
 * The simulated timings: short, so a person can watch them pass. Each can be overridden by the page's
 * URL query (?ttl=…&cooldown=…), which the page passes along with every Apex call.
 */
export const TIMING_DEFAULTS = {
    ttl: 60, // code lifetime, seconds (the org's default is 600)
    cooldown: 15, // resend cooldown, seconds (30)
    attempts: 5, // wrong codes before the challenge locks (5)
    cap: 5, // sends per contact per cap window (5)
    capWindow: 3600, // seconds (one hour)
    latency: 400, // 8x8 answer time, milliseconds
    timeout: 4000 // callout timeout, milliseconds (Apex: up to 120 s)
};
const TIMING_LIMITS = {
    ttl: 86400,
    cooldown: 86400,
    attempts: 99,
    cap: 999,
    capWindow: 86400,
    latency: 60000,
    timeout: 120000
};

/** The timings of a request: the defaults, overridden by the page's numeric query values within limits. */
export function timingsFrom(overrides) {
    const timings = {};
    for (const [name, fallback] of Object.entries(TIMING_DEFAULTS)) {
        const value = Number(overrides?.[name]);
        const given = overrides?.[name] !== undefined && overrides[name] !== '' && Number.isFinite(value) && value >= 0;
        timings[name] = given ? Math.min(value, TIMING_LIMITS[name]) : fallback;
    }
    return timings;
}

/** What the Apex throws: AuraHandledException with the agent message. */
export class AgentError extends Error {
    constructor(errorCode, message) {
        super(message);
        this.errorCode = errorCode;
    }
}

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
        if (body?.code === 3038 || body?.code === 3043) {
            return 'TEMPLATE_REJECTED';
        }
        return body?.code === 1002 ? 'INVALID_NUMBER' : 'BAD_REQUEST';
    }
    if (status === 401 || status === 403) {
        return 'CREDENTIAL_REJECTED';
    }
    if (status === 404) {
        return 'NOT_FOUND';
    }
    if (status === 429) {
        return 'RATE_LIMITED';
    }
    return status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNEXPECTED_RESPONSE';
}

function readFixture() {
    return JSON.parse(fs.readFileSync(fixtureFile, 'utf8'));
}

/** The body the gateway sends: the fixture with the number and the code filled in. */
export function buildRequestBody(msisdn, code, fixture = readFixture()) {
    const body = structuredClone(fixture);
    body.user.msisdn = msisdn;
    body.content.template.name = SETTINGS.templateName;
    body.content.template.language = SETTINGS.templateLanguage;
    for (const component of body.content.template.components) {
        for (const parameter of component.parameters) {
            if (parameter.type === 'text') {
                parameter.text = code;
            }
        }
    }
    return body;
}

function hashCode(salt, code) {
    return crypto
        .createHash('sha256')
        .update(salt + code)
        .digest('base64');
}

function newId(prefix) {
    return (prefix + crypto.randomBytes(12).toString('hex').toUpperCase()).slice(0, 18);
}

export function createSimulatedOrg({ messagingApi, phone, now = () => Date.now() }) {
    const sessions = new Map();

    function sessionState(sessionId) {
        if (!sessions.has(sessionId)) {
            sessions.set(sessionId, { challenges: new Map(), sendsByContact: new Map() });
        }
        return sessions.get(sessionId);
    }

    function fail(errorCode, ...args) {
        return new AgentError(errorCode, formatLabel(currentLabels().get(ERROR_LABELS[errorCode]), ...args));
    }

    async function sendOtp(sessionId, { recordId }, { outcome, timings }) {
        const state = sessionState(sessionId);
        if (typeof recordId !== 'string' || !/^003[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(recordId)) {
            throw fail('NOT_A_CONTACT');
        }
        const contact = contactById(recordId);
        if (!contact) {
            throw fail('CONTACT_NOT_FOUND');
        }
        const rawPhone = pickPhone(contact.fields);
        if (!rawPhone) {
            throw fail('NO_PHONE');
        }
        const msisdn = toE164(rawPhone);
        if (!msisdn) {
            throw fail('INVALID_PHONE');
        }
        const sentAt = now();
        const sends = (state.sendsByContact.get(contact.id) ?? []).filter(
            (time) => sentAt - time < timings.capWindow * 1000
        );
        // As WhatsAppOtpService.SendHistory.checkAllowed: the hourly cap first, then the cooldown.
        if (sends.length >= timings.cap) {
            throw fail('HOURLY_CAP', timings.cap);
        }
        const lastSend = sends[sends.length - 1];
        if (lastSend !== undefined && sentAt - lastSend < timings.cooldown * 1000) {
            throw fail('COOLDOWN', Math.ceil((lastSend + timings.cooldown * 1000 - sentAt) / 1000));
        }

        // Callout first (the platform refuses a callout after uncommitted work), then the "DML".
        const code = String(crypto.randomInt(0, 10 ** SETTINGS.codeLength)).padStart(SETTINGS.codeLength, '0');
        const answer = await messagingApi.sendMessage({
            subAccountId: SETTINGS.subaccountId,
            body: buildRequestBody(msisdn, code),
            outcome,
            latencyMs: timings.latency,
            timeoutMs: timings.timeout,
            deliver: (message) =>
                phone.deliver(sessionId, {
                    ...message,
                    codeExpirationMinutes: Math.max(1, Math.ceil(timings.ttl / 60))
                })
        });
        const errorCode = errorCodeFor8x8(answer);
        if (errorCode) {
            throw fail(errorCode);
        }

        const completedAt = now();
        for (const challenge of state.challenges.values()) {
            if (challenge.contactId === contact.id && challenge.status === 'Pending') {
                challenge.status = 'Superseded';
            }
        }
        const salt = crypto.randomBytes(16).toString('base64');
        const challenge = {
            id: newId('a0X'),
            contactId: contact.id,
            status: 'Pending',
            expiresAt: completedAt + timings.ttl * 1000,
            attempts: 0,
            maxAttempts: timings.attempts,
            maskedPhone: maskE164(msisdn),
            messageId: answer.body.umid,
            codeSalt: salt,
            codeHash: hashCode(salt, code)
        };
        state.challenges.set(challenge.id, challenge);
        state.sendsByContact.set(contact.id, [...sends, completedAt]);
        return {
            challengeId: challenge.id,
            maskedPhone: challenge.maskedPhone,
            expiresAt: new Date(challenge.expiresAt).toISOString(),
            resendAvailableAt: new Date(completedAt + timings.cooldown * 1000).toISOString(),
            messageId: challenge.messageId,
            codeLength: SETTINGS.codeLength
        };
    }

    // The checks and results of WhatsAppOtpService.verify: attemptsRemaining is only counted for a wrong code.
    function verifyOtp(sessionId, { challengeId, code }) {
        if (typeof challengeId !== 'string' || !/^a0X[A-Za-z0-9]{15}$/.test(challengeId)) {
            throw fail('CHALLENGE_NOT_FOUND');
        }
        const compact = typeof code === 'string' ? code.replace(/\s/g, '') : '';
        if (!new RegExp(`^\\d{${SETTINGS.codeLength}}$`).test(compact)) {
            throw fail('INVALID_CODE_FORMAT', SETTINGS.codeLength);
        }
        const challenge = sessionState(sessionId).challenges.get(challengeId);
        if (!challenge) {
            throw fail('CHALLENGE_NOT_FOUND');
        }
        switch (challenge.status) {
            case 'Verified':
                throw fail('ALREADY_VERIFIED');
            case 'Superseded':
                throw fail('SUPERSEDED');
            case 'Locked':
                return { status: 'LOCKED', attemptsRemaining: 0 };
            case 'Expired':
                return { status: 'EXPIRED', attemptsRemaining: 0 };
            default:
        }
        if (now() >= challenge.expiresAt) {
            challenge.status = 'Expired';
            return { status: 'EXPIRED', attemptsRemaining: 0 };
        }
        const expected = Buffer.from(challenge.codeHash, 'base64');
        const actual = Buffer.from(hashCode(challenge.codeSalt, compact), 'base64');
        if (crypto.timingSafeEqual(expected, actual)) {
            challenge.status = 'Verified';
            return { status: 'VERIFIED', attemptsRemaining: 0 };
        }
        challenge.attempts += 1;
        if (challenge.attempts >= challenge.maxAttempts) {
            challenge.status = 'Locked';
            return { status: 'LOCKED', attemptsRemaining: 0 };
        }
        return { status: 'INVALID_CODE', attemptsRemaining: challenge.maxAttempts - challenge.attempts };
    }

    return { sendOtp, verifyOtp, contactById };
}
