// Delivery receipts: the state rule (WhatsAppOtpReceiptTransitions, shared WhatsAppOtpReceiptTransitions.json), the
// receipt 8x8 posts, its timeline, and a scheduler on each session's clock.
const RANK = { queued: 1, sent: 2, delivered: 3, read: 4 };
const FINAL_STATES = new Set(['rejected', 'undelivered']);
/** A receipt state (any case) as the picklist value: `Delivered`. */
const picklistValue = (state) => state[0].toUpperCase() + state.slice(1).toLowerCase();

/** WhatsAppOtpReceiptTransitions: forward only; Rejected and Undelivered final, and only after Queued or Sent. */
export function nextState(current, incoming) {
    const to = String(incoming).toLowerCase();
    if (!Object.hasOwn(RANK, to) && !FINAL_STATES.has(to)) {
        // A state 8x8 does not document changes nothing.
        return current;
    }
    if (current === null || current === undefined) {
        return picklistValue(to);
    }
    const from = current.toLowerCase();
    if (FINAL_STATES.has(from)) {
        return current;
    }
    if (FINAL_STATES.has(to)) {
        return RANK[from] <= RANK.sent ? picklistValue(to) : current;
    }
    return RANK[to] > RANK[from] ? picklistValue(to) : current;
}

// WhatsAppOtpReceiptStore.parseTime: yyyy-MM-ddTHH:mm:ss, any fraction, optional Z or +hh:mm / +hhmm offset.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:?\d{2})?$/;

/** Epoch ms, or null; 8x8 writes `2026-01-05T10:15:30.1234567+00:00`: digits past the third dropped, UTC default. */
export function receiptTime(text) {
    const [, wallText, fraction = '', zone = 'Z'] = (typeof text === 'string' && TIMESTAMP.exec(text.trim())) || [];
    const wallClock = wallText ? Date.parse(`${wallText}Z`) : NaN;
    // An impossible date or time (February 30th, 24:00) does not come back as written: refuse it.
    if (Number.isNaN(wallClock) || new Date(wallClock).toISOString().slice(0, 19) !== wallText) {
        return null;
    }
    const offset = zone.toUpperCase().replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    return Date.parse(`${wallText}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`);
}

/** 8x8's receipt for one message (one channel), as posted to dlrCallbackUrl. */
export function receiptEnvelope({ umid, clientMessageId, channel, state, at, errorCode, errorMessage }) {
    const status = { state, timestamp: new Date(at).toISOString() };
    if (errorCode !== undefined) {
        status.errorCode = errorCode;
        status.errorMessage = errorMessage;
        status.detail = errorMessage;
    }
    return {
        namespace: 'ChatApps',
        eventType: 'outbound_message_status_changed',
        description: 'Outbound message status changed',
        payload: { umid, clientMessageId, channel, status }
    };
}

/** Ms after acceptance: each state outlasts at least one of the composer's follow-up calls, so each tick shows. */
export const RECEIPT_TIMELINE_MS = { sent: 1000, delivered: 3000, read: 8000, smsSent: 4000, smsDelivered: 12000 };

/** 8x8's error for a number without WhatsApp, and for a phone that stayed unreachable. INFERRED: codes illustrative. */
export const RECEIPT_ERRORS = {
    notOnWhatsApp: { errorCode: 7004, errorMessage: 'Recipient is not a WhatsApp user' },
    unreachable: { errorCode: 7011, errorMessage: 'Message expired before it could be delivered' },
    // 8x8 "Messaging Apps Delivery Receipt Error Codes": 1031 Template missing (WhatsApp: 132001).
    'language-missing': { errorCode: 1031, errorMessage: 'Template does not exist (WhatsApp: 132001)' }
};

/** The receipts for one accepted message in the scenario's `outcome`: [{ afterMs, channel, state, error? }]. */
export function receiptTimeline(outcome, { smsFallback }) {
    const t = RECEIPT_TIMELINE_MS;
    const step = (afterMs, state, channel = 'WhatsApp', error = undefined) => ({ afterMs, channel, state, error });
    if (outcome === 'not-on-whatsapp') {
        const failed = [step(0, 'queued'), step(t.sent, 'undelivered', 'WhatsApp', RECEIPT_ERRORS.notOnWhatsApp)];
        return smsFallback
            ? [...failed, step(t.smsSent, 'sent', 'SMS'), step(t.smsDelivered, 'delivered', 'SMS')]
            : failed;
    }
    const sent = [step(0, 'queued'), step(t.sent, 'sent')];
    const error = outcome === 'undelivered' ? RECEIPT_ERRORS.unreachable : RECEIPT_ERRORS[outcome];
    return error
        ? [...sent, step(t.delivered, 'undelivered', 'WhatsApp', error)]
        : [...sent, step(t.delivered, 'delivered'), step(t.read, 'read')];
}

/** Runs each job `afterMs` on its session's clock: when real time gets there, or at flush() after a clock move. */
export function createReceiptScheduler({ clock }) {
    const pending = new Map();

    function flush(sessionId) {
        const jobs = pending.get(sessionId) ?? [];
        const now = clock(sessionId);
        const due = jobs.filter((job) => job.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
        const later = jobs.filter((job) => job.dueAt > now);
        pending.set(sessionId, later);
        for (const job of due) {
            clearTimeout(job.timer);
            job.run(job.dueAt);
        }
    }

    let seq = 0;
    function schedule(sessionId, afterMs, run) {
        if (afterMs <= 0) {
            // Due now (8x8's queued state comes with its 200 answer): no timer, so the order is certain.
            run(clock(sessionId));
            return;
        }
        const job = { dueAt: clock(sessionId) + afterMs, run, seq: seq++ };
        pending.set(sessionId, [...(pending.get(sessionId) ?? []), job]);
        job.timer = setTimeout(() => flush(sessionId), afterMs);
        job.timer.unref?.();
    }

    function clear() {
        for (const jobs of pending.values()) {
            jobs.forEach((job) => clearTimeout(job.timer));
        }
        pending.clear();
    }

    return { schedule, flush, clear };
}
