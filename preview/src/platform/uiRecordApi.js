// Stand-in for lightning/uiRecordApi over the preview's fake Contacts (served by the preview server).
// Like Lightning Data Service, getRecord first emits { data: undefined, error: undefined }, then the
// record in the UI API shape with only the requested fields (an unknown required field is an error,
// an unknown optional field is left out).
import { getScenario } from 'preview/scenario';
import { LdsWireAdapter, uiApiError } from './ldsWireAdapter.js';

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

export class getRecord extends LdsWireAdapter {
    isComplete(config) {
        return !!config.recordId;
    }

    async fetchEmission(config) {
        const url = `/sim/records/${encodeURIComponent(config.recordId)}?session=${getScenario().session}`;
        const payload = await (await fetch(url)).json();
        if (payload.ok) {
            return toUiRecord(payload.record, toList(config.fields), toList(config.optionalFields));
        }
        return {
            error: uiApiError(payload.status, payload.statusText, 'The requested resource does not exist', 'NOT_FOUND')
        };
    }
}

export function getFieldValue(record, field) {
    return record?.fields?.[fieldNameOf(field)]?.value;
}

export function getFieldDisplayValue(record, field) {
    return record?.fields?.[fieldNameOf(field)]?.displayValue;
}
