// Generated from src-ts/lwc/whatsappOtpComposer/delivery.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
/** The result of the poll for `reserved` (the challenge whose delivery was awaited). */
export function deliveryResult(reserved, outcome) {
    if (outcome.kind === 'error') {
        return { kind: 'open', challenge: reserved, delivery: 'pending', error: outcome.error };
    }
    if (outcome.kind === 'gaveUp') {
        return { kind: 'open', challenge: reserved, delivery: 'pending' };
    }
    const { status, errorCode, errorMessage, maskedPhone, expiresAt, resendAvailableAt, codeLength } = outcome.status;
    if (status === 'FAILED') {
        return { kind: 'refused', message: errorMessage ?? undefined, errorCode };
    }
    return {
        kind: 'open',
        challenge: { challengeId: reserved.challengeId, maskedPhone, expiresAt, resendAvailableAt, codeLength },
        delivery: status === 'SENT' ? 'confirmed' : 'unconfirmed'
    };
}
