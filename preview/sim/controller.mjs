// WhatsAppOtpController's @AuraEnabled methods on one session, in the shapes of src-ts/types/apex.d.ts, and Get
// Verification (its verification token, which binds a proof to one verify, is WhatsAppOtpVerificationTokenTest's).
import crypto from 'node:crypto';
import { AgentError, fail } from './agentErrors.mjs';
import {
    close,
    hashCode,
    historyOf,
    iso,
    logTask,
    numberHash,
    PREVIEW_AGENT_NAME,
    resendAvailableAt,
    SECOND
} from './challenges.mjs';
import { recordById } from './contacts.mjs';
import { normalizePhone } from './person.mjs';
import { pickPhone } from './phoneNumber.mjs';
import { locksAfterWrongCode } from './policy.mjs';
import { languageStatus, withPreferences } from './languageConsent.mjs';
import { personOf, reserve, targetOf } from './reservation.mjs';
import { checkedSettings } from './scenario.mjs';

/** sendOtp: no await from check to insert, as the Apex's locked rows make them one step; a refusal is data. */
export function sendOtp(session, { recordId, inDefaultLanguage }, scenario, queueDelivery) {
    try {
        const settings = checkedSettings(scenario);
        const target = withPreferences(targetOf(recordId), inDefaultLanguage);
        const challenge = reserve(session, target, settings, scenario.outcome);
        queueDelivery(challenge, target.msisdn, settings);
        return {
            challengeId: challenge.id,
            maskedPhone: challenge.maskedPhone,
            status: 'SENDING',
            expiresAt: iso(challenge.expiresAt),
            resendAvailableAt: resendAvailableAt(challenge, settings),
            codeLength: challenge.codeLength,
            replyVerification: settings.replyVerification === true
        };
    } catch (error) {
        if (!(error instanceof AgentError)) {
            throw error;
        }
        const wait = error.retryAfterSeconds;
        const retryAt = wait == null ? null : iso(session.clock() + wait * 1000);
        return { status: 'REFUSED', errorCode: error.errorCode, errorMessage: error.message, retryAt };
    }
}

export function getSendStatus(session, { challengeId }, { settings }) {
    const challenge = session.challenges.get(challengeId);
    if (!challenge) {
        throw fail('CHALLENGE_NOT_FOUND');
    }
    // As WhatsAppOtpService.sendStatusOf: a job that never completed fails with TIMEOUT at expiry, so polling ends.
    const overdue = challenge.status === 'Sending' && challenge.expiresAt <= session.clock();
    const errorCode = overdue ? 'TIMEOUT' : challenge.errorCode;
    const status = overdue
        ? 'FAILED'
        : ({ Accepted: 'SENT', Unknown: 'UNCONFIRMED', Refused: 'FAILED' }[challenge.sendOutcome] ?? 'SENDING');
    const upper = (value) => value?.toUpperCase() ?? null;
    return {
        challengeId: challenge.id,
        status,
        errorCode: status === 'SENT' || status === 'SENDING' ? null : errorCode,
        errorMessage: status === 'FAILED' ? fail(errorCode).message : null,
        maskedPhone: challenge.maskedPhone,
        expiresAt: iso(challenge.expiresAt),
        resendAvailableAt: resendAvailableAt(challenge, settings),
        codeLength: challenge.codeLength,
        attemptsRemaining: Math.max(0, challenge.maxAttempts - challenge.attempts),
        channel: upper(challenge.channel),
        whatsappStatus: upper(challenge.whatsappStatus),
        smsStatus: upper(challenge.smsStatus),
        deliveredAt: challenge.deliveredAt,
        readAt: challenge.readAt,
        deliveryErrorCode: challenge.deliveryErrorCode,
        deliveryErrorDetail: challenge.deliveryErrorDetail,
        fallbackEnabled: challenge.smsFallback,
        // The challenge's own state, for a close made elsewhere (a customer's reply): stored values, as the Apex.
        challengeStatus: challenge.status,
        verifiedAt: challenge.verifiedAt ? iso(challenge.verifiedAt) : null,
        verifiedByName: challenge.verifiedByName ?? null,
        verifiedVia: challenge.verifiedVia ?? null,
        ...languageStatus(challenge)
    };
}

/** WhatsAppOtpVerificationReader.numberDiffers: the Contact's number now, against the one the code went to. */
export function numberDiffers(challenge) {
    const contact = recordById(challenge.contactId);
    const msisdn = contact ? normalizePhone(pickPhone(contact.fields)) : null;
    return (msisdn ? numberHash(msisdn) : null) !== challenge.numberHash;
}

/** WhatsAppOtpNumberChange: phoneChangedAt stands in for the Contact's ContactHistory rows. */
export function numberChangedAt(challenge) {
    const changedAt = recordById(challenge.contactId)?.phoneChangedAt;
    return numberDiffers(challenge) && changedAt > challenge.createdAt ? new Date(changedAt).toISOString() : undefined;
}

const closed = (session, challenge, status, kind = status) => {
    close(challenge, status);
    logTask(session, kind, challenge.contactId, challenge.maskedPhone, challenge.id);
    return { status: status.toUpperCase(), attemptsRemaining: 0 };
};

/** WhatsAppOtpService.verify: no await from read to write, as its FOR UPDATE lock makes parallel guesses serial. */
/** `via`: Verified_Via__c, Agent entry for a typed code, Customer reply for WhatsAppOtpVerify.verifyReply. */
export function verifyOtp(session, { challengeId, code }, { settings, via = 'Agent entry' }) {
    const challenge = /^a0X[A-Za-z0-9]{15}$/.test(String(challengeId)) ? session.challenges.get(challengeId) : null;
    if (!challenge) {
        throw fail('CHALLENGE_NOT_FOUND');
    }
    switch (challenge.status) {
        case 'Failed':
            // 8x8 refused it, no code went out, so the send's own reason is the answer.
            throw fail(challenge.errorCode ?? 'UNEXPECTED_RESPONSE');
        case 'Sending':
            throw fail('STILL_SENDING');
        case 'Verified':
            logTask(session, 'ReuseAttempt', challenge.contactId, challenge.maskedPhone, challenge.id);
            throw fail('ALREADY_VERIFIED');
        case 'Superseded':
            throw fail('SUPERSEDED');
        case 'Locked':
        case 'Expired':
            return { status: challenge.status.toUpperCase(), attemptsRemaining: 0 };
        default:
    }
    // As WhatsAppOtpService.evaluatePending: the format is checked only for a Pending challenge.
    const compact = typeof code === 'string' ? code.replace(/\s/g, '') : '';
    if (!new RegExp(`^\\d{${challenge.codeLength}}$`).test(compact)) {
        throw fail('INVALID_CODE_FORMAT', challenge.codeLength);
    }
    const at = session.clock();
    if (at >= challenge.expiresAt) {
        return closed(session, challenge, 'Expired');
    }
    const expected = Buffer.from(challenge.codeHash, 'base64');
    if (crypto.timingSafeEqual(expected, Buffer.from(hashCode(challenge.codeSalt, compact), 'base64'))) {
        closed(session, challenge, 'Verified', via === 'Customer reply' ? 'VerifiedByReply' : 'Verified');
        Object.assign(challenge, { verifiedAt: at, verifiedByName: PREVIEW_AGENT_NAME, verifiedVia: via });
        return {
            status: 'VERIFIED',
            attemptsRemaining: 0,
            verifiedAt: iso(at),
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
        ...historyOf(session, { contactId: challenge.contactId, hash: challenge.numberHash }, at)
    });
    if (locks) {
        return closed(session, challenge, 'Locked');
    }
    return { status: 'INVALID_CODE', attemptsRemaining: challenge.maxAttempts - challenge.attempts };
}

/** liftLockout: the preview's agent holds the supervisor permission; the person is a Contact or a Lead. */
export function liftLockout(session, { personId }) {
    const contact = typeof personId === 'string' ? recordById(personId) : undefined;
    if (!contact) {
        throw fail('CONTACT_NOT_FOUND');
    }
    session.failuresResetAt.set(contact.id, session.clock());
    logTask(session, 'LockoutLifted', contact.id, PREVIEW_AGENT_NAME);
    return null;
}

/**
 * WhatsAppOtpGetVerificationAction, the one Flow action simulated (the shared Lead cases ask it): the person's latest
 * verification in the window. The person: recordId's (as the Send action resolves it), else contactId; with
 * interactionRecordId, only a code sent from that record counts.
 */
export function getVerification(session, params, { settings = {} } = {}) {
    const { contactId, recordId, interactionRecordId, windowMinutes } = params;
    const personId = recordId === undefined ? contactId : personOf(recordId).contact.id;
    const window = Math.max(0, Math.min(windowMinutes ?? 0, settings.maxVerificationWindowMinutes ?? 1440));
    const since = session.clock() - window * 60 * SECOND;
    const [found] = [...session.challenges.values()]
        .filter(
            (c) =>
                c.contactId === personId &&
                (interactionRecordId === undefined || c.sourceRecordId === interactionRecordId) &&
                c.status === 'Verified' &&
                c.verifiedAt >= since
        )
        .sort((a, b) => b.verifiedAt - a.verifiedAt);
    if (!found || window === 0) {
        return { verified: false, bound: false, numberDiffers: false, windowMinutes: window };
    }
    return {
        verified: true,
        bound: false,
        numberDiffers: numberDiffers(found),
        numberChangedAt: numberChangedAt(found),
        challengeId: found.id,
        windowMinutes: window
    };
}
