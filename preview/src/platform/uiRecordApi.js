// Stand-in for lightning/uiRecordApi's getRecord over the preview's Contacts: only the requested fields (an unknown
// required field is an error, an unknown optional one left out).
import { getScenario } from 'preview/scenario';
import { ldsWireAdapter, uiApiError } from './ldsWireAdapter.js';

/** A field's name on its object: `Contact.Phone` (or { objectApiName, fieldApiName }) -> `Phone`. */
function fieldNameOf(field) {
    const qualified = typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
    return qualified.split('.').slice(1).join('.');
}

const toList = (value) => (value === undefined || value === null ? [] : [value].flat());

function toUiRecord(source, fields, optionalFields) {
    const record = { apiName: source.apiName, id: source.id, fields: {}, childRelationships: {} };
    for (const field of [...fields, ...optionalFields]) {
        const name = fieldNameOf(field);
        if (Object.hasOwn(source.fields, name)) {
            record.fields[name] = { value: source.fields[name], displayValue: null };
        } else if (fields.includes(field)) {
            const message = `No such column '${name}' on entity '${source.apiName}'.`;
            return { error: uiApiError(400, 'Bad Request', message, 'INVALID_FIELD') };
        }
    }
    return { data: record };
}

export const getRecord = ldsWireAdapter(async (config) => {
    if (!config.recordId) {
        return undefined;
    }
    const url = `/sim/records/${encodeURIComponent(config.recordId)}?session=${getScenario().session}`;
    const payload = await (await fetch(url)).json();
    if (payload.ok) {
        return toUiRecord(payload.record, toList(config.fields), toList(config.optionalFields));
    }
    return {
        error: uiApiError(payload.status, payload.statusText, 'The requested resource does not exist', 'NOT_FOUND')
    };
});

export function getFieldValue(record, field) {
    return record?.fields?.[fieldNameOf(field)]?.value;
}
