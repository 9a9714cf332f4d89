// Stand-in for lightning/uiRecordApi's getRecord over the preview's records. The composer asks only for
// optionalFields, as strings (`Contact.Phone`): a field the record lacks is left out, as LDS leaves it.
import { ldsWireAdapter, uiApiError } from './ldsWireAdapter.js';

/** A field's name on its object: `Contact.Phone` -> `Phone`. */
const fieldNameOf = (field) => field.split('.').slice(1).join('.');

export const getRecord = ldsWireAdapter(async ({ recordId, optionalFields = [] }) => {
    if (!recordId) {
        return undefined;
    }
    const payload = await (await fetch(`/sim/records/${encodeURIComponent(recordId)}`)).json();
    if (!payload.ok) {
        const message = 'The requested resource does not exist';
        return { error: uiApiError(payload.status, payload.statusText, message, 'NOT_FOUND') };
    }
    const { apiName, id, fields } = payload.record;
    const names = optionalFields.map(fieldNameOf).filter((name) => Object.hasOwn(fields, name));
    const found = Object.fromEntries(names.map((name) => [name, { value: fields[name], displayValue: null }]));
    return { data: { apiName, id, fields: found, childRelationships: {} } };
});

export function getFieldValue(record, field) {
    return record?.fields?.[fieldNameOf(field)]?.value;
}
