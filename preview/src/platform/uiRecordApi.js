// Stand-in for lightning/uiRecordApi over the preview's fake Contacts (served by the preview server).
// Like Lightning Data Service, getRecord first emits { data: undefined, error: undefined }, then the
// record in the UI API shape with only the requested fields (an unknown required field is an error,
// an unknown optional field is left out).
import { getScenario } from 'preview/scenario';

function qualifiedName(field) {
    return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
}

function fieldNameOf(field) {
    return qualifiedName(field).split('.').slice(1).join('.');
}

function toList(value) {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

function uiApiError(status, statusText, message, errorCode) {
    return { status, statusText, ok: false, body: { errorCode, message } };
}

function toUiRecord(source, fields, optionalFields) {
    const record = { apiName: source.apiName, id: source.id, fields: {}, childRelationships: {} };
    for (const field of [...fields, ...optionalFields]) {
        const name = fieldNameOf(field);
        if (Object.prototype.hasOwnProperty.call(source.fields, name)) {
            record.fields[name] = { value: source.fields[name], displayValue: null };
        } else if (fields.includes(field)) {
            return {
                error: uiApiError(
                    400,
                    'Bad Request',
                    `No such column '${name}' on entity '${source.apiName}'.`,
                    'INVALID_FIELD'
                )
            };
        }
    }
    return { data: record };
}

export class getRecord {
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
        if (!this.connected || !config?.recordId) {
            return;
        }
        const requestNumber = ++this.requestNumber;
        let emitted;
        try {
            const url = `/sim/records/${encodeURIComponent(config.recordId)}?session=${getScenario().session}`;
            const payload = await (await fetch(url)).json();
            if (payload.ok) {
                emitted = toUiRecord(payload.record, toList(config.fields), toList(config.optionalFields));
            } else {
                emitted = {
                    error: uiApiError(
                        payload.status,
                        payload.statusText,
                        'The requested resource does not exist',
                        'NOT_FOUND'
                    )
                };
            }
        } catch (networkError) {
            emitted = { error: uiApiError(0, 'Network Error', networkError.message, 'NETWORK_ERROR') };
        }
        if (this.connected && requestNumber === this.requestNumber) {
            this.dataCallback({ data: emitted.data, error: emitted.error });
        }
    }
}

export function getFieldValue(record, field) {
    return record?.fields?.[fieldNameOf(field)]?.value;
}

export function getFieldDisplayValue(record, field) {
    return record?.fields?.[fieldNameOf(field)]?.displayValue;
}
