// WhatsAppOtpService.reserve: the page's person and number, the policy's decision on the session's challenges, and
// the new challenge.
import crypto from 'node:crypto';
import { recordById } from './contacts.mjs';
import { normalizePhone, personOfRecord } from './person.mjs';
import { fail } from './agentErrors.mjs';
import { historyOf, newId, numberHash, SECOND } from './challenges.mjs';
import { callingCodeOf, maskE164, pickPhone } from './phoneNumber.mjs';
import { decideSend } from './policy.mjs';
import { smsFallbackOn } from './scenario.mjs';

const DAY = 86400 * SECOND;

/**
 * The page's record and its person (person.mjs, the composer's rule: a converted Lead's Contact, a Case's Contact...),
 * or the refusal (thrown). A Messaging Session on WhatsApp also gives the session's own number.
 */
export function personOf(recordId) {
    const record = typeof recordId === 'string' ? recordById(recordId) : undefined;
    if (!record) {
        throw fail(
            /^(003|00Q)[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(recordId) ? 'CONTACT_NOT_FOUND' : 'NOT_A_CONTACT'
        );
    }
    const { personId, whatsAppNumber, errorCode } = personOfRecord(record);
    if (errorCode) {
        throw fail(errorCode, record.apiName);
    }
    const contact = recordById(personId);
    if (!contact) {
        throw fail('CONTACT_NOT_FOUND');
    }
    return { record, contact, whatsAppNumber };
}

/** WhatsAppOtpService.resolve for one request: the person (`contact`, a Contact or Lead), its number and the record. */
export function targetOf(recordId) {
    const { record, contact, whatsAppNumber } = personOf(recordId);
    const rawPhone = whatsAppNumber ?? pickPhone(contact.fields);
    if (!rawPhone) {
        throw fail('NO_PHONE');
    }
    const msisdn = normalizePhone(rawPhone);
    if (!msisdn) {
        throw fail('INVALID_PHONE');
    }
    return { contact, msisdn, hash: numberHash(msisdn), source: record };
}

/**
 * The agent message of a refused send, with the arguments its label takes. INFERRED: "about {n} minutes" is the
 * wait rounded up to whole minutes, at least 1, as the Apex is expected to round it.
 */
function refusal(decision, msisdn) {
    const minutes = Math.max(1, Math.ceil((decision.retryAfterSeconds ?? 0) / 60));
    const args = {
        COOLDOWN: [Math.ceil(decision.retryAfterSeconds)],
        ORG_DAILY_BUDGET: [decision.limit],
        HOURLY_CAP: [decision.limit, minutes],
        NUMBER_CAP: [decision.limit, minutes],
        AGENT_CAP: [decision.limit, minutes],
        FAILURE_LOCKOUT: [minutes],
        COUNTRY_NOT_ALLOWED: [callingCodeOf(msisdn) ?? '']
    }[decision.errorCode];
    const error = fail(decision.errorCode, ...(args ?? []));
    error.retryAfterSeconds = decision.retryAfterSeconds ?? null;
    return error;
}

function newChallenge(target, settings, outcome, decision, at) {
    // As WhatsAppOtpPolicy.carriedAttempts: at most max - 1, so the new code always has one try. Recorded apart
    // (Carried_Attempts__c) as well, so the Daily Failure Cap counts them once.
    const carried = Math.min(decision.initialAttempts, settings.maxAttempts - 1);
    return {
        id: newId('a0X'),
        // The person: Contact__c or Lead__c.
        contactId: target.contact.id,
        sourceRecordId: target.source.id,
        sourceObject: target.source.apiName,
        status: 'Sending',
        sendOutcome: null,
        errorCode: null,
        clientMessageId: crypto.randomUUID(),
        numberHash: target.hash,
        source: 'Interactive',
        createdAt: at,
        expiresAt: at + settings.codeTtlMinutes * 60 * SECOND,
        attempts: carried,
        carried,
        maxAttempts: settings.maxAttempts,
        codeLength: settings.codeLength,
        templateLanguage: target.language ?? null,
        maskedPhone: maskE164(target.msisdn),
        messageId: null,
        codeSalt: null,
        codeHash: null,
        verifiedAt: null,
        // Delivery receipts, as WhatsAppOtpReceiptStore sets them.
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

/** WhatsAppOtpService.reserve for one target: the new challenge, stored, or the refusal (thrown). */
export function reserve(session, target, settings, outcome = 'success') {
    const at = session.clock();
    // The simulated org's day is UTC; an org counts "today" in its own time zone.
    const dayStart = Math.floor(at / DAY) * DAY;
    const sentToday = [...session.challenges.values()].filter((c) => c.status !== 'Failed' && c.createdAt >= dayStart);
    const request = {
        // The preview's one agent sends from the component.
        source: 'Interactive',
        callingCode: callingCodeOf(target.msisdn),
        digits: target.msisdn.slice(1),
        isSandbox: settings.isSandbox,
        onSandboxList: settings.sandboxAllowedNumbers.includes(target.msisdn)
    };
    const decision = decideSend({
        settings,
        request,
        ...historyOf(session, { contactId: target.contact.id, hash: target.hash }, at),
        orgSendsToday: sentToday.length
    });
    if (!decision.allowed) {
        throw refusal(decision, target.msisdn);
    }
    const challenge = newChallenge(target, settings, outcome, decision, at);
    session.challenges.set(challenge.id, challenge);
    return challenge;
}
