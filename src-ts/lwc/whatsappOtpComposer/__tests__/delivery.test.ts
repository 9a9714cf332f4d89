// What each end of the status poll means for the code input, on its own.
import { deliveryResult } from '../delivery';
import { SECOND_CHALLENGE_ID, SENT, sendStatus } from './composerFixtures';

const reserved = { ...SENT, challengeId: SECOND_CHALLENGE_ID };

describe('deliveryResult', () => {
    it('opens the code input for a sent code, with the times of the delivered challenge', () => {
        const status = sendStatus(reserved, 'SENT', { expiresAt: '2026-01-15T10:05:00.000Z' });

        expect(deliveryResult(reserved, { kind: 'settled', status })).toEqual({
            kind: 'open',
            challenge: {
                challengeId: SECOND_CHALLENGE_ID,
                maskedPhone: SENT.maskedPhone,
                expiresAt: '2026-01-15T10:05:00.000Z',
                resendAvailableAt: SENT.resendAvailableAt,
                codeLength: SENT.codeLength
            },
            delivery: 'confirmed'
        });
    });

    it('opens the code input for an unknown outcome, marked unconfirmed', () => {
        const status = sendStatus(reserved, 'UNCONFIRMED', { errorCode: 'TIMEOUT' });

        expect(deliveryResult(reserved, { kind: 'settled', status })).toMatchObject({
            kind: 'open',
            delivery: 'unconfirmed'
        });
    });

    it('is a refusal with the agent message when 8x8 refused the send', () => {
        const status = sendStatus(reserved, 'FAILED', { errorCode: 'RATE_LIMITED', errorMessage: 'Too many.' });

        expect(deliveryResult(reserved, { kind: 'settled', status })).toEqual({
            kind: 'refused',
            message: 'Too many.',
            errorCode: 'RATE_LIMITED'
        });
    });

    it('is a refusal without a message when the refusal carries none', () => {
        const status = sendStatus(reserved, 'FAILED', { errorMessage: null });

        expect(deliveryResult(reserved, { kind: 'settled', status })).toEqual({
            kind: 'refused',
            message: undefined,
            errorCode: null
        });
    });

    it('opens the code input for the reservation, pending, when the poll gave up', () => {
        expect(deliveryResult(reserved, { kind: 'gaveUp' })).toEqual({
            kind: 'open',
            challenge: reserved,
            delivery: 'pending'
        });
    });

    it('opens the code input for the reservation, pending and with the error, when a status call failed', () => {
        const error = new Error('Disconnected');

        expect(deliveryResult(reserved, { kind: 'error', error })).toEqual({
            kind: 'open',
            challenge: reserved,
            delivery: 'pending',
            error
        });
    });
});
