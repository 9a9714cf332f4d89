// Follows a sent code's delivery receipts (docs/architecture.md, "Delivery receipts"): after the send has
// settled, calls getSendStatus on a bounded backoff while the challenge is open and its delivery can still
// change, and hands each answer to the composer. Poll only, no empApi: see docs/architecture.md, "Polling instead of empApi".
import { deliveryFieldsOf, deliveryFinal } from 'c/whatsappOtpDeliveryView';
import type { DeliveryFields } from 'c/whatsappOtpDeliveryView';
import { CancellableWait } from './cancellableWait';

/**
 * The waits before each call, ms: 15 calls over about 9 minutes, so a code with the default 10-minute
 * lifetime is followed for nearly all of it. Quick at first, when most receipts come (8x8 posts each one as
 * the state changes, retrying a failed post after 1, 10, 30 and 90 s: 8x8 Messaging Apps docs, delivery receipts),
 * then slower, since a customer may read the message minutes later.
 */
export const FOLLOW_DELAYS_MS: readonly number[] = [
    2000, 3000, 5000, 5000, 10000, 10000, 15000, 15000, 30000, 30000, 60000, 60000, 60000, 120000, 120000
];

/** How following ended. */
export type FollowOutcome =
    /** No receipt can change what the agent sees (deliveryFinal). */
    | { kind: 'final' }
    /** The challenge closed (verified, expired, locked, superseded), as isOpen said before a call. */
    | { kind: 'closed' }
    /** The last wait passed with the delivery still open. */
    | { kind: 'gaveUp' }
    | { kind: 'cancelled' };

export class DeliveryStatusPoll<T extends Partial<DeliveryFields>> {
    private readonly waits = new CancellableWait();

    /**
     * @param fetchStatus one getSendStatus call
     * @param onStatus gets every answer, in order
     * @param isOpen false once the challenge can no longer be verified: no further call is made
     */
    constructor(
        private readonly fetchStatus: () => Promise<T>,
        private readonly onStatus: (status: T) => void,
        private readonly isOpen: () => boolean,
        private readonly delays: readonly number[] = FOLLOW_DELAYS_MS
    ) {}

    /** Follows until final, closed, cancelled or out of waits; resolves then, never rejects. */
    run(): Promise<FollowOutcome> {
        return this.step(0);
    }

    /** Stops following: the pending wait ends now and no further call is made. */
    cancel(): void {
        this.waits.cancel();
    }

    /** One wait and one call; the next step follows while the delivery can still change. */
    private async step(index: number): Promise<FollowOutcome> {
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
        let status: T;
        try {
            status = await this.fetchStatus();
        } catch {
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
export class DeliveryFollower<T extends Partial<DeliveryFields>> {
    private poll: DeliveryStatusPoll<T> | undefined;

    start(fetchStatus: () => Promise<T>, onStatus: (status: T) => void, isOpen: () => boolean): void {
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

    stop(): void {
        this.poll?.cancel();
        this.poll = undefined;
    }
}
