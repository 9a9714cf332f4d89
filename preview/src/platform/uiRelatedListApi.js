// Stand-in for lightning/uiRelatedListApi's getRelatedListRecords over the simulated org's challenges (the server
// sorts by sortBy and cuts to pageSize).
import { getScenario } from 'preview/scenario';
import { ldsWireAdapter, uiApiError } from './ldsWireAdapter.js';

export const getRelatedListRecords = ldsWireAdapter(async (config) => {
    if (!config.parentRecordId || !config.relatedListId) {
        return undefined;
    }
    const query = new URLSearchParams({
        session: getScenario().session,
        fields: (config.fields ?? []).join(','),
        sortBy: (config.sortBy ?? []).join(','),
        pageSize: String(config.pageSize ?? 50)
    });
    const url = `/sim/related/${encodeURIComponent(config.parentRecordId)}/${encodeURIComponent(config.relatedListId)}?${query}`;
    const payload = await (await fetch(url)).json();
    return payload.ok
        ? { data: { records: payload.records, count: payload.records.length } }
        : { error: uiApiError(payload.status, payload.statusText, payload.message, 'INVALID_TYPE') };
});
