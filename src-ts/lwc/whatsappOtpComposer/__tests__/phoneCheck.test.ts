// The advisory pre-send check on its own, against the shared phone cases that WhatsAppPhoneNumberTest (Apex) and
// the preview's simulation run too (static resource WhatsAppPhoneNumberCases).
import fs from 'node:fs';
import path from 'node:path';
import { looksMalformed, normalizePhone } from '../phoneCheck';

interface PhoneCase {
    raw: string;
    defaultCountryCode: string | null;
    e164: string | null;
    why: string;
}

const { cases } = JSON.parse(
    fs.readFileSync(
        path.join(__dirname, '../../../../force-app/core/staticresources/WhatsAppPhoneNumberCases.json'),
        'utf8'
    )
) as { cases: PhoneCase[] };

describe('normalizePhone: the shared phone cases', () => {
    it('has its cases', () => {
        expect(cases.length).toBeGreaterThan(10);
    });

    it.each(cases.map((phoneCase) => [phoneCase.why, phoneCase] as const))('%s', (_why, phoneCase) => {
        expect(normalizePhone(phoneCase.raw, phoneCase.defaultCountryCode)).toBe(phoneCase.e164 ?? undefined);
    });
});

describe('looksMalformed', () => {
    it.each(['12-34', '+65 1234', '+65 9123 CALL', '+0 9123 5678', '+65 1234 5678 9012 34'])(
        'warns about %j: no default country code makes it valid',
        (raw) => {
            expect(looksMalformed(raw)).toBe(true);
        }
    );

    it.each(['+65 9123 5678', '0065 9123 5678', '9123 5678', '07911 123456'])(
        'does not warn about %j: valid as it is, or with a default country code',
        (raw) => {
            expect(looksMalformed(raw)).toBe(false);
        }
    );
});
