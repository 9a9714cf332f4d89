// Stand-in for lightning/uiObjectInfoApi's getObjectInfo: the object's label, as an English org names it.
import { ldsWireAdapter } from './ldsWireAdapter.js';

export const getObjectInfo = ldsWireAdapter(async ({ objectApiName }) =>
    objectApiName
        ? { data: { apiName: objectApiName, label: objectApiName.replace(/([a-z])([A-Z])/g, '$1 $2') } }
        : undefined
);
