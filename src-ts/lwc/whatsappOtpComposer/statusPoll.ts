// The composer's two bounded getSendStatus polls, one loop: a wait from a fixed list of backing-off delays, then
// one call, until the answer ends it, the list runs out or it is cancelled (the component left the page, or a
// new send started). cancel() ends a pending wait at once, and the answer of a call already out is ignored.
//   sendStatusPoll:     until the send settles (docs/architecture.md, "Send reservation, delivery and the policy")
//   deliveryStatusPoll: after that, the delivery receipts (docs/architecture.md, "Delivery receipts") and, with
//                       reply verification on, the challenge's own status: a customer may verify the code by
//                       WhatsApp reply. Poll only, no empApi: see docs/architecture.md, "Polling instead of empApi".
import type { SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import { deliveryFieldsOf, deliveryFinal } from 'c/whatsappOtpDeliveryView';
import type { DeliveryFields } from 'c/whatsappOtpDeliveryView';
import { secondsUntil } from './otpFormat';

/**
 * The waits before each getSendStatus call of a send, ms: 10 calls over about 54 s. Salesforce gives no start time
 * for the delivery job: "Each queued job runs when system resources become available" (Apex Developer Guide,
 * Queueable Apex, https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_queueing_jobs.htm).
 * INFERRED: it usually ends within seconds, so most sends settle at the first or second call. When a busy
 * org's queue holds it longer, the agent is told the code is still on its way rather than kept waiting.
 */
export const POLL_DELAYS_MS: readonly number[] = [1000, 1000, 2000, 2000, 3000, 5000, 5000, 10000, 10000, 15000];

/**
 * The waits before each call that follows the receipts, ms: 15 calls over about 9 minutes, so a code with the
 * default 10-minute lifetime is followed for nearly all of it. Quick at first, when most receipts come (8x8 posts
 * each one as the state changes, retrying a failed post after 1, 10, 30 and 90 s: 8x8 Messaging Apps docs,
 * delivery receipts), then slower, since a customer may read the message minutes later.
 */
export const FOLLOW_DELAYS_MS: readonly number[] = [
    2000, 3000, 5000, 5000, 10000, 10000, 15000, 15000, 30000, 30000, 60000, 60000, 60000, 120000, 120000
];

/** The wait between the calls that watch for a customer's reply (reply verification on), ms. */
export const REPLY_POLL_MS = 5000;

/**
 * The follow-up's waits with reply verification on: one call every REPLY_POLL_MS for as long as the code has left,
 * so a reply's verification shows within about 5 s. Worst case per code: the code's lifetime / 5 s calls, 120 for
 * the longest lifetime (Code TTL Minutes allows 1 to 10 minutes), after the send poll's 10 (POLL_DELAYS_MS): 130.
 */
export function replyDelays(expiresAt: string | undefined, nowMs: number): readonly number[] {
    return new Array<number>(Math.ceil(secondsUntil(expiresAt, nowMs) / (REPLY_POLL_MS / 1000))).fill(REPLY_POLL_MS);
}

/** How any poll ends besides its own outcomes: out of waits, or cancelled. */
type Ended = { kind: 'gaveUp' } | { kind: 'cancelled' };

/** What a poll does; an outcome ends it, undefined calls again after the next wait. */
interface PollRules<T, O> {
    delays: readonly number[];
    call: () => Promise<T>;
    /** What an answer means. */
    judge: (answer: T) => O | undefined;
    /** What a failed call means. */
    failed: (error: unknown) => O | undefined;
    /** Asked before each call: an outcome ends the poll without calling. */
    before?: () => O | undefined;
}

export class BoundedPoll<T, O> {
    private cancelled = false;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private wake: (() => void) | undefined;

    constructor(private readonly rules: PollRules<T, O>) {}

    /** Runs the poll; resolves once it has ended, never rejects. */
    run(): Promise<O | Ended> {
        return this.step(0);
    }

    /** One wait and one call; the next step follows only while the answer ends nothing. */
    private async step(index: number): Promise<O | Ended> {
        if (index >= this.rules.delays.length) {
            return { kind: 'gaveUp' };
        }
        await this.wait(this.rules.delays[index]);
        if (this.cancelled) {
            return { kind: 'cancelled' };
        }
        const early = this.rules.before?.();
        if (early) {
            return early;
        }
        const answer = await this.rules.call().then(
            (value) => ({ value }),
            (error: unknown) => ({ error })
        );
        if (this.cancelled) {
            return { kind: 'cancelled' };
        }
        return (
            ('value' in answer ? this.rules.judge(answer.value) : this.rules.failed(answer.error)) ??
            this.step(index + 1)
        );
    }

    /** Stops the poll: its pending wait ends now and no further call is made. */
    cancel(): void {
        this.cancelled = true;
        clearTimeout(this.timer);
        this.wake?.();
    }

    private wait(ms: number): Promise<void> {
        return new Promise((resolve) => {
            this.wake = resolve;
            // A bounded backoff between status calls; cleared by cancel().
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.timer = setTimeout(resolve, ms);
        });
    }
}

const SETTLED = ['SENT', 'UNCONFIRMED', 'FAILED'];

/** How a send's poll ended. */
export type PollOutcome =
    /** The delivery settled: status is SENT, UNCONFIRMED or FAILED. */
    | { kind: 'settled'; status: SendStatusResult }
    /** Still SENDING after the last call. */
    | { kind: 'gaveUp' }
    /** getSendStatus failed, or answered outside the contract. */
    | { kind: 'error'; error: unknown }
    | { kind: 'cancelled' };

/** Polls a reserved challenge until its delivery settles; a failed call ends it with the error. */
export function sendStatusPoll(
    fetchStatus: () => Promise<SendStatusResult>,
    delays: readonly number[] = POLL_DELAYS_MS
): BoundedPoll<SendStatusResult, PollOutcome> {
    return new BoundedPoll<SendStatusResult, PollOutcome>({
        delays,
        call: fetchStatus,
        judge: (status) => {
            if (status?.status === 'SENDING') {
                return undefined;
            }
            return SETTLED.includes(status?.status) ? { kind: 'settled', status } : { kind: 'error', error: status };
        },
        failed: (error) => ({ kind: 'error', error })
    });
}

/** How following the receipts ended. */
export type FollowOutcome =
    /** No receipt can change what the agent sees (deliveryFinal). */
    | { kind: 'final' }
    /** The challenge closed (verified, expired, locked, superseded), as isOpen said before a call or after an answer. */
    | { kind: 'closed' }
    | Ended;

/**
 * Follows a settled send's receipts while the challenge is open and its delivery can still change; with
 * `untilClosed` (reply verification on), while the challenge is open, whatever its receipts say.
 * @param onStatus gets every answer, in order; it may close the challenge (a customer's reply verified it)
 * @param isOpen false once the challenge can no longer be verified: no further call is made
 */
export function deliveryStatusPoll<T extends Partial<DeliveryFields>>(
    fetchStatus: () => Promise<T>,
    onStatus: (status: T) => void,
    isOpen: () => boolean,
    delays: readonly number[] = FOLLOW_DELAYS_MS,
    untilClosed = false
): BoundedPoll<T, FollowOutcome> {
    const closed = (): FollowOutcome | undefined => (isOpen() ? undefined : { kind: 'closed' });
    return new BoundedPoll<T, FollowOutcome>({
        delays,
        call: fetchStatus,
        before: closed,
        judge: (status) => {
            onStatus(status);
            const final = !untilClosed && deliveryFinal(deliveryFieldsOf(status));
            return closed() ?? (final ? { kind: 'final' } : undefined);
        },
        // A failed call shows nothing: the status is advisory, and the next call may answer. The call still counts
        // against the bound.
        failed: () => undefined
    });
}

/**
 * At most one follow-up per component: start does nothing while one runs; stop cancels it. With reply verification
 * on, the one follow-up also watches for the reply (replyDelays), instead of a second loop beside it.
 */
export class DeliveryFollower<T extends Partial<DeliveryFields>> {
    private poll: BoundedPoll<T, FollowOutcome> | undefined;

    /** @param replyUntil with reply verification on, the code's expiry: follow until then, every REPLY_POLL_MS */
    start(
        fetchStatus: () => Promise<T>,
        onStatus: (status: T) => void,
        isOpen: () => boolean,
        replyUntil?: string
    ): void {
        if (this.poll) {
            return;
        }
        const poll = replyUntil
            ? deliveryStatusPoll(fetchStatus, onStatus, isOpen, replyDelays(replyUntil, Date.now()), true)
            : deliveryStatusPoll(fetchStatus, onStatus, isOpen);
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
