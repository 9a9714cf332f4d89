// One session's records: WhatsApp_OTP_Challenge__c rows (WhatsAppOtpChallengeStore, WhatsAppOtpCodes) and Tasks.
import crypto from 'node:crypto';
import { label } from './labels.mjs';

export const SECOND = 1000;

/** The preview's one agent per session, the verifier verifyOtp names (the Apex: UserInfo.getName()). */
export const PREVIEW_AGENT_NAME = 'Jane Doe';

/** A new session: no records, its clock `now()` plus whatever the tests moved it by. */
export function newSession(now) {
    const session = {
        challenges: new Map(),
        tasks: [],
        failuresResetAt: new Map(),
        clockOffsetMs: 0,
        deliveries: new Set()
    };
    session.clock = () => now() + session.clockOffsetMs;
    return session;
}

/** WhatsAppOtpCodes.hash: base64 SHA-256 of salt + code. */
export const hashCode = (salt, code) =>
    crypto
        .createHash('sha256')
        .update(salt + code)
        .digest('base64');

export const newId = (prefix) => (prefix + crypto.randomBytes(12).toString('hex').toUpperCase()).slice(0, 18);

/** WhatsAppPhoneNumber.hash: the Number_Hash__c of a number, `v1:` and the hex SHA-256 of the E.164 form. */
export const numberHash = (e164) => `v1:${crypto.createHash('sha256').update(e164).digest('hex')}`;

export const iso = (ms) => (ms == null ? null : new Date(ms).toISOString());

/** Leaves Pending: the hash and salt go with it. */
export function close(challenge, status) {
    challenge.status = status;
    challenge.codeHash = null;
    challenge.codeSalt = null;
}

/**
 * The policy's view of the session from a send (or verify) for a Contact and a number hash: its challenges' `history`,
 * and `failuresResetAgeSeconds`, the seconds since a supervisor lifted the Contact's lockout (or undefined).
 */
export function historyOf(session, { contactId, hash }, at) {
    const liftedAt = session.failuresResetAt.get(contactId);
    const history = [...session.challenges.values()].map((challenge) => ({
        ageSeconds: (at - challenge.createdAt) / SECOND,
        sameContact: challenge.contactId === contactId,
        sameNumber: challenge.numberHash === hash,
        sameAgent: true, // one agent per session
        source: challenge.source,
        status: challenge.status,
        attempts: challenge.attempts,
        carried: challenge.carried
    }));
    return { history, failuresResetAgeSeconds: liftedAt === undefined ? undefined : (at - liftedAt) / SECOND };
}

export const resendAvailableAt = (challenge, settings) =>
    iso(challenge.createdAt + settings.resendCooldownSeconds * SECOND);

/**
 * WhatsAppOtpActivityLog: a completed Task on the Contact, its subject the Apex's Custom Label (never the code):
 * WhatsAppOtp_Task_<kind>, kind Sent, NotSent, MayHaveBeenSent, Verified, VerifiedByReply, Locked, Expired,
 * ReuseAttempt or LockoutLifted.
 */
export function logTask(session, kind, contactId, detail, challengeId) {
    session.tasks.push({
        contactId,
        kind,
        subject: label(`WhatsAppOtp_Task_${kind}`, ...[detail].flat()),
        status: 'Completed',
        createdAt: iso(session.clock()),
        ...(challengeId ? { challengeId } : {})
    });
}
