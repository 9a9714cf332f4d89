// WhatsAppOtpGetVerificationAction, the Flow action the shared Lead cases ask (the preview page calls only the
// controller). The verification token that binds a proof to one verify is WhatsAppOtpVerificationTokenTest's.
import { SECOND } from './challenges.mjs';
import { numberChangedAt, numberDiffers } from './controller.mjs';
import { personOf } from './reservation.mjs';

/**
 * The person's latest verification in the window. The person: recordId's (as the Send action resolves it), else
 * contactId; with interactionRecordId, only a code sent from that record counts.
 */
export function getVerification(session, params, { settings = {} } = {}) {
    const { contactId, recordId, interactionRecordId, windowMinutes } = params;
    const personId = recordId === undefined ? contactId : personOf(recordId).contact.id;
    const window = Math.max(0, Math.min(windowMinutes ?? 0, settings.maxVerificationWindowMinutes ?? 1440));
    const since = session.clock() - window * 60 * SECOND;
    const [found] = [...session.challenges.values()]
        .filter(
            (c) =>
                c.contactId === personId &&
                (interactionRecordId === undefined || c.sourceRecordId === interactionRecordId) &&
                c.status === 'Verified' &&
                c.verifiedAt >= since
        )
        .sort((a, b) => b.verifiedAt - a.verifiedAt);
    if (!found || window === 0) {
        return { verified: false, bound: false, numberDiffers: false, windowMinutes: window };
    }
    return {
        verified: true,
        bound: false,
        numberDiffers: numberDiffers(found),
        numberChangedAt: numberChangedAt(found),
        challengeId: found.id,
        windowMinutes: window
    };
}
