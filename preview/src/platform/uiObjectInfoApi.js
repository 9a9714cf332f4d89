// Stand-in for lightning/uiObjectInfoApi's getObjectInfo: the object's label, as an English org names it.
import { LdsWireAdapter } from './ldsWireAdapter.js';

export class getObjectInfo extends LdsWireAdapter {
    isComplete(config) {
        return !!config.objectApiName;
    }

    async fetchEmission({ objectApiName }) {
        return { data: { apiName: objectApiName, label: objectApiName.replace(/([a-z])([A-Z])/g, '$1 $2') } };
    }
}
