// The preview's fake Contacts, one per phone situation the composer must handle.
const contact = (id, FirstName, LastName, MobilePhone, Phone) => ({
    id,
    fields: {
        Name: `${FirstName} ${LastName}`,
        FirstName,
        LastName,
        Title: 'Account holder',
        Email: `${FirstName.replace(' ', '')}.${LastName}@example.com`.toLowerCase(),
        MobilePhone,
        Phone
    }
});

export const CONTACTS = {
    mobile: contact('003PV0000MobileAAA', 'Mei Ling', 'Tan', '+65 9123 5678', '+65 6123 4567'),
    'phone-only': contact('003PV0000PhoneAAAA', 'Arjun', 'Rao', null, '0044 (7700) 900-123'),
    'no-phone': contact('003PV0000NoPhonAAA', 'Sam', 'Lee', null, null),
    malformed: contact('003PV0000BadNumAAA', 'Chris', 'Doe', '12-34', null)
};

export function contactById(id) {
    const entry = Object.entries(CONTACTS).find(([, contact]) => contact.id === id || contact.id.slice(0, 15) === id);
    return entry ? { key: entry[0], apiName: 'Contact', ...entry[1] } : undefined;
}
