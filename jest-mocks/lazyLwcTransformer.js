// Jest's transform for the LWC sources and tests: @lwc/jest-transformer (sfdx-lwc-jest's), loaded only when a
// file has to be transformed. Jest asks the transformer for every file's cache key before it reads its
// transform cache, and loading @lwc/jest-transformer (with @lwc/compiler and Babel) costs about 0.5 s of CPU;
// on a warm cache (node_modules/.cache/jest) no file needs it.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const transformerPath = require.resolve('@lwc/jest-transformer');

/** The version of an installed package, read from its package.json (not every package exports that file). */
function versionOf(packageName) {
    let dir = path.dirname(require.resolve(packageName, { paths: [path.dirname(transformerPath)] }));
    while (!fs.existsSync(path.join(dir, 'package.json'))) {
        dir = path.dirname(dir);
    }
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

// What @lwc/jest-transformer's own key covers (the Jest config, NODE_ENV, the @lwc/compiler version), plus its
// own version and whether Jest instruments for coverage, so an upgrade of either never reuses a stale entry.
const toolVersions = `@lwc/jest-transformer@${versionOf('@lwc/jest-transformer')} @lwc/compiler@${versionOf('@lwc/compiler')}`;

let transformer;

module.exports = {
    process(sourceText, sourcePath, options) {
        transformer ??= require(transformerPath);
        return transformer.process(sourceText, sourcePath, options);
    },

    getCacheKey(sourceText, sourcePath, options) {
        return crypto
            .createHash('md5')
            .update(toolVersions)
            .update('\0')
            .update(options.configString)
            .update('\0')
            .update(`${process.env.NODE_ENV}\0${options.instrument ? 'instrument' : ''}\0${sourcePath}\0`)
            .update(sourceText)
            .digest('hex');
    }
};
