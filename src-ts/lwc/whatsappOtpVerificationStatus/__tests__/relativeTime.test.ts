// "2 minutes ago" on its own.
import { relativeTime } from '../relativeTime';

const NOW_MS = Date.parse('2026-01-15T10:00:00.000Z');

describe('relativeTime', () => {
    it.each([
        [0, 'just now'],
        [59_000, 'just now'],
        [60_000, '1 minute ago'],
        [150_000, '2 minutes ago'],
        [3_600_000, '1 hour ago'],
        [7_300_000, '2 hours ago']
    ])('reads %i ms ago as "%s"', (agoMs, text) => {
        expect(relativeTime(NOW_MS - agoMs, NOW_MS, 'en-US')).toBe(text);
    });

    it('reads an instant a little in the future (clock skew) as just now', () => {
        expect(relativeTime(NOW_MS + 5000, NOW_MS, 'en-US')).toBe('just now');
    });
});
