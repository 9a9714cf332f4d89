// Generated from src-ts/lwc/whatsappOtpComposer/person.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// Which person a record page's code goes to: one rule, run by the composer, the Apex resolver and the preview's
// simulation alike (force-app/core/staticresources/WhatsAppOtpPersonCases.json holds the cases all three run).
// Pure and import-free, so the preview's simulation imports the compiled person.js as it is. A record is the
// object's field values by API name ('Rel.Field' reads through a lookup); a missing field is one the org lacks
// (Person Accounts, Voice, Messaging), so nothing here names those objects' fields in a way a deploy checks.
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
export const RULE_FIELDS = {
    Contact: ['Id'],
    Lead: ['IsConverted', 'ConvertedContactId'],
    Account: ['IsPersonAccount', 'PersonContactId'],
    Case: ['ContactId'],
    VoiceCall: ['RelatedRecordId', 'CallerId'],
    MessagingSession: ['EndUserContactId', 'MessagingEndUser.MessageType', 'MessagingEndUser.MessagingPlatformKey']
};
const NONE = { personId: null, personObject: null, whatsAppNumber: null };
const NO_PERSON = { ...NONE, errorCode: 'NO_PERSON' };
const idOf = (value) => (typeof value === 'string' && value !== '' ? value : null);
const personAt = (id, personObject) => {
    const personId = idOf(id);
    return personId ? { personId, personObject, whatsAppNumber: null, errorCode: null } : NO_PERSON;
};
/**
 * A Contact or Lead among a polymorphic lookup's targets, by the Id's key prefix: the first three characters of a
 * record Id name its object, 003 every Contact's and 00Q every Lead's in any org
 * (http://www.fishofprey.com/2011/09/obscure-salesforce-object-key-prefixes.html; an org's own list:
 * EntityDefinition.KeyPrefix).
 */
const contactOrLead = (id) => {
    const personId = idOf(id);
    const personObject = { '003': 'Contact', '00Q': 'Lead' }[personId?.slice(0, 3) ?? ''];
    return personObject ? personAt(personId, personObject) : undefined;
};
/** WhatsApp's MessagingPlatformKey is the number, as 'whatsapp:+15551234567' or '+15551234567'. */
function whatsAppNumberOf(key) {
    return typeof key === 'string' && key.trim() !== '' ? key.trim().replace(/^whatsapp:/i, '') : null;
}
/** The person `record` (of `objectApiName`) resolves to, as the shared case table states. */
export function personOf(objectApiName, record) {
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
