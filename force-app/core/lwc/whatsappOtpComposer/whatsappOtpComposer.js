// Generated from src-ts/lwc/whatsappOtpComposer/whatsappOtpComposer.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import getSendStatus, {} from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import verifyOtp, {} from '@salesforce/apex/WhatsAppOtpController.verifyOtp';
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
import { deliveryFieldsOf, deliveryFinal, deliveryView } from 'c/whatsappOtpDeliveryView';
import { deliveryResult } from './delivery';
import { CODE_ENTRY_STAGES, blockActive, blockFor, codeOpen, secondsUntilSendable } from './otpStages';
import { clockTick, stageAfterChallenge, stageAfterVerify, stageView } from './otpStages';
import { RESUME_FIELDS, RESUME_SORT, resumedChallenge } from './resume';
import { rememberResendAt, rememberedResendAt } from './resendMemory';
import { statusTextOf } from './statusLine';
import { closeVerifiedQuickAction } from './quickAction';
import { phoneFieldsOf, phoneRead } from './contactPhone';
import { RULE_FIELDS, personOf } from './person';
import { languageNoticeOf } from './language';
import { Ticker } from './ticker';
/**
 * Sends a WhatsApp one-time code to the person of the record page (person.ts: a Contact, a Lead, or the person
 * of an Account, Case, Voice Call or Messaging Session) and checks the code the customer reads back.
 * The code itself is generated and checked by Apex; it never reaches this component, apart from
 * the digits the agent types, which are cleared once they have been checked.
 */
export default class WhatsappOtpComposer extends LightningElement {
    @api
    recordId;
    /**
     * The page's object: record pages and quick actions set it
     * (developer.salesforce.com/docs/platform/lwc/guide/use-record-context.html); unset reads as a Contact.
     */
    @api
    objectApiName;
    /** App Builder: the card title; blank uses the translated default. */
    @api
    cardTitle;
    /**
     * App Builder: false sends codes only (the customer is verified elsewhere). Unset means true: LWC
     * forbids a public Boolean defaulting to true (LWC1099), and the quick action sets no attributes.
     */
    @api
    showVerifyStep;
    stage = 'ready';
    /** The page's record as the person rule reads it (person.ts); undefined until it has loaded. */
    person;
    /** The person's own record and number, once loaded (a different record from the page's on a Case, say). */
    personPhone;
    /** Why the page's record, or its person's, could not be read (each read's latest answer). */
    pageError;
    personError;
    /** The page object's label, for "This Case has no contact or lead…". */
    objectLabel;
    /** A receipt said the template is missing in the person's language (language.ts). */
    languageNotice;
    challenge;
    delivery = 'confirmed';
    attemptsRemaining;
    errorMessage;
    /** Why Send and Resend are disabled, when a refusal says retrying cannot help yet; errorMessage says why. */
    block;
    /** After a resend: when the new code went out (only the newest code works). */
    resendSentAt;
    verifiedAt;
    verifiedByName;
    /** 'Customer reply' when the customer's WhatsApp reply verified the code (getSendStatus's verifiedVia). */
    verifiedVia;
    /** The last send said reply verification is on: the customer may paste the code into the chat. */
    replyVerification = false;
    /** The verified code went to a number the Contact no longer holds (verifyOtp's numberDiffers). */
    numberDiffers = false;
    /** When field history dated the number's change after the send (verifyOtp's numberChangedAt). */
    numberChangedAt;
    nowMs = Date.now();
    /** The current code's delivery receipts, as getSendStatus last reported them. */
    deliveryStatus;
    /** The countdowns' clock (ticker.ts). */
    clock = new Ticker(() => this.tick());
    focusCodeOnRender = false;
    /** After a verify succeeds the code input and Verify leave the page: focus goes to the verified message. */
    focusVerifiedOnRender = false;
    /**
     * The agent has started on the next code after a wrong one: the stale "doesn't match" stops reading as an
     * error, so the code input's own message is the one error shown.
     */
    codeEdited = false;
    connected = false;
    poll;
    /** Follows the current code's delivery receipts after the send has settled (statusPoll.ts). */
    follower = new DeliveryFollower();
    /** A delivery being waited for: resumed when the component comes back to the page. */
    awaiting;
    /** The code before the one whose delivery is still pending, for when 8x8 turns out to have refused it. */
    beforePending;
    /** The attempts left as the server last reported them, so a drop nobody typed is a customer's wrong reply. */
    knownAttempts;
    labels = CARD_LABELS;
    /** The page's object, qualifying the rule's fields. */
    get pageObject() {
        return this.objectApiName ?? 'Contact';
    }
    /** The rule's fields for the page's object (person.ts), as optional strings: an org may lack any of them. */
    get ruleFields() {
        return (RULE_FIELDS[this.pageObject] ?? ['Id']).map((field) => `${this.pageObject}.${field}`);
    }
    @wire(getRecord, { recordId: '$recordId', optionalFields: '$ruleFields' })
    wiredRecord(result) {
        const read = phoneRead(result);
        if (read?.record) {
            const { record } = read;
            const fields = { Id: record.id };
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
    get personId() {
        return this.person?.personId ?? undefined;
    }
    get phoneFields() {
        return this.person?.personObject ? phoneFieldsOf(this.person.personObject) : undefined;
    }
    @wire(getRecord, { recordId: '$personId', optionalFields: '$phoneFields' })
    wiredPerson(result) {
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
    get recordError() {
        return this.pageError ?? this.personError;
    }
    /** Why nothing can be sent from this record, in the object's label as the org names it. */
    @wire(getObjectInfo, { objectApiName: '$noPersonObject' })
    wiredObjectInfo({ data }) {
        this.objectLabel = data?.label;
    }
    get noPersonObject() {
        return this.person?.errorCode === 'NO_PERSON' ? this.pageObject : undefined;
    }
    /** The number the code goes to: a WhatsApp session's own, otherwise the person's. */
    get recordPhone() {
        const { person, personPhone } = this;
        return (person?.whatsAppNumber ??
            (personPhone && personPhone.id === person?.personId ? personPhone.phone : undefined));
    }
    /** The page's record is read, and either has no person or the person's number is known. */
    get recordLoaded() {
        const { person, personPhone } = this;
        return !!person && (!person.personId || !!person.whatsAppNumber || personPhone?.id === person.personId);
    }
    /** Why the page's record has no one to send to: the card says so and offers nothing to send. */
    get noPersonText() {
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
        fields: RESUME_FIELDS,
        sortBy: RESUME_SORT,
        pageSize: 1
    })
    wiredChallenges({ data }) {
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
            const before = {
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
    connectedCallback() {
        this.connected = true;
        if (this.awaiting && !this.poll) {
            // Polling stopped when the component left the page; a fresh bounded poll picks it up again.
            this.awaitDelivery(this.awaiting.challenge, this.awaiting.before);
        }
        else {
            this.followDelivery();
        }
    }
    disconnectedCallback() {
        this.connected = false;
        this.clock.stop();
        this.poll?.cancel();
        this.poll = undefined;
        this.follower.stop();
    }
    renderedCallback() {
        const input = this.focusCodeOnRender ? this.codeInput : null;
        if (input) {
            this.focusCodeOnRender = false;
            input.focus();
        }
        const verified = this.focusVerifiedOnRender
            ? (this.template?.querySelector('c-whatsapp-otp-verification-status') ?? null)
            : null;
        if (verified) {
            this.focusVerifiedOnRender = false;
            verified.focus();
        }
    }
    get cardHeading() {
        return cardHeadingOf(this.cardTitle);
    }
    get maskedRecordPhone() {
        return maskPhone(this.recordPhone);
    }
    /** Advisory, before a send: Apex stays the judge (cardText.ts, phoneCheck.ts). */
    get phoneWarning() {
        return phoneWarningOf(this.recordPhone, !!this.challenge, !!this.errorMessage);
    }
    /** The Contact's number is still loading: the card says so instead of showing a bare disabled Send. */
    get loadingContact() {
        return !!this.recordId && !this.recordLoaded && !this.recordError;
    }
    get showNoPhone() {
        return this.recordLoaded && !this.recordError && !this.noPersonText && !this.maskedRecordPhone;
    }
    /** What the current stage shows: the rules live in otpStages.ts. */
    get view() {
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
    get showSend() {
        return this.view.showSend && !this.noPersonText;
    }
    /** The language notice while the code can still be entered (language.ts). */
    get showLanguageNotice() {
        return !!this.languageNotice && CODE_ENTRY_STAGES.includes(this.stage);
    }
    get busyText() {
        return busyTextOf(this.stage);
    }
    /** undefined before the first send: the code input then uses the Code Length setting's default. */
    get codeLength() {
        return this.challenge?.codeLength;
    }
    get resendCooldownSeconds() {
        return secondsUntil(this.challenge?.resendAvailableAt, this.nowMs);
    }
    /** A resend waits for the cooldown, or for a refusal's retry time, whichever is later. */
    get resendText() {
        return resendTextOf(secondsUntilSendable(this.block, this.resendCooldownSeconds, this.nowMs));
    }
    /** Verify again sends a new code: it counts the resend cooldown down on its label, disabled meanwhile. */
    get verifyAgainText() {
        return verifyAgainTextOf(secondsUntilSendable(this.block, this.resendCooldownSeconds, this.nowMs));
    }
    get attemptsText() {
        return attemptsTextOf(this.stage, this.attemptsRemaining);
    }
    get expiryText() {
        return expiryTextOf(this.challenge?.expiresAt, this.nowMs);
    }
    /**
     * The one warning line under the number (warning icon, not error red): before a send, a number that cannot be
     * valid; on the verified card, a number the Contact no longer holds (the verification does not prove it).
     */
    get warning() {
        const phoneWarning = this.phoneWarning;
        if (phoneWarning) {
            return { id: 'phone-warning', text: phoneWarning };
        }
        return this.view.isVerified && this.numberDiffers
            ? { id: 'number-changed', text: numberChangedTextOf(this.numberChangedAt, this.nowMs) }
            : undefined;
    }
    get verifiedPhone() {
        return this.challenge?.maskedPhone ?? '';
    }
    /** With reply verification on, while a code can be typed in: the customer may paste it into the chat instead. */
    get replyHint() {
        return this.replyVerification && this.view.showCodeEntry ? this.labels.replyHint : undefined;
    }
    get resendNotice() {
        return resendNoticeOf(this.resendSentAt, this.view.showExpiry, locale);
    }
    /** What the aria-live region announces: one sentence per stage (statusLine.ts). */
    get statusText() {
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
    get deliveryAnnouncement() {
        return CODE_ENTRY_STAGES.includes(this.stage) ? deliveryView(this.deliveryStatus).announcement : '';
    }
    /** The delivery-status child shows while the code can still be entered. */
    get showDeliveryStatus() {
        return CODE_ENTRY_STAGES.includes(this.stage) && !!this.deliveryStatus;
    }
    get statusClass() {
        const staleWrongCode = this.stage === 'invalid' && this.codeEdited;
        return this.view.statusIsError && !staleWrongCode
            ? 'slds-m-top_small slds-text-color_error'
            : 'slds-m-top_small';
    }
    /** The agent edits the code, or tries a short one: a wrong code's message is now history (see codeEdited). */
    handleCodeEdit() {
        this.codeEdited = true;
    }
    /** Verify: a short code gets the input's inline message instead of a call. */
    handleVerify() {
        const input = this.codeInput;
        if (!input || !input.reportValidity()) {
            return Promise.resolve();
        }
        return this.verify(input.value);
    }
    /** Enter in the code input, with a complete code. */
    handleCodeSubmit(event) {
        return this.verify(event.detail.code);
    }
    handleSend() {
        return this.send(false);
    }
    /** "Resend in <default language>": the template is missing in the person's language. */
    handleResendInDefaultLanguage() {
        return this.send(true);
    }
    async send(inDefaultLanguage) {
        const { recordId, personId } = this;
        const view = this.view;
        if (view.sendDisabled ||
            !recordId ||
            !personId ||
            (this.challenge && this.stage !== 'verified' && view.resendDisabled)) {
            return;
        }
        const before = this.snapshot();
        this.stage = 'sending';
        this.errorMessage = undefined;
        this.follower.stop();
        try {
            // The person's language unless the agent asked for the default (sendOtp's inDefaultLanguage).
            const params = { recordId };
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
        }
        catch (error) {
            this.stage = before.stage;
            this.refuse(errorMessageOf(error), undefined);
        }
    }
    /**
     * The sending stage: polls getSendStatus (bounded) and applies the outcome. SENT and UNCONFIRMED open
     * the code input; FAILED goes back to `before` with the error; a poll that ends while the code is still
     * being sent opens the input too, since the code may yet arrive (verify then says STILL_SENDING).
     */
    async awaitDelivery(challenge, before) {
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
    applyStatus(status) {
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
    followDelivery() {
        const challengeId = this.challenge?.challengeId;
        const known = this.deliveryStatus;
        const receiptsToCome = !!known && !deliveryFinal(known);
        if (this.connected &&
            challengeId &&
            (receiptsToCome || this.replyVerification) &&
            this.challengeOpen(challengeId)) {
            this.follower.start(() => getSendStatus({ challengeId }), (status) => this.applyStatus(status), () => this.challengeOpen(challengeId), this.replyVerification ? this.challenge?.expiresAt : undefined);
        }
    }
    challengeOpen(challengeId) {
        return (this.challenge?.challengeId === challengeId && codeOpen(this.stage, this.challenge.expiresAt, Date.now()));
    }
    applyDelivery(challenge, before, outcome) {
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
    snapshot() {
        const { challenge, stage, delivery, attemptsRemaining } = this;
        return { challenge, stage, delivery, attemptsRemaining };
    }
    restore(before) {
        ({ challenge: this.challenge, stage: this.stage, delivery: this.delivery } = before);
        this.attemptsRemaining = before.attemptsRemaining;
        this.tick();
    }
    async verify(code) {
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
        }
        catch (error) {
            if (this.stage !== 'verifying') {
                return;
            }
            // Apex throws STILL_SENDING and SUPERSEDED as AuraHandledExceptions whose message is the label, without
            // arguments (docs/architecture.md): the message is all the component receives of the error.
            const message = errorMessageOf(error);
            if (message === stillSendingLabel && this.challenge?.challengeId === challengeId) {
                // The delivery has not finished yet: wait for it again (bounded), as after Send.
                this.clearCode();
                await this.awaitDelivery(this.challenge, this.beforePending ?? { ...this.snapshot(), stage: previousStage });
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
        }
        finally {
            this.clearCode();
            // The clock may have stopped while the call was out.
            this.tick();
        }
    }
    applyVerifyResult(result) {
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
    showVerdict(next, verdict, typed) {
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
    closeQuickAction() {
        // Unconfirmed in an org: App Builder passes showVerifyStep's default (true) to a record page's component,
        // so an unset value means the quick action, which sets no attributes.
        if (this.showVerifyStep === undefined) {
            closeVerifiedQuickAction(this, this.verifiedPhone);
        }
    }
    /** A refused send or verify: the message inline, once; the block, if retrying cannot help yet. */
    refuse(message, block) {
        this.errorMessage = message || unexpectedErrorLabel;
        this.block = block;
        if (block?.kind === 'until') {
            this.startClock();
        }
        else {
            this.tick();
        }
    }
    clearBlock() {
        this.block = undefined;
        this.errorMessage = undefined;
    }
    clearCode() {
        this.codeInput?.clear();
    }
    get codeInput() {
        return this.template?.querySelector('c-whatsapp-otp-code-input') ?? null;
    }
    startClock() {
        this.nowMs = Date.now();
        this.clock.start();
    }
    /** Advances the countdowns; what a tick changes is decided in otpStages.ts (clockTick). */
    tick() {
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
