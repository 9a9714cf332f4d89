import { LightningElement, api, wire } from 'lwc';
import { CurrentPageReference, type PageReference } from 'lightning/navigation';
import openRecordLabel from '@salesforce/label/c.WhatsAppOtp_UI_OpenRecord';

/**
 * The composer where the core cannot name the object: Voice Call and Messaging Session record pages, and the
 * console's utility bar. On a record page the page sets recordId and objectApiName; a utility has no record of its
 * own and reads the record in view from CurrentPageReference (developer.salesforce.com/docs/service/api-console/
 * guide/sforce-api-console-js-lightning-utility-bar-page-context.html). Which person the code goes to is the
 * composer's rule (person.ts); this wrapper only hands the record on.
 */
export default class WhatsappOtpConsole extends LightningElement {
    @api recordId: string | undefined;
    @api objectApiName: string | undefined;

    /** The record the console shows, when the utility bar sits beside a record page. */
    pageRecord: { recordId: string; objectApiName: string | undefined } | undefined;

    readonly openRecordText = openRecordLabel;

    @wire(CurrentPageReference)
    pageChanged(page: PageReference | undefined): void {
        const recordId = page?.type === 'standard__recordPage' ? page.attributes?.recordId : undefined;
        this.pageRecord = recordId ? { recordId, objectApiName: page?.attributes?.objectApiName } : undefined;
    }

    /** One entry, keyed by the record: another record gets a fresh composer, not the last one's code. */
    get records(): { recordId: string; objectApiName: string | undefined }[] {
        const record = this.recordId ? { recordId: this.recordId, objectApiName: this.objectApiName } : this.pageRecord;
        return record ? [record] : [];
    }

    get noRecord(): boolean {
        return this.records.length === 0;
    }
}
