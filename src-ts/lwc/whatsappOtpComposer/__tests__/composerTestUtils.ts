// Shared fixtures and DOM helpers of the composer's Jest tests. The Apex methods are jest.fn() mocks set
// up once for every test file (jest-mocks/setupTests.js); helpers here give them their answers.
import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'lwc';
import WhatsappOtpComposer from 'c/whatsappOtpComposer';
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import sendOtp from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import type { SendOtpRefusal, SendOtpResult } from '@salesforce/apex/WhatsAppOtpController.sendOtp';
import getSendStatus from '@salesforce/apex/WhatsAppOtpController.getSendStatus';
import type { ToastConfig } from 'lightning/platformShowToastEvent';

export * from './composerFixtures';
import { CHALLENGE_ID, CONTACT_ID, FIRST_POLL_MS, NOW, SENT, sendStatus } from './composerFixtures';

/** sendOtp's answer for a refused send: the refusal as data (docs/architecture.md, "Controller contract"). */
export function refusal(errorCode: string, errorMessage: string, retryAt: string | null = null): SendOtpRefusal {
    return { status: 'REFUSED', errorCode, errorMessage, retryAt };
}

/** What AuraHandledException looks like to the component. */
export function auraError(message: string): {
    body: { message: string };
    ok: false;
    status: number;
    statusText: string;
} {
    return { body: { message }, ok: false, status: 400, statusText: 'Bad Request' };
}

/**
 * The error codes that only verifyOtp throws (docs/architecture.md); STILL_SENDING has its own tests, and
 * NOT_PERMITTED comes from liftLockout, which the composer does not call. The others come from sendOtp.
 */
const VERIFY_ERROR_LABELS = [
    'WhatsAppOtp_Error_ChallengeNotFound',
    'WhatsAppOtp_Error_AlreadyVerified',
    'WhatsAppOtp_Error_Superseded',
    'WhatsAppOtp_Error_InvalidCodeFormat'
];
const NOT_FROM_SEND_OR_VERIFY = ['WhatsAppOtp_Error_StillSending', 'WhatsAppOtp_Error_NotPermitted'];

/**
 * The agent messages Apex throws from sendOtp or verifyOtp: [label name, text], read from the
 * WhatsAppOtp_Error_* Custom Labels with {0} filled in, so a new error label is tested without editing tests.
 */
export function apexErrorMessages(from: 'send' | 'verify'): [string, string][] {
    const xml = fs.readFileSync(
        path.join(__dirname, '../../../../force-app/core/labels/CustomLabels.labels-meta.xml'),
        'utf8'
    );
    const messages: [string, string][] = [];
    for (const match of xml.matchAll(/<fullName>(WhatsAppOtp_Error_\w+)<\/fullName>[\s\S]*?<value>([^<]*)<\/value>/g)) {
        const [, name, value] = match;
        if (!NOT_FROM_SEND_OR_VERIFY.includes(name) && VERIFY_ERROR_LABELS.includes(name) === (from === 'verify')) {
            messages.push([
                name,
                value
                    .replace(/&apos;/g, "'")
                    .replace(/&quot;/g, '"')
                    .replace(/&amp;/g, '&')
                    .replace(/\{0\}/g, '30')
            ]);
        }
    }
    return messages;
}

/** The part of the LDS test wire adapter (@salesforce/wire-service-jest-util) the tests use. */
interface LdsTestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown> | null;
}
export const getRecordAdapter = getRecord as unknown as LdsTestWireAdapter;
export const relatedListAdapter = getRelatedListRecords as unknown as LdsTestWireAdapter;

/** A challenge of the Contact's related list (UI API record), as LDS gives it to the composer on load. */
export function challengeRecord(fields: Record<string, string | number | null> = {}, id = CHALLENGE_ID): unknown {
    const all: Record<string, string | number | null> = {
        Status__c: 'Pending',
        Expires_At__c: '2026-01-15T10:05:00.000Z',
        CreatedDate: '2026-01-15T09:55:00.000Z',
        Code_Length__c: 6,
        Attempts__c: 2,
        Max_Attempts__c: 5,
        Masked_Phone__c: '+65 •••• 5678',
        Send_Outcome__c: 'Accepted',
        ...fields
    };
    return {
        id,
        apiName: 'WhatsApp_OTP_Challenge__c',
        fields: Object.fromEntries(Object.entries(all).map(([name, value]) => [name, { value, displayValue: null }]))
    };
}

export function contactRecord(mobilePhone: string | null, phone: string | null): unknown {
    return {
        id: CONTACT_ID,
        apiName: 'Contact',
        fields: {
            MobilePhone: { value: mobilePhone, displayValue: null },
            Phone: { value: phone, displayValue: null }
        }
    };
}

export type ComposerElement = ReturnType<typeof createElement<WhatsappOtpComposer>>;

export function mountComposer(props: { showVerifyStep?: boolean; cardTitle?: string } = {}): ComposerElement {
    const element = createElement<WhatsappOtpComposer>('c-whatsapp-otp-composer', { is: WhatsappOtpComposer });
    element.recordId = CONTACT_ID;
    if (props.showVerifyStep !== undefined) {
        element.showVerifyStep = props.showVerifyStep;
    }
    if (props.cardTitle !== undefined) {
        element.cardTitle = props.cardTitle;
    }
    document.body.appendChild(element);
    return element;
}

/** A mounted composer whose contact has the mobile number +65 9123 5678. */
export async function mountWithPhone(props?: { showVerifyStep?: boolean }): Promise<ComposerElement> {
    const element = mountComposer(props);
    getRecordAdapter.emit(contactRecord('+65 9123 5678', null));
    await flush();
    return element;
}

/**
 * A mounted composer with a phone whose Send was clicked and whose code went out: sendOtp answers with
 * `sent`, the first getSendStatus call with SENT for it.
 */
export async function sentComposer(
    sent: SendOtpResult = SENT,
    props?: { showVerifyStep?: boolean }
): Promise<ComposerElement> {
    jest.mocked(sendOtp).mockResolvedValue(sent);
    jest.mocked(getSendStatus).mockResolvedValue(sendStatus(sent));
    const element = await mountWithPhone(props);
    await clickAndPoll(element, 'send');
    return element;
}

/** Clicks Send or Resend and lets the first getSendStatus call run (under fake timers). */
export async function clickAndPoll(element: ComposerElement, dataId: string): Promise<void> {
    await click(element, dataId);
    await advance(FIRST_POLL_MS);
}

/** Moves the fake clock on and lets the Apex calls and re-renders it starts run. */
export async function advance(ms: number): Promise<void> {
    // Async: the poll's next wait starts only once the previous call's promise has settled.
    await jest.advanceTimersByTimeAsync(ms);
    await flush();
}

/** Each test of the calling describe runs on fake timers (see NOW) and leaves nothing behind. */
export function useFakeClock(): void {
    beforeEach(() => {
        jest.useFakeTimers({ now: NOW.getTime() - FIRST_POLL_MS });
    });

    afterEach(() => {
        removeAll();
        window.localStorage.clear();
        jest.clearAllMocks();
        jest.useRealTimers();
    });
}

export function removeAll(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}

/**
 * Lets resolved Apex promises and the re-render they cause run: a few microtask turns, which
 * (unlike a setTimeout) also works under fake timers.
 */
export function flush(): Promise<void> {
    let turns = Promise.resolve();
    for (let i = 0; i < 5; i++) {
        turns = turns.then(() => undefined);
    }
    return turns;
}

function shadow(element: ComposerElement): ShadowRoot {
    if (!element.shadowRoot) {
        throw new Error('the composer has no shadow root');
    }
    return element.shadowRoot;
}

/**
 * The element with this data-id in the composer's shadow tree or in a child component's (the code input
 * and the verified line are children: their parts sit in their own shadow roots).
 */
export function byDataId<T extends Element = HTMLElement>(element: ComposerElement, dataId: string): T | null {
    return deepQuery<T>(shadow(element), `[data-id="${dataId}"]`);
}

function deepQuery<T extends Element>(root: ShadowRoot, selector: string): T | null {
    const found = root.querySelector<T & Element>(selector);
    if (found) {
        return found;
    }
    for (const node of Array.from(root.querySelectorAll('*'))) {
        const inner = node.shadowRoot ? deepQuery<T>(node.shadowRoot, selector) : null;
        if (inner) {
            return inner;
        }
    }
    return null;
}

/** The element that has keyboard focus, looking through the child components' shadow roots. */
export function focusedElement(element: ComposerElement): Element | null {
    let active: Element | null = shadow(element).activeElement;
    while (active?.shadowRoot?.activeElement) {
        active = active.shadowRoot.activeElement;
    }
    return active;
}

/** Like byDataId, for elements the test needs; fails the test with the data-id when it is missing. */
export function mustFind<T extends Element = HTMLElement>(element: ComposerElement, dataId: string): T {
    const found = byDataId<T>(element, dataId);
    if (!found) {
        throw new Error(`no element with data-id="${dataId}"`);
    }
    return found;
}

/** A lightning-button's public properties (the sfdx-lwc-jest stub keeps them as properties). */
export interface ButtonElement extends HTMLElement {
    label: string;
    disabled: boolean;
}

export function button(element: ComposerElement, dataId: string): ButtonElement {
    return mustFind<ButtonElement>(element, dataId);
}

/** The text an agent reads in the element, including that of child components inside it. */
export function textOf(element: ComposerElement, dataId: string): string {
    return deepText(mustFind(element, dataId)).replace(/\s+/g, ' ').trim();
}

function deepText(node: Node): string {
    if (node.nodeType === Node.TEXT_NODE) {
        return node.textContent ?? '';
    }
    const host = node as Element;
    const children = host.shadowRoot ? host.shadowRoot.childNodes : node.childNodes;
    return Array.from(children).map(deepText).join('');
}

export function spinner(element: ComposerElement): Element | null {
    return shadow(element).querySelector('lightning-spinner');
}

export async function click(element: ComposerElement, dataId: string): Promise<void> {
    button(element, dataId).click();
    await flush();
}

export async function typeCode(element: ComposerElement, value: string): Promise<HTMLInputElement> {
    const input = mustFind<HTMLInputElement>(element, 'code');
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
    await flush();
    return input;
}

export async function pressEnter(element: ComposerElement): Promise<void> {
    mustFind(element, 'code').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await flush();
}

/** Collects the toasts the composer dispatches. */
export function recordToasts(element: ComposerElement): ToastConfig[] {
    const toasts: ToastConfig[] = [];
    element.addEventListener('lightning__showtoast', (event) => {
        toasts.push((event as CustomEvent<ToastConfig>).detail);
    });
    return toasts;
}

/** A promise the test settles itself, to look at the component while Apex is still out. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
    let resolve: (value: T) => void = () => undefined;
    let reject: (reason: unknown) => void = () => undefined;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

/**
 * Everything of the composer a browser shows or a script reads, apart from input values: every text node
 * and every attribute of the host and of each element in its shadow tree.
 */
export function renderedMarkup(element: ComposerElement): string {
    const parts: string[] = [];
    const visit = (host: Element): void => {
        for (const attribute of Array.from(host.attributes)) {
            parts.push(`${attribute.name}=${attribute.value}`);
        }
        const root = host.shadowRoot;
        if (!root) {
            return;
        }
        for (const node of Array.from(root.querySelectorAll('*'))) {
            if (node.shadowRoot) {
                visit(node);
            } else {
                for (const attribute of Array.from(node.attributes)) {
                    parts.push(`${attribute.name}=${attribute.value}`);
                }
            }
        }
        parts.push(root.textContent ?? '');
    };
    visit(element);
    return parts.join('\n');
}
