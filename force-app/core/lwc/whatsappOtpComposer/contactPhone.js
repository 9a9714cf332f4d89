// Generated from src-ts/lwc/whatsappOtpComposer/contactPhone.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// The person's number as the card shows it before a send: MobilePhone first, then Phone, as Apex picks it. The
// person is a Contact or a Lead (person.ts); the fields are strings, as the page's own record's are.
import { getFieldValue } from 'lightning/uiRecordApi';
import phoneLoadFailedLabel from '@salesforce/label/c.WhatsAppOtp_UI_PhoneLoadFailed';
import { errorMessageOf } from './otpFormat';
/** The fields the person's getRecord wire asks for. */
export const phoneFieldsOf = (personObject) => [
    `${personObject}.MobilePhone`,
    `${personObject}.Phone`
];
/** MobilePhone first, then Phone; blank values are skipped. */
export function firstPhone(record) {
    for (const field of phoneFieldsOf(record.apiName === 'Lead' ? 'Lead' : 'Contact')) {
        const value = getFieldValue(record, field);
        if (typeof value === 'string' && value.trim() !== '') {
            return value;
        }
    }
    return undefined;
}
/** undefined while Lightning Data Service has neither data nor an error (its first emission). */
export function phoneRead({ data, error }) {
    if (data) {
        return { record: data, phone: firstPhone(data), error: undefined };
    }
    if (error) {
        return { record: undefined, phone: undefined, error: errorMessageOf(error) ?? phoneLoadFailedLabel };
    }
    return undefined;
}
