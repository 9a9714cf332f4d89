// The composer's bounded getSendStatus polls (statusPoll.ts), on their own, with fake timers: the shared loop
// through the send's poll, then what following the receipts adds.
import type { SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import type { DeliveryFields } from 'c/whatsappOtpDeliveryView';
import { DeliveryFollower, deliveryStatusPoll, FOLLOW_DELAYS_MS, POLL_DELAYS_MS, sendStatusPoll } from '../statusPoll';
import { replyDelays, REPLY_POLL_MS } from '../statusPoll';
import { NO_RECEIPT } from '../../whatsappOtpDeliveryView/__tests__/deliveryTestUtils';
import { SENT, sendStatus } from './composerFixtures';

const sending = sendStatus(SENT, 'SENDING');
const whatsapp = (whatsappStatus: DeliveryFields['whatsappStatus']): DeliveryFields => ({
    ...NO_RECEIPT,
    channel: 'WHATSAPP',
    whatsappStatus
});

beforeEach(() => {
    jest.useFakeTimers();
});

afterEach(() => {
    jest.useRealTimers();
});

describe('the delays', () => {
    it.each([
        ['send', POLL_DELAYS_MS],
        ['receipts', FOLLOW_DELAYS_MS]
    ])('back off (%s): no wait is shorter than the one before it', (_name, delays) => {
        delays.slice(1).forEach((delay, index) => {
            expect(delay).toBeGreaterThanOrEqual(delays[index]);
        });
    });

    it('of the receipts stay within 10 minutes, the default code lifetime', () => {
        expect(FOLLOW_DELAYS_MS.reduce((sum, delay) => sum + delay, 0)).toBeLessThanOrEqual(600000);
    });

    it("of the reply watch are one 5 s wait per 5 s of the code's time left: 120 for a fresh 10-minute code", () => {
        const now = Date.parse('2026-01-15T10:00:00.000Z');

        expect(replyDelays('2026-01-15T10:10:00.000Z', now)).toEqual(new Array(120).fill(REPLY_POLL_MS));
        expect(replyDelays('2026-01-15T10:00:12.000Z', now)).toEqual([5000, 5000, 5000]);
        expect(replyDelays('2026-01-15T09:59:00.000Z', now)).toEqual([]);
    });
});

describe('sendStatusPoll', () => {
    it('makes its first call once the first wait has passed, and not before', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(sending);
        const poll = sendStatusPoll(fetchStatus);
        const outcome = poll.run();

        await jest.advanceTimersByTimeAsync(POLL_DELAYS_MS[0] - 1);
        expect(fetchStatus).not.toHaveBeenCalled();
        await jest.advanceTimersByTimeAsync(1);
        expect(fetchStatus).toHaveBeenCalledTimes(1);
        poll.cancel();
        await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
    });

    it('gives up after one call per wait, while the challenge is still sending', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(sending);
        const outcome = sendStatusPoll(fetchStatus).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'gaveUp' });
        expect(fetchStatus).toHaveBeenCalledTimes(POLL_DELAYS_MS.length);
    });

    it.each<SendStatusResult['status']>(['SENT', 'UNCONFIRMED', 'FAILED'])(
        'ends at the first %s answer',
        async (status) => {
            const settled = sendStatus(SENT, status);
            const fetchStatus = jest.fn().mockResolvedValueOnce(sending).mockResolvedValueOnce(settled);
            const outcome = sendStatusPoll(fetchStatus).run();

            await jest.runAllTimersAsync();

            await expect(outcome).resolves.toEqual({ kind: 'settled', status: settled });
            expect(fetchStatus).toHaveBeenCalledTimes(2);
        }
    );

    it('ends with the error when a call fails, without calling again', async () => {
        const failure = new Error('Disconnected');
        const fetchStatus = jest.fn().mockRejectedValue(failure);
        const outcome = sendStatusPoll(fetchStatus).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'error', error: failure });
        expect(fetchStatus).toHaveBeenCalledTimes(1);
    });

    it('stops at once when cancelled during a wait: no call, no timer left', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(sending);
        const poll = sendStatusPoll(fetchStatus);
        const outcome = poll.run();

        poll.cancel();

        await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
        expect(fetchStatus).not.toHaveBeenCalled();
        expect(jest.getTimerCount()).toBe(0);
    });

    it('ignores the answer of a call that was out when it was cancelled', async () => {
        let answer: (status: SendStatusResult) => void = () => undefined;
        const fetchStatus = jest.fn(() => new Promise<SendStatusResult>((resolve) => (answer = resolve)));
        const poll = sendStatusPoll(fetchStatus);
        const outcome = poll.run();
        await jest.advanceTimersByTimeAsync(POLL_DELAYS_MS[0]);

        poll.cancel();
        answer(sendStatus(SENT, 'SENT'));

        await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
    });
});

describe('deliveryStatusPoll', () => {
    it('hands over each answer and stops at Read', async () => {
        const fetchStatus = jest
            .fn()
            .mockResolvedValueOnce(whatsapp('SENT'))
            .mockResolvedValueOnce(whatsapp('DELIVERED'))
            .mockResolvedValueOnce(whatsapp('READ'));
        const onStatus = jest.fn();
        const outcome = deliveryStatusPoll(fetchStatus, onStatus, () => true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'final' });
        expect(onStatus.mock.calls.map(([status]) => status.whatsappStatus)).toEqual(['SENT', 'DELIVERED', 'READ']);
        expect(fetchStatus).toHaveBeenCalledTimes(3);
    });

    it('stops at a final failure when no SMS follows', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(whatsapp('UNDELIVERED'));
        const outcome = deliveryStatusPoll(fetchStatus, jest.fn(), () => true).run();

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
        const outcome = deliveryStatusPoll(fetchStatus, jest.fn(), () => true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'final' });
        expect(fetchStatus).toHaveBeenCalledTimes(3);
    });

    it('gives up after one call per wait while the delivery stays open', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(whatsapp('DELIVERED'));
        const outcome = deliveryStatusPoll(fetchStatus, jest.fn(), () => true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'gaveUp' });
        expect(fetchStatus).toHaveBeenCalledTimes(FOLLOW_DELAYS_MS.length);
    });

    it('until closed (reply verification on): follows past a final receipt, and ends once an answer closes it', async () => {
        let open = true;
        const fetchStatus = jest.fn().mockResolvedValue(whatsapp('READ'));
        const onStatus = jest.fn(() => {
            open = fetchStatus.mock.calls.length < 2;
        });
        const outcome = deliveryStatusPoll(fetchStatus, onStatus, () => open, [5000, 5000, 5000], true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'closed' });
        expect(fetchStatus).toHaveBeenCalledTimes(2);
    });

    it('makes no call once the challenge has closed', async () => {
        const fetchStatus = jest.fn().mockResolvedValue(whatsapp('SENT'));
        let open = true;
        const outcome = deliveryStatusPoll(fetchStatus, jest.fn(), () => open).run();
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
        const outcome = deliveryStatusPoll(fetchStatus, onStatus, () => true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'final' });
        expect(onStatus).toHaveBeenCalledTimes(1);
    });

    it('hands over no answer of a call that was out when it was cancelled', async () => {
        let answer: (status: DeliveryFields) => void = () => undefined;
        const fetchStatus = jest.fn(() => new Promise<DeliveryFields>((resolve) => (answer = resolve)));
        const onStatus = jest.fn();
        const poll = deliveryStatusPoll(fetchStatus, onStatus, () => true);
        const outcome = poll.run();
        await jest.advanceTimersByTimeAsync(FOLLOW_DELAYS_MS[0]);

        poll.cancel();
        answer(whatsapp('READ'));

        await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
        expect(onStatus).not.toHaveBeenCalled();
    });

    it('reads an answer that leaves out the null fields as no receipt yet', async () => {
        const fetchStatus = jest
            .fn()
            .mockResolvedValueOnce({ fallbackEnabled: false })
            .mockResolvedValueOnce({ whatsappStatus: 'READ', fallbackEnabled: false });
        const outcome = deliveryStatusPoll<Partial<DeliveryFields>>(fetchStatus, jest.fn(), () => true).run();

        await jest.runAllTimersAsync();

        await expect(outcome).resolves.toEqual({ kind: 'final' });
        expect(fetchStatus).toHaveBeenCalledTimes(2);
    });
});

describe('DeliveryFollower', () => {
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
});
