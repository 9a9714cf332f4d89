// The preview page: a record page (a Contact, a Case, a Lead…) with the compiled composer, the scenario controls and the customer's
// phone. No decorators (all fields are reactive), so the browser code stays plain JavaScript.
import { LightningElement } from 'lwc';
import { CONTACTS, OUTCOMES, getScenario, startNewSession, updateScenario } from 'preview/scenario';

/** The record page's object label and icon. */
const PAGE_OBJECTS = {
    Contact: { label: 'Contact', icon: 'standard:contact' },
    Account: { label: 'Person Account', icon: 'standard:person_account' },
    Lead: { label: 'Lead', icon: 'standard:lead' },
    Case: { label: 'Case', icon: 'standard:case' },
    MessagingSession: { label: 'Messaging Session', icon: 'standard:messaging_session' }
};

export default class PreviewApp extends LightningElement {
    scenario = getScenario();
    contact = {};
    pageObject = PAGE_OBJECTS.Contact;
    mounts = [];
    mountCount = 0;

    get contactOptions() {
        return CONTACTS.map(({ key, label }) => ({ value: key, label, selected: key === this.scenario.contact }));
    }

    get outcomeOptions() {
        return OUTCOMES.map(({ key, label }) => ({ value: key, label, selected: key === this.scenario.outcome }));
    }

    connectedCallback() {
        this.mountComposer();
    }

    /** A design-attribute or record change re-creates the component, as a page reload in Lightning does. */
    async mountComposer() {
        const records = await (await fetch('/sim/contacts')).json();
        const { id, apiName, fields } = records[this.scenario.contact];
        this.contact = fields;
        this.pageObject = PAGE_OBJECTS[apiName];
        this.mountCount += 1;
        const { title, verify } = this.scenario;
        this.mounts = [{ key: `m${this.mountCount}`, recordId: id, objectApiName: apiName, title, verify }];
    }

    get mobileText() {
        return this.contact.MobilePhone || '—';
    }

    get phoneText() {
        return this.contact.Phone || '—';
    }

    /** A scenario control changed (its data-id names the field); a design attribute or the record re-mounts. */
    handleChange(event) {
        const { type, checked, value, dataset } = event.target;
        const field = dataset.id.replace('scenario-', '');
        this.scenario = updateScenario({ [field]: type === 'checkbox' ? checked : value });
        if (field !== 'outcome' && field !== 'receipts') {
            this.mountComposer();
        }
    }

    handleReset() {
        startNewSession();
        window.location.reload();
    }
}
