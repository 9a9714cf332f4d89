// The composer's follow-up poll of delivery receipts, on its own, with fake timers.
import type { DeliveryFields } from 'c/whatsappOtpDeliveryView';
import { DeliveryFollower, DeliveryStatusPoll, FOLLOW_DELAYS_MS } from '../deliveryStatusPoll';

const NO_RECEIPT: DeliveryFields = {
    channel: null,
    whatsappStatus: null,
    smsStatus: null,
    deliveredAt: null,
    readAt: null,
    deliveryErrorCode: null,
    deliveryErrorDetail: null,
    fallbackEnabled: false
};
const whatsapp = (whatsappStatus: DeliveryFields['whatsappStatus']): DeliveryFields => ({
    ...NO_RECEIPT,
    channel: 'WHATSAPP',
    whatsappStatus
});

describe('DeliveryStatusPoll', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        jest.useRealTimers();
    });

    it('backs off: no wait is shorter than the one before it', () => {
        FOLLOW_DELAYS_MS.slice(1).forEach((delay, index) => {
            expect(delay).toBeGreaterThanOrEqual(FOLLOW_DELAYS_MS[index]);
        });
    });

    it('stays within 10 minutes, the default code lifetime', () => {
        expect(FOLLOW_DELAYS_MS.reduce((sum, delay) => sum + delay, 0)).toBeLessThanOrEqual(600000);
    });

    it('hands over each answer and stops at Read', async () => {
        const fetchStatus = jest
            .fn()
            .mockResolvedValueOnce(whatsapp('SENT'))
            .mockResolvedValueOnce(whatsapp('DELIVERED'))
            .mockResolvedValueOnce(whatsapp('READ'));
        const onStatus = jest.fn();
        const outcome = new DeliveryStatusPoll(fetchStatus, onStatus, () => true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'final' });
        expect(onStatus.mock.calls.map(([status]) => status.whatsappStatus)).toEqual(['SENT', 'DELIVERED', 'READ']);
        expect(fetchStatus).toHaveBeenCalledTimes(3);
    });

    it('stops at a final failure when no SMS follows', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(whatsapp('UNDELIVERED'));
        const outcome = new DeliveryStatusPoll(fetchStatus, jest.fn(), () => true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'final' });
        expect(fetchStatus).toHaveBeenCalledTimes(1);
    });

    it('keeps following a WhatsApp failure while the SMS fallback is to come, until the SMS is delivered', async () => {
        const failed = { ...whatsapp('UNDELIVERED'), fallbackEnabled: true };
        const fetchStatus = jest
            .fn()
            .mockResolvedValueOnce(failed)
            .mockResolvedValueOnce({ ...failed, channel: 'SMS', smsStatus: 'SENT' })
            .mockResolvedValueOnce({ ...failed, channel: 'SMS', smsStatus: 'DELIVERED' });
        const outcome = new DeliveryStatusPoll(fetchStatus, jest.fn(), () => true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'final' });
        expect(fetchStatus).toHaveBeenCalledTimes(3);
    });

    it('gives up after one call per wait while the delivery stays open', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(whatsapp('DELIVERED'));
        const outcome = new DeliveryStatusPoll(fetchStatus, jest.fn(), () => true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'gaveUp' });
        expect(fetchStatus).toHaveBeenCalledTimes(FOLLOW_DELAYS_MS.length);
    });

    it('makes no call once the challenge has closed', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(whatsapp('SENT'));
        let open = true;
        const outcome = new DeliveryStatusPoll(fetchStatus, jest.fn(), () => open).run();
        await jest.advanceTimersByTimeAsync(FOLLOW_DELAYS_MS[0]);

        open = false;
        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'closed' });
        expect(fetchStatus).toHaveBeenCalledTimes(1);
    });

    it('a failed call shows nothing and the next call goes out', async () => {
        const fetchStatus = jest
            .fn()
            .mockRejectedValueOnce(new Error('Disconnected'))
            .mockResolvedValueOnce(whatsapp('READ'));
        const onStatus = jest.fn();
        const outcome = new DeliveryStatusPoll(fetchStatus, onStatus, () => true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'final' });
        expect(onStatus).toHaveBeenCalledTimes(1);
    });

    it('stops at once when cancelled during a wait: no call, no timer left', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(whatsapp('SENT'));
        const poll = new DeliveryStatusPoll(fetchStatus, jest.fn(), () => true);
        const outcome = poll.run();

        poll.cancel();

        await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
        expect(fetchStatus).not.toHaveBeenCalled();
        expect(jest.getTimerCount()).toBe(0);
    });

    it('ignores the answer of a call that was out when it was cancelled', async () => {
        let answer: (status: DeliveryFields) => void = () => undefined;
        const fetchStatus = jest.fn(() => new Promise<DeliveryFields>((resolve) => (answer = resolve)));
        const onStatus = jest.fn();
        const poll = new DeliveryStatusPoll(fetchStatus, onStatus, () => true);
        const outcome = poll.run();
        await jest.advanceTimersByTimeAsync(FOLLOW_DELAYS_MS[0]);

        poll.cancel();
        answer(whatsapp('READ'));

        await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
        expect(onStatus).not.toHaveBeenCalled();
    });
});

describe('DeliveryFollower', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        jest.useRealTimers();
    });

    it('runs one follow-up at a time: a second start while one runs adds no calls', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(whatsapp('SENT'));
        const follower = new DeliveryFollower<DeliveryFields>();

        follower.start(fetchStatus, jest.fn(), () => true);
        follower.start(fetchStatus, jest.fn(), () => true);
        await jest.advanceTimersByTimeAsync(FOLLOW_DELAYS_MS[0]);

        expect(fetchStatus).toHaveBeenCalledTimes(1);
        follower.stop();
    });

    it('stop cancels the running follow-up, and a later start begins a new one', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(whatsapp('SENT'));
        const follower = new DeliveryFollower<DeliveryFields>();
        follower.start(fetchStatus, jest.fn(), () => true);

        follower.stop();
        await jest.advanceTimersByTimeAsync(60000);
        expect(fetchStatus).not.toHaveBeenCalled();

        follower.start(fetchStatus, jest.fn(), () => true);
        await jest.advanceTimersByTimeAsync(FOLLOW_DELAYS_MS[0]);
        expect(fetchStatus).toHaveBeenCalledTimes(1);
        follower.stop();
    });

    it('reads an answer that leaves out the null fields as no receipt yet', async () => {
        const fetchStatus = jest
            .fn()
            .mockResolvedValueOnce({ fallbackEnabled: false })
            .mockResolvedValueOnce({ whatsappStatus: 'READ', fallbackEnabled: false });
        const poll = new DeliveryStatusPoll<Partial<DeliveryFields>>(fetchStatus, jest.fn(), () => true);
        const outcome = poll.run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'final' });
        expect(fetchStatus).toHaveBeenCalledTimes(2);
    });
});
