// The simulated org behind the preview, one module per Apex role, one session (org, clock, agent) per browser tab.
import crypto from 'node:crypto';
import { iso, newSession, SECOND } from './challenges.mjs';
import * as controller from './controller.mjs';
import { deliver } from './deliveryJob.mjs';
import { inboundEnvelope, inboundSecretHash, receiveInbound } from './inbound.mjs';
import { storeReceipt } from './receiptStore.mjs';
import { createReceiptScheduler } from './receipts.mjs';
import { relatedChallenges } from './relatedList.mjs';
import { SETTINGS } from './scenario.mjs';

/** The preview org's inbound secret (org:setup --inbound generates one per org; only its hash is stored). */
const INBOUND_SECRET = 'previewInboundSecret_0123456789abcdefghijkl';

// What the preview server takes from here besides the org.
export { AgentError } from './agentErrors.mjs';
export { scenarioSettingsFrom } from './scenario.mjs';

export function createSimulatedOrg({ messagingApi, phone, now = () => Date.now() }) {
    const sessions = new Map();
    const sessionOf = (sessionId) => {
        if (!sessions.has(sessionId)) {
            sessions.set(sessionId, newSession(now));
        }
        return sessions.get(sessionId);
    };
    // Receipts come on each session's simulated clock: a clock move brings the due ones at once.
    const receiptScheduler = createReceiptScheduler({ clock: (sessionId) => sessionOf(sessionId).clock() });

    /** Like System.enqueueJob: the delivery starts only after the reserving call has returned. */
    const queueFor = (sessionId, scenario) => (challenge, msisdn, settings) => {
        const session = sessionOf(sessionId);
        const receipts = {
            schedule: (afterMs, run) => receiptScheduler.schedule(sessionId, afterMs, run),
            post: scenario.receipts === false ? undefined : (envelope) => storeReceipt(session, envelope)
        };
        const job = { session, sessionId, challenge, msisdn, messagingApi, phone, receipts };
        const delivery = new Promise((resolve) => setTimeout(resolve, 0))
            .then(() => deliver({ ...job, scenario: { outcome: 'success', ...scenario, settings } }))
            .finally(() => session.deliveries.delete(delivery));
        session.deliveries.add(delivery);
    };
    const onSession =
        (method) =>
        (sessionId, ...args) =>
            method(sessionOf(sessionId), ...args);

    return {
        sendOtp: (sessionId, params, scenario) =>
            controller.sendOtp(sessionOf(sessionId), params, scenario, queueFor(sessionId, scenario)),
        getSendStatus: onSession(controller.getSendStatus),
        verifyOtp: onSession(controller.verifyOtp),
        liftLockout: onSession(controller.liftLockout),
        getVerification: onSession(controller.getVerification),
        receiveReceipt: onSession(storeReceipt),
        /**
         * The customer writes in the WhatsApp chat: the phone shows it at once, and the simulated 8x8 posts its
         * webhook to the org's inbound endpoint on the tab's clock, after its answer time. False when no code has
         * reached the phone.
         */
        customerReply(sessionId, text, { settings, timings }) {
            const session = sessionOf(sessionId);
            const msisdn = phone.lastMsisdn(sessionId);
            if (!msisdn || typeof text !== 'string' || !text.trim()) {
                return false;
            }
            const [umid, at] = [crypto.randomUUID(), iso(session.clock())];
            phone.deliver(sessionId, { kind: 'reply', umid, msisdn, text, receivedAt: at });
            const { subaccountId: subAccountId } = SETTINGS;
            const body = JSON.stringify(inboundEnvelope({ umid, subAccountId, timestamp: at, msisdn, text }));
            const inbound = {
                secretHash: inboundSecretHash(INBOUND_SECRET),
                replySubaccount: settings.replyVerification ? SETTINGS.subaccountId : null,
                settings
            };
            receiptScheduler.schedule(sessionId, timings.latency, () =>
                receiveInbound(session, { authorization: `Bearer ${INBOUND_SECRET}`, body }, inbound)
            );
            return true;
        },
        relatedChallenges: onSession(relatedChallenges),
        /** The Contact's Tasks, newest first. */
        tasksOf: (sessionId, contactId) =>
            sessionOf(sessionId)
                .tasks.filter((task) => task.contactId === contactId)
                .reverse(),
        advanceClock(sessionId, seconds) {
            sessionOf(sessionId).clockOffsetMs += seconds * SECOND;
            receiptScheduler.flush(sessionId);
        },
        stopReceipts: () => receiptScheduler.clear(),
        async deliveriesDone(sessionId) {
            const session = sessionOf(sessionId);
            while (session.deliveries.size > 0) {
                await Promise.all([...session.deliveries]);
            }
        },
        records(sessionId) {
            const session = sessionOf(sessionId);
            return { challenges: [...session.challenges.values()].map((c) => ({ ...c })), tasks: [...session.tasks] };
        }
    };
}
