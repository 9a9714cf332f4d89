// The open challenge read from the related list, on its own.
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { RESUME_FIELDS, RESUME_SORT, resumedChallenge, storedDelivery } from '../resume';

const NOW_MS = Date.parse('2026-01-15T10:00:00.000Z');

function challenge(fields: Record<string, string | number | null>, id = 'a01000000000001AAA'): RecordRepresentation {
    const all: Record<string, string | number | null> = {
        Status__c: 'Pending',
        Expires_At__c: '2026-01-15T10:05:00.000Z',
        CreatedDate: '2026-01-15T09:55:00.000Z',
        Code_Length__c: 6,
        Attempts__c: 1,
        Max_Attempts__c: 5,
        Masked_Phone__c: '+65 •••• 5678',
        Send_Outcome__c: 'Accepted',
        ...fields
    };
    return {
        id,
        apiName: 'WhatsApp_OTP_Challenge__c',
        fields: Object.fromEntries(Object.entries(all).map(([name, value]) => [name, { value, displayValue: null }]))
    };
}

const noMemory = (): undefined => undefined;

describe('resumedChallenge', () => {
    it('resumes a Pending, unexpired challenge with its expiry, code length and attempts left', () => {
        expect(resumedChallenge([challenge({})], NOW_MS, noMemory)).toEqual({
            challenge: {
                challengeId: 'a01000000000001AAA',
                maskedPhone: '+65 •••• 5678',
                expiresAt: '2026-01-15T10:05:00.000Z',
                resendAvailableAt: '',
                codeLength: 6
            },
            delivery: 'confirmed',
            attemptsRemaining: 4
        });
    });

    it('takes the resend time this browser remembered for the challenge', () => {
        const remembered = new Map([['a01000000000001AAA', '2026-01-15T10:00:30.000Z']]);
        const resumed = resumedChallenge([challenge({})], NOW_MS, (id) => remembered.get(id));

        expect(resumed?.challenge.resendAvailableAt).toBe('2026-01-15T10:00:30.000Z');
    });

    it('marks a code whose send outcome is unknown as unconfirmed (it may have been delivered)', () => {
        expect(resumedChallenge([challenge({ Send_Outcome__c: 'Unknown' })], NOW_MS, noMemory)?.delivery).toBe(
            'unconfirmed'
        );
    });

    it('marks a code still being sent as pending', () => {
        expect(
            resumedChallenge([challenge({ Status__c: 'Sending', Send_Outcome__c: null })], NOW_MS, noMemory)?.delivery
        ).toBe('pending');
    });

    it.each(['Verified', 'Superseded', 'Locked', 'Expired', 'Failed'])('does not resume a %s challenge', (status) => {
        expect(resumedChallenge([challenge({ Status__c: status })], NOW_MS, noMemory)).toBeUndefined();
    });

    it('does not resume a Pending challenge whose expiry has passed', () => {
        expect(
            resumedChallenge([challenge({ Expires_At__c: '2026-01-15T10:00:00.000Z' })], NOW_MS, noMemory)
        ).toBeUndefined();
    });

    it('looks only at the newest challenge: an older open one was superseded by it', () => {
        const newest = challenge({ Status__c: 'Verified' }, 'a01000000000002AAA');

        expect(resumedChallenge([newest, challenge({})], NOW_MS, noMemory)).toBeUndefined();
    });

    it('resumes nothing for a Contact without challenges', () => {
        expect(resumedChallenge([], NOW_MS, noMemory)).toBeUndefined();
    });

    it('asks for the challenge fields newest first', () => {
        expect(RESUME_FIELDS).toContain('WhatsApp_OTP_Challenge__c.Status__c');
        expect(RESUME_SORT).toEqual(['-WhatsApp_OTP_Challenge__c.CreatedDate']);
    });
});

describe('storedDelivery', () => {
    it('gives nothing before the first receipt', () => {
        expect(resumedChallenge([challenge({})], NOW_MS, noMemory)?.deliveryStatus).toBeUndefined();
    });

    it("reads the stored receipts in getSendStatus's upper-case shape", () => {
        const record = challenge({
            Channel__c: 'WhatsApp',
            WhatsApp_Status__c: 'Read',
            Delivered_At__c: '2026-01-15T09:55:03.000Z',
            Read_At__c: '2026-01-15T09:55:08.000Z'
        });
        expect(storedDelivery(record)).toEqual({
            channel: 'WHATSAPP',
            whatsappStatus: 'READ',
            smsStatus: null,
            deliveredAt: '2026-01-15T09:55:03.000Z',
            readAt: '2026-01-15T09:55:08.000Z',
            deliveryErrorCode: null,
            deliveryErrorDetail: null,
            fallbackEnabled: false
        });
    });

    it('takes an SMS status as the sign that the fallback ran', () => {
        const record = challenge({ Channel__c: 'SMS', WhatsApp_Status__c: 'Undelivered', SMS_Status__c: 'Delivered' });
        expect(storedDelivery(record)).toMatchObject({ channel: 'SMS', smsStatus: 'DELIVERED', fallbackEnabled: true });
    });
});
