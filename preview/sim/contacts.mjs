// The preview's record store: fake Contacts, one per phone, language or consent situation the composer must handle,
// and the other records it sits on (a Case, a Person Account, Leads, a Messaging Session). Field names as the
// shared person cases write them ('Rel.Field' reads through a lookup); made-up ids and numbers only.
const contact = (id, FirstName, LastName, MobilePhone, Phone, more = {}) => ({
    id,
    apiName: 'Contact',
    fields: {
        Name: `${FirstName} ${LastName}`,
        FirstName,
        LastName,
        Title: 'Account holder',
        Email: `${FirstName.replace(' ', '')}.${LastName}@example.com`.toLowerCase(),
        MobilePhone,
        Phone,
        ...more
    }
});
const record = (id, apiName, fields) => ({ id, apiName, fields });

export const CONTACTS = {
    mobile: contact('003PV0000MobileAAA', 'Mei Ling', 'Tan', '+65 9123 5678', '+65 6123 4567'),
    'phone-only': contact('003PV0000PhoneAAAA', 'Arjun', 'Rao', null, '0044 (7700) 900-123'),
    'no-phone': contact('003PV0000NoPhonAAA', 'Sam', 'Lee', null, null),
    malformed: contact('003PV0000BadNumAAA', 'Chris', 'Doe', '12-34', null),
    german: contact('003PV0000GermanAAA', 'Lena', 'Schmidt', '+49 151 2345 6789', null, {
        Preferred_Language__c: 'German'
    }),
    'opted-out': contact('003PV0000OptOutAAA', 'Tom', 'Berg', '+65 9123 4455', null, { WhatsApp_Opt_Out__c: true }),
    'person-contact': contact('003PV0000PersonAAA', 'Aisha', 'Rahman', '+65 9876 1122', null)
};

export const RECORDS = {
    ...CONTACTS,
    case: record('500PV0000CaseAAAAA', 'Case', { Name: 'Case 00001026: card blocked', ContactId: CONTACTS.mobile.id }),
    'case-no-contact': record('500PV0000NoContAAA', 'Case', { Name: 'Case 00001027: web enquiry', ContactId: null }),
    'person-account': record('001PV0000PersonAAA', 'Account', {
        Name: 'Aisha Rahman',
        IsPersonAccount: true,
        PersonContactId: CONTACTS['person-contact'].id
    }),
    lead: record('00QPV0000LeadAAAAA', 'Lead', {
        Name: 'Priya Nair',
        IsConverted: false,
        ConvertedContactId: null,
        MobilePhone: '+91 98765 43210',
        Phone: null
    }),
    'converted-lead': record('00QPV0000ConvertAA', 'Lead', {
        Name: 'Arjun Rao (converted)',
        IsConverted: true,
        ConvertedContactId: CONTACTS['phone-only'].id,
        MobilePhone: '+44 7700 900999',
        Phone: null
    }),
    'messaging-session': record('0MwPV0000SessionAA', 'MessagingSession', {
        Name: 'WhatsApp session with Mei Ling Tan',
        EndUserContactId: CONTACTS.mobile.id,
        'MessagingEndUser.MessageType': 'WhatsApp',
        'MessagingEndUser.MessagingPlatformKey': 'whatsapp:+6591112233'
    })
};

/** Any record of the store by its 15- or 18-character id, with its switcher key. */
export function recordById(id) {
    const entry = Object.entries(RECORDS).find(([, r]) => r.id === id || r.id.slice(0, 15) === id);
    return entry ? { key: entry[0], ...entry[1] } : undefined;
}
