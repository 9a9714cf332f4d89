// What the preview's Lightning Data Service stand-ins share (uiRecordApi.js, uiRelatedListApi.js): like LDS, a wire
// adapter first emits { data: undefined, error: undefined }, then one answer per config, and only the answer
// to the newest config of a connected component reaches it.

/** An error in the UI API's shape. */
export function uiApiError(status, statusText, message, errorCode) {
    return { status, statusText, ok: false, body: { errorCode, message } };
}

/** Subclasses give `isComplete(config)` and `fetchEmission(config)`, which resolves to { data } or { error }. */
export class LdsWireAdapter {
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
        if (!this.connected || !config || !this.isComplete(config)) {
            return;
        }
        const requestNumber = ++this.requestNumber;
        let emitted;
        try {
            emitted = await this.fetchEmission(config);
        } catch (networkError) {
            emitted = { error: uiApiError(0, 'Network Error', networkError.message, 'NETWORK_ERROR') };
        }
        if (this.connected && requestNumber === this.requestNumber) {
            this.dataCallback({ data: emitted.data, error: emitted.error });
        }
    }
}
