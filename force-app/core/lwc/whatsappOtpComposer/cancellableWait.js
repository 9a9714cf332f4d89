// Generated from src-ts/lwc/whatsappOtpComposer/cancellableWait.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// The wait between status calls that both bounded polls share (sendStatusPoll.ts, deliveryStatusPoll.ts):
// cancel() ends a pending wait at once and marks the poll cancelled, so no further call is made.
export class CancellableWait {
    stopped = false;
    timer;
    wake;
    /** True once cancel() has been called. */
    get cancelled() {
        return this.stopped;
    }
    /** Resolves after `ms`, or at once when cancelled; never rejects. */
    wait(ms) {
        return new Promise((resolve) => {
            this.wake = resolve;
            // A bounded backoff between status calls; cleared by cancel().
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.timer = setTimeout(() => {
                this.timer = undefined;
                resolve();
            }, ms);
        });
    }
    cancel() {
        this.stopped = true;
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        this.wake?.();
    }
}
