// The simulated org behind the preview: WhatsAppOtpController.sendOtp / getSendStatus / verifyOtp /
// liftLockout with the contract of docs/architecture.md ("Send reservation, delivery and the policy").
// sendOtp reserves a challenge synchronously (the check and the insert have no await between them, as
// the Apex's locked rows make them one step) and delivery runs afterwards, like WhatsAppOtpDeliveryJob.
// Every limit comes from ./policy.mjs. Failures carry the agent messages from the project's Custom Labels,
// looked up by the label names of the error table. Each browser tab gets its own simulated org (a session)
// with one agent. The code is generated and checked here and only ever leaves in the body sent to the
// simulated 8x8.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contactById } from './contacts.mjs';
import { currentLabels, formatLabel } from './labels.mjs';
import { fixtureFile, corePackage } from './paths.mjs';
import { callingCodeOf, maskE164, pickPhone, toE164 } from './phoneNumber.mjs';
import { createReceiptScheduler, isKnownState, nextState, receiptTime } from './receipts.mjs';
import {
    DEFAULT_POLICY_SETTINGS,
    SETTING_BOUNDS,
    capSource,
    decideSend,
    locksAfterWrongCode,
    validateSettings
} from './policy.mjs';

/**
 * Whether a send asks 8x8 for the SMS fallback. The scenario outcome "Not on WhatsApp, SMS fallback" is the
 * preview's shorthand for an org with the fallback setting on; "Undelivered" is one with it off.
 */
export function smsFallbackOn(settings, outcome) {
    return outcome === 'not-on-whatsapp' || (outcome !== 'undelivered' && settings?.fallbackEnabled === true);
}

/**
 * The settings a send runs with. With the fallback on, WhatsAppOtpPolicy's fallback window must hold (the
 * delay at least the WhatsApp lifetime, and ending a minute before the code expires), which the preview's
 * 1-minute code cannot meet: the fallback then runs with the shortest combination the policy accepts, a code
 * of at least 2 minutes, a 30-second WhatsApp lifetime and a 30-second fallback delay.
 */
export function settingsForSend(settings, outcome) {
    if (!smsFallbackOn(settings, outcome)) {
        return settings;
    }
    return {
        ...settings,
        fallbackEnabled: true,
        codeTtlMinutes: Math.max(settings.codeTtlMinutes, 2),
        whatsappLifetimeSeconds: 30,
        fallbackDelaySeconds: 30
    };
}

export const fallbackFixtureFile = path.join(
    corePackage,
    'staticresources',
    'WhatsAppOtpSendMessageFallbackFixture.json'
);

/**
 * The gateway's body with the SMS fallback: the second fixture (WhatsAppOtpSendMessageFallbackFixture.json)
 * with the number, the code, the SMS text (Custom Label WhatsAppOtp_SMS_Body), the fallback delay and the
 * code's expiry (the message `expiry`, as the gateway sends it) of this send. Its dlrCallbackUrl stays the fixture's: the simulated 8x8 hands its
 * receipts to the simulated org directly.
 */
export function buildFallbackRequestBody(msisdn, code, { clientMessageId, settings, at }) {
    const body = buildRequestBody(msisdn, code, {
        clientMessageId,
        fixture: JSON.parse(fs.readFileSync(fallbackFixtureFile, 'utf8'))
    });
    body.content.fallbackText = formatLabel(currentLabels().get('WhatsAppOtp_SMS_Body'), code);
    body.channels[0].fallbackAfter = settings.fallbackDelaySeconds;
    body.expiry = new Date(at + settings.codeTtlMinutes * 60 * SECOND).toISOString();
    return body;
}

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
    INVALID_CODE_FORMAT: 'WhatsAppOtp_Error_InvalidCodeFormat',
    SETTINGS_INVALID: 'WhatsAppOtp_Error_SettingInvalid',
    SANDBOX_BLOCKED: 'WhatsAppOtp_Error_SandboxBlocked',
    COUNTRY_NOT_ALLOWED: 'WhatsAppOtp_Error_CountryNotAllowed',
    COUNTRIES_REQUIRED: 'WhatsAppOtp_Error_CountriesRequired',
    FAILURE_LOCKOUT: 'WhatsAppOtp_Error_FailureLockout',
    NUMBER_CAP: 'WhatsAppOtp_Error_NumberCap',
    AGENT_CAP: 'WhatsAppOtp_Error_AgentCap',
    FLOW_CAP: 'WhatsAppOtp_Error_FlowCap',
    ORG_DAILY_BUDGET: 'WhatsAppOtp_Error_OrgDailyBudget',
    STILL_SENDING: 'WhatsAppOtp_Error_StillSending',
    BUSY: 'WhatsAppOtp_Error_Busy',
    QUEUE_FULL: 'WhatsAppOtp_Error_QueueFull',
    NOT_PERMITTED: 'WhatsAppOtp_Error_NotPermitted',
    FLOW_NOT_PERMITTED: 'WhatsAppOtp_Error_FlowNotPermitted'
};

/** The preview's WhatsApp_OTP_Setting__mdt Default record, apart from the policy settings. */
export const SETTINGS = {
    subaccountId: 'PreviewSubaccount',
    templateName: 'salesforce_otp',
    templateLanguage: 'en_US',
    codeLength: 6
};

/**
 * The preview's policy settings: the org's defaults, with the timings short enough for a person to watch
 * them pass, and still inside the ranges Apex allows (docs/architecture.md, "Policy").
 */
export const PREVIEW_SETTINGS = {
    ...DEFAULT_POLICY_SETTINGS,
    codeTtlMinutes: 1,
    resendCooldownSeconds: 15
};

/**
 * The page's URL query names for the policy settings. A value is passed on as it is, so one that Apex
 * would refuse gives SETTINGS_INVALID here too: the preview cannot show what Apex forbids.
 */
export const SETTING_QUERY = {
    ttl: 'codeTtlMinutes',
    cooldown: 'resendCooldownSeconds',
    attempts: 'maxAttempts',
    cap: 'hourlySendCap',
    numberCap: 'perNumberHourlyCap',
    agentCap: 'perAgentHourlyCap',
    failureCap: 'dailyFailureCap',
    budget: 'orgDailySendBudget'
};

/**
 * The simulated 8x8's timings, milliseconds: not settings, so bounded here. An Apex callout waits at most
 * 120 s (Apex Developer Guide, "Callout Limits and Limitations": timeout at most 120,000 ms).
 */
export const TIMING_DEFAULTS = { latency: 400, timeout: 4000 };
const TIMING_LIMITS = { latency: 60000, timeout: 120000 };

function listOf(value) {
    return String(value)
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}

/**
 * The settings and timings of a request: the preview's, overridden by the page's query values. Numeric
 * settings are taken as given (validated at send time); unreadable ones are ignored. `countries` and
 * `sandboxNumbers` are comma lists; `sandbox=true` makes the org a sandbox, `production=true` a production org
 * (where a blank country list refuses every send).
 */
export function scenarioSettingsFrom(overrides = {}) {
    const settings = {
        ...PREVIEW_SETTINGS,
        isSandbox: overrides.sandbox === 'true' || overrides.sandbox === true,
        isProduction: overrides.production === 'true' || overrides.production === true
    };
    for (const [name, field] of Object.entries(SETTING_QUERY)) {
        const value = overrides[name] === undefined || overrides[name] === '' ? NaN : Number(overrides[name]);
        if (Number.isFinite(value)) {
            settings[field] = value;
        }
    }
    if (overrides.countries !== undefined) {
        settings.allowedCountryCodes = listOf(overrides.countries).map((code) => code.replace(/^\+/, ''));
    }
    if (overrides.sandboxNumbers !== undefined) {
        settings.sandboxAllowedNumbers = listOf(overrides.sandboxNumbers);
    }
    const timings = {};
    for (const [name, fallback] of Object.entries(TIMING_DEFAULTS)) {
        const value = Number(overrides[name]);
        const given = overrides[name] !== undefined && overrides[name] !== '' && Number.isFinite(value) && value >= 0;
        timings[name] = given ? Math.min(value, TIMING_LIMITS[name]) : fallback;
    }
    return { settings, timings };
}

/** The label of a setting as Setup shows it: from the field's metadata, else its API name in words. */
function settingLabel(field) {
    const apiName = SETTING_BOUNDS[field].field;
    const file = path.join(corePackage, 'objects', 'WhatsApp_OTP_Setting__mdt', 'fields', `${apiName}.field-meta.xml`);
    const declared = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').match(/<label>([^<]*)<\/label>/) : null;
    return declared ? declared[1] : apiName.replace(/__c$/, '').replace(/_/g, ' ');
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

/** The body the gateway sends: the fixture with the number, the code and (when given) the clientMessageId. */
export function buildRequestBody(msisdn, code, { clientMessageId, fixture = readFixture() } = {}) {
    const body = structuredClone(fixture);
    if (clientMessageId) {
        body.clientMessageId = clientMessageId;
    }
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

/** WhatsAppOtpVerificationToken.hashOf: hex SHA-256 of a well-formed token, else undefined. */
function tokenHash(token) {
    const normalised = String(token).trim().toLowerCase();
    return /^[0-9a-f]{64}$/.test(normalised)
        ? crypto.createHash('sha256').update(normalised).digest('hex')
        : 'malformed';
}

/** WhatsAppPhoneNumber.hash: the Number_Hash__c of a number, `v1:` and the hex SHA-256 of the E.164 form. */
export function numberHash(e164) {
    return `v1:${crypto.createHash('sha256').update(e164).digest('hex')}`;
}

/** 8x8 answers after which the message may have reached the customer (docs/architecture.md). */
const UNKNOWN_OUTCOMES = new Set(['TIMEOUT', 'SERVICE_UNAVAILABLE', 'UNEXPECTED_RESPONSE', 'CALLOUT_FAILED']);

const SECOND = 1000;
const DAY = 86400 * SECOND;

/** The preview's one agent per session: the verifier verifyOtp names (the Apex names the caller, UserInfo.getName()). */
export const PREVIEW_AGENT_NAME = 'Jane Doe';

/** The REFUSED answer of sendOtp (docs/architecture.md, "Controller contract"): the refusal as data. */
function refusedSend(error, retryAfterSeconds, at) {
    return {
        status: 'REFUSED',
        errorCode: error.errorCode,
        errorMessage: error.message,
        retryAt: retryAfterSeconds == null ? null : new Date(at + retryAfterSeconds * SECOND).toISOString()
    };
}

export function createSimulatedOrg({ messagingApi, phone, now = () => Date.now() }) {
    const sessions = new Map();

    function sessionState(sessionId) {
        if (!sessions.has(sessionId)) {
            sessions.set(sessionId, {
                challenges: new Map(),
                tasks: [],
                failuresResetAt: new Map(),
                clockOffsetMs: 0,
                deliveries: new Set(),
                // The order of the send paths' locks, reads and inserts (WhatsAppOtpChallengeStore's steps).
                steps: []
            });
        }
        return sessions.get(sessionId);
    }

    const clockOf = (state) => now() + state.clockOffsetMs;
    // Receipts come on each session's simulated clock: a clock move brings the due ones at once.
    const receiptScheduler = createReceiptScheduler({ clock: (sessionId) => clockOf(sessionState(sessionId)) });

    function fail(errorCode, ...args) {
        return new AgentError(errorCode, formatLabel(currentLabels().get(ERROR_LABELS[errorCode]), ...args));
    }

    /**
     * The agent message of a refused send, with the arguments its label takes. INFERRED: "about {n} minutes"
     * is the wait rounded up to whole minutes, at least 1, as the Apex is expected to round it.
     */
    function refusal(decision, msisdn) {
        const minutes = Math.max(1, Math.ceil((decision.retryAfterSeconds ?? 0) / 60));
        switch (decision.errorCode) {
            case 'COOLDOWN':
                return fail('COOLDOWN', Math.ceil(decision.retryAfterSeconds));
            case 'ORG_DAILY_BUDGET':
                return fail(decision.errorCode, decision.limit);
            case 'HOURLY_CAP':
            case 'NUMBER_CAP':
            case 'AGENT_CAP':
            case 'FLOW_CAP':
                return fail(decision.errorCode, decision.limit, minutes);
            case 'FAILURE_LOCKOUT':
                return fail('FAILURE_LOCKOUT', minutes);
            case 'COUNTRY_NOT_ALLOWED':
                return fail('COUNTRY_NOT_ALLOWED', callingCodeOf(msisdn) ?? '');
            default:
                return fail(decision.errorCode);
        }
    }

    /** The policy's view of the session's challenges, seen from a send (or verify) for `contactId`. */
    function historyFor(state, target, at) {
        return historyOf([...state.challenges.values()], target, at);
    }

    function historyOf(challenges, { contactId, hash }, at) {
        return challenges.map((challenge) => ({
            ageSeconds: (at - challenge.createdAt) / SECOND,
            sameContact: challenge.contactId === contactId,
            sameNumber: challenge.numberHash === hash,
            sameAgent: true, // one agent per session
            source: challenge.source,
            status: challenge.status,
            attempts: challenge.attempts
        }));
    }

    function failuresResetAgeSeconds(state, contactId, at) {
        const liftedAt = state.failuresResetAt.get(contactId);
        return liftedAt === undefined ? undefined : (at - liftedAt) / SECOND;
    }

    function resendAvailableAt(challenge, settings) {
        return new Date(challenge.createdAt + settings.resendCooldownSeconds * SECOND).toISOString();
    }

    /**
     * WhatsAppOtpActivityLog: a completed Task on the Contact, its subject from the same Custom Label as the
     * Apex's (the masked phone, or the supervisor's name, in it, and for a send not confirmed the error code;
     * never the code).
     */
    const TASK_LABELS = {
        sent: 'WhatsAppOtp_Task_Sent',
        'not sent': 'WhatsAppOtp_Task_NotSent',
        'may have been sent': 'WhatsAppOtp_Task_MayHaveBeenSent',
        verified: 'WhatsAppOtp_Task_Verified',
        locked: 'WhatsAppOtp_Task_Locked',
        expired: 'WhatsAppOtp_Task_Expired',
        reuse: 'WhatsAppOtp_Task_ReuseAttempt',
        'lockout lifted': 'WhatsAppOtp_Task_LockoutLifted'
    };
    function logTask(state, kind, contactId, detail, challengeId) {
        state.tasks.push({
            contactId,
            kind,
            subject: formatLabel(currentLabels().get(TASK_LABELS[kind]), ...[detail].flat()),
            status: 'Completed',
            createdAt: new Date(clockOf(state)).toISOString(),
            ...(challengeId ? { challengeId } : {})
        });
    }

    /** Leaves Pending: the hash and salt go with it. */
    function close(challenge, status) {
        challenge.status = status;
        challenge.codeHash = null;
        challenge.codeSalt = null;
    }

    /**
     * WhatsAppOtpController.sendOtp: checks, then reserves a challenge in Sending, synchronously, and
     * schedules its delivery. Returns the reservation; the component then polls getSendStatus.
     */
    function sendOtp(sessionId, params, scenario) {
        const state = sessionState(sessionId);
        try {
            return reserve(state, sessionId, params, scenario);
        } catch (error) {
            // Every refusal WhatsAppOtpReserve.reserve reports comes back as data, not thrown.
            if (error instanceof AgentError) {
                return refusedSend(error, error.retryAfterSeconds, clockOf(state));
            }
            throw error;
        }
    }

    function reserve(state, sessionId, { recordId }, scenario) {
        const settings = checkedSettings(scenario);
        const target = targetOf(recordId);
        const [challenge] = reserveAll(state, sessionId, [target], 'Interactive', settings, scenario);
        if (challenge instanceof AgentError) {
            throw challenge;
        }
        return {
            challengeId: challenge.id,
            maskedPhone: challenge.maskedPhone,
            status: 'SENDING',
            expiresAt: new Date(challenge.expiresAt).toISOString(),
            resendAvailableAt: resendAvailableAt(challenge, settings),
            codeLength: challenge.codeLength
        };
    }

    /** The scenario's settings, refused as Apex refuses one outside its range. */
    function checkedSettings({ outcome = 'success', settings: chosen }) {
        const settings = settingsForSend(chosen, outcome);
        const invalid = validateSettings(settings);
        if (!invalid.valid) {
            throw fail('SETTINGS_INVALID', settingLabel(invalid.field), invalid.min, invalid.max);
        }
        return settings;
    }

    /** WhatsAppOtpTargets.resolve for one request: the Contact and its number, or the refusal. */
    function targetOf(recordId) {
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
        return { contact, msisdn, hash: numberHash(msisdn) };
    }

    /**
     * The reservation of both send paths, as WhatsAppOtpReserve and WhatsAppOtpFlowSend do it: every lock first (Contacts, numbers,
     * the user, one org budget row), then the reads, then each decision (a send decided earlier in the run
     * counts for the next), then one insert, then the deliveries are queued. Each step is recorded in
     * state.steps, as WhatsAppOtpChallengeStore records it. Returns one challenge, or one refusal (an
     * AgentError), per target.
     */
    function reserveAll(
        state,
        sessionId,
        targets,
        source,
        settings,
        { outcome = 'success', timings, bulkPermission, receipts = true }
    ) {
        state.steps.push('lock C:', 'lock N:', 'lock U:', 'lock O:', 'read history', 'read agent', 'read org');
        const at = clockOf(state);
        // The simulated org's day is UTC; an org counts "today" in its own time zone.
        const dayStart = Math.floor(at / DAY) * DAY;
        const reserved = [];
        const outcomes = targets.map((target) => {
            const earlier = [...state.challenges.values(), ...reserved];
            const counted = earlier.filter((challenge) => challenge.status !== 'Failed');
            const request = {
                source,
                // The preview's one agent is a person; the bulk permission is the scenario's choice.
                sender: 'Human',
                bulkPermission: bulkPermission === true,
                callingCode: callingCodeOf(target.msisdn),
                digits: target.msisdn.slice(1),
                isSandbox: settings.isSandbox,
                onSandboxList: settings.sandboxAllowedNumbers.includes(target.msisdn),
                isProduction: settings.isProduction === true
            };
            const decision = decideSend({
                settings,
                request,
                history: historyOf(earlier, { contactId: target.contact.id, hash: target.hash }, at),
                orgSendsToday: counted.filter((challenge) => challenge.createdAt >= dayStart).length,
                failuresResetAgeSeconds: failuresResetAgeSeconds(state, target.contact.id, at)
            });
            if (!decision.allowed) {
                const error = refusal(decision, target.msisdn);
                error.retryAfterSeconds = decision.retryAfterSeconds ?? null;
                return error;
            }
            // Stored as the cap it counted against, as Source__c is.
            const challenge = newChallenge(target, capSource(request), settings, outcome, decision, at);
            reserved.push(challenge);
            return challenge;
        });
        if (reserved.length > 0) {
            state.steps.push('insert');
        }
        for (const challenge of reserved) {
            state.challenges.set(challenge.id, challenge);
            const msisdn = targets.find((target) => target.contact.id === challenge.contactId).msisdn;
            // Like System.enqueueJob: the delivery starts only after this call has returned.
            const delivery = new Promise((resolve) => setTimeout(resolve, 0))
                .then(() => deliver(sessionId, state, challenge, msisdn, { outcome, settings, timings, receipts }))
                .finally(() => state.deliveries.delete(delivery));
            state.deliveries.add(delivery);
        }
        return outcomes;
    }

    function newChallenge(target, source, settings, outcome, decision, at) {
        return {
            id: newId('a0X'),
            contactId: target.contact.id,
            status: 'Sending',
            sendOutcome: null,
            errorCode: null,
            clientMessageId: crypto.randomUUID(),
            numberHash: target.hash,
            source,
            createdAt: at,
            expiresAt: at + settings.codeTtlMinutes * 60 * SECOND,
            // As WhatsAppOtpPolicy.carriedAttempts: at most max - 1, so the new code always has one try.
            attempts: Math.min(decision.initialAttempts, settings.maxAttempts - 1),
            maxAttempts: settings.maxAttempts,
            codeLength: SETTINGS.codeLength,
            maskedPhone: maskE164(target.msisdn),
            messageId: null,
            codeSalt: null,
            codeHash: null,
            verifiedAt: null,
            // Delivery receipts (WhatsApp_Status__c, SMS_Status__c, Channel__c, Delivered_At__c, Read_At__c,
            // Delivery_Error_Code__c, Delivery_Error_Detail__c, Price__c), as WhatsAppOtpReceiptStore sets them.
            whatsappStatus: null,
            smsStatus: null,
            channel: null,
            deliveredAt: null,
            readAt: null,
            deliveryErrorCode: null,
            deliveryErrorDetail: null,
            price: null,
            // The fallback setting as this send saw it (the page's outcome control may change afterwards).
            smsFallback: smsFallbackOn(settings, outcome)
        };
    }

    /**
     * WhatsAppOtpSendAction ("Send WhatsApp OTP" in a flow): reserves every allowed Contact in one transaction,
     * as reserveAll does, and queues the deliveries; never calls 8x8 itself. One result per request, in order:
     * { success: true, status: 'SENDING', challengeId, maskedPhone, expiresAt } or { success: false, errorCode,
     * errorMessage }.
     */
    function sendFromFlow(sessionId, { recordIds }, scenario) {
        const state = sessionState(sessionId);
        const refused = (error) => ({ success: false, errorCode: error.errorCode, errorMessage: error.message });
        let settings;
        try {
            settings = checkedSettings(scenario);
        } catch (error) {
            return recordIds.map(() => refused(error));
        }
        const results = recordIds.map((recordId) => {
            try {
                return targetOf(recordId);
            } catch (error) {
                if (error instanceof AgentError) {
                    return error;
                }
                throw error;
            }
        });
        const targets = results.filter((result) => !(result instanceof AgentError));
        const outcomes = targets.length === 0 ? [] : reserveAll(state, sessionId, targets, 'Flow', settings, scenario);
        return results.map((result) => {
            if (result instanceof AgentError) {
                return refused(result);
            }
            const outcome = outcomes[targets.indexOf(result)];
            if (outcome instanceof AgentError) {
                return refused(outcome);
            }
            return {
                success: true,
                status: 'SENDING',
                challengeId: outcome.id,
                maskedPhone: outcome.maskedPhone,
                expiresAt: new Date(outcome.expiresAt).toISOString()
            };
        });
    }

    /** WhatsAppOtpDeliveryJob: the code, the callout with the reservation's clientMessageId, the outcome. */
    async function deliver(sessionId, state, challenge, msisdn, { outcome, settings, timings, receipts = true }) {
        const code = String(crypto.randomInt(0, 10 ** challenge.codeLength)).padStart(challenge.codeLength, '0');
        const body = challenge.smsFallback
            ? buildFallbackRequestBody(msisdn, code, {
                  clientMessageId: challenge.clientMessageId,
                  settings,
                  at: clockOf(state)
              })
            : buildRequestBody(msisdn, code, { clientMessageId: challenge.clientMessageId });
        if (!receipts) {
            // Without the receipt endpoint the Receipt Callback Base URL is blank, and the gateway asks for none.
            delete body.dlrCallbackUrl;
        }
        const answer = await messagingApi.sendMessage({
            subAccountId: SETTINGS.subaccountId,
            body,
            outcome,
            latencyMs: timings.latency,
            timeoutMs: timings.timeout,
            deliver: (message) =>
                phone.deliver(sessionId, { ...message, codeExpirationMinutes: settings.codeTtlMinutes }),
            phoneStatus: (umid, state) => phone.status?.(sessionId, umid, state),
            // 8x8 delivers on its own timeline either way (the phone's ticks, the SMS fallback); it posts the
            // receipts only to a dlrCallbackUrl.
            receipts: {
                schedule: (afterMs, run) => receiptScheduler.schedule(sessionId, afterMs, run),
                post: (envelope) => (receipts ? receiveReceipt(sessionId, envelope) : undefined)
            }
        });
        const errorCode = errorCodeFor8x8(answer);
        challenge.errorCode = errorCode ?? null;
        // Every outcome logs its Task, as WhatsAppOtpActivityLog.sendOutcome (shared cases: WhatsAppOtpSendTaskCases).
        if (errorCode && !UNKNOWN_OUTCOMES.has(errorCode)) {
            challenge.sendOutcome = 'Refused';
            close(challenge, 'Failed');
            logTask(state, 'not sent', challenge.contactId, [challenge.maskedPhone, errorCode], challenge.id);
            return;
        }
        challenge.sendOutcome = errorCode ? 'Unknown' : 'Accepted';
        challenge.messageId = errorCode ? null : answer.body.umid;
        challenge.codeSalt = crypto.randomBytes(16).toString('base64');
        challenge.codeHash = hashCode(challenge.codeSalt, code);
        challenge.status = 'Pending';
        const sentKind = errorCode ? 'may have been sent' : 'sent';
        logTask(state, sentKind, challenge.contactId, [challenge.maskedPhone, errorCode], challenge.id);
        // Re-read after the callout: only the Pending codes that are still there now are superseded.
        for (const other of state.challenges.values()) {
            if (other !== challenge && other.contactId === challenge.contactId && other.status === 'Pending') {
                close(other, 'Superseded');
            }
        }
    }

    /**
     * The receipt endpoint (WhatsAppOtpReceiptResource, WhatsAppOtpReceiptStore): an unknown event or a body
     * without a status changes nothing; the challenge is found by clientMessageId; the channel's state moves
     * only as the shared transitions rule allows. Never creates a challenge. Returns whether one changed.
     */
    function receiveReceipt(sessionId, envelope) {
        const payload = envelope?.eventType === 'outbound_message_status_changed' ? envelope.payload : undefined;
        const status = payload?.status;
        if (!payload || typeof status !== 'object' || status === null || !isKnownState(status.state)) {
            return false;
        }
        const challenge = [...sessionState(sessionId).challenges.values()].find(
            (candidate) => candidate.clientMessageId === payload.clientMessageId
        );
        if (!challenge) {
            return false;
        }
        const sms = String(payload.channel).toLowerCase() === 'sms';
        const current = sms ? challenge.smsStatus : challenge.whatsappStatus;
        const next = nextState(current, status.state);
        if (next === current) {
            return false;
        }
        // As WhatsAppOtpReceiptStore: the receipt's own time to the millisecond, or its arrival when unreadable.
        const at = new Date(receiptTime(status.timestamp) ?? clockOf(sessionState(sessionId))).toISOString();
        challenge[sms ? 'smsStatus' : 'whatsappStatus'] = next;
        challenge.channel = sms ? 'SMS' : 'WhatsApp';
        if (next === 'Delivered' && !challenge.deliveredAt) {
            challenge.deliveredAt = at;
        }
        if (next === 'Read') {
            challenge.readAt = at;
            challenge.deliveredAt = challenge.deliveredAt ?? at;
        }
        if (next === 'Rejected' || next === 'Undelivered') {
            challenge.deliveryErrorCode = status.errorCode === undefined ? null : String(status.errorCode).slice(0, 40);
            challenge.deliveryErrorDetail = (status.errorMessage ?? status.detail ?? null)?.slice(0, 255) ?? null;
        }
        if (payload.price !== undefined) {
            challenge.price = JSON.stringify(payload.price).slice(0, 40);
        }
        return true;
    }

    /** WhatsAppOtpController.getSendStatus. */
    function getSendStatus(sessionId, { challengeId }, { settings }) {
        const challenge = sessionState(sessionId).challenges.get(challengeId);
        if (!challenge) {
            throw fail('CHALLENGE_NOT_FOUND');
        }
        // As WhatsAppOtpSendStatus.sendStatusOf: a reservation whose job never completed is as good as expired once
        // its lifetime is over, and fails with TIMEOUT, so polling ends.
        const overdue = challenge.status === 'Sending' && challenge.expiresAt <= clockOf(sessionState(sessionId));
        const errorCode = overdue ? 'TIMEOUT' : challenge.errorCode;
        const status = overdue
            ? 'FAILED'
            : ({ Accepted: 'SENT', Unknown: 'UNCONFIRMED', Refused: 'FAILED' }[challenge.sendOutcome] ?? 'SENDING');
        const refusedWith = status === 'FAILED' ? fail(errorCode) : undefined;
        return {
            challengeId: challenge.id,
            status,
            errorCode: status === 'SENT' || status === 'SENDING' ? null : errorCode,
            errorMessage: refusedWith ? refusedWith.message : null,
            maskedPhone: challenge.maskedPhone,
            expiresAt: new Date(challenge.expiresAt).toISOString(),
            resendAvailableAt: resendAvailableAt(challenge, settings),
            codeLength: challenge.codeLength,
            attemptsRemaining: Math.max(0, challenge.maxAttempts - challenge.attempts),
            // The delivery fields: upper case, as the controller returns them.
            channel: challenge.channel?.toUpperCase() ?? null,
            whatsappStatus: challenge.whatsappStatus?.toUpperCase() ?? null,
            smsStatus: challenge.smsStatus?.toUpperCase() ?? null,
            deliveredAt: challenge.deliveredAt,
            readAt: challenge.readAt,
            deliveryErrorCode: challenge.deliveryErrorCode,
            deliveryErrorDetail: challenge.deliveryErrorDetail,
            fallbackEnabled: challenge.smsFallback
        };
    }

    // WhatsAppOtpVerificationReader.numberDiffers: the Contact's number now, against the one the code went to.
    function numberDiffers(challenge) {
        const contact = contactById(challenge.contactId);
        const msisdn = contact ? toE164(pickPhone(contact.fields) ?? '') : null;
        return (msisdn ? numberHash(msisdn) : null) !== challenge.numberHash;
    }

    // WhatsAppOtpNumberChange: when a differing number last changed after the send, from field history (a contact's
    // phoneChangedAt stands in for its ContactHistory rows); undefined without a dated change.
    function numberChangedAt(challenge) {
        const changedAt = contactById(challenge.contactId)?.phoneChangedAt;
        return numberDiffers(challenge) && changedAt > challenge.createdAt
            ? new Date(changedAt).toISOString()
            : undefined;
    }

    // WhatsAppOtpVerify.verify. Synchronous from the read to the write, as the Apex's FOR UPDATE lock
    // makes it: parallel guesses each cost an attempt, and a challenge that left Pending never returns.
    function verifyOtp(sessionId, { challengeId, code }, { settings }) {
        const state = sessionState(sessionId);
        const challenge =
            typeof challengeId === 'string' && /^a0X[A-Za-z0-9]{15}$/.test(challengeId)
                ? state.challenges.get(challengeId)
                : undefined;
        if (!challenge) {
            throw fail('CHALLENGE_NOT_FOUND');
        }
        switch (challenge.status) {
            case 'Failed':
                // As WhatsAppOtpVerify: 8x8 refused it, no code went out, so the send's own reason is the answer.
                throw fail(challenge.errorCode ?? 'UNEXPECTED_RESPONSE');
            case 'Sending':
                throw fail('STILL_SENDING');
            case 'Verified':
                logTask(state, 'reuse', challenge.contactId, challenge.maskedPhone, challenge.id);
                throw fail('ALREADY_VERIFIED');
            case 'Superseded':
                throw fail('SUPERSEDED');
            case 'Locked':
                return { status: 'LOCKED', attemptsRemaining: 0 };
            case 'Expired':
                return { status: 'EXPIRED', attemptsRemaining: 0 };
            default:
        }
        // As WhatsAppOtpVerify.evaluatePending: the format is checked only for a Pending challenge.
        const compact = typeof code === 'string' ? code.replace(/\s/g, '') : '';
        if (!new RegExp(`^\\d{${challenge.codeLength}}$`).test(compact)) {
            throw fail('INVALID_CODE_FORMAT', challenge.codeLength);
        }
        const at = clockOf(state);
        if (at >= challenge.expiresAt) {
            close(challenge, 'Expired');
            logTask(state, 'expired', challenge.contactId, challenge.maskedPhone, challenge.id);
            return { status: 'EXPIRED', attemptsRemaining: 0 };
        }
        const expected = Buffer.from(challenge.codeHash, 'base64');
        const actual = Buffer.from(hashCode(challenge.codeSalt, compact), 'base64');
        if (crypto.timingSafeEqual(expected, actual)) {
            close(challenge, 'Verified');
            logTask(state, 'verified', challenge.contactId, challenge.maskedPhone, challenge.id);
            challenge.verifiedAt = at;
            challenge.verifiedByName = PREVIEW_AGENT_NAME;
            return {
                status: 'VERIFIED',
                attemptsRemaining: 0,
                verifiedAt: new Date(at).toISOString(),
                verifiedByName: PREVIEW_AGENT_NAME,
                numberDiffers: numberDiffers(challenge),
                numberChangedAt: numberChangedAt(challenge)
            };
        }
        challenge.attempts += 1;
        const locks = locksAfterWrongCode({
            settings,
            attempts: challenge.attempts,
            maxAttempts: challenge.maxAttempts,
            history: historyFor(state, { contactId: challenge.contactId, hash: challenge.numberHash }, at),
            failuresResetAgeSeconds: failuresResetAgeSeconds(state, challenge.contactId, at)
        });
        if (locks) {
            close(challenge, 'Locked');
            logTask(state, 'locked', challenge.contactId, challenge.maskedPhone, challenge.id);
            return { status: 'LOCKED', attemptsRemaining: 0 };
        }
        return { status: 'INVALID_CODE', attemptsRemaining: challenge.maxAttempts - challenge.attempts };
    }

    /**
     * WhatsAppOtpVerifyAction ("Verify WhatsApp OTP" in a flow): verifyOtp, plus, on VERIFIED, the one-time
     * verification token (WhatsAppOtpVerificationToken). Only its hash is kept on the challenge.
     */
    function verifyFromFlow(sessionId, params, scenario) {
        const verdict = verifyOtp(sessionId, params, scenario);
        if (verdict.status !== 'VERIFIED') {
            return verdict;
        }
        const token = crypto.randomBytes(32).toString('hex');
        sessionState(sessionId).challenges.get(params.challengeId).verificationTokenHash = tokenHash(token);
        return { ...verdict, verificationToken: token };
    }

    /**
     * WhatsAppOtpGetVerificationAction for one request: with a token, only the verification that issued it counts,
     * once (bound); without, the Contact's latest verification in the window (not bound). The window is the lesser
     * of the request's and the settings' maxVerificationWindowMinutes (1440 when unset). numberDiffers compares the
     * Contact's number now with the one the code went to.
     */
    function getVerification(sessionId, { contactId, windowMinutes, verificationToken }, { settings = {} } = {}) {
        const state = sessionState(sessionId);
        const window = Math.max(0, Math.min(windowMinutes ?? 0, settings.maxVerificationWindowMinutes ?? 1440));
        const since = clockOf(state) - window * 60 * SECOND;
        const verified = [...state.challenges.values()].filter(
            (challenge) =>
                challenge.contactId === contactId && challenge.status === 'Verified' && challenge.verifiedAt >= since
        );
        const hash = verificationToken === undefined ? undefined : tokenHash(verificationToken);
        const found =
            hash === undefined
                ? verified.sort((a, b) => b.verifiedAt - a.verifiedAt)[0]
                : verified.find((challenge) => challenge.verificationTokenHash === hash);
        if (!found || window === 0) {
            return { verified: false, bound: false, numberDiffers: false, windowMinutes: window };
        }
        if (hash !== undefined) {
            found.verificationTokenHash = null;
        }
        return {
            verified: true,
            bound: hash !== undefined,
            numberDiffers: numberDiffers(found),
            numberChangedAt: numberChangedAt(found),
            challengeId: found.id,
            windowMinutes: window
        };
    }

    /** WhatsAppOtpController.liftLockout: the preview's agent holds the supervisor permission; logged as a Task. */
    function liftLockout(sessionId, { contactId }) {
        const contact = typeof contactId === 'string' ? contactById(contactId) : undefined;
        if (!contact) {
            throw fail('CONTACT_NOT_FOUND');
        }
        const state = sessionState(sessionId);
        state.failuresResetAt.set(contact.id, clockOf(state));
        logTask(state, 'lockout lifted', contact.id, PREVIEW_AGENT_NAME);
        return null;
    }

    /**
     * The Contact's challenges as UI API records (getRelatedListRecords on WhatsApp_OTP_Challenges__r): only the
     * requested fields that exist on the object, sorted by `sortBy` ("-Field" is descending), at most pageSize.
     * One agent per session owns every challenge in it, as the object's Private sharing gives the sender.
     */
    function relatedChallenges(sessionId, contactId, { fields = [], sortBy = [], pageSize = 50 } = {}) {
        const toUi = (challenge) => {
            const iso = (ms) => (ms == null ? null : new Date(ms).toISOString());
            const all = {
                Status__c: challenge.status,
                Expires_At__c: iso(challenge.expiresAt),
                CreatedDate: iso(challenge.createdAt),
                Code_Length__c: challenge.codeLength,
                Attempts__c: challenge.attempts,
                Max_Attempts__c: challenge.maxAttempts,
                Masked_Phone__c: challenge.maskedPhone,
                Send_Outcome__c: challenge.sendOutcome,
                Error_Code__c: challenge.errorCode,
                Verified_At__c: iso(challenge.verifiedAt),
                Channel__c: challenge.channel,
                WhatsApp_Status__c: challenge.whatsappStatus,
                SMS_Status__c: challenge.smsStatus,
                Delivered_At__c: challenge.deliveredAt,
                Read_At__c: challenge.readAt,
                Delivery_Error_Code__c: challenge.deliveryErrorCode,
                Delivery_Error_Detail__c: challenge.deliveryErrorDetail
            };
            const record = { apiName: 'WhatsApp_OTP_Challenge__c', id: challenge.id, fields: {} };
            for (const qualified of fields) {
                const name = qualified.split('.').slice(1).join('.');
                if (Object.prototype.hasOwnProperty.call(all, name)) {
                    record.fields[name] = { value: all[name], displayValue: null };
                }
            }
            return record;
        };
        const [order = '-CreatedDate'] = sortBy;
        const descending = order.startsWith('-');
        const key = order.replace(/^-/, '').split('.').pop();
        const sortValue = (challenge) => (key === 'CreatedDate' ? challenge.createdAt : challenge[key]);
        return [...sessionState(sessionId).challenges.values()]
            .filter((challenge) => challenge.contactId === contactId)
            .sort((a, b) => (descending ? sortValue(b) - sortValue(a) : sortValue(a) - sortValue(b)))
            .slice(0, pageSize)
            .map(toUi);
    }

    return {
        sendOtp,
        sendFromFlow,
        verifyFromFlow,
        getVerification,
        getSendStatus,
        verifyOtp,
        liftLockout,
        receiveReceipt,
        relatedChallenges,
        /** The Contact's Tasks, newest first (the preview's Activity card, like a record page's timeline). */
        tasksOf(sessionId, contactId) {
            return sessionState(sessionId)
                .tasks.filter((task) => task.contactId === contactId)
                .slice()
                .reverse();
        },
        contactById,
        /** Moves this session's clock on (the preview's tests, instead of real waits). */
        advanceClock(sessionId, seconds) {
            sessionState(sessionId).clockOffsetMs += seconds * SECOND;
            receiptScheduler.flush(sessionId);
        },
        /** Stops the receipts still to come (the server is closing). */
        stopReceipts() {
            receiptScheduler.clear();
        },
        /** Resolves once every delivery scheduled so far in the session has finished. */
        async deliveriesDone(sessionId) {
            const state = sessionState(sessionId);
            while (state.deliveries.size > 0) {
                await Promise.all([...state.deliveries]);
            }
        },
        /** Copies of the session's stored challenges and Tasks, for tests. */
        records(sessionId) {
            const state = sessionState(sessionId);
            return { challenges: [...state.challenges.values()].map((c) => ({ ...c })), tasks: [...state.tasks] };
        },
        /** The session's lock, read and insert steps so far, and forgets them (tests of the order). */
        takeSteps(sessionId) {
            return sessionState(sessionId).steps.splice(0);
        }
    };
}
