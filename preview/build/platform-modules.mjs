// Rollup plugin: resolves the modules the Salesforce platform provides at run time to the preview's
// stand-ins. It runs before @lwc/rollup-plugin, so these ids never reach the LWC module resolver.
//   @salesforce/label/c.X            -> the value from force-app's CustomLabels (build fails on an unknown label, as a deploy would)
//   @salesforce/apex/Class.method    -> a function that calls the simulated controller over HTTP
//   @salesforce/schema/Object.Field  -> { objectApiName, fieldApiName }
//   lightning/<name>                 -> preview/src/platform/<name>.js, for the names in PLATFORM_MODULES
//   @salesforce/i18n/locale          -> 'en-US' (the simulated agent's locale)
// Labels of the base components themselves (@salesforce/label/<Component>.*) are left to the
// LWC resolver, which finds them in lightning-base-components.
import path from 'node:path';
import { readLabels } from '../sim/labels.mjs';
import { labelsFile, previewRoot } from '../sim/paths.mjs';

const platformDir = path.join(previewRoot, 'src', 'platform');
const PREFIX = '\0preview-platform:';

const PLATFORM_MODULES = new Set([
    'uiRecordApi',
    'platformShowToastEvent',
    'uiRelatedListApi',
    'uiObjectInfoApi',
    'actions'
]);

export function platformModules() {
    let labels = new Map();
    return {
        name: 'preview-platform-modules',
        buildStart() {
            this.addWatchFile(labelsFile);
            labels = readLabels();
        },
        resolveId(source) {
            const [, name] = source.match(/^lightning\/(\w+)$/) ?? [];
            if (PLATFORM_MODULES.has(name)) {
                return path.join(platformDir, `${name}.js`);
            }
            if (/^@salesforce\/(label\/c\.|apex\/|schema\/|i18n\/locale$)/.test(source)) {
                return PREFIX + source;
            }
            return null;
        },
        load(id) {
            if (!id.startsWith(PREFIX)) {
                return null;
            }
            const source = id.slice(PREFIX.length);
            if (source === '@salesforce/i18n/locale') {
                return `export default 'en-US';`;
            }
            const [, kind, rest] = source.match(/^@salesforce\/(label|apex|schema)\/(.+)$/);
            if (kind === 'label') {
                const name = rest.slice('c.'.length);
                if (!labels.has(name)) {
                    this.error(`Custom Label ${name} is not in ${path.basename(labelsFile)} (imported as ${source})`);
                }
                return `export default ${JSON.stringify(labels.get(name))};`;
            }
            if (kind === 'apex') {
                const [className, methodName] = rest.split('.');
                const apexModule = JSON.stringify(path.join(platformDir, 'apex.js'));
                return [
                    `import { callApex } from ${apexModule};`,
                    `export default function ${methodName}(params) {`,
                    `    return callApex(${JSON.stringify(className)}, ${JSON.stringify(methodName)}, params);`,
                    '}'
                ].join('\n');
            }
            const [objectApiName, ...fieldPath] = rest.split('.');
            const value = fieldPath.length ? { objectApiName, fieldApiName: fieldPath.join('.') } : { objectApiName };
            return `export default ${JSON.stringify(value)};`;
        }
    };
}
