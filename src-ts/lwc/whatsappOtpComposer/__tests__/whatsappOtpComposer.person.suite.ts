// The composer on each record page it supports: which person the card shows, and sends for, or why it offers
// nothing to send. The page's record and the person's are separate getRecord reads (LDS, no Apex).
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import { createElement } from 'lwc';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import WhatsappOtpComposer from 'c/whatsappOtpComposer';
import type { ComposerElement } from './composerTestUtils';
import { SENT, byDataId, click, flush, getRecordAdapter, relatedListAdapter, removeAll } from './composerTestUtils';
import { sendStatus, textOf } from './composerTestUtils';

const objectInfoAdapter = getObjectInfo as unknown as { emit(value: unknown): void };

type Value = string | boolean | null | { apiName: string; fields: Record<string, { value: Value }> };

/** A UI API record; a dotted field name goes into the nested relationship record LDS returns. */
function uiRecord(apiName: string, id: string, values: Record<string, Value>): unknown {
    const fields: Record<string, { value: Value; displayValue: null }> = {};
    for (const [name, value] of Object.entries(values)) {
        const [relationship, field] = name.split('.');
        if (field) {
            const related = (fields[relationship]?.value as { fields: Record<string, { value: Value }> }) ?? {
                apiName: relationship,
                fields: {}
            };
            related.fields[field] = { value };
            fields[relationship] = { value: related as Value, displayValue: null };
        } else {
            fields[relationship] = { value, displayValue: null };
        }
    }
    return { id, apiName, fields };
}

const emitFor = (record: { id: string }): void =>
    (getRecordAdapter.emit as (value: unknown, filter: (config: { recordId?: string }) => boolean) => void)(
        record,
        (config) => config.recordId === record.id
    );

/** A composer on `objectApiName`'s page, its record loaded and, when given, the person's record too. */
async function composerOn(objectApiName: string, page: ReturnType<typeof uiRecord>, person?: unknown) {
    const element: ComposerElement = createElement<WhatsappOtpComposer>('c-whatsapp-otp-composer', {
        is: WhatsappOtpComposer
    });
    const pageRecord = page as { id: string };
    element.recordId = pageRecord.id;
    element.objectApiName = objectApiName;
    document.body.appendChild(element);
    // LWC hands a wire its config a microtask after connecting.
    await flush();
    emitFor(pageRecord);
    await flush();
    if (person) {
        emitFor(person as { id: string });
        await flush();
    }
    return element;
}

const contact = (id: string, mobile: string | null) => uiRecord('Contact', id, { MobilePhone: mobile, Phone: null });
const CONTACT = '003000000000004AAA';
const LEAD = '00Q000000000001AAA';

describe('c-whatsapp-otp-composer: the person of each record page', () => {
    afterEach(() => {
        removeAll();
        jest.clearAllMocks();
    });

    it('on a Contact, sends to the Contact', async () => {
        const record = contact(CONTACT, '+65 9123 5678');
        const element = await composerOn('Contact', record, record);
        expect(textOf(element, 'phone')).toBe('•••• 5678');
    });

    it('on a Person Account, shows its person Contact and sends from the Account', async () => {
        jest.mocked(sendOtp).mockResolvedValue(SENT);
        jest.mocked(getSendStatus).mockResolvedValue(sendStatus());
        const account = uiRecord('Account', '001000000000001AAA', { IsPersonAccount: true, PersonContactId: CONTACT });
        const element = await composerOn('Account', account, contact(CONTACT, '+65 9123 4321'));
        expect(textOf(element, 'phone')).toBe('•••• 4321');
        await click(element, 'send');
        expect(sendOtp).toHaveBeenCalledWith({ recordId: '001000000000001AAA' });
    });

    it('on a business Account, says there is no person and offers nothing to send', async () => {
        const account = uiRecord('Account', '001000000000002AAA', { IsPersonAccount: false, PersonContactId: null });
        const element = await composerOn('Account', account);
        objectInfoAdapter.emit({ apiName: 'Account', label: 'Account' });
        await flush();
        expect(textOf(element, 'no-person')).toBe('This Account has no contact or lead to send a code to.');
        expect(byDataId(element, 'send')).toBeNull();
        expect(byDataId(element, 'loading')).toBeNull();
    });

    it('on an open Lead, sends to the Lead and resumes its codes', async () => {
        const lead = uiRecord('Lead', LEAD, {
            IsConverted: false,
            ConvertedContactId: null,
            MobilePhone: '+44 7700 900123'
        });
        const element = await composerOn('Lead', lead, lead);
        expect(textOf(element, 'phone')).toBe('•••• 0123');
        expect(relatedListAdapter.getLastConfig()).toMatchObject({ parentRecordId: LEAD });
    });

    it('on a converted Lead, sends to the Contact it became', async () => {
        const lead = uiRecord('Lead', '00Q000000000002AAA', { IsConverted: true, ConvertedContactId: CONTACT });
        const element = await composerOn('Lead', lead, contact(CONTACT, '+65 9123 7777'));
        expect(textOf(element, 'phone')).toBe('•••• 7777');
        expect(getRecordAdapter.getLastConfig()).toEqual({
            recordId: CONTACT,
            optionalFields: ['Contact.MobilePhone', 'Contact.Phone']
        });
    });

    it('on a Case, sends to its Contact', async () => {
        const element = await composerOn(
            'Case',
            uiRecord('Case', '500000000000001AAA', { ContactId: CONTACT }),
            contact(CONTACT, '+65 9123 8888')
        );
        expect(textOf(element, 'phone')).toBe('•••• 8888');
    });

    it('on a Case without a Contact, says so in the object label and offers nothing to send', async () => {
        const element = await composerOn('Case', uiRecord('Case', '500000000000002AAA', { ContactId: null }));
        expect(textOf(element, 'no-person')).toBe('This Case has no contact or lead to send a code to.');
        objectInfoAdapter.emit({ apiName: 'Case', label: 'Fall' });
        await flush();
        expect(textOf(element, 'no-person')).toBe('This Fall has no contact or lead to send a code to.');
        expect(byDataId(element, 'send')).toBeNull();
        expect(byDataId(element, 'no-phone')).toBeNull();
    });

    it('on a Voice Call, sends to the person the call is linked to', async () => {
        const call = uiRecord('VoiceCall', '0LQ000000000001AAA', { RelatedRecordId: LEAD, CallerId: null });
        const lead = uiRecord('Lead', LEAD, { MobilePhone: '+44 7700 900456' });
        const element = await composerOn('VoiceCall', call, lead);
        expect(textOf(element, 'phone')).toBe('•••• 0456');
    });

    it('on a Messaging Session on WhatsApp, sends to the session’s WhatsApp number', async () => {
        const session = uiRecord('MessagingSession', '0Mw000000000001AAA', {
            EndUserContactId: CONTACT,
            'MessagingEndUser.MessageType': 'WhatsApp',
            'MessagingEndUser.MessagingPlatformKey': 'whatsapp:+6590001234'
        });
        const element = await composerOn('MessagingSession', session, contact(CONTACT, '+65 9123 9999'));
        expect(textOf(element, 'phone')).toBe('•••• 1234');
    });

    it('on an unsupported record, says where codes can be sent from', async () => {
        const element = await composerOn('Opportunity', uiRecord('Opportunity', '006000000000001AAA', {}));
        expect(textOf(element, 'no-person')).not.toBe('');
        expect(byDataId(element, 'send')).toBeNull();
    });
});
