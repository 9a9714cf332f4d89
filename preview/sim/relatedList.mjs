// lightning/uiRelatedListApi's getRelatedListRecords on WhatsApp_OTP_Challenges__r, for one session: the Contact's
// challenges as UI API records. One agent per session owns every challenge in it, as the object's Private sharing
// gives the sender.
import { iso } from './challenges.mjs';

const UI_FIELDS = {
    Status__c: (c) => c.status,
    Expires_At__c: (c) => iso(c.expiresAt),
    CreatedDate: (c) => iso(c.createdAt),
    Code_Length__c: (c) => c.codeLength,
    Attempts__c: (c) => c.attempts,
    Max_Attempts__c: (c) => c.maxAttempts,
    Masked_Phone__c: (c) => c.maskedPhone,
    Send_Outcome__c: (c) => c.sendOutcome,
    Error_Code__c: (c) => c.errorCode,
    Verified_At__c: (c) => iso(c.verifiedAt),
    Channel__c: (c) => c.channel,
    WhatsApp_Status__c: (c) => c.whatsappStatus,
    SMS_Status__c: (c) => c.smsStatus,
    Delivered_At__c: (c) => c.deliveredAt,
    Read_At__c: (c) => c.readAt,
    Delivery_Error_Code__c: (c) => c.deliveryErrorCode,
    Delivery_Error_Detail__c: (c) => c.deliveryErrorDetail
};

/**
 * Only the requested fields that exist on the object, sorted by `sortBy` ("-Field" is descending), at most
 * pageSize records.
 */
export function relatedChallenges(session, contactId, { fields = [], sortBy = [], pageSize = 50 } = {}) {
    const [order = '-CreatedDate'] = sortBy;
    const key = order.replace(/^-/, '').split('.').pop();
    const sign = order.startsWith('-') ? -1 : 1;
    const sortValue = (challenge) => (key === 'CreatedDate' ? challenge.createdAt : challenge[key]);
    const toUi = (challenge) => {
        const record = { apiName: 'WhatsApp_OTP_Challenge__c', id: challenge.id, fields: {} };
        for (const name of fields.map((qualified) => qualified.split('.').slice(1).join('.'))) {
            if (Object.hasOwn(UI_FIELDS, name)) {
                record.fields[name] = { value: UI_FIELDS[name](challenge), displayValue: null };
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
