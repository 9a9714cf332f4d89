// The customer's phone per session, streamed to the page's phone panel: the only way a code reaches the browser.
export function createCustomerPhone() {
    const inboxes = new Map();

    function inbox(sessionId) {
        if (!inboxes.has(sessionId)) {
            inboxes.set(sessionId, { messages: [], listeners: new Set(), statusListeners: new Set() });
        }
        return inboxes.get(sessionId);
    }

    /** Adds `listener` to one of the session's sets; returns the unsubscribe function. */
    const listen = (set, listener) => {
        set.add(listener);
        return () => set.delete(listener);
    };

    function deliver(sessionId, message) {
        const box = inbox(sessionId);
        box.messages.push({ ...message });
        box.listeners.forEach((listener) => listener(message));
    }

    /** A WhatsApp message's new state (sent, delivered, read): its ticks. Kept, so a reload shows them too. */
    function status(sessionId, umid, state) {
        const box = inbox(sessionId);
        const stored = box.messages.find((message) => message.umid === umid);
        if (stored) {
            stored.state = state;
            box.statusListeners.forEach((listener) => listener({ umid, state }));
        }
    }

    return {
        deliver,
        status,
        /** The number the newest WhatsApp code went to: where the customer writes back from. */
        lastMsisdn: (sessionId) => inbox(sessionId).messages.findLast((m) => m.kind === 'whatsapp')?.msisdn,
        /** Sends every message so far (with its current state), then each new one; returns the unsubscribe function. */
        subscribe(sessionId, listener) {
            const box = inbox(sessionId);
            box.messages.forEach((message) => listener({ ...message }));
            return listen(box.listeners, listener);
        },
        /** Each state change from now on; returns the unsubscribe function. */
        subscribeStatus: (sessionId, listener) => listen(inbox(sessionId).statusListeners, listener)
    };
}
