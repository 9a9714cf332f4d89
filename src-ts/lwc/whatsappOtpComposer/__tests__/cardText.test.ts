// The card's small lines, on their own (the labels resolve to their en_US values from the labels file).
import {
    attemptsTextOf,
    busyTextOf,
    cardHeadingOf,
    expiryTextOf,
    phoneWarningOf,
    resendNoticeOf,
    resendTextOf,
    verifyAgainTextOf
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
        expect(resendTextOf(12)).toBe('Resend in 0:12');
        expect(resendTextOf(0)).toBe('Resend Code');
    });

    it('an hour-long wait counts down in minutes and seconds, not thousands of seconds', () => {
        expect(resendTextOf(3582)).toBe('Resend in 59:42');
    });

    it('Verify again counts down the cooldown as Resend does', () => {
        expect(verifyAgainTextOf(11)).toBe('Verify again in 0:11');
        expect(verifyAgainTextOf(0)).toBe('Verify again');
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
            /^A new code was sent at .+\. Ask the customer for the code in the newest message: an older code counts as a wrong one\.$/
        );
        expect(resendNoticeOf(NOW_MS, false, 'en-US')).toBeUndefined();
        expect(resendNoticeOf(undefined, true, 'en-US')).toBeUndefined();
    });

    it('the phone warning shows for a malformed number before the first send only', () => {
        expect(phoneWarningOf('12-34', false, false)).toBe(
            "This number doesn't look like a valid international number. Check it before you send."
        );
        expect(phoneWarningOf('12-34', true, false)).toBeUndefined();
        expect(phoneWarningOf('+65 9123 5678', false, false)).toBeUndefined();
        expect(phoneWarningOf(undefined, false, false)).toBeUndefined();
    });

    it('the phone warning never prints the raw number, which the card shows only masked', () => {
        expect(phoneWarningOf('12-34', false, false)).not.toContain('12-34');
    });

    it('the phone warning gives way to a refusal, so one message says what is wrong', () => {
        expect(phoneWarningOf('12-34', false, true)).toBeUndefined();
    });
});
