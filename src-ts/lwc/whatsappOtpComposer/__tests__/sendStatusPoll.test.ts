// The composer's bounded getSendStatus poll, on its own.
import type { SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import { POLL_DELAYS_MS, SendStatusPoll } from '../sendStatusPoll';
import { SENT, sendStatus } from './composerTestUtils';

const sending = sendStatus(SENT, 'SENDING');

describe('SendStatusPoll', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        jest.useRealTimers();
    });

    it('backs off: no wait is shorter than the one before it', () => {
        POLL_DELAYS_MS.slice(1).forEach((delay, index) => {
            expect(delay).toBeGreaterThanOrEqual(POLL_DELAYS_MS[index]);
        });
    });

    it('gives up after one call per wait, while the challenge is still sending', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(sending);
        const outcome = new SendStatusPoll(fetchStatus).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'gaveUp' });
        expect(fetchStatus).toHaveBeenCalledTimes(POLL_DELAYS_MS.length);
    });

    it.each<SendStatusResult['status']>(['SENT', 'UNCONFIRMED', 'FAILED'])(
        'ends at the first %s answer',
        async (status) => {
            const settled = sendStatus(SENT, status);
            const fetchStatus = jest.fn().mockResolvedValueOnce(sending).mockResolvedValueOnce(settled);
            const outcome = new SendStatusPoll(fetchStatus).run();

            await jest.runAllTimersAsync();

            await expect(outcome).resolves.toEqual({ kind: 'settled', status: settled });
            expect(fetchStatus).toHaveBeenCalledTimes(2);
        }
    );

    it('ends with the error when a call fails, without calling again', async () => {
        const failure = new Error('Disconnected');
        const fetchStatus = jest.fn().mockRejectedValue(failure);
        const outcome = new SendStatusPoll(fetchStatus).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'error', error: failure });
        expect(fetchStatus).toHaveBeenCalledTimes(1);
    });

    it('stops at once when cancelled during a wait: no call, no timer left', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(sending);
        const poll = new SendStatusPoll(fetchStatus);
        const outcome = poll.run();

        poll.cancel();

        await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
        expect(fetchStatus).not.toHaveBeenCalled();
        expect(jest.getTimerCount()).toBe(0);
    });

    it('ignores the answer of a call that was out when it was cancelled', async () => {
        let answer: (status: SendStatusResult) => void = () => undefined;
        const fetchStatus = jest.fn(() => new Promise<SendStatusResult>((resolve) => (answer = resolve)));
        const poll = new SendStatusPoll(fetchStatus);
        const outcome = poll.run();
        await jest.advanceTimersByTimeAsync(POLL_DELAYS_MS[0]);

        poll.cancel();
        answer(sendStatus(SENT, 'SENT'));

        await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
    });
});
