// Generated from src-ts/console/lwc/whatsappOtpConsole/whatsappOtpConsole.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
import { LightningElement, api, wire } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import openRecordLabel from '@salesforce/label/c.WhatsAppOtp_UI_OpenRecord';
/**
 * The composer where the core cannot name the object: Voice Call and Messaging Session record pages, and the
 * console's utility bar. On a record page the page sets recordId and objectApiName; a utility has no record of its
 * own and reads the record in view from CurrentPageReference (developer.salesforce.com/docs/service/api-console/
 * guide/sforce-api-console-js-lightning-utility-bar-page-context.html). Which person the code goes to is the
 * composer's rule (person.ts); this wrapper only hands the record on.
 */
export default class WhatsappOtpConsole extends LightningElement {
    @api
    recordId;
    @api
    objectApiName;
    /** The record the console shows, when the utility bar sits beside a record page. */
    pageRecord;
    openRecordText = openRecordLabel;
    @wire(CurrentPageReference)
    pageChanged(page) {
        const recordId = page?.type === 'standard__recordPage' ? page.attributes?.recordId : undefined;
        this.pageRecord = recordId ? { recordId, objectApiName: page?.attributes?.objectApiName } : undefined;
    }
    /** One entry, keyed by the record: another record gets a fresh composer, not the last one's code. */
    get records() {
        const record = this.recordId ? { recordId: this.recordId, objectApiName: this.objectApiName } : this.pageRecord;
        return record ? [record] : [];
    }
    get noRecord() {
        return this.records.length === 0;
    }
}
