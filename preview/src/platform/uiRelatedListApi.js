// Stand-in for lightning/uiRelatedListApi over the simulated org's challenges (served by the preview server at
// /sim/related/<parentId>/<relatedListId>). Like Lightning Data Service, getRelatedListRecords first emits
// { data: undefined, error: undefined }, then { records } in the UI API shape with the requested fields, in the
// requested order (the server sorts by sortBy and cuts to pageSize).
import { getScenario } from 'preview/scenario';

function uiApiError(status, statusText, message, errorCode) {
    return { status, statusText, ok: false, body: { errorCode, message } };
}

export class getRelatedListRecords {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.connected = false;
        this.config = undefined;
        this.requestNumber = 0;
    }

    connect() {
        this.connected = true;
        this.dataCallback({ data: undefined, error: undefined });
        this.load();
    }

    disconnect() {
        this.connected = false;
    }

    update(config) {
        this.config = config;
        this.load();
    }

    async load() {
        const config = this.config;
        if (!this.connected || !config?.parentRecordId || !config.relatedListId) {
            return;
        }
        const requestNumber = ++this.requestNumber;
        let emitted;
        try {
            const query = new URLSearchParams({
                session: getScenario().session,
                fields: (config.fields ?? []).join(','),
                sortBy: (config.sortBy ?? []).join(','),
                pageSize: String(config.pageSize ?? 50)
            });
            const url = `/sim/related/${encodeURIComponent(config.parentRecordId)}/${encodeURIComponent(config.relatedListId)}?${query}`;
            const payload = await (await fetch(url)).json();
            emitted = payload.ok
                ? { data: { records: payload.records, count: payload.records.length } }
                : { error: uiApiError(payload.status, payload.statusText, payload.message, 'INVALID_TYPE') };
        } catch (networkError) {
            emitted = { error: uiApiError(0, 'Network Error', networkError.message, 'NETWORK_ERROR') };
        }
        if (this.connected && requestNumber === this.requestNumber) {
            this.dataCallback({ data: emitted.data, error: emitted.error });
        }
    }
}
