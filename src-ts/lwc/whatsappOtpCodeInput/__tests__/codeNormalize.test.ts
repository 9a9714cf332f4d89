// What typed or pasted text becomes, before any length limit.
import { normalizeCode } from '../codeNormalize';

describe('normalizeCode', () => {
    it.each([
        ['12 34 56', '123456'],
        ['213-222', '213222'],
        [' 213222 ', '213222'],
        ['123.456', '123456'],
        ['\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16', '123456'],
        ['12\u00A034-5\uFF16', '123456']
    ])('reads %j as %s', (typed, digits) => {
        expect(normalizeCode(typed, 6)).toBe(digits);
    });

    it('drops the separators before it applies the length limit', () => {
        expect(normalizeCode('1 2 3 4 5 6', 6)).toBe('123456');
    });

    it('keeps at most the code length in digits', () => {
        expect(normalizeCode('1234567', 6)).toBe('123456');
    });

    it('reads text without digits as an empty code', () => {
        expect(normalizeCode('abc -', 6)).toBe('');
    });
});
