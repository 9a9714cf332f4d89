const templates = {  };
var iconSvgTemplatesDoctype = new Proxy(templates, {
    get(target, key) {
        if (typeof key === 'string' && key.startsWith('doctype_') && !(key in target)) {
            console.error(`preview: icon ${key} is not in the preview's icon subset (preview/build/icon-subset.mjs)`);
        }
        return target[key];
    }
});

export { iconSvgTemplatesDoctype as default };
