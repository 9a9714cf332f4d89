// Generated from src-ts/lwc/whatsappOtpComposer/ticker.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// A once-a-second clock for the composer's countdowns, started and stopped by the component.
export class Ticker {
    onTick;
    periodMs;
    timer;
    constructor(onTick, periodMs = 1000) {
        this.onTick = onTick;
        this.periodMs = periodMs;
    }
    /** (Re)starts the clock; the component stops it when every countdown has reached 0, and on disconnect. */
    start() {
        this.stop();
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setInterval(this.onTick, this.periodMs);
    }
    stop() {
        if (this.timer !== undefined) {
            clearInterval(this.timer);
            this.timer = undefined;
        }
    }
}
