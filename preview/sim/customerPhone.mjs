// The customer's phone: the WhatsApp messages the simulated 8x8 accepted, per browser tab (session),
// streamed to the page's phone panel with server-sent events. This is the only way a code reaches
// the browser.
export function createCustomerPhone() {
    const inboxes = new Map();

    function inbox(sessionId) {
        if (!inboxes.has(sessionId)) {
            inboxes.set(sessionId, { messages: [], listeners: new Set() });
        }
        return inboxes.get(sessionId);
    }

    function deliver(sessionId, message) {
        const box = inbox(sessionId);
        box.messages.push(message);
        for (const listener of box.listeners) {
            listener(message);
        }
    }

    /** Sends every message so far, then each new one; returns the unsubscribe function. */
    function subscribe(sessionId, listener) {
        const box = inbox(sessionId);
        box.messages.forEach(listener);
        box.listeners.add(listener);
        return () => box.listeners.delete(listener);
    }

    return { deliver, subscribe };
}
