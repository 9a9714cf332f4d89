// Rollup configuration of the preview page: the compiled composer from force-app, the real Lightning
// base components, the preview's own page components and the simulated platform modules.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { iconSubset } from './build/icon-subset.mjs';
import { platformModules } from './build/platform-modules.mjs';
import { distDir, lwcRoot, previewRoot } from './sim/paths.mjs';

/** Every bundle under force-app/core/lwc, as the `c/<name>` module the platform would serve. */
export function forceAppModules() {
    if (!fs.existsSync(lwcRoot)) {
        return [];
    }
    return fs
        .readdirSync(lwcRoot)
        .filter((name) => fs.existsSync(path.join(lwcRoot, name, `${name}.js`)))
        .map((name) => ({ name: `c/${name}`, path: path.join(lwcRoot, name, `${name}.js`) }));
}

const projectRoot = path.resolve(previewRoot, '..');

/**
 * The LWC compiler's transform with its results kept on disk (node_modules/.cache/preview-lwc), so a
 * preview build (e2e, npm start) compiles again only what changed: it is most of a build's time (3.5 s of
 * 4.7 s here, for the 260 modules of the page and the base components). A result is keyed by the module
 * id and its code after the earlier plugins; the folder by package-lock.json, this file and the plugin's
 * options, so an upgrade or a config change starts afresh. The warnings a transform gave
 * are stored with it and given again, so a cached build reports exactly what a fresh one does.
 * `node preview/server.mjs --build-only` with PREVIEW_BUILD_CACHE=off times a cold build.
 */
function cachedTransform(plugin, pluginOptions) {
    if (process.env.PREVIEW_BUILD_CACHE === 'off') {
        return plugin;
    }
    const lock = path.join(projectRoot, 'package-lock.json');
    const salt = crypto
        .createHash('sha256')
        .update(fs.existsSync(lock) ? fs.readFileSync(lock) : '')
        .update(fs.readFileSync(fileURLToPath(import.meta.url)))
        .update(JSON.stringify(pluginOptions))
        .digest('hex')
        .slice(0, 16);
    const cacheRoot = path.join(projectRoot, 'node_modules', '.cache', 'preview-lwc');
    const dir = path.join(cacheRoot, salt);
    const transform = plugin.transform;
    return {
        ...plugin,
        buildStart(...args) {
            // Results of other LWC versions or configs are never read again.
            try {
                for (const old of fs.readdirSync(cacheRoot)) {
                    if (old !== salt) {
                        fs.rmSync(path.join(cacheRoot, old), { recursive: true, force: true });
                    }
                }
            } catch {
                // no cache yet
            }
            return plugin.buildStart?.apply(this, args);
        },
        async transform(code, id) {
            const key = crypto.createHash('sha256').update(id).update('\0').update(code).digest('hex');
            const file = path.join(dir, `${key}.json`);
            try {
                const hit = JSON.parse(fs.readFileSync(file, 'utf8'));
                hit.warnings.forEach((warning) => this.warn(warning));
                return hit.result;
            } catch {
                // not compiled before
            }
            const warnings = [];
            const context = Object.create(this, {
                warn: {
                    value: (warning) => {
                        warnings.push(warning);
                        this.warn(warning);
                    }
                }
            });
            const result = await transform.call(context, code, id);
            try {
                fs.mkdirSync(dir, { recursive: true });
                // Written whole, then renamed: a parallel build never reads half a file.
                fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify({ result: result ?? null, warnings }));
                fs.renameSync(`${file}.${process.pid}`, file);
            } catch {
                // a read-only node_modules only costs the compile next time
            }
            return result;
        }
    };
}

export function createRollupOptions() {
    return {
        input: path.join(previewRoot, 'src', 'main.js'),
        preserveEntrySignatures: false,
        onwarn(warning, warn) {
            // lightning-base-components reference `this` at module scope in a few helpers.
            if (warning.code === 'THIS_IS_UNDEFINED') {
                return;
            }
            // The base components' own templates trip a few compiler warnings; they are not ours to fix.
            if (
                warning.plugin === 'rollup-plugin-lwc-compiler' &&
                /lightning-base-components/.test(warning.id ?? warning.loc?.file ?? '')
            ) {
                return;
            }
            warn(warning);
        },
        plugins: [
            platformModules(),
            iconSubset(),
            // lightning-base-components read these; development mode keeps LWC's warnings, which the e2e
            // tests turn into failures (no console error).
            replace({
                preventAssignment: true,
                values: {
                    'import.meta.env.SSR': 'false',
                    'process.env.NODE_ENV': JSON.stringify('development')
                }
            }),
            lwcPlugin({
                rootDir: path.join(previewRoot, 'src', 'modules'),
                modules: [
                    ...forceAppModules(),
                    { dir: path.join(previewRoot, 'src', 'modules') },
                    { npm: 'lightning-base-components' }
                ]
            }),
            nodeResolve()
        ],
        output: {
            dir: distDir,
            format: 'es',
            entryFileNames: 'main.js',
            chunkFileNames: 'chunks/[name]-[hash].js'
        },
        watch: {
            include: [path.join(previewRoot, 'src', '**'), path.join(lwcRoot, '**')],
            clearScreen: false
        }
    };
}

/** @lwc/rollup-plugin with its transform cached (cachedTransform). */
function lwcPlugin(options) {
    return cachedTransform(lwc(options), options);
}

export default createRollupOptions();
