// The preview page's build (rollup, in memory; server.mjs loads this module only when it builds the page): the
// compiled composer from force-app, the real Lightning base components, the preview's own components and, in place
// of what the Salesforce platform provides at run time, the preview's stand-ins:
//   @salesforce/label/c.X            -> the value from force-app's CustomLabels (build fails on an unknown label, as a deploy would)
//   @salesforce/apex/Class.method    -> a function that calls the simulated controller over HTTP
//   lightning/<name>                 -> preview/src/platform/<name>.js, where that file exists
//   @salesforce/i18n/locale          -> 'en-US' (the simulated agent's locale)
// Labels of the base components themselves (@salesforce/label/<Component>.*) are left to the LWC resolver, which
// finds them in lightning-base-components.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';
import { readLabels } from '../sim/labels.mjs';
import { labelsFile, lwcRoot, previewRoot, projectRoot } from '../sim/paths.mjs';

const pageRoot = path.join(previewRoot, 'src');
const platformDir = path.join(pageRoot, 'platform');
const templatesRoot = path.join(projectRoot, 'node_modules', 'lightning-base-components', 'src', 'lightning');
const DEVELOPMENT = { 'import.meta.env.SSR': 'false', 'process.env.NODE_ENV': JSON.stringify('development') };
// The LWC engine and synthetic shadow come compiled, one module each with no imports: the page loads them beside the
// bundle as they are, DEVELOPMENT written in, at /dist/<package name>.js.
const ENGINE = { lwc: '@lwc/engine-dom', '@lwc/synthetic-shadow': '@lwc/synthetic-shadow' };
const engineFile = (name) => `${ENGINE[name].slice('@lwc/'.length)}.js`;
const PREFIX = '\0preview:';
const ICON_LIBRARY = /^lightning\/iconSvgTemplates(Utility|Standard|Action|Doctype|Custom)(Rtl)?$/;
const ICON_LITERAL = /\b(utility|standard|action|doctype|custom):([a-z0-9_]+)\b/g;

/**
 * The base components' icon libraries hold about 2,000 SVG templates per direction, which would dominate the build.
 * The page gets only the icons it can show: every "category:name" literal in force-app's components and the preview's
 * sources. Any other icon logs a console error, which fails the e2e tests, so a missing one cannot go unnoticed.
 */
function iconLibrary(library, icons) {
    const category = library.toLowerCase();
    // The preview is left-to-right: the Rtl libraries get the same (ltr) templates.
    const folder = path.join(templatesRoot, `iconSvgTemplates${library}`, 'buildTemplates', category);
    const names = icons
        .filter((icon) => icon.startsWith(`${category}_`))
        .map((icon) => icon.slice(category.length + 1));
    const chosen = names.filter((name) => fs.existsSync(path.join(folder, `${name}.html`)));
    const imports = chosen.map(
        (name) => `import ${category}_${name} from ${JSON.stringify(path.join(folder, `${name}.html`))};`
    );
    return `${imports.join('\n')}
export default new Proxy({ ${chosen.map((name) => `${category}_${name}`).join(', ')} }, {
    get(target, key) {
        if (typeof key === 'string' && key.startsWith('${category}_') && !(key in target)) {
            console.error(\`preview: icon \${key} is not in the preview's icon subset (preview/build/bundle.mjs)\`);
        }
        return target[key];
    }
});`;
}

function usedIcons() {
    const icons = new Set();
    for (const dir of [lwcRoot, pageRoot]) {
        const files = fs.readdirSync(dir, { recursive: true }).filter((file) => /\.(html|js|ts)$/.test(file));
        for (const file of files) {
            for (const [, category, name] of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(ICON_LITERAL)) {
                icons.add(`${category}_${name}`);
            }
        }
    }
    return [...icons];
}

/** The stand-ins above, as one rollup plugin that runs before @lwc/rollup-plugin, so these ids never reach it. */
function platformModules() {
    let labels = new Map();
    let icons = [];
    return {
        name: 'preview-platform',
        buildStart() {
            this.addWatchFile(labelsFile);
            labels = readLabels();
            icons = usedIcons();
        },
        resolveId(source) {
            const [, name] = source.match(/^lightning\/(\w+)$/) ?? [];
            if (name && fs.existsSync(path.join(platformDir, `${name}.js`))) {
                return path.join(platformDir, `${name}.js`);
            }
            // The base components' native-shadow stylesheets style only a host marked data-render-mode="shadow",
            // which synthetic shadow never marks: each becomes an empty list of stylesheets.
            const virtual = /^@salesforce\/(label\/c\.|apex\/|i18n\/locale$)/.test(source);
            return virtual || ICON_LIBRARY.test(source) || source.endsWith('.lbc.native.css') ? PREFIX + source : null;
        },
        load(id) {
            if (!id.startsWith(PREFIX)) {
                return null;
            }
            const source = id.slice(PREFIX.length);
            if (source.endsWith('.lbc.native.css')) {
                return 'export default [];';
            }
            if (ICON_LIBRARY.test(source)) {
                return iconLibrary(source.match(ICON_LIBRARY)[1], icons);
            }
            if (source === '@salesforce/i18n/locale') {
                return `export default 'en-US';`;
            }
            const [, kind, rest] = source.match(/^@salesforce\/(label|apex)\/(.+)$/);
            if (kind === 'label') {
                const name = rest.slice('c.'.length);
                if (!labels.has(name)) {
                    this.error(`Custom Label ${name} is not in ${path.basename(labelsFile)} (imported as ${source})`);
                }
                return `export default ${JSON.stringify(labels.get(name))};`;
            }
            const [className, methodName] = rest.split('.');
            return `import { callApex } from ${JSON.stringify(path.join(platformDir, 'apex.js'))};
export default function ${methodName}(params) {
    return callApex(${JSON.stringify(className)}, ${JSON.stringify(methodName)}, params);
}`;
        }
    };
}

/**
 * Builds the page. `cache` is rollup's own, handed back on each rebuild of a watching server, so only changed modules
 * compile again. Resolves to { files: Map<fileName, code>, cache }.
 */
export async function buildBundle(cache) {
    const bundles = fs.readdirSync(lwcRoot).filter((name) => fs.existsSync(path.join(lwcRoot, name, `${name}.js`)));
    const bundle = await rollup({
        cache,
        input: path.join(pageRoot, 'main.js'),
        external: Object.keys(ENGINE),
        // Served from this machine only: tree-shaking would cost build time and save nothing that matters here.
        treeshake: false,
        onwarn(warning, warn) {
            // lightning-base-components use `this` at module scope and trip compiler warnings: not ours to fix.
            const file = warning.id ?? warning.loc?.file ?? '';
            if (warning.code !== 'THIS_IS_UNDEFINED' && !/lightning-base-components/.test(file)) {
                warn(warning);
            }
        },
        plugins: [
            platformModules(),
            // Development mode keeps LWC's warnings, which the e2e tests turn into failures (no console error).
            replace({ preventAssignment: true, sourceMap: false, values: DEVELOPMENT }),
            lwc({
                rootDir: path.join(pageRoot, 'modules'),
                // Only a component's own module (name/name.js), template and stylesheet need the LWC compiler; the
                // other modules are plain JavaScript it would only print again.
                exclude: [/\/([^/]+)\/(?!\1\.js$)[^/]+\.js$/],
                modules: [
                    ...bundles.map((name) => ({ name: `c/${name}`, path: path.join(lwcRoot, name, `${name}.js`) })),
                    { dir: path.join(pageRoot, 'modules') },
                    { npm: 'lightning-base-components' }
                ]
            })
        ]
    });
    try {
        const paths = (name) => `/dist/${engineFile(name)}`;
        const { output } = await bundle.generate({ format: 'es', entryFileNames: 'main.js', paths });
        const files = new Map(output.map((item) => [item.fileName, item.code ?? item.source]));
        for (const [name, packageName] of Object.entries(ENGINE)) {
            // The ES module build, the one the package's "module" field names.
            const manifest = fileURLToPath(import.meta.resolve(`${packageName}/package.json`));
            const file = path.join(path.dirname(manifest), JSON.parse(fs.readFileSync(manifest, 'utf8')).module);
            const code = fs.readFileSync(file, 'utf8');
            files.set(engineFile(name), code.replaceAll('process.env.NODE_ENV', DEVELOPMENT['process.env.NODE_ENV']));
        }
        return { files, cache: bundle.cache };
    } finally {
        await bundle.close();
    }
}
