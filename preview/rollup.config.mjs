// Rollup configuration of the preview page: the compiled composer from force-app, the real Lightning
// base components, the preview's own page components and the simulated platform modules.
import fs from 'node:fs';
import path from 'node:path';
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

export function createRollupOptions() {
    return {
        input: path.join(previewRoot, 'src', 'main.js'),
        preserveEntrySignatures: false,
        // The page is served from this machine: tree-shaking would cost a fifth of the build's CPU to save an eighth
        // of a bundle that never leaves it.
        treeshake: false,
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
                // The bundle has no source map, so none is made for each module.
                sourceMap: false,
                values: {
                    'import.meta.env.SSR': 'false',
                    'process.env.NODE_ENV': JSON.stringify('development')
                }
            }),
            lwc({
                rootDir: path.join(previewRoot, 'src', 'modules'),
                // The engine and synthetic shadow come compiled (dist): the LWC compiler would only print them again.
                exclude: ['**/node_modules/@lwc/**'],
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
        }
    };
}

export default createRollupOptions();
