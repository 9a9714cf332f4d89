// The simulated org behind the preview, put together from one module per Apex role: the controller
// (./controller.mjs), the Flow actions (./flowActions.mjs), the reservation (./reservation.mjs), the delivery job
// (./deliveryJob.mjs) and the receipt store (./receiptStore.mjs), on sessions of records (./challenges.mjs). It
// keeps the contract of docs/architecture.md ("Send reservation, delivery and the policy"); every limit comes from
// ./policy.mjs, every message from the project's Custom Labels. Each browser tab gets its own simulated org (a
// session) with one agent. The code only ever leaves in the body sent to the simulated 8x8.
import { newSession, SECOND } from './challenges.mjs';
import { contactById } from './contacts.mjs';
import * as controller from './controller.mjs';
import { deliver } from './deliveryJob.mjs';
import * as flowActions from './flowActions.mjs';
import { storeReceipt } from './receiptStore.mjs';
import { createReceiptScheduler } from './receipts.mjs';
import { relatedChallenges } from './relatedList.mjs';

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
    const sending = (send) => (sessionId, params, scenario) =>
        send(sessionOf(sessionId), params, scenario, queueFor(sessionId, scenario));
    const onSession =
        (method) =>
        (sessionId, ...args) =>
            method(sessionOf(sessionId), ...args);

    return {
        sendOtp: sending(controller.sendOtp),
        sendFromFlow: sending(flowActions.sendFromFlow),
        getSendStatus: onSession(controller.getSendStatus),
        verifyOtp: onSession(controller.verifyOtp),
        liftLockout: onSession(controller.liftLockout),
        verifyFromFlow: onSession(flowActions.verifyFromFlow),
        getVerification: onSession(flowActions.getVerification),
        receiveReceipt: onSession(storeReceipt),
        relatedChallenges: onSession(relatedChallenges),
        contactById,
        /** The Contact's Tasks, newest first (the preview's Activity card, like a record page's timeline). */
        tasksOf: (sessionId, contactId) =>
            sessionOf(sessionId)
                .tasks.filter((task) => task.contactId === contactId)
                .reverse(),
        /** Moves this session's clock on (the preview's tests, instead of real waits). */
        advanceClock(sessionId, seconds) {
            sessionOf(sessionId).clockOffsetMs += seconds * SECOND;
            receiptScheduler.flush(sessionId);
        },
        /** Stops the receipts still to come (the server is closing). */
        stopReceipts: () => receiptScheduler.clear(),
        /** Resolves once every delivery scheduled so far in the session has finished. */
        async deliveriesDone(sessionId) {
            const session = sessionOf(sessionId);
            while (session.deliveries.size > 0) {
                await Promise.all([...session.deliveries]);
            }
        },
        /** Copies of the session's stored challenges and Tasks, for tests. */
        records(sessionId) {
            const session = sessionOf(sessionId);
            return { challenges: [...session.challenges.values()].map((c) => ({ ...c })), tasks: [...session.tasks] };
        },
        /** The session's lock, read and insert steps so far, and forgets them (tests of the order). */
        takeSteps: (sessionId) => sessionOf(sessionId).steps.splice(0)
    };
}
