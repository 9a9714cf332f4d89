// The customer's phone: shows each WhatsApp authentication message the simulated 8x8 accepted, rendered
// from the accepted request body (the code from the body parameter, the security line and the expiry
// footer an AUTHENTICATION template adds, and its Copy code button). The only place a code appears.
import { LightningElement } from 'lwc';
import { getScenario } from 'preview/scenario';

const SECURITY_LINE = 'For your security, do not share this code.';

function expiryLine(minutes) {
    return `This code expires in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
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
        time: new Date(message.receivedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
        copyText: 'Copy code'
    };
}

export default class CustomerPhone extends LightningElement {
    messages = [];
    eventSource;

    connectedCallback() {
        this.eventSource = new EventSource(`/sim/phone/stream?session=${encodeURIComponent(getScenario().session)}`);
        this.eventSource.addEventListener('whatsapp', (event) => {
            this.messages = [...this.messages, toBubble(JSON.parse(event.data))];
        });
    }

    disconnectedCallback() {
        this.eventSource?.close();
    }

    get hasMessages() {
        return this.messages.length > 0;
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
