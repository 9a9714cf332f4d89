// Rollup plugin: the base components' icon libraries hold ~2,000 SVG templates per direction, which
// dominate the build time and the page weight. The preview serves only the icons its pages can show:
// every "category:name" literal in force-app's components and in the preview's own sources. An icon
// outside that subset logs a console error, which fails the e2e tests, so a missing icon cannot go unnoticed.
import fs from 'node:fs';
import path from 'node:path';
import { lwcRoot, previewRoot, projectRoot } from '../sim/paths.mjs';

const CATEGORIES = ['utility', 'standard', 'action', 'doctype', 'custom'];
const LIBRARY = /^lightning\/iconSvgTemplates(Utility|Standard|Action|Doctype|Custom)(Rtl)?$/;
const PREFIX = '\0preview-icons:';
const ICON_LITERAL = new RegExp(`\\b(${CATEGORIES.join('|')}):([a-z0-9_]+)\\b`, 'g');
const templatesRoot = path.join(projectRoot, 'node_modules', 'lightning-base-components', 'src', 'lightning');

function usedIcons() {
    const icons = new Set();
    for (const dir of [lwcRoot, path.join(previewRoot, 'src')].filter((d) => fs.existsSync(d))) {
        const files = fs.readdirSync(dir, { recursive: true }).filter((file) => /\.(html|js|ts)$/.test(file));
        for (const file of files) {
            for (const [, category, name] of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(ICON_LITERAL)) {
                icons.add(`${category}:${name}`);
            }
        }
    }
    return [...icons];
}

export function iconSubset() {
    let icons = [];
    return {
        name: 'preview-icon-subset',
        buildStart() {
            icons = usedIcons();
        },
        resolveId(source) {
            return LIBRARY.test(source) ? PREFIX + source : null;
        },
        load(id) {
            if (!id.startsWith(PREFIX)) {
                return null;
            }
            const library = id.slice(PREFIX.length).match(LIBRARY)[1];
            const category = library.toLowerCase();
            // The preview is left-to-right: the Rtl libraries get the same (ltr) templates.
            const folder = path.join(templatesRoot, `iconSvgTemplates${library}`, 'buildTemplates', category);
            const chosen = icons
                .filter((icon) => icon.startsWith(`${category}:`))
                .map((icon) => icon.split(':')[1])
                .filter((name) => fs.existsSync(path.join(folder, `${name}.html`)));
            const file = (name) => JSON.stringify(path.join(folder, `${name}.html`));
            const lines = chosen.map((name, index) => `import icon${index} from ${file(name)};`);
            lines.push(
                `const templates = { ${chosen.map((name, index) => `${category}_${name}: icon${index}`).join(', ')} };`,
                'export default new Proxy(templates, {',
                '    get(target, key) {',
                `        if (typeof key === 'string' && key.startsWith('${category}_') && !(key in target)) {`,
                "            console.error(`preview: icon ${key} is not in the preview's icon subset (preview/build/icon-subset.mjs)`);",
                '        }',
                '        return target[key];',
                '    }',
                '});'
            );
            return lines.join('\n');
        }
    };
}
