// Which person a record page's code goes to: one rule, run by the composer, the Apex resolver and the preview's
// simulation alike (force-app/core/staticresources/WhatsAppOtpPersonCases.json holds the cases all three run).
// Pure and import-free, so the preview's simulation imports the compiled person.js as it is. A record is the
// object's field values by API name ('Rel.Field' reads through a lookup); a missing field is one the org lacks
// (Person Accounts, Voice, Messaging), so nothing here names those objects' fields in a way a deploy checks.

/** The objects a code can belong to (the challenge's Contact__c or Lead__c). */
export type PersonObject = 'Contact' | 'Lead';

/** The person a page's code goes to, or the stable error code that says why there is none. */
export interface Person {
    personId: string | null;
    personObject: PersonObject | null;
    /** A Messaging Session on WhatsApp only: the session's own WhatsApp number. */
    whatsAppNumber: string | null;
    errorCode: null | 'NO_PERSON' | 'NOT_A_CONTACT';
}

/**
 * Per object, the fields the rule reads: optionalFields of the page's getRecord, as strings, so the component
 * deploys where the object or field does not exist (UI API leaves a missing optional field out). The Object
 * Reference, https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/ +
 * - sforce_api_objects_account.htm: IsPersonAccount and PersonContactId, only with Person Accounts;
 * - sforce_api_objects_lead.htm: IsConverted, ConvertedContactId;
 * - sforce_api_objects_case.htm: ContactId;
 * - sforce_api_objects_voicecall.htm: RelatedRecordId, the record the call is linked to, and CallerId, the caller;
 * - sforce_api_objects_messagingsession.htm: EndUserContactId; through MessagingEndUser
 *   (sforce_api_objects_messagingenduser.htm) its MessageType ('WhatsApp' on a WhatsApp channel) and
 *   MessagingPlatformKey, the customer's address on the channel.
 */
export const RULE_FIELDS: Readonly<Record<string, readonly string[]>> = {
    Contact: ['Id'],
    Lead: ['IsConverted', 'ConvertedContactId'],
    Account: ['IsPersonAccount', 'PersonContactId'],
    Case: ['ContactId'],
    VoiceCall: ['RelatedRecordId', 'CallerId'],
    MessagingSession: ['EndUserContactId', 'MessagingEndUser.MessageType', 'MessagingEndUser.MessagingPlatformKey']
};

const NONE = { personId: null, personObject: null, whatsAppNumber: null } as const;
const NO_PERSON: Person = { ...NONE, errorCode: 'NO_PERSON' };

const idOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const personAt = (id: unknown, personObject: PersonObject): Person => {
    const personId = idOf(id);
    return personId ? { personId, personObject, whatsAppNumber: null, errorCode: null } : NO_PERSON;
};

/**
 * A Contact or Lead among a polymorphic lookup's targets, by the Id's key prefix: the first three characters of a
 * record Id name its object, 003 every Contact's and 00Q every Lead's in any org
 * (http://www.fishofprey.com/2011/09/obscure-salesforce-object-key-prefixes.html; an org's own list:
 * EntityDefinition.KeyPrefix).
 */
const contactOrLead = (id: unknown): Person | undefined => {
    const personId = idOf(id);
    const personObject = ({ '003': 'Contact', '00Q': 'Lead' } as const)[personId?.slice(0, 3) ?? ''];
    return personObject ? personAt(personId, personObject) : undefined;
};

/** WhatsApp's MessagingPlatformKey is the number, as 'whatsapp:+15551234567' or '+15551234567'. */
function whatsAppNumberOf(key: unknown): string | null {
    return typeof key === 'string' && key.trim() !== '' ? key.trim().replace(/^whatsapp:/i, '') : null;
}

/** The person `record` (of `objectApiName`) resolves to, as the shared case table states. */
export function personOf(objectApiName: string, record: Record<string, unknown>): Person {
    switch (objectApiName) {
        case 'Contact':
            return personAt(record.Id, 'Contact');
        case 'Lead':
            // A converted Lead's person is the Contact it became.
            return record.IsConverted === true
                ? personAt(record.ConvertedContactId, 'Contact')
                : personAt(record.Id, 'Lead');
        case 'Account':
            return record.IsPersonAccount === true ? personAt(record.PersonContactId, 'Contact') : NO_PERSON;
        case 'Case':
            return personAt(record.ContactId, 'Contact');
        case 'VoiceCall':
            return contactOrLead(record.RelatedRecordId) ?? contactOrLead(record.CallerId) ?? NO_PERSON;
        case 'MessagingSession': {
            const person = personAt(record.EndUserContactId, 'Contact');
            const onWhatsApp = person.personId && record['MessagingEndUser.MessageType'] === 'WhatsApp';
            const key = record['MessagingEndUser.MessagingPlatformKey'];
            return onWhatsApp ? { ...person, whatsAppNumber: whatsAppNumberOf(key) } : person;
        }
        default:
            return { ...NONE, errorCode: 'NOT_A_CONTACT' };
    }
}
