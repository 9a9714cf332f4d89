// The Contact's number as the card shows it before a send: MobilePhone first, then Phone, as Apex picks it.
import { getFieldValue } from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import MOBILE_PHONE_FIELD from '@salesforce/schema/Contact.MobilePhone';
import PHONE_FIELD from '@salesforce/schema/Contact.Phone';

/** The fields the composer's getRecord wire asks for. */
export const PHONE_FIELDS = [MOBILE_PHONE_FIELD, PHONE_FIELD];

/** MobilePhone first, then Phone; blank values are skipped. */
export function firstPhone(record: RecordRepresentation): string | undefined {
    for (const field of PHONE_FIELDS) {
        const value = getFieldValue(record, field);
        if (typeof value === 'string' && value.trim() !== '') {
            return value;
        }
    }
    return undefined;
}
