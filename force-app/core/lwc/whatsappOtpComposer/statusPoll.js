// Generated from src-ts/lwc/whatsappOtpComposer/statusPoll.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
import { deliveryFieldsOf, deliveryFinal } from 'c/whatsappOtpDeliveryView';
import { secondsUntil } from './otpFormat';
/**
 * The waits before each getSendStatus call of a send, ms: 10 calls over about 54 s. Salesforce gives no start time
 * for the delivery job: "Each queued job runs when system resources become available" (Apex Developer Guide,
 * Queueable Apex, https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_queueing_jobs.htm).
 * INFERRED: it usually ends within seconds, so most sends settle at the first or second call. When a busy
 * org's queue holds it longer, the agent is told the code is still on its way rather than kept waiting.
 */
export const POLL_DELAYS_MS = [1000, 1000, 2000, 2000, 3000, 5000, 5000, 10000, 10000, 15000];
/**
 * The waits before each call that follows the receipts, ms: 15 calls over about 9 minutes, so a code with the
 * default 10-minute lifetime is followed for nearly all of it. Quick at first, when most receipts come (8x8 posts
 * each one as the state changes, retrying a failed post after 1, 10, 30 and 90 s: 8x8 Messaging Apps docs,
 * delivery receipts), then slower, since a customer may read the message minutes later.
 */
export const FOLLOW_DELAYS_MS = [
    2000, 3000, 5000, 5000, 10000, 10000, 15000, 15000, 30000, 30000, 60000, 60000, 60000, 120000, 120000
];
/** The wait between the calls that watch for a customer's reply (reply verification on), ms. */
export const REPLY_POLL_MS = 5000;
/**
 * The follow-up's waits with reply verification on: one call every REPLY_POLL_MS for as long as the code has left,
 * so a reply's verification shows within about 5 s. Worst case per code: the code's lifetime / 5 s calls, 120 for
 * the longest lifetime (Code TTL Minutes allows 1 to 10 minutes), after the send poll's 10 (POLL_DELAYS_MS): 130.
 */
export function replyDelays(expiresAt, nowMs) {
    return new Array(Math.ceil(secondsUntil(expiresAt, nowMs) / (REPLY_POLL_MS / 1000))).fill(REPLY_POLL_MS);
}
export class BoundedPoll {
    rules;
    cancelled = false;
    timer;
    wake;
    constructor(rules) {
        this.rules = rules;
    }
    /** Runs the poll; resolves once it has ended, never rejects. */
    run() {
        return this.step(0);
    }
    /** One wait and one call; the next step follows only while the answer ends nothing. */
    async step(index) {
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
        const answer = await this.rules.call().then((value) => ({ value }), (error) => ({ error }));
        if (this.cancelled) {
            return { kind: 'cancelled' };
        }
        return (('value' in answer ? this.rules.judge(answer.value) : this.rules.failed(answer.error)) ??
            this.step(index + 1));
    }
    /** Stops the poll: its pending wait ends now and no further call is made. */
    cancel() {
        this.cancelled = true;
        clearTimeout(this.timer);
        this.wake?.();
    }
    wait(ms) {
        return new Promise((resolve) => {
            this.wake = resolve;
            // A bounded backoff between status calls; cleared by cancel().
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.timer = setTimeout(resolve, ms);
        });
    }
}
const SETTLED = ['SENT', 'UNCONFIRMED', 'FAILED'];
/** Polls a reserved challenge until its delivery settles; a failed call ends it with the error. */
export function sendStatusPoll(fetchStatus, delays = POLL_DELAYS_MS) {
    return new BoundedPoll({
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
/**
 * Follows a settled send's receipts while the challenge is open and its delivery can still change; with
 * `untilClosed` (reply verification on), while the challenge is open, whatever its receipts say.
 * @param onStatus gets every answer, in order; it may close the challenge (a customer's reply verified it)
 * @param isOpen false once the challenge can no longer be verified: no further call is made
 */
export function deliveryStatusPoll(fetchStatus, onStatus, isOpen, delays = FOLLOW_DELAYS_MS, untilClosed = false) {
    const closed = () => (isOpen() ? undefined : { kind: 'closed' });
    return new BoundedPoll({
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
export class DeliveryFollower {
    poll;
    /** @param replyUntil with reply verification on, the code's expiry: follow until then, every REPLY_POLL_MS */
    start(fetchStatus, onStatus, isOpen, replyUntil) {
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
    stop() {
        this.poll?.cancel();
        this.poll = undefined;
    }
}
