// lightning/uiRelatedListApi's getRelatedListRecords on WhatsApp_OTP_Challenges__r, for one session: the Contact's
// challenges as UI API records. One agent per session owns every challenge in it, as the object's Private sharing
// gives the sender.
import { iso } from './challenges.mjs';

/** The object's fields as the challenge's properties hold them; times kept in epoch ms go out as ISO text. */
const UI_FIELDS = {
    Status__c: 'status',
    Expires_At__c: 'expiresAt',
    CreatedDate: 'createdAt',
    Code_Length__c: 'codeLength',
    Attempts__c: 'attempts',
    Max_Attempts__c: 'maxAttempts',
    Masked_Phone__c: 'maskedPhone',
    Send_Outcome__c: 'sendOutcome',
    Error_Code__c: 'errorCode',
    Verified_At__c: 'verifiedAt',
    Channel__c: 'channel',
    WhatsApp_Status__c: 'whatsappStatus',
    SMS_Status__c: 'smsStatus',
    Delivered_At__c: 'deliveredAt',
    Read_At__c: 'readAt',
    Delivery_Error_Code__c: 'deliveryErrorCode',
    Delivery_Error_Detail__c: 'deliveryErrorDetail'
};
const EPOCH_MS = new Set(['expiresAt', 'createdAt', 'verifiedAt']);

/**
 * Only the requested fields that exist on the object, sorted by `sortBy` ("-Field" is descending), at most
 * pageSize records.
 */
export function relatedChallenges(session, contactId, { fields = [], sortBy = [], pageSize = 50 } = {}) {
    const [order = '-CreatedDate'] = sortBy;
    const key = order.replace(/^-/, '').split('.').pop();
    const sign = order.startsWith('-') ? -1 : 1;
    const sortValue = (challenge) => challenge[UI_FIELDS[key] ?? key];
    const toUi = (challenge) => {
        const record = { apiName: 'WhatsApp_OTP_Challenge__c', id: challenge.id, fields: {} };
        for (const name of fields.map((qualified) => qualified.split('.').slice(1).join('.'))) {
            if (Object.hasOwn(UI_FIELDS, name)) {
                const value = challenge[UI_FIELDS[name]];
                record.fields[name] = { value: EPOCH_MS.has(UI_FIELDS[name]) ? iso(value) : value, displayValue: null };
            }
        }
        return record;
    };
    return [...session.challenges.values()]
        .filter((challenge) => challenge.contactId === contactId)
        .sort((a, b) => sign * (sortValue(a) - sortValue(b)))
        .slice(0, pageSize)
        .map(toUi);
}
