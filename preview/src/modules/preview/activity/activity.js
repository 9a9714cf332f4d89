// The preview's Activity card: the Contact's Tasks, newest first, as a record page's timeline shows them. It asks
// the server every 1.5 s (the preview has no push channel for Tasks).
import { LightningElement } from 'lwc';
import { getScenario } from 'preview/scenario';

const REFRESH_MS = 1500;

export default class PreviewActivity extends LightningElement {
    recordId;
    tasks = [];
    timer;
    stopped = false;

    async connectedCallback() {
        try {
            const contacts = await (await fetch('/sim/contacts')).json();
            this.recordId = contacts[getScenario().contact]?.id;
        } catch {
            return;
        }
        if (this.stopped) {
            return;
        }
        this.load();
        this.timer = setInterval(() => this.load(), REFRESH_MS);
    }

    disconnectedCallback() {
        this.stopped = true;
        clearInterval(this.timer);
    }

    async load() {
        if (!this.recordId) {
            return;
        }
        try {
            const url = `/sim/tasks/${encodeURIComponent(this.recordId)}?session=${getScenario().session}`;
            const payload = await (await fetch(url)).json();
            this.tasks = (payload.tasks ?? []).map((task, index) => ({
                key: `${task.createdAt}-${index}`,
                subject: task.subject,
                when: new Date(task.createdAt).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })
            }));
        } catch {
            // The page is closing or the server stopped: keep what is shown.
        }
    }
}
