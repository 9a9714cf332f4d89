// The card's small lines, on their own (the labels resolve to their en_US values from the labels file).
import {
    attemptsTextOf,
    busyTextOf,
    cardHeadingOf,
    expiryTextOf,
    phoneWarningOf,
    resendNoticeOf,
    resendTextOf
} from '../cardText';

const NOW_MS = Date.parse('2026-01-15T10:00:00.000Z');

describe('cardText', () => {
    it('the card title is the App Builder value, or the translated default when blank', () => {
        expect(cardHeadingOf('Verify caller')).toBe('Verify caller');
        expect(cardHeadingOf('')).toBe(cardHeadingOf(undefined));
        expect(cardHeadingOf(undefined)).not.toBe('');
    });

    it('the spinner says checking while a verify is out, else sending', () => {
        expect(busyTextOf('verifying')).toBe('Checking the code…');
        expect(busyTextOf('sending')).toBe('Sending the code…');
    });

    it('the resend button counts down only while seconds are left', () => {
        expect(resendTextOf(12)).toBe('Resend in 12s');
        expect(resendTextOf(0)).toBe('Resend Code');
    });

    it('the attempts line shows only in the sent stage, and only when the attempts are known', () => {
        expect(attemptsTextOf('sent', 3)).toBe('Attempts left: 3');
        expect(attemptsTextOf('sent', undefined)).toBeUndefined();
        expect(attemptsTextOf('invalid', 3)).toBeUndefined();
    });

    it('the countdown shows minutes and seconds, and stops at zero', () => {
        expect(expiryTextOf('2026-01-15T10:04:59.000Z', NOW_MS)).toBe('Code expires in 4:59');
        expect(expiryTextOf('2026-01-15T09:59:00.000Z', NOW_MS)).toBe('Code expires in 0:00');
    });

    it('the resend notice shows only after a resend and while the code can be typed in', () => {
        expect(resendNoticeOf(NOW_MS, true, 'en-US')).toMatch(
            /^A new code was sent at .+\. Only the newest code works\.$/
        );
        expect(resendNoticeOf(NOW_MS, false, 'en-US')).toBeUndefined();
        expect(resendNoticeOf(undefined, true, 'en-US')).toBeUndefined();
    });

    it('the phone warning shows for a malformed number before the first send only', () => {
        expect(phoneWarningOf('12-34', false)).toBe(
            '12-34 does not look like a valid number. Check it before you send.'
        );
        expect(phoneWarningOf('12-34', true)).toBeUndefined();
        expect(phoneWarningOf('+65 9123 5678', false)).toBeUndefined();
        expect(phoneWarningOf(undefined, false)).toBeUndefined();
    });
});
