// The preview's fake Contacts, one per phone situation the composer must handle.
export const CONTACTS = {
    mobile: {
        id: '003PV0000MobileAAA',
        fields: {
            Name: 'Mei Ling Tan',
            FirstName: 'Mei Ling',
            LastName: 'Tan',
            Title: 'Account holder',
            Email: 'meiling.tan@example.com',
            MobilePhone: '+65 9123 5678',
            Phone: '+65 6123 4567'
        }
    },
    'phone-only': {
        id: '003PV0000PhoneAAAA',
        fields: {
            Name: 'Arjun Rao',
            FirstName: 'Arjun',
            LastName: 'Rao',
            Title: 'Account holder',
            Email: 'arjun.rao@example.com',
            MobilePhone: null,
            Phone: '0044 (7700) 900-123'
        }
    },
    'no-phone': {
        id: '003PV0000NoPhonAAA',
        fields: {
            Name: 'Sam Lee',
            FirstName: 'Sam',
            LastName: 'Lee',
            Title: 'Account holder',
            Email: 'sam.lee@example.com',
            MobilePhone: null,
            Phone: null
        }
    },
    malformed: {
        id: '003PV0000BadNumAAA',
        fields: {
            Name: 'Chris Doe',
            FirstName: 'Chris',
            LastName: 'Doe',
            Title: 'Account holder',
            Email: 'chris.doe@example.com',
            MobilePhone: '12-34',
            Phone: null
        }
    }
};

export function contactById(id) {
    const entry = Object.entries(CONTACTS).find(([, contact]) => contact.id === id || contact.id.slice(0, 15) === id);
    return entry ? { key: entry[0], apiName: 'Contact', ...entry[1] } : undefined;
}
