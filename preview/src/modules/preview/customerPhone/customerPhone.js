// The customer's phone, the only place a code appears: each accepted WhatsApp authentication message, rendered
// from its request body with WhatsApp's ticks as its receipts come, and the SMS of a fallback.
import { LightningElement } from 'lwc';
import { getScenario } from 'preview/scenario';

/** WhatsApp's ticks for a message state: how many, and what a screen reader hears. */
const TICKS = { queued: [0, 'Waiting to send'], sent: [1, 'Sent'], delivered: [2, 'Delivered'], read: [2, 'Read'] };

function withTicks(bubble, state) {
    const [count, tickWords] = TICKS[state] ?? TICKS.queued;
    const tickClass = state === 'read' ? 'bubble-ticks bubble-ticks_read' : 'bubble-ticks';
    return { ...bubble, state, oneTick: count === 1, twoTicks: count === 2, tickWords, tickClass };
}

// Built once: toLocaleTimeString builds a formatter on every call, and the phone re-renders its bubbles often.
const TIME_FORMAT = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

/** The SMS text is a Custom Label holding the code ("{0} is your verification code"): the code shows in bold. */
function toSmsBubble({ umid, msisdn, code, text }) {
    const at = text.indexOf(code);
    const [textBefore, textAfter] = at < 0 ? ['', ''] : [text.slice(0, at), text.slice(at + code.length)];
    return { umid, msisdn, isSms: true, code, textBefore, textAfter };
}

/** Meta fixes an authentication template's body ("<code> is your verification code.", in the template). */
function toBubble({ umid, msisdn, template, codeExpirationMinutes: minutes, state }) {
    const textOf = (type) =>
        template.components.find((component) => component.type === type)?.parameters?.find((p) => p.type === 'text')
            ?.text ?? '';
    const bubble = {
        umid,
        msisdn,
        code: textOf('body'),
        // The COPY_CODE button copies its own parameter (the gateway puts the code there too).
        copyValue: textOf('button'),
        expiryLine: `This code expires in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
        copyText: 'Copy code',
        isSms: false
    };
    return withTicks(bubble, state);
}

/** The customer's own message in the chat. */
const toReplyBubble = ({ umid, text }) => ({ umid, isReply: true, text });

/** Each kind of message the phone's stream brings, and the bubble it shows. */
const BUBBLES = { whatsapp: toBubble, reply: toReplyBubble, sms: toSmsBubble };

export default class CustomerPhone extends LightningElement {
    messages = [];
    eventSource;
    replyText = '';

    connectedCallback() {
        this.eventSource = new EventSource(`/sim/phone/stream?session=${encodeURIComponent(getScenario().session)}`);
        for (const [kind, toBubbleOfKind] of Object.entries(BUBBLES)) {
            this.eventSource.addEventListener(kind, (event) => {
                const message = JSON.parse(event.data);
                const time = TIME_FORMAT.format(new Date(message.receivedAt));
                this.messages = [...this.messages, { ...toBubbleOfKind(message), time }];
            });
        }
        this.eventSource.addEventListener('status', (event) => {
            const { umid, state } = JSON.parse(event.data);
            this.messages = this.messages.map((message) =>
                message.umid === umid && !message.isSms ? withTicks(message, state) : message
            );
        });
    }

    disconnectedCallback() {
        this.eventSource?.close();
    }

    get whatsappMessages() {
        return this.messages.filter((message) => !message.isSms);
    }

    get smsMessages() {
        return this.messages.filter((message) => message.isSms);
    }

    /** The chat opens with the business's first code: before it, there is nobody to write to. */
    get cannotReply() {
        return this.whatsappMessages.length === 0;
    }

    handleReplyInput(event) {
        this.replyText = event.target.value;
    }

    /** Sends the reply to the simulated 8x8 (POST /sim/phone/reply); the chat shows it once the stream brings it. */
    async handleReply(event) {
        event.preventDefault();
        const text = this.replyText.trim();
        if (!text) {
            return;
        }
        this.replyText = '';
        const { session, overrides } = getScenario();
        await fetch('/sim/phone/reply', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ session, text, overrides })
        });
    }

    get caption() {
        const last = this.messages.findLast((message) => message.msisdn);
        return last ? `Messages to ${last.msisdn}` : 'Simulated customer phone';
    }

    async handleCopy(event) {
        const { umid, copyValue } = event.currentTarget.dataset;
        let copyText = 'Copied';
        try {
            await navigator.clipboard.writeText(copyValue);
        } catch {
            copyText = 'Copy blocked by the browser';
        }
        this.messages = this.messages.map((message) => (message.umid === umid ? { ...message, copyText } : message));
    }
}
