// The moments between the happy steps: resume after a reload, honest disabled buttons, what follows
// Verified, and what a resend changes. One describe per moment.
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import type { SendOtpResult } from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import verifyOtp from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import {
    CHALLENGE_ID,
    CODE,
    SECOND_CHALLENGE_ID,
    SENT,
    VERIFIED,
    advance,
    auraError,
    button,
    byDataId,
    challengeRecord,
    click,
    clickAndPoll,
    contactRecord,
    getRecordAdapter,
    mountComposer,
    mountWithPhone,
    recordToasts,
    refusal,
    relatedListAdapter,
    sendStatus,
    sentComposer,
    textOf,
    typeCode,
    useFakeClock
} from './composerTestUtils';
import type { ComposerElement } from './composerTestUtils';
import { labelText } from '../../whatsappOtpDeliveryView/__tests__/deliveryTestUtils';

const mockSendOtp = jest.mocked(sendOtp);
const mockGetSendStatus = jest.mocked(getSendStatus);
const mockVerifyOtp = jest.mocked(verifyOtp);

/** A composer on a Contact whose related list holds `records` (newest first), as on a reload. */
async function resumedComposer(records: unknown[], props?: { showVerifyStep?: boolean }): Promise<ComposerElement> {
    const element = await mountWithPhone(props);
    relatedListAdapter.emit({ records, count: records.length });
    await advance(0);
    return element;
}

describe('c-whatsapp-otp-composer: resume', () => {
    useFakeClock();

    it('asks Lightning Data Service for the newest challenge of the Contact', async () => {
        await mountWithPhone();

        expect(relatedListAdapter.getLastConfig()).toEqual(
            expect.objectContaining({
                relatedListId: 'WhatsApp_OTP_Challenges__r',
                sortBy: ['-WhatsApp_OTP_Challenge__c.CreatedDate'],
                pageSize: 1
            })
        );
    });

    it('resumes an open challenge with the code field and the countdown, without an Apex call', async () => {
        const element = await resumedComposer([challengeRecord()]);

        expect(byDataId(element, 'code')).not.toBeNull();
        expect(textOf(element, 'status')).toBe('Code sent to +65 •••• 5678 via WhatsApp.');
        expect(textOf(element, 'expiry')).toBe('Code expires in 5:01');
        expect(byDataId(element, 'send')).toBeNull();
        expect([mockSendOtp, mockGetSendStatus, mockVerifyOtp].map((method) => method.mock.calls.length)).toEqual([
            0, 0, 0
        ]);
    });

    it('shows the stored delivery receipts on a resumed code, without an Apex call', async () => {
        const element = await resumedComposer([
            challengeRecord({ Channel__c: 'WhatsApp', WhatsApp_Status__c: 'Delivered' })
        ]);

        expect(textOf(element, 'delivery-status')).toBe(labelText('WhatsAppOtp_Delivery_Delivered'));
        expect(mockGetSendStatus).not.toHaveBeenCalled();
    });

    it('shows the attempts left on a resumed code, from the stored attempts', async () => {
        const element = await resumedComposer([challengeRecord({ Attempts__c: 2, Max_Attempts__c: 5 })]);

        expect(textOf(element, 'attempts')).toBe('Attempts left: 3');
    });

    it('shows no attempts line after a fresh send', async () => {
        expect(byDataId(await sentComposer(), 'attempts')).toBeNull();
    });

    it('verifies the resumed code against the resumed challenge', async () => {
        const element = await resumedComposer([challengeRecord()]);
        mockVerifyOtp.mockResolvedValue(VERIFIED);
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(mockVerifyOtp).toHaveBeenCalledWith({ challengeId: CHALLENGE_ID, code: CODE });
        expect(byDataId(element, 'verified')).not.toBeNull();
    });

    it('says how many attempts are left after a wrong resumed code, from the stored attempts', async () => {
        const element = await resumedComposer([challengeRecord({ Attempts__c: 3 })]);
        mockVerifyOtp.mockResolvedValue({ status: 'INVALID_CODE', attemptsRemaining: 1 });
        await typeCode(element, '654321');

        await click(element, 'verify');

        expect(textOf(element, 'status')).toBe("That code doesn't match. 1 attempt left.");
    });

    it('resumes the resend timer this browser remembered from the send (a second tab, a reopened action)', async () => {
        const first = await sentComposer();
        first.remove();

        const element = await resumedComposer([challengeRecord()]);

        expect(button(element, 'resend').label).toBe('Resend in 0:30');
        expect(button(element, 'resend').disabled).toBe(true);
    });

    it('offers Resend on a resumed code when this browser does not know its cooldown', async () => {
        const element = await resumedComposer([challengeRecord()]);

        expect(button(element, 'resend').disabled).toBe(false);
    });

    it('resumes a code whose send outcome is unknown with the one "may have been delivered" message', async () => {
        const element = await resumedComposer([challengeRecord({ Send_Outcome__c: 'Unknown' })]);

        expect(textOf(element, 'status')).toBe(
            'The code may have been delivered. If the customer received it, enter it.'
        );
        expect(byDataId(element, 'code')).not.toBeNull();
    });

    it.each(['Verified', 'Superseded', 'Locked', 'Failed'])(
        'starts at Send when the newest challenge is %s',
        async (status) => {
            const element = await resumedComposer([challengeRecord({ Status__c: status })]);

            expect(byDataId(element, 'send')).not.toBeNull();
            expect(byDataId(element, 'code')).toBeNull();
        }
    );

    it('keeps its own code when the related list arrives after a send', async () => {
        const element = await sentComposer({ ...SENT, challengeId: SECOND_CHALLENGE_ID });

        relatedListAdapter.emit({ records: [challengeRecord()], count: 1 });
        await advance(0);
        mockVerifyOtp.mockResolvedValue(VERIFIED);
        await typeCode(element, CODE);
        await click(element, 'verify');

        expect(mockVerifyOtp).toHaveBeenCalledWith({ challengeId: SECOND_CHALLENGE_ID, code: CODE });
    });

    it('starts at Send when the related list cannot be read', async () => {
        const element = await mountWithPhone();
        relatedListAdapter.error({ message: 'no access' }, 403, 'Forbidden');
        await advance(0);

        expect(byDataId(element, 'send')).not.toBeNull();
        expect(byDataId(element, 'error')).toBeNull();
    });
});

describe('c-whatsapp-otp-composer: honest states', () => {
    useFakeClock();

    it.each(['HOURLY_CAP', 'NUMBER_CAP', 'AGENT_CAP', 'COOLDOWN'])(
        'disables Resend after %s with the reason, and enables it again at the retry time',
        async (errorCode) => {
            const element = await sentComposer();
            await advance(30_000);
            const retryAt = new Date(Date.now() + 120_000).toISOString();
            mockSendOtp.mockResolvedValue(refusal(errorCode, 'Limit reached.', retryAt));

            await click(element, 'resend');

            expect(textOf(element, 'error')).toBe('Limit reached.');
            expect(button(element, 'resend').disabled).toBe(true);
            expect(button(element, 'resend').label).toBe('Resend in 2:00');

            await advance(120_000);

            expect(button(element, 'resend').disabled).toBe(false);
            expect(byDataId(element, 'error')).toBeNull();
        }
    );

    it('disables Send after the hourly cap on a first send, until the retry time', async () => {
        const element = await mountWithPhone();
        mockSendOtp.mockResolvedValue(
            refusal('HOURLY_CAP', 'Limit reached.', new Date(Date.now() + 5000).toISOString())
        );

        await click(element, 'send');

        expect(button(element, 'send').disabled).toBe(true);
        await advance(5000);
        expect(button(element, 'send').disabled).toBe(false);
    });

    it.each(['INVALID_NUMBER', 'INVALID_PHONE', 'CREDENTIAL_REJECTED', 'NOT_FOUND', 'TEMPLATE_REJECTED'])(
        'disables Send after %s with the reason, however long it waits',
        async (errorCode) => {
            const element = await mountWithPhone();
            mockSendOtp.mockResolvedValue(refusal(errorCode, 'Check the number.'));

            await click(element, 'send');
            await advance(3_600_000);

            expect(textOf(element, 'error')).toBe('Check the number.');
            expect(button(element, 'send').disabled).toBe(true);
        }
    );

    it('enables Send again once the Contact’s number changes after a rejected number', async () => {
        const element = await mountWithPhone();
        mockSendOtp.mockResolvedValue(refusal('INVALID_NUMBER', 'Check the number.'));
        await click(element, 'send');

        getRecordAdapter.emit(contactRecord('+65 9123 0000', null));
        await advance(0);

        expect(button(element, 'send').disabled).toBe(false);
        expect(byDataId(element, 'error')).toBeNull();
    });

    it('shows an unknown outcome as one message with the code field open, and no toast', async () => {
        mockSendOtp.mockResolvedValue(SENT);
        mockGetSendStatus.mockResolvedValue(sendStatus(SENT, 'UNCONFIRMED', { errorCode: 'TIMEOUT' }));
        const element = await mountWithPhone();
        const toasts = recordToasts(element);

        await clickAndPoll(element, 'send');

        expect(textOf(element, 'status')).toBe(
            'The code may have been delivered. If the customer received it, enter it.'
        );
        expect(byDataId(element, 'error')).toBeNull();
        expect(byDataId(element, 'code')).not.toBeNull();
        expect(toasts).toEqual([]);
    });
});

describe('c-whatsapp-otp-composer: after Verified', () => {
    useFakeClock();

    async function verified(props?: { showVerifyStep?: boolean }): Promise<ComposerElement> {
        mockSendOtp.mockResolvedValue(SENT);
        mockGetSendStatus.mockResolvedValue(sendStatus(SENT));
        const element = props ? await mountWithPhone(props) : await mountWithPhone();
        await clickAndPoll(element, 'send');
        mockVerifyOtp.mockResolvedValue(VERIFIED);
        await typeCode(element, CODE);
        await click(element, 'verify');
        return element;
    }

    it('says who verified the customer and when', async () => {
        const element = await verified({ showVerifyStep: true });
        await advance(120_000);
        await advance(0);

        expect(textOf(element, 'verified-by')).toBe('Verified 2 minutes ago by Jane Doe.');
    });

    it('offers Verify again, which starts a new challenge', async () => {
        const element = await verified({ showVerifyStep: true });
        await advance(30_000);
        expect(button(element, 'verify-again').disabled).toBe(false);
        const second: SendOtpResult = { ...SENT, challengeId: SECOND_CHALLENGE_ID };
        mockSendOtp.mockResolvedValue(second);
        mockGetSendStatus.mockResolvedValue(sendStatus(second));

        await clickAndPoll(element, 'verify-again');

        expect(mockSendOtp).toHaveBeenCalledTimes(2);
        expect(byDataId(element, 'verified')).toBeNull();
        expect(byDataId(element, 'code')).not.toBeNull();
    });

    it('in the quick action, closes the modal and shows a success toast', async () => {
        const element = mountComposer();
        const toasts = recordToasts(element);
        const closed = jest.fn();
        element.addEventListener('close', closed);
        getRecordAdapter.emit(contactRecord('+65 9123 5678', null));
        mockSendOtp.mockResolvedValue(SENT);
        mockGetSendStatus.mockResolvedValue(sendStatus(SENT));
        await advance(0);
        await clickAndPoll(element, 'send');
        mockVerifyOtp.mockResolvedValue(VERIFIED);
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(closed).toHaveBeenCalledTimes(1);
        expect(toasts).toEqual([
            {
                title: 'Customer verified',
                message: 'Verified. The customer confirmed the code sent to +65 •••• 5678.',
                variant: 'success'
            }
        ]);
    });

    it('on a record page, stays open without a toast', async () => {
        const element = await verified({ showVerifyStep: true });
        const closed = jest.fn();
        element.addEventListener('close', closed);
        const toasts = recordToasts(element);
        await advance(0);

        expect(closed).not.toHaveBeenCalled();
        expect(toasts).toEqual([]);
    });
});

describe('c-whatsapp-otp-composer: resend', () => {
    useFakeClock();

    it('says when the new code went out and that only the newest works', async () => {
        const element = await sentComposer();
        await advance(30_000);
        const second: SendOtpResult = { ...SENT, challengeId: SECOND_CHALLENGE_ID };
        mockSendOtp.mockResolvedValue(second);
        mockGetSendStatus.mockResolvedValue(sendStatus(second));

        await clickAndPoll(element, 'resend');

        expect(textOf(element, 'resend-notice')).toMatch(
            /^A new code was sent at \d{1,2}:\d{2}.*\. Ask the customer for the code in the newest message: an older code counts as a wrong one\.$/
        );
    });

    it('has no resend notice after the first send', async () => {
        expect(byDataId(await sentComposer(), 'resend-notice')).toBeNull();
    });

    it('gives a superseded code its own message, without counting an attempt, and offers Resend', async () => {
        const element = await sentComposer();
        const superseded = 'A newer code was sent to this contact. Ask the customer for the latest code.';
        mockVerifyOtp.mockRejectedValue(auraError(superseded));
        await typeCode(element, CODE);

        await click(element, 'verify');

        expect(textOf(element, 'error')).toBe(superseded);
        expect(textOf(element, 'status')).toBe('');
        expect(byDataId(element, 'code')).toBeNull();
        expect(byDataId(element, 'resend')).not.toBeNull();
    });
});

describe('c-whatsapp-otp-composer: the number as Apex sees it', () => {
    useFakeClock();

    it('warns before a send that a malformed number does not look valid, and leaves Send to Apex', async () => {
        const element = mountComposer();
        getRecordAdapter.emit(contactRecord('12-34', null));
        await advance(0);

        expect(textOf(element, 'phone-warning')).toBe(
            "This number doesn't look like a valid international number. Check it before you send."
        );
        expect(button(element, 'send').disabled).toBe(false);
    });

    it('does not warn about a number Apex accepts', async () => {
        const element = await mountWithPhone();

        expect(byDataId(element, 'phone-warning')).toBeNull();
    });
});
