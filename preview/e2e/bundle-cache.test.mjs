// The preview bundle's disk cache (preview/build/bundle-cache.mjs): a kept bundle comes back only while
// every input is unchanged, and a new file in a source tree counts as a change.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { readCachedBundle, storeBundle } from '../build/bundle-cache.mjs';

describe('preview bundle cache', () => {
    let dir;
    let options;
    let tree;
    let readFile;
    const files = new Map([['main.js', 'console.log("page");']]);

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-cache-test-'));
        tree = path.join(dir, 'src');
        fs.mkdirSync(path.join(tree, 'c'), { recursive: true });
        fs.writeFileSync(path.join(tree, 'c', 'one.js'), 'export default 1;');
        readFile = path.join(dir, 'node_modules-module.js');
        fs.writeFileSync(readFile, 'export const engine = 1;');
        options = { cacheFile: path.join(dir, 'cache', 'bundle.json'), trees: [tree] };
        storeBundle(files, [readFile, path.join(tree, 'c', 'one.js'), '\0virtual:module'], options);
    });

    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('gives the kept bundle again while no input changed', () => {
        assert.deepEqual(readCachedBundle(options), files);
    });

    it('misses when a file the build read changed', () => {
        fs.writeFileSync(readFile, 'export const engine = 2;');
        assert.equal(readCachedBundle(options), undefined);
    });

    it('misses when a file in a source tree changed', () => {
        fs.writeFileSync(path.join(tree, 'c', 'one.js'), 'export default 2;');
        assert.equal(readCachedBundle(options), undefined);
    });

    it('misses when a file appears in a source tree, though the build never read it', () => {
        fs.writeFileSync(path.join(tree, 'c', 'two.html'), '<template></template>');
        assert.equal(readCachedBundle(options), undefined);
    });

    it('misses when a file the build read is gone', () => {
        fs.rmSync(readFile);
        assert.equal(readCachedBundle(options), undefined);
    });

    it('misses without a kept bundle, and with a damaged one', () => {
        assert.equal(readCachedBundle({ ...options, cacheFile: path.join(dir, 'none.json') }), undefined);
        fs.writeFileSync(options.cacheFile, '{"fixed":');
        assert.equal(readCachedBundle(options), undefined);
    });
});
