const templates = {  };
var iconSvgTemplatesAction = new Proxy(templates, {
    get(target, key) {
        if (typeof key === 'string' && key.startsWith('action_') && !(key in target)) {
            console.error(`preview: icon ${key} is not in the preview's icon subset (preview/build/icon-subset.mjs)`);
        }
        return target[key];
    }
});

export { iconSvgTemplatesAction as default };
