// What the preview's Lightning Data Service stand-ins share (uiRecordApi.js, uiRelatedListApi.js, uiObjectInfoApi.js):
// like LDS, a wire adapter first emits { data: undefined, error: undefined }, then one answer per config, and only the
// answer to the newest config of a connected component reaches it.

/** An error in the UI API's shape. */
export function uiApiError(status, statusText, message, errorCode) {
    return { status, statusText, ok: false, body: { errorCode, message } };
}

/**
 * A wire adapter class over `fetchEmission(config)`, which resolves to { data } or { error }, or to nothing while
 * the config is incomplete.
 */
export function ldsWireAdapter(fetchEmission) {
    return class {
        connected = false;
        config = undefined;
        requestNumber = 0;

        constructor(dataCallback) {
            this.dataCallback = dataCallback;
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
            if (!this.connected || !this.config) {
                return;
            }
            const requestNumber = ++this.requestNumber;
            let emitted;
            try {
                emitted = await fetchEmission(this.config);
            } catch (networkError) {
                emitted = { error: uiApiError(0, 'Network Error', networkError.message, 'NETWORK_ERROR') };
            }
            if (emitted && this.connected && requestNumber === this.requestNumber) {
                this.dataCallback({ data: emitted.data, error: emitted.error });
            }
        }
    };
}
