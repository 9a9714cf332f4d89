const templates = {  };
var iconSvgTemplatesCustom = new Proxy(templates, {
    get(target, key) {
        if (typeof key === 'string' && key.startsWith('custom_') && !(key in target)) {
            console.error(`preview: icon ${key} is not in the preview's icon subset (preview/build/icon-subset.mjs)`);
        }
        return target[key];
    }
});

export { iconSvgTemplatesCustom as default };
