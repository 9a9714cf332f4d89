// Every text the composer and its children show, in every stage, is a Custom Label (or a label template filled
// in), record data, or a number or time from the shared formatters: a hard-coded string fails (visibleText.ts).
/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectOnlyLabelledText"] }] */
import fs from 'node:fs';
import path from 'node:path';
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import type { SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import type { VerifyOtpResult } from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import type { DeliveryFields } from 'c/whatsappOtpDeliveryView';
import {
    NO_RECEIPT,
    labelNames,
    labelText,
    labelValues
} from '../../whatsappOtpDeliveryView/__tests__/deliveryTestUtils';
import {
    CODE,
    NOW,
    SECOND_CHALLENGE_ID,
    SENT,
    advance,
    auraError,
    challengeRecord,
    click,
    clickAndPoll,
    contactRecord,
    deferred,
    getRecordAdapter,
    mountComposer,
    mountWithPhone,
    pressEnter,
    refusal,
    relatedListAdapter,
    sendStatus,
    sentComposer,
    typeCode,
    useFakeClock,
    SHORT_SENT
} from './composerTestUtils';
import type { ComposerElement } from './composerTestUtils';
import { TextRules, unexplainedTexts, visibleTexts } from './visibleText';

const mockSendOtp = jest.mocked(sendOtp);
const mockGetSendStatus = jest.mocked(getSendStatus);
const mockVerifyOtp = jest.mocked(verifyOtp);

/**
 * The record data the tests carry: the verifier's name, a receipt's reason, and the platform's own (translated)
 * error message of a failed record load, which the card shows as Lightning Data Service gives it.
 */
const RECORD_DATA = ['Jane Doe', 'Phone switched off', 'The requested resource does not exist'];
const rules = new TextRules(labelValues(), RECORD_DATA);

function expectOnlyLabelledText(element: ComposerElement): void {
    expect(visibleTexts(element).length).toBeGreaterThan(0);
    expect(unexplainedTexts(element, rules)).toEqual([]);
}

function withReceipts(changes: Partial<DeliveryFields>, status: SendStatusResult['status'] = 'SENT'): SendStatusResult {
    return { ...sendStatus(SENT, status), ...NO_RECEIPT, ...changes } as SendStatusResult;
}

async function afterVerify(result: VerifyOtpResult, code = CODE): Promise<ComposerElement> {
    const element = await sentComposer();
    mockVerifyOtp.mockResolvedValue(result);
    await typeCode(element, code);
    await click(element, 'verify');
    return element;
}

describe('the label rule itself', () => {
    it('fails a hard-coded string and a label with a hard-coded suffix or prefix, and passes a filled label', () => {
        const html = fs.readFileSync(path.join(__dirname, 'fixtures', 'hardCodedText.html'), 'utf8');
        const fixture = new DOMParser().parseFromString(html, 'text/html').body;

        expect(unexplainedTexts(fixture, rules)).toEqual([
            'The code is on its way.',
            'Resend in 12s',
            'Note: Verify again',
            'Verified now by Jane Doe.'
        ]);
    });
});

describe('c-whatsapp-otp-composer: every stage shows only labelled text', () => {
    useFakeClock();

    it('while the Contact loads', async () => {
        const element = mountComposer();
        await advance(0);
        expectOnlyLabelledText(element);
    });

    it('ready to send', async () => {
        expectOnlyLabelledText(await mountWithPhone());
    });

    it('a Contact without a number', async () => {
        const element = mountComposer();
        getRecordAdapter.emit(contactRecord(null, null));
        await advance(0);
        expectOnlyLabelledText(element);
    });

    it('a malformed number, warned about', async () => {
        const element = mountComposer();
        getRecordAdapter.emit(contactRecord('12-34', null));
        await advance(0);
        expectOnlyLabelledText(element);
    });

    it('a Contact that could not be loaded', async () => {
        const element = mountComposer();
        getRecordAdapter.error();
        await advance(0);
        expectOnlyLabelledText(element);
    });

    it('sending', async () => {
        mockSendOtp.mockReturnValue(deferred<never>().promise);
        const element = await mountWithPhone();
        await click(element, 'send');
        expectOnlyLabelledText(element);
    });

    it('sent, with the code help and the countdowns', async () => {
        expectOnlyLabelledText(await sentComposer());
    });

    it('a short code tried', async () => {
        const element = await sentComposer();
        await typeCode(element, '12');
        await pressEnter(element);
        expectOnlyLabelledText(element);
    });

    it('checking the code', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockReturnValue(deferred<never>().promise);
        await typeCode(element, CODE);
        await click(element, 'verify');
        expectOnlyLabelledText(element);
    });

    it('a wrong code, and the last attempt', async () => {
        expectOnlyLabelledText(await afterVerify({ status: 'INVALID_CODE', attemptsRemaining: 4 }));
        expectOnlyLabelledText(await afterVerify({ status: 'INVALID_CODE', attemptsRemaining: 1 }));
    });

    it('locked', async () => {
        expectOnlyLabelledText(await afterVerify({ status: 'LOCKED', attemptsRemaining: 0 }));
    });

    it('verified, with Verify again counting down, then minutes later', async () => {
        const element = await afterVerify({
            status: 'VERIFIED',
            attemptsRemaining: 0,
            verifiedAt: NOW.toISOString(),
            verifiedByName: 'Jane Doe'
        });
        expectOnlyLabelledText(element);
        await advance(150_000);
        expectOnlyLabelledText(element);
    });

    it('expired', async () => {
        const element = await sentComposer(SHORT_SENT);
        await advance(30_000);
        expectOnlyLabelledText(element);
    });

    it('superseded by a newer code', async () => {
        const element = await sentComposer();
        mockVerifyOtp.mockRejectedValue(auraError(labelText('WhatsAppOtp_Error_Superseded')));
        await typeCode(element, CODE);
        await click(element, 'verify');
        expectOnlyLabelledText(element);
    });

    it('a refused resend, with its retry countdown', async () => {
        const element = await sentComposer();
        await advance(30_000);
        const retryAt = new Date(Date.now() + 3582_000).toISOString();
        mockSendOtp.mockResolvedValue(
            refusal('HOURLY_CAP', labelText('WhatsAppOtp_Error_HourlyCap', '3', '60'), retryAt)
        );
        await click(element, 'resend');
        expectOnlyLabelledText(element);
    });

    it('after a resend, with its notice', async () => {
        const element = await sentComposer();
        await advance(30_000);
        const second = { ...SENT, challengeId: SECOND_CHALLENGE_ID };
        mockSendOtp.mockResolvedValue(second);
        mockGetSendStatus.mockResolvedValue(sendStatus(second));
        await clickAndPoll(element, 'resend');
        expectOnlyLabelledText(element);
    });

    it('resumed after a reload, with the attempts left', async () => {
        const element = await mountWithPhone();
        relatedListAdapter.emit({ records: [challengeRecord()], count: 1 });
        await advance(0);
        expectOnlyLabelledText(element);
    });

    it('an unknown outcome, and a send still on its way when polling ends', async () => {
        mockSendOtp.mockResolvedValue(SENT);
        mockGetSendStatus.mockResolvedValue(withReceipts({}, 'UNCONFIRMED'));
        const unknown = await mountWithPhone();
        await clickAndPoll(unknown, 'send');
        expectOnlyLabelledText(unknown);

        mockGetSendStatus.mockResolvedValue(sendStatus(SENT, 'SENDING'));
        const pending = await mountWithPhone();
        await click(pending, 'send');
        await advance(60_000);
        expectOnlyLabelledText(pending);
    });

    it.each<[string, Partial<DeliveryFields>]>([
        ['delivered', { channel: 'WHATSAPP', whatsappStatus: 'DELIVERED' }],
        ['read', { channel: 'WHATSAPP', whatsappStatus: 'READ' }],
        [
            'not delivered, with the reason and the next step',
            { channel: 'WHATSAPP', whatsappStatus: 'UNDELIVERED', deliveryErrorDetail: 'Phone switched off' }
        ],
        ['not delivered, no reason given', { channel: 'WHATSAPP', whatsappStatus: 'REJECTED' }],
        ['an SMS to follow', { channel: 'WHATSAPP', whatsappStatus: 'UNDELIVERED', fallbackEnabled: true }],
        [
            'sent by SMS instead',
            { channel: 'SMS', whatsappStatus: 'UNDELIVERED', smsStatus: 'QUEUED', fallbackEnabled: true }
        ],
        [
            'delivered by SMS',
            { channel: 'SMS', whatsappStatus: 'UNDELIVERED', smsStatus: 'DELIVERED', fallbackEnabled: true }
        ],
        [
            'not delivered by SMS either',
            { channel: 'SMS', whatsappStatus: 'UNDELIVERED', smsStatus: 'UNDELIVERED', fallbackEnabled: true }
        ]
    ])('delivery receipts: %s', async (_name, receipts) => {
        mockSendOtp.mockResolvedValue(SENT);
        mockGetSendStatus.mockResolvedValue(withReceipts(receipts));
        const element = await mountWithPhone();
        await clickAndPoll(element, 'send');
        expectOnlyLabelledText(element);
    });
});

describe('the agent messages', () => {
    /** The labels an agent reads on the card (the Task subjects and the SMS text are for others). */
    const agentLabels = labelNames().filter((name) => /^WhatsAppOtp_(Error|UI|Status|Delivery)_/.test(name));

    it.each(agentLabels)('%s names no vendor or setup detail: what the agent can do instead', (name) => {
        expect(labelText(name)).not.toMatch(/8x8|credential|API key|subaccount/i);
    });
});
