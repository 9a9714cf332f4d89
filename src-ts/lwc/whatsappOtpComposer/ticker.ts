// A once-a-second clock for the composer's countdowns, started and stopped by the component.

export class Ticker {
    private timer: ReturnType<typeof setInterval> | undefined;

    constructor(
        private readonly onTick: () => void,
        private readonly periodMs = 1000
    ) {}

    /** (Re)starts the clock; the component stops it when every countdown has reached 0, and on disconnect. */
    start(): void {
        this.stop();
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setInterval(this.onTick, this.periodMs);
    }

    stop(): void {
        if (this.timer !== undefined) {
            clearInterval(this.timer);
            this.timer = undefined;
        }
    }
}
