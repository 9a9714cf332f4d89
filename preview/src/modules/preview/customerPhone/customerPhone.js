// The customer's phone: shows each WhatsApp authentication message the simulated 8x8 accepted, rendered
// from the accepted request body (the code from the body parameter, the security line and the expiry
// footer an AUTHENTICATION template adds, and its Copy code button), with WhatsApp's ticks as its delivery
// receipts come (one grey: sent, two grey: delivered, two blue: read), and the SMS of a fallback. The only
// place a code appears.
import { LightningElement } from 'lwc';
import { getScenario } from 'preview/scenario';

const SECURITY_LINE = 'For your security, do not share this code.';

function expiryLine(minutes) {
    return `This code expires in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** WhatsApp's ticks for a message state: what they look like and what a screen reader hears. */
const TICKS = {
    queued: { count: 0, words: 'Waiting to send' },
    sent: { count: 1, words: 'Sent' },
    delivered: { count: 2, words: 'Delivered' },
    read: { count: 2, words: 'Read' }
};

function withTicks(bubble, state) {
    const ticks = TICKS[state] ?? TICKS.queued;
    return {
        ...bubble,
        state,
        oneTick: ticks.count === 1,
        twoTicks: ticks.count === 2,
        tickWords: ticks.words,
        tickClass: state === 'read' ? 'bubble-ticks bubble-ticks_read' : 'bubble-ticks'
    };
}

// Built once: toLocaleTimeString builds a formatter on every call, and the phone re-renders its bubbles often.
const TIME_FORMAT = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

function time(iso) {
    return TIME_FORMAT.format(new Date(iso));
}

function toSmsBubble(message) {
    return {
        umid: message.umid,
        msisdn: message.msisdn,
        isSms: true,
        code: message.code,
        // The SMS text is a Custom Label holding the code ("{0} is your verification code"): show the code
        // in bold where the label put it.
        textBefore: message.text.slice(0, Math.max(0, message.text.indexOf(message.code))),
        textAfter: message.text.includes(message.code)
            ? message.text.slice(message.text.indexOf(message.code) + message.code.length)
            : '',
        time: time(message.receivedAt)
    };
}

function toBubble(message) {
    const textOf = (type) =>
        message.template.components
            .find((component) => component.type === type)
            ?.parameters?.find((parameter) => parameter.type === 'text')?.text ?? '';
    const code = textOf('body');
    return {
        umid: message.umid,
        msisdn: message.msisdn,
        code,
        // The COPY_CODE button copies its own parameter (the gateway puts the code there too).
        copyValue: textOf('button'),
        // Meta fixes an authentication template's body: "<code> is your verification code."
        bodyText: ' is your verification code.',
        securityLine: SECURITY_LINE,
        expiryLine: expiryLine(message.codeExpirationMinutes),
        time: time(message.receivedAt),
        copyText: 'Copy code',
        isSms: false
    };
}

export default class CustomerPhone extends LightningElement {
    messages = [];
    eventSource;

    connectedCallback() {
        this.eventSource = new EventSource(`/sim/phone/stream?session=${encodeURIComponent(getScenario().session)}`);
        this.eventSource.addEventListener('whatsapp', (event) => {
            const message = JSON.parse(event.data);
            this.messages = [...this.messages, withTicks(toBubble(message), message.state)];
        });
        this.eventSource.addEventListener('sms', (event) => {
            this.messages = [...this.messages, toSmsBubble(JSON.parse(event.data))];
        });
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

    get hasWhatsappMessages() {
        return this.whatsappMessages.length > 0;
    }

    get smsMessages() {
        return this.messages.filter((message) => message.isSms);
    }

    get hasSmsMessages() {
        return this.smsMessages.length > 0;
    }

    get caption() {
        const last = this.messages[this.messages.length - 1];
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
