// The wait both status polls share, on its own.
import { CancellableWait } from '../cancellableWait';

describe('CancellableWait', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        jest.useRealTimers();
    });

    it('resolves once its time has passed, and not before', async () => {
        const waits = new CancellableWait();
        let done = false;
        const waiting = waits.wait(1000).then(() => {
            done = true;
        });
        await jest.advanceTimersByTimeAsync(999);
        expect(done).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        await waiting;
        expect(done).toBe(true);
        expect(waits.cancelled).toBe(false);
    });

    it('ends a pending wait at once when cancelled, leaving no timer behind', async () => {
        const waits = new CancellableWait();
        const waiting = waits.wait(60_000);
        waits.cancel();
        await waiting;
        expect(waits.cancelled).toBe(true);
        expect(jest.getTimerCount()).toBe(0);
    });
});
