import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, type GetRecordResult } from 'lightning/uiRecordApi';
import { getRelatedListRecords, type GetRelatedListRecordsResult } from 'lightning/uiRelatedListApi';
import { getObjectInfo, type GetObjectInfoResult } from 'lightning/uiObjectInfoApi';
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import getSendStatus, { type SendStatusResult } from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import verifyOtp, { type VerifyOtpResult } from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
import locale from '@salesforce/i18n/locale';
import unexpectedErrorLabel from '@salesforce/label/c.WhatsAppOtp_UI_UnexpectedError';
import stillSendingLabel from '@salesforce/label/c.WhatsAppOtp_Error_StillSending';
import supersededLabel from '@salesforce/label/c.WhatsAppOtp_Error_Superseded';
import noPersonLabel from '@salesforce/label/c.WhatsAppOtp_Error_NoPerson';
import notAContactLabel from '@salesforce/label/c.WhatsAppOtp_Error_NotAContact';
import { errorMessageOf, formatLabel, maskPhone, secondsUntil } from './otpFormat';
import { CARD_LABELS, attemptsTextOf, busyTextOf, cardHeadingOf, expiryTextOf } from './cardText';
import { numberChangedTextOf, phoneWarningOf, replyMismatchTextOf, resendNoticeOf, resendTextOf } from './cardText';
import { verifyAgainTextOf } from './cardText';
import { DeliveryFollower, sendStatusPoll } from './statusPoll';
import type { BoundedPoll, PollOutcome } from './statusPoll';
import { deliveryFieldsOf, deliveryFinal, deliveryView, type DeliveryFields } from 'c/whatsappOtpDeliveryView';
import { deliveryResult } from './delivery';
import type { Challenge, CodeInput, Delivery, FinishedPoll, Snapshot } from './delivery';
import { CODE_ENTRY_STAGES, blockActive, blockFor, codeOpen, secondsUntilSendable } from './otpStages';
import { clockTick, stageAfterChallenge, stageAfterVerify, stageView } from './otpStages';
import type { SendBlock, Stage, StageView } from './otpStages';
import { RESUME_FIELDS, RESUME_SORT, resumedChallenge } from './resume';
import { rememberResendAt, rememberedResendAt } from './resendMemory';
import { statusTextOf } from './statusLine';
import { closeVerifiedQuickAction } from './quickAction';
import { phoneFieldsOf, phoneRead } from './contactPhone';
import { RULE_FIELDS, personOf, type Person } from './person';
import { languageNoticeOf, type LanguageNotice } from './language';
import { Ticker } from './ticker';

/** What a verified card shows, from verifyOtp's answer or getSendStatus's. */
type Verdict = Partial<Pick<VerifyOtpResult, 'verifiedAt' | 'verifiedByName' | 'numberDiffers' | 'numberChangedAt'>> &
    Pick<SendStatusResult, 'verifiedVia'>;

/**
 * Sends a WhatsApp one-time code to the person of the record page (person.ts: a Contact, a Lead, or the person
 * of an Account, Case, Voice Call or Messaging Session) and checks the code the customer reads back.
 * The code itself is generated and checked by Apex; it never reaches this component, apart from
 * the digits the agent types, which are cleared once they have been checked.
 */
export default class WhatsappOtpComposer extends LightningElement {
    @api recordId: string | undefined;
    /**
     * The page's object: record pages and quick actions set it
     * (developer.salesforce.com/docs/platform/lwc/guide/use-record-context.html); unset reads as a Contact.
     */
    @api objectApiName: string | undefined;
    /** App Builder: the card title; blank uses the translated default. */
    @api cardTitle: string | undefined;
    /**
     * App Builder: false sends codes only (the customer is verified elsewhere). Unset means true: LWC
     * forbids a public Boolean defaulting to true (LWC1099), and the quick action sets no attributes.
     */
    @api showVerifyStep: boolean | undefined;

    stage: Stage = 'ready';
    /** The page's record as the person rule reads it (person.ts); undefined until it has loaded. */
    person: Person | undefined;
    /** The person's own record and number, once loaded (a different record from the page's on a Case, say). */
    personPhone: { id: string; phone: string | undefined } | undefined;
    /** Why the page's record, or its person's, could not be read (each read's latest answer). */
    private pageError: string | undefined;
    private personError: string | undefined;
    /** The page object's label, for "This Case has no contact or lead…". */
    objectLabel: string | undefined;
    /** A receipt said the template is missing in the person's language (language.ts). */
    languageNotice: LanguageNotice | undefined;
    challenge: Challenge | undefined;
    delivery: Delivery = 'confirmed';
    attemptsRemaining: number | undefined;
    errorMessage: string | undefined;
    /** Why Send and Resend are disabled, when a refusal says retrying cannot help yet; errorMessage says why. */
    block: SendBlock | undefined;
    /** After a resend: when the new code went out (only the newest code works). */
    resendSentAt: number | undefined;
    verifiedAt: string | undefined;
    verifiedByName: string | undefined;
    /** 'Customer reply' when the customer's WhatsApp reply verified the code (getSendStatus's verifiedVia). */
    verifiedVia: string | undefined;
    /** The last send said reply verification is on: the customer may paste the code into the chat. */
    replyVerification = false;
    /** The verified code went to a number the Contact no longer holds (verifyOtp's numberDiffers). */
    numberDiffers = false;
    /** When field history dated the number's change after the send (verifyOtp's numberChangedAt). */
    numberChangedAt: string | undefined;
    nowMs = Date.now();
    /** The current code's delivery receipts, as getSendStatus last reported them. */
    deliveryStatus: DeliveryFields | undefined;

    /** The countdowns' clock (ticker.ts). */
    private readonly clock = new Ticker(() => this.tick());
    private focusCodeOnRender = false;
    /** After a verify succeeds the code input and Verify leave the page: focus goes to the verified message. */
    private focusVerifiedOnRender = false;
    /**
     * The agent has started on the next code after a wrong one: the stale "doesn't match" stops reading as an
     * error, so the code input's own message is the one error shown.
     */
    codeEdited = false;
    private connected = false;
    private poll: BoundedPoll<SendStatusResult, PollOutcome> | undefined;
    /** Follows the current code's delivery receipts after the send has settled (statusPoll.ts). */
    private readonly follower = new DeliveryFollower<SendStatusResult>();
    /** A delivery being waited for: resumed when the component comes back to the page. */
    private awaiting: { challenge: Challenge; before: Snapshot } | undefined;
    /** The code before the one whose delivery is still pending, for when 8x8 turns out to have refused it. */
    private beforePending: Snapshot | undefined;
    /** The attempts left as the server last reported them, so a drop nobody typed is a customer's wrong reply. */
    private knownAttempts: number | undefined;

    readonly labels = CARD_LABELS;

    /** The page's object, qualifying the rule's fields. */
    get pageObject(): string {
        return this.objectApiName ?? 'Contact';
    }

    /** The rule's fields for the page's object (person.ts), as optional strings: an org may lack any of them. */
    get ruleFields(): string[] {
        return (RULE_FIELDS[this.pageObject] ?? ['Id']).map((field) => `${this.pageObject}.${field}`);
    }

    @wire(getRecord, { recordId: '$recordId', optionalFields: '$ruleFields' })
    wiredRecord(result: GetRecordResult): void {
        const read = phoneRead(result);
        if (read?.record) {
            const { record } = read;
            const fields: Record<string, unknown> = { Id: record.id };
            for (const field of RULE_FIELDS[record.apiName] ?? []) {
                const value = getFieldValue(record, `${record.apiName}.${field}`);
                // A field the org lacks stays out: the rule reads it as missing, not as blank.
                if (value !== undefined) {
                    fields[field] = value;
                }
            }
            this.person = personOf(record.apiName, fields);
        }
        if (read) {
            this.pageError = read.error;
        }
    }

    /** The person's Id: the resume list's parent and the phone's record. */
    get personId(): string | undefined {
        return this.person?.personId ?? undefined;
    }

    get phoneFields(): string[] | undefined {
        return this.person?.personObject ? phoneFieldsOf(this.person.personObject) : undefined;
    }

    @wire(getRecord, { recordId: '$personId', optionalFields: '$phoneFields' })
    wiredPerson(result: GetRecordResult): void {
        const read = phoneRead(result);
        // A refused number or setup waits for the record to change: a new emission is that change.
        if (read?.record && this.block?.kind === 'record' && this.recordLoaded && read.phone !== this.recordPhone) {
            this.clearBlock();
        }
        if (read?.record) {
            this.personPhone = { id: read.record.id, phone: read.phone };
        }
        if (read) {
            this.personError = read.error;
        }
    }

    get recordError(): string | undefined {
        return this.pageError ?? this.personError;
    }

    /** Why nothing can be sent from this record, in the object's label as the org names it. */
    @wire(getObjectInfo, { objectApiName: '$noPersonObject' })
    wiredObjectInfo({ data }: GetObjectInfoResult): void {
        this.objectLabel = data?.label;
    }

    get noPersonObject(): string | undefined {
        return this.person?.errorCode === 'NO_PERSON' ? this.pageObject : undefined;
    }

    /** The number the code goes to: a WhatsApp session's own, otherwise the person's. */
    get recordPhone(): string | undefined {
        const { person, personPhone } = this;
        return (
            person?.whatsAppNumber ??
            (personPhone && personPhone.id === person?.personId ? personPhone.phone : undefined)
        );
    }

    /** The page's record is read, and either has no person or the person's number is known. */
    get recordLoaded(): boolean {
        const { person, personPhone } = this;
        return !!person && (!person.personId || !!person.whatsAppNumber || personPhone?.id === person.personId);
    }

    /** Why the page's record has no one to send to: the card says so and offers nothing to send. */
    get noPersonText(): string | undefined {
        const code = this.person?.errorCode;
        if (code === 'NO_PERSON') {
            return formatLabel(noPersonLabel, this.objectLabel ?? this.pageObject);
        }
        return code === 'NOT_A_CONTACT' ? notAContactLabel : undefined;
    }

    /**
     * Resume: the Contact's newest challenge, through Lightning Data Service (no Apex call). Only on load: once
     * this card has a code of its own, its own state is newer than the list. A failed read (no access to the
     * object) just means no resume.
     */
    @wire(getRelatedListRecords, {
        parentRecordId: '$personId',
        relatedListId: 'WhatsApp_OTP_Challenges__r',
        fields: RESUME_FIELDS as string[],
        sortBy: RESUME_SORT as string[],
        pageSize: 1
    })
    wiredChallenges({ data }: GetRelatedListRecordsResult): void {
        const contactId = this.personId;
        if (!data || !contactId || this.challenge || this.stage !== 'ready') {
            return;
        }
        const resumed = resumedChallenge(data.records, Date.now(), (id) => rememberedResendAt(contactId, id));
        if (!resumed) {
            return;
        }
        if (resumed.delivery === 'pending') {
            // Reloaded while the code was still being sent: wait for its delivery as after Send (bounded), so
            // the card reaches its outcome without another reload. A refusal goes back to an empty card.
            this.challenge = resumed.challenge;
            const before: Snapshot = {
                challenge: undefined,
                stage: 'ready',
                delivery: 'confirmed',
                attemptsRemaining: undefined
            };
            this.awaitDelivery(resumed.challenge, before);
            return;
        }
        this.challenge = resumed.challenge;
        this.delivery = resumed.delivery;
        this.attemptsRemaining = resumed.attemptsRemaining;
        // The stored receipts only: following them would call Apex on load.
        this.deliveryStatus = resumed.deliveryStatus;
        this.stage = 'sent';
        this.startClock();
    }

    override connectedCallback(): void {
        this.connected = true;
        if (this.awaiting && !this.poll) {
            // Polling stopped when the component left the page; a fresh bounded poll picks it up again.
            this.awaitDelivery(this.awaiting.challenge, this.awaiting.before);
        } else {
            this.followDelivery();
        }
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.clock.stop();
        this.poll?.cancel();
        this.poll = undefined;
        this.follower.stop();
    }

    override renderedCallback(): void {
        const input = this.focusCodeOnRender ? this.codeInput : null;
        if (input) {
            this.focusCodeOnRender = false;
            input.focus();
        }
        const verified = this.focusVerifiedOnRender
            ? (this.template?.querySelector<HTMLElement>('c-whatsapp-otp-verification-status') ?? null)
            : null;
        if (verified) {
            this.focusVerifiedOnRender = false;
            verified.focus();
        }
    }

    get cardHeading(): string {
        return cardHeadingOf(this.cardTitle);
    }

    get maskedRecordPhone(): string | undefined {
        return maskPhone(this.recordPhone);
    }

    /** Advisory, before a send: Apex stays the judge (cardText.ts, phoneCheck.ts). */
    get phoneWarning(): string | undefined {
        return phoneWarningOf(this.recordPhone, !!this.challenge, !!this.errorMessage);
    }

    /** The Contact's number is still loading: the card says so instead of showing a bare disabled Send. */
    get loadingContact(): boolean {
        return !!this.recordId && !this.recordLoaded && !this.recordError;
    }

    get showNoPhone(): boolean {
        return this.recordLoaded && !this.recordError && !this.noPersonText && !this.maskedRecordPhone;
    }

    /** What the current stage shows: the rules live in otpStages.ts. */
    get view(): StageView {
        return stageView({
            stage: this.stage,
            hasChallenge: !!this.challenge,
            canSend: !!this.recordId && !!this.personId && !!this.maskedRecordPhone,
            resendCooldownSeconds: this.resendCooldownSeconds,
            verifyStepShown: this.showVerifyStep !== false,
            sendBlocked: blockActive(this.block, this.nowMs)
        });
    }

    /** Send is offered only where the record has a person to send to. */
    get showSend(): boolean {
        return this.view.showSend && !this.noPersonText;
    }

    /** The language notice while the code can still be entered (language.ts). */
    get showLanguageNotice(): boolean {
        return !!this.languageNotice && CODE_ENTRY_STAGES.includes(this.stage);
    }

    get busyText(): string {
        return busyTextOf(this.stage);
    }

    /** undefined before the first send: the code input then uses the Code Length setting's default. */
    get codeLength(): number | undefined {
        return this.challenge?.codeLength;
    }

    get resendCooldownSeconds(): number {
        return secondsUntil(this.challenge?.resendAvailableAt, this.nowMs);
    }

    /** A resend waits for the cooldown, or for a refusal's retry time, whichever is later. */
    get resendText(): string {
        return resendTextOf(secondsUntilSendable(this.block, this.resendCooldownSeconds, this.nowMs));
    }

    /** Verify again sends a new code: it counts the resend cooldown down on its label, disabled meanwhile. */
    get verifyAgainText(): string {
        return verifyAgainTextOf(secondsUntilSendable(this.block, this.resendCooldownSeconds, this.nowMs));
    }

    get attemptsText(): string | undefined {
        return attemptsTextOf(this.stage, this.attemptsRemaining);
    }

    get expiryText(): string {
        return expiryTextOf(this.challenge?.expiresAt, this.nowMs);
    }

    /**
     * The one warning line under the number (warning icon, not error red): before a send, a number that cannot be
     * valid; on the verified card, a number the Contact no longer holds (the verification does not prove it).
     */
    get warning(): { id: string; text: string } | undefined {
        const phoneWarning = this.phoneWarning;
        if (phoneWarning) {
            return { id: 'phone-warning', text: phoneWarning };
        }
        return this.view.isVerified && this.numberDiffers
            ? { id: 'number-changed', text: numberChangedTextOf(this.numberChangedAt, this.nowMs) }
            : undefined;
    }

    get verifiedPhone(): string {
        return this.challenge?.maskedPhone ?? '';
    }

    /** With reply verification on, while a code can be typed in: the customer may paste it into the chat instead. */
    get replyHint(): string | undefined {
        return this.replyVerification && this.view.showCodeEntry ? this.labels.replyHint : undefined;
    }

    get resendNotice(): string | undefined {
        return resendNoticeOf(this.resendSentAt, this.view.showExpiry, locale);
    }

    /** What the aria-live region announces: one sentence per stage (statusLine.ts). */
    get statusText(): string {
        const { stage, delivery, attemptsRemaining } = this;
        const { maskedPhone } = this.challenge ?? {};
        const receipts = this.deliveryStatus;
        return statusTextOf({
            stage,
            delivery,
            attemptsRemaining,
            maskedPhone,
            channel: receipts?.channel,
            receiptSeen: !!(receipts?.whatsappStatus || receipts?.smsStatus)
        });
    }

    /** The delivery line for the aria-live region: what the delivery-status child shows, as one sentence. */
    get deliveryAnnouncement(): string {
        return CODE_ENTRY_STAGES.includes(this.stage) ? deliveryView(this.deliveryStatus).announcement : '';
    }

    /** The delivery-status child shows while the code can still be entered. */
    get showDeliveryStatus(): boolean {
        return CODE_ENTRY_STAGES.includes(this.stage) && !!this.deliveryStatus;
    }

    get statusClass(): string {
        const staleWrongCode = this.stage === 'invalid' && this.codeEdited;
        return this.view.statusIsError && !staleWrongCode
            ? 'slds-m-top_small slds-text-color_error'
            : 'slds-m-top_small';
    }

    /** The agent edits the code, or tries a short one: a wrong code's message is now history (see codeEdited). */
    handleCodeEdit(): void {
        this.codeEdited = true;
    }

    /** Verify: a short code gets the input's inline message instead of a call. */
    handleVerify(): Promise<void> {
        const input = this.codeInput;
        if (!input || !input.reportValidity()) {
            return Promise.resolve();
        }
        return this.verify(input.value);
    }

    /** Enter in the code input, with a complete code. */
    handleCodeSubmit(event: CustomEvent<{ code: string }>): Promise<void> {
        return this.verify(event.detail.code);
    }

    handleSend(): Promise<void> {
        return this.send(false);
    }

    /** "Resend in <default language>": the template is missing in the person's language. */
    handleResendInDefaultLanguage(): Promise<void> {
        return this.send(true);
    }

    private async send(inDefaultLanguage: boolean): Promise<void> {
        const { recordId, personId } = this;
        const view = this.view;
        if (
            view.sendDisabled ||
            !recordId ||
            !personId ||
            (this.challenge && this.stage !== 'verified' && view.resendDisabled)
        ) {
            return;
        }
        const before = this.snapshot();
        this.stage = 'sending';
        this.errorMessage = undefined;
        this.follower.stop();
        try {
            // The person's language unless the agent asked for the default (sendOtp's inDefaultLanguage).
            const params: { recordId: string; inDefaultLanguage?: boolean } = { recordId };
            if (inDefaultLanguage) {
                params.inDefaultLanguage = true;
            }
            const answer = await sendOtp(params);
            if (answer.status === 'REFUSED') {
                this.stage = before.stage;
                this.refuse(answer.errorMessage, blockFor(answer.errorCode, answer.retryAt));
                return;
            }
            rememberResendAt(personId, answer.challengeId, answer.resendAvailableAt);
            this.replyVerification = answer.replyVerification === true;
            await this.awaitDelivery(answer, before);
        } catch (error) {
            this.stage = before.stage;
            this.refuse(errorMessageOf(error), undefined);
        }
    }

    /**
     * The sending stage: polls getSendStatus (bounded) and applies the outcome. SENT and UNCONFIRMED open
     * the code input; FAILED goes back to `before` with the error; a poll that ends while the code is still
     * being sent opens the input too, since the code may yet arrive (verify then says STILL_SENDING).
     */
    private async awaitDelivery(challenge: Challenge, before: Snapshot): Promise<void> {
        this.stage = 'sending';
        this.awaiting = { challenge, before };
        if (!this.connected) {
            return;
        }
        const poll = sendStatusPoll(() => getSendStatus({ challengeId: challenge.challengeId }));
        this.poll = poll;
        const outcome = await poll.run();
        if (this.poll !== poll || outcome.kind === 'cancelled') {
            return;
        }
        this.poll = undefined;
        this.awaiting = undefined;
        this.applyDelivery(challenge, before, outcome);
    }

    /**
     * Keeps the receipts of getSendStatus's answer for the current challenge (another's are ignored) and, with reply
     * verification on, shows a close made elsewhere: a customer's reply verified or locked it, or it expired.
     */
    private applyStatus(status: SendStatusResult): void {
        if (status.challengeId !== this.challenge?.challengeId) {
            return;
        }
        this.deliveryStatus = deliveryFieldsOf(status);
        this.languageNotice = languageNoticeOf(status, locale);
        const open = CODE_ENTRY_STAGES.includes(this.stage);
        const next = this.replyVerification && open ? stageAfterChallenge(status.challengeStatus) : undefined;
        const left = status.attemptsRemaining;
        if (this.replyVerification && open && !next && typeof left === 'number') {
            if (this.knownAttempts !== undefined && left < this.knownAttempts) {
                this.attemptsRemaining = left;
                this.errorMessage = replyMismatchTextOf(left);
            }
            this.knownAttempts = left;
        }
        if (next) {
            this.clearCode();
            this.errorMessage = next === 'superseded' ? supersededLabel : undefined;
            this.showVerdict(next, status, false);
        }
    }

    /**
     * Follows the open challenge's receipts until final, the challenge closes or the component leaves; with reply
     * verification on, until the challenge closes or its code expires (statusPoll.ts, replyDelays).
     */
    private followDelivery(): void {
        const challengeId = this.challenge?.challengeId;
        const known = this.deliveryStatus;
        const receiptsToCome = !!known && !deliveryFinal(known);
        if (
            this.connected &&
            challengeId &&
            (receiptsToCome || this.replyVerification) &&
            this.challengeOpen(challengeId)
        ) {
            this.follower.start(
                () => getSendStatus({ challengeId }),
                (status) => this.applyStatus(status),
                () => this.challengeOpen(challengeId),
                this.replyVerification ? this.challenge?.expiresAt : undefined
            );
        }
    }

    private challengeOpen(challengeId: string): boolean {
        return (
            this.challenge?.challengeId === challengeId && codeOpen(this.stage, this.challenge.expiresAt, Date.now())
        );
    }

    private applyDelivery(challenge: Challenge, before: Snapshot, outcome: FinishedPoll): void {
        const result = deliveryResult(challenge, outcome);
        if (result.kind === 'refused') {
            this.restore(before);
            this.refuse(result.message, blockFor(result.errorCode, null));
            return;
        }
        if (result.challenge.challengeId !== this.challenge?.challengeId) {
            this.deliveryStatus = undefined;
            this.languageNotice = undefined;
        }
        const isResend = !!before.challenge && before.stage !== 'verified';
        this.challenge = result.challenge;
        this.delivery = result.delivery;
        this.beforePending = result.delivery === 'pending' ? before : undefined;
        // One message for an unknown outcome or a failed status call, with the code field open: the code may
        // well be on its way, so there is no "Code not sent" to contradict it.
        this.errorMessage = 'error' in result ? (errorMessageOf(result.error) ?? unexpectedErrorLabel) : undefined;
        this.resendSentAt = isResend ? Date.now() : undefined;
        this.verifiedAt = undefined;
        this.verifiedByName = undefined;
        this.verifiedVia = undefined;
        this.numberDiffers = false;
        this.numberChangedAt = undefined;
        this.clearCode();
        this.codeEdited = false;
        this.attemptsRemaining = undefined;
        this.knownAttempts = undefined;
        this.stage = 'sent';
        this.focusCodeOnRender = this.showVerifyStep !== false;
        this.startClock();
        // Only a settled send has a delivery to follow; fallbackEnabled, never null, marks an answer with receipts.
        // Unconfirmed in an org: whether an @AuraEnabled result leaves out its null properties; either works here.
        // With reply verification on, any open code is followed: the customer may paste it whatever the receipts say.
        const receipts = outcome.kind === 'settled' && typeof outcome.status.fallbackEnabled === 'boolean';
        if (receipts) {
            this.applyStatus(outcome.status);
        }
        if (receipts || this.replyVerification) {
            this.followDelivery();
        }
    }

    private snapshot(): Snapshot {
        const { challenge, stage, delivery, attemptsRemaining } = this;
        return { challenge, stage, delivery, attemptsRemaining };
    }

    private restore(before: Snapshot): void {
        ({ challenge: this.challenge, stage: this.stage, delivery: this.delivery } = before);
        this.attemptsRemaining = before.attemptsRemaining;
        this.tick();
    }

    private async verify(code: string): Promise<void> {
        const challengeId = this.challenge?.challengeId;
        if (this.view.verifyDisabled || !challengeId) {
            return;
        }
        const previousStage = this.stage;
        this.stage = 'verifying';
        this.errorMessage = undefined;
        try {
            const result = await verifyOtp({ challengeId, code });
            // A stage other than verifying: the status poll saw the challenge close meanwhile (a customer's reply
            // verified it), and the card already shows it; this answer (VERIFIED or Already verified) adds nothing.
            if (this.stage === 'verifying') {
                this.applyVerifyResult(result);
            }
        } catch (error) {
            if (this.stage !== 'verifying') {
                return;
            }
            // Apex throws STILL_SENDING and SUPERSEDED as AuraHandledExceptions whose message is the label, without
            // arguments (docs/architecture.md): the message is all the component receives of the error.
            const message = errorMessageOf(error);
            if (message === stillSendingLabel && this.challenge?.challengeId === challengeId) {
                // The delivery has not finished yet: wait for it again (bounded), as after Send.
                this.clearCode();
                await this.awaitDelivery(
                    this.challenge,
                    this.beforePending ?? { ...this.snapshot(), stage: previousStage }
                );
                return;
            }
            if (message === supersededLabel) {
                // A newer code went out (another tab or agent): this one is history, and no attempt was used.
                this.stage = 'superseded';
                this.errorMessage = supersededLabel;
                return;
            }
            this.stage = previousStage;
            this.focusCodeOnRender = true;
            this.errorMessage = message ?? unexpectedErrorLabel;
        } finally {
            this.clearCode();
            // The clock may have stopped while the call was out.
            this.tick();
        }
    }

    private applyVerifyResult(result: VerifyOtpResult): void {
        this.attemptsRemaining = result.attemptsRemaining;
        this.knownAttempts = result.attemptsRemaining;
        this.codeEdited = false;
        const next = stageAfterVerify(result.status);
        if (!next) {
            this.errorMessage = unexpectedErrorLabel;
            this.stage = 'sent';
            return;
        }
        this.showVerdict(next, result, true);
    }

    /**
     * A verdict on the code: verifyOtp's on the typed code, or getSendStatus's challenge status (a customer's reply).
     * @param typed the agent typed the code: focus follows to the verified line. A reply's verdict moves focus only
     * when it was in the card (the code input it removes), never from elsewhere on the page.
     */
    private showVerdict(next: Stage, verdict: Verdict, typed: boolean): void {
        this.stage = next;
        if (!CODE_ENTRY_STAGES.includes(next)) {
            // The challenge has closed: its delivery no longer matters.
            this.follower.stop();
        }
        this.focusCodeOnRender = next === 'invalid';
        if (next === 'verified') {
            this.verifiedAt = verdict.verifiedAt ?? new Date().toISOString();
            this.verifiedByName = verdict.verifiedByName ?? undefined;
            this.verifiedVia = verdict.verifiedVia ?? undefined;
            this.numberDiffers = verdict.numberDiffers === true;
            this.numberChangedAt = verdict.numberChangedAt ?? undefined;
            this.resendSentAt = undefined;
            // The clock runs on only while Verify again counts the cooldown down (clockTick).
            this.focusVerifiedOnRender = typed || !!this.template?.activeElement;
            this.closeQuickAction();
        }
    }

    /** In the Send OTP quick action, a verified customer ends the task (quickAction.ts). */
    private closeQuickAction(): void {
        // Unconfirmed in an org: App Builder passes showVerifyStep's default (true) to a record page's component,
        // so an unset value means the quick action, which sets no attributes.
        if (this.showVerifyStep === undefined) {
            closeVerifiedQuickAction(this, this.verifiedPhone);
        }
    }

    /** A refused send or verify: the message inline, once; the block, if retrying cannot help yet. */
    private refuse(message: string | null | undefined, block: SendBlock | undefined): void {
        this.errorMessage = message || unexpectedErrorLabel;
        this.block = block;
        if (block?.kind === 'until') {
            this.startClock();
        } else {
            this.tick();
        }
    }

    private clearBlock(): void {
        this.block = undefined;
        this.errorMessage = undefined;
    }

    private clearCode(): void {
        this.codeInput?.clear();
    }

    private get codeInput(): CodeInput | null {
        return this.template?.querySelector<CodeInput>('c-whatsapp-otp-code-input') ?? null;
    }

    private startClock(): void {
        this.nowMs = Date.now();
        this.clock.start();
    }

    /** Advances the countdowns; what a tick changes is decided in otpStages.ts (clockTick). */
    private tick(): void {
        this.nowMs = Date.now();
        const { block, challenge, stage, resendCooldownSeconds: cooldownSeconds, nowMs } = this;
        const next = clockTick({
            stage,
            block,
            hasChallenge: !!challenge,
            expiresAt: challenge?.expiresAt,
            cooldownSeconds,
            nowMs
        });
        if (next.blockPassed) {
            this.clearBlock();
        }
        if (next.stage !== stage) {
            this.stage = next.stage;
            this.clearCode();
            this.follower.stop();
        }
        if (next.stopClock) {
            this.clock.stop();
        }
    }
}
