// The scenario the page runs (record, 8x8 outcome, design attributes, timings), read from the URL query so that
// tests and links open one directly.

// The record switcher: the record page the composer sits on (preview/sim/contacts.mjs holds the records).
export const CONTACTS = [
    { key: 'mobile', label: 'Contact: mobile number' },
    { key: 'phone-only', label: 'Contact: phone only (no mobile)' },
    { key: 'no-phone', label: 'Contact: no phone' },
    { key: 'malformed', label: 'Contact: malformed number' },
    { key: 'german', label: 'Contact: language German' },
    { key: 'opted-out', label: 'Contact: opted out of WhatsApp' },
    { key: 'case', label: 'Case' },
    { key: 'case-no-contact', label: 'Case without a contact' },
    { key: 'person-account', label: 'Person Account' },
    { key: 'lead', label: 'Lead' },
    { key: 'converted-lead', label: 'Lead, converted' },
    { key: 'messaging-session', label: 'Messaging Session on WhatsApp' }
];

export const OUTCOMES = [
    { key: 'success', label: 'Success (200)' },
    { key: '401', label: '401 Unauthorized (bad API key)' },
    { key: '400-template', label: '400 Template not found (3038)' },
    { key: '400-number', label: '400 Invalid number (1002)' },
    { key: '400-language', label: '400 Invalid template language (3037): resent in en_US' },
    { key: '429', label: '429 Too many requests' },
    { key: '500', label: '500 Internal server error' },
    { key: 'timeout', label: 'Timeout (no answer)' },
    // Accepted (200); the delivery receipts tell the rest (preview/sim/receipts.mjs).
    { key: 'not-on-whatsapp', label: 'Not on WhatsApp, SMS fallback' },
    { key: 'undelivered', label: 'Undelivered (phone offline, no fallback)' },
    { key: 'language-missing', label: 'Template missing in the language (Meta 132001)' }
];

/** Query names of the page itself; every other query value goes to the simulated org (preview/sim/simulatedOrg.mjs). */
const PAGE_NAMES = ['contact', 'outcome', 'title', 'verify', 'receipts'];

const SESSION_KEY = 'whatsapp-otp-preview-session';

function sessionId() {
    // One simulated org per browser tab: a reload keeps the challenges, a new tab (or test) starts clean.
    let id = window.sessionStorage.getItem(SESSION_KEY);
    if (!id) {
        id = `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
        window.sessionStorage.setItem(SESSION_KEY, id);
    }
    return id;
}

const oneOf = (value, options, fallback) => (options.some((option) => option.key === value) ? value : fallback);

function readScenario() {
    const query = new URLSearchParams(window.location.search);
    const overrides = Object.fromEntries([...query].filter(([name]) => !PAGE_NAMES.includes(name)));
    return {
        contact: oneOf(query.get('contact'), CONTACTS, 'mobile'),
        outcome: oneOf(query.get('outcome'), OUTCOMES, 'success'),
        title: query.get('title') ?? '',
        verify: query.get('verify') !== 'false',
        // Whether the org has the optional receipt endpoint (force-app/receipts): without it, no receipts.
        receipts: query.get('receipts') !== 'off',
        overrides,
        session: sessionId()
    };
}

let current = readScenario();

export function getScenario() {
    return current;
}

/** Updates the scenario and mirrors it into the URL (history.replaceState), so the URL can be shared. */
export function updateScenario(changes) {
    current = { ...current, ...changes };
    const query = new URLSearchParams(window.location.search);
    for (const name of PAGE_NAMES) {
        query.set(name, name === 'receipts' ? (current.receipts ? 'on' : 'off') : String(current[name]));
    }
    window.history.replaceState(null, '', `${window.location.pathname}?${query}`);
    return current;
}

/** Drops this tab's simulated org: the next page load starts with no codes sent. */
export function startNewSession() {
    window.sessionStorage.removeItem(SESSION_KEY);
}
