// Generated from src-ts/lwc/whatsappOtpComposer/deliveryStatusPoll.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// Follows a sent code's delivery receipts (docs/architecture.md, "Delivery receipts"): after the send has
// settled, calls getSendStatus on a bounded backoff while the challenge is open and its delivery can still
// change, and hands each answer to the composer. Poll only, no empApi: see docs/architecture.md, "Polling instead of empApi".
import { deliveryFieldsOf, deliveryFinal } from 'c/whatsappOtpDeliveryView';
import { CancellableWait } from './cancellableWait';
/**
 * The waits before each call, ms: 15 calls over about 9 minutes, so a code with the default 10-minute
 * lifetime is followed for nearly all of it. Quick at first, when most receipts come (8x8 posts each one as
 * the state changes, retrying a failed post after 1, 10, 30 and 90 s: 8x8 Messaging Apps docs, delivery receipts),
 * then slower, since a customer may read the message minutes later.
 */
export const FOLLOW_DELAYS_MS = [
    2000, 3000, 5000, 5000, 10000, 10000, 15000, 15000, 30000, 30000, 60000, 60000, 60000, 120000, 120000
];
export class DeliveryStatusPoll {
    fetchStatus;
    onStatus;
    isOpen;
    delays;
    waits = new CancellableWait();
    /**
     * @param fetchStatus one getSendStatus call
     * @param onStatus gets every answer, in order
     * @param isOpen false once the challenge can no longer be verified: no further call is made
     */
    constructor(fetchStatus, onStatus, isOpen, delays = FOLLOW_DELAYS_MS) {
        this.fetchStatus = fetchStatus;
        this.onStatus = onStatus;
        this.isOpen = isOpen;
        this.delays = delays;
    }
    /** Follows until final, closed, cancelled or out of waits; resolves then, never rejects. */
    run() {
        return this.step(0);
    }
    /** Stops following: the pending wait ends now and no further call is made. */
    cancel() {
        this.waits.cancel();
    }
    /** One wait and one call; the next step follows while the delivery can still change. */
    async step(index) {
        if (index >= this.delays.length) {
            return { kind: 'gaveUp' };
        }
        await this.waits.wait(this.delays[index]);
        if (this.waits.cancelled) {
            return { kind: 'cancelled' };
        }
        if (!this.isOpen()) {
            return { kind: 'closed' };
        }
        let status;
        try {
            status = await this.fetchStatus();
        }
        catch {
            // A failed call shows nothing: the status is advisory, and the next call may answer. The call
            // still counts against the bound.
            return this.step(index + 1);
        }
        if (this.waits.cancelled) {
            return { kind: 'cancelled' };
        }
        this.onStatus(status);
        return deliveryFinal(deliveryFieldsOf(status)) ? { kind: 'final' } : this.step(index + 1);
    }
}
/** At most one follow-up per component: start does nothing while one runs; stop cancels it. */
export class DeliveryFollower {
    poll;
    start(fetchStatus, onStatus, isOpen) {
        if (this.poll) {
            return;
        }
        const poll = new DeliveryStatusPoll(fetchStatus, onStatus, isOpen);
        this.poll = poll;
        poll.run().then(() => {
            if (this.poll === poll) {
                this.poll = undefined;
            }
        });
    }
    stop() {
        this.poll?.cancel();
        this.poll = undefined;
    }
}
