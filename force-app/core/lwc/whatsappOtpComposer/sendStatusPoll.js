// Generated from src-ts/lwc/whatsappOtpComposer/sendStatusPoll.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
import { CancellableWait } from './cancellableWait';
/**
 * The waits before each getSendStatus call, ms: 10 calls over about 54 s. Salesforce gives no start time for
 * the delivery job: "Each queued job runs when system resources become available" (Apex Developer Guide,
 * Queueable Apex, https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_queueing_jobs.htm).
 * INFERRED: it usually ends within seconds, so most sends settle at the first or second call. When a busy
 * org's queue holds it longer, the agent is told the code is still on its way rather than kept waiting.
 */
export const POLL_DELAYS_MS = [1000, 1000, 2000, 2000, 3000, 5000, 5000, 10000, 10000, 15000];
const SETTLED = ['SENT', 'UNCONFIRMED', 'FAILED'];
export class SendStatusPoll {
    fetchStatus;
    delays;
    waits = new CancellableWait();
    constructor(fetchStatus, delays = POLL_DELAYS_MS) {
        this.fetchStatus = fetchStatus;
        this.delays = delays;
    }
    /** Runs the poll; resolves once it has ended, never rejects. */
    run() {
        return this.step(0);
    }
    /** Stops the poll: its pending wait ends now and no further call is made. */
    cancel() {
        this.waits.cancel();
    }
    /** One wait and one call; the next step follows only while the challenge is still sending. */
    async step(index) {
        if (index >= this.delays.length) {
            return { kind: 'gaveUp' };
        }
        await this.waits.wait(this.delays[index]);
        if (this.waits.cancelled) {
            return { kind: 'cancelled' };
        }
        let status;
        try {
            status = await this.fetchStatus();
        }
        catch (error) {
            return this.waits.cancelled ? { kind: 'cancelled' } : { kind: 'error', error };
        }
        if (this.waits.cancelled) {
            return { kind: 'cancelled' };
        }
        if (status?.status === 'SENDING') {
            return this.step(index + 1);
        }
        return SETTLED.includes(status?.status) ? { kind: 'settled', status } : { kind: 'error', error: status };
    }
}
