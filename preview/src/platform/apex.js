// Stand-in for an imperative `@salesforce/apex/Class.method` call (preview/build/bundle.mjs): the simulated
// controller's result, or a rejection shaped like the platform's ({ body: { message }, status }).
import { getScenario } from 'preview/scenario';

export async function callApex(className, methodName, params) {
    const response = await fetch(`/sim/apex/${className}.${methodName}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ params: params ?? {}, scenario: getScenario() })
    });
    const payload = await response.json();
    if (payload.ok) {
        return payload.result;
    }
    throw payload.error;
}
