// WhatsAppOtpSendAction, WhatsAppOtpVerifyAction and WhatsAppOtpGetVerificationAction: one result per request.
import crypto from 'node:crypto';
import { AgentError, refusalOr } from './agentErrors.mjs';
import { iso, SECOND } from './challenges.mjs';
import { numberChangedAt, numberDiffers, verifyOtp } from './controller.mjs';
import { withPreferences } from './languageConsent.mjs';
import { personOf, reserveAll, targetOf } from './reservation.mjs';
import { checkedSettings } from './scenario.mjs';

/** WhatsAppOtpVerificationToken.hashOf: hex SHA-256 of a well-formed token, else a hash no token has. */
function tokenHash(token) {
    const normalised = String(token).trim().toLowerCase();
    return /^[0-9a-f]{64}$/.test(normalised)
        ? crypto.createHash('sha256').update(normalised).digest('hex')
        : 'malformed';
}

/** Reserves every allowed Contact in one transaction and queues the deliveries; never calls 8x8 itself. */
export function sendFromFlow(session, { recordIds }, scenario, queueDelivery) {
    const refused = (error) => ({ success: false, errorCode: error.errorCode, errorMessage: error.message });
    const settings = refusalOr(() => checkedSettings(scenario));
    if (settings instanceof AgentError) {
        return recordIds.map(() => refused(settings));
    }
    const results = recordIds.map((recordId) => refusalOr(() => withPreferences(targetOf(recordId))));
    const targets = results.filter((result) => !(result instanceof AgentError));
    const outcomes = targets.length === 0 ? [] : reserveAll(session, targets, 'Flow', settings, scenario);
    return results.map((result) => {
        const outcome = result instanceof AgentError ? result : outcomes[targets.indexOf(result)];
        if (outcome instanceof AgentError) {
            return refused(outcome);
        }
        queueDelivery(outcome, result.msisdn, settings);
        const { id: challengeId, maskedPhone, expiresAt } = outcome;
        return { success: true, status: 'SENDING', challengeId, maskedPhone, expiresAt: iso(expiresAt) };
    });
}

/** verifyOtp, plus, on VERIFIED, the one-time verification token. Only its hash is kept on the challenge. */
export function verifyFromFlow(session, params, scenario) {
    const verdict = verifyOtp(session, params, scenario);
    if (verdict.status !== 'VERIFIED') {
        return verdict;
    }
    const token = crypto.randomBytes(32).toString('hex');
    session.challenges.get(params.challengeId).verificationTokenHash = tokenHash(token);
    return { ...verdict, verificationToken: token };
}

/**
 * With a token, only the verification that issued it, once (bound); without, the person's latest in the window. The
 * person: recordId's (as the Send action resolves it), else contactId; with interactionRecordId, only a code sent from
 * that record counts.
 */
export function getVerification(session, params, { settings = {} } = {}) {
    const { contactId, recordId, interactionRecordId, windowMinutes, verificationToken } = params;
    const personId = recordId === undefined ? contactId : personOf(recordId).contact.id;
    const window = Math.max(0, Math.min(windowMinutes ?? 0, settings.maxVerificationWindowMinutes ?? 1440));
    const since = session.clock() - window * 60 * SECOND;
    const verified = [...session.challenges.values()].filter(
        (c) =>
            c.contactId === personId &&
            (interactionRecordId === undefined || c.sourceRecordId === interactionRecordId) &&
            c.status === 'Verified' &&
            c.verifiedAt >= since
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
