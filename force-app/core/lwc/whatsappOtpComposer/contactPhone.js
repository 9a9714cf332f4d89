// Generated from src-ts/lwc/whatsappOtpComposer/contactPhone.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// The Contact's number as the card shows it before a send: MobilePhone first, then Phone, as Apex picks it.
import { getFieldValue } from 'lightning/uiRecordApi';
import phoneLoadFailedLabel from '@salesforce/label/c.WhatsAppOtp_UI_PhoneLoadFailed';
import { errorMessageOf } from './otpFormat';
import MOBILE_PHONE_FIELD from '@salesforce/schema/Contact.MobilePhone';
import PHONE_FIELD from '@salesforce/schema/Contact.Phone';
/** The fields the composer's getRecord wire asks for. */
export const PHONE_FIELDS = [MOBILE_PHONE_FIELD, PHONE_FIELD];
/** MobilePhone first, then Phone; blank values are skipped. */
export function firstPhone(record) {
    for (const field of PHONE_FIELDS) {
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
        return { phone: firstPhone(data), error: undefined };
    }
    if (error) {
        return { phone: undefined, error: errorMessageOf(error) ?? phoneLoadFailedLabel };
    }
    return undefined;
}
