// Stand-in for the platform's imperative Apex call. Every `@salesforce/apex/Class.method` import of the
// component becomes a call of this function (see preview/build/platform-modules.mjs). It posts to the
// simulated controller in the preview server, so the component only ever receives what the controller
// returns: the result object, or a rejection shaped like the platform's ({ body: { message }, status }).
import { getScenario } from 'preview/scenario';

export async function callApex(className, methodName, params) {
    const scenario = getScenario();
    let response;
    try {
        response = await fetch(`/sim/apex/${className}.${methodName}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ params: params ?? {}, scenario })
        });
    } catch (networkError) {
        throw {
            status: 0,
            statusText: 'Network Error',
            ok: false,
            body: { message: `Disconnected or Canceled (${networkError.message})` }
        };
    }
    const payload = await response.json();
    if (payload.ok) {
        return payload.result;
    }
    throw payload.error;
}
