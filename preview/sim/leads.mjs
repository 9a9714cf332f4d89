// The preview's Leads (keys as in WhatsAppOtpLeadCases.json): an open one, and one converted into the mobile Contact.
import { CONTACTS, contactById } from './contacts.mjs';

const lead = (id, LastName, MobilePhone, ConvertedContactId = null) => ({
    id,
    apiName: 'Lead',
    fields: {
        Name: LastName,
        LastName,
        Company: 'Prospect Ltd',
        MobilePhone,
        IsConverted: !!ConvertedContactId,
        ConvertedContactId
    }
});

export const LEADS = {
    openLead: lead('00QPV0000OpenLdAAA', 'Priya Nair', '+65 9123 5678'),
    convertedLead: lead('00QPV0000ConvLdAAA', 'Mei Ling Tan', '+65 9123 5678', CONTACTS.mobile.id)
};

/** A Contact or a Lead by id (15 or 18 characters). */
export const personById = (id) =>
    contactById(id) ?? Object.values(LEADS).find((record) => record.id === id || record.id.slice(0, 15) === id);
