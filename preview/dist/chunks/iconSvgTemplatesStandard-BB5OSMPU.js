import { r as registerTemplate, p as parseFragment, f as freezeTemplate } from '../main.js';

const $fragment1$2 = parseFragment`<svg${"c0"} focusable="false"${"a0:data-key"} aria-hidden="true" viewBox="0 0 100 100" part="icon"${2}><g${3}><path fill-rule="evenodd" d="M50.1 22.4c-16.7 0-29.9 12.2-29.9 27.4 0 4.7 1.4 9.3 3.7 13.3.3.6.4 1.4.3 2.2L20.3 76c-.4 1 .6 1.8 1.7 1.6l10.7-4.1c.6-.3 1.4-.1 2.2.3 4.6 2.5 9.9 4 15.7 4 16.2-.3 29.6-12.6 29.6-27.7 0-15.5-13.5-27.7-30-27.7m14.4 34a132 132 0 00-5-2.4c-.8-.3-1.2-.4-1.7.4a41 41 0 01-2.4 2.8c-.4.5-.8.6-1.6.2s-3-1.1-5.9-3.6a22 22 0 01-4-5.1c-.5-.8-.1-1.2.2-1.5l1.1-1.3c.4-.4.5-.7.8-1.2s.1-1 0-1.3c-.3-.4-1.7-4-2.3-5.4-.6-1.5-1.2-1.3-1.7-1.3h-1.4c-.5 0-1.3.2-2 .9s-2.6 2.5-2.6 6.1 2.7 7.1 3 7.6c.4.5 5.2 7.9 12.6 11a24 24 0 004.2 1.6c1.8.6 3.4.5 4.7.3 1.4-.2 4.3-1.8 5-3.5.6-1.7.6-3.2.4-3.5s-.7-.5-1.4-.8"${3}/></g></svg>`;
function tmpl$2($api, $cmp, $slotset, $ctx) {
  const {ncls: api_normalize_class_name, sp: api_static_part, st: api_static_fragment} = $api;
  return [api_static_fragment($fragment1$2, 1, [api_static_part(0, {
    className: api_normalize_class_name($cmp.computedClass),
    attrs: {
      "data-key": $cmp.name
    }
  }, null)])];
  /*LWC compiler v8.28.2*/
}
var icon0 = registerTemplate(tmpl$2);
tmpl$2.stylesheets = [];
tmpl$2.stylesheetToken = "lwc-n99lo2ekhb";
tmpl$2.legacyStylesheetToken = "buildTemplates-standard_whatsapp";
freezeTemplate(tmpl$2);

const $fragment1$1 = parseFragment`<svg${"c0"} focusable="false"${"a0:data-key"} aria-hidden="true" viewBox="0 0 1000 1000" part="icon"${2}><g${3}><path d="M466 237l-21-21c-6-6-15-6-21 0L292 348l-53-53c-6-6-15-6-21 0l-21 21c-6 6-6 15 0 21l74 74a29 29 0 0042 0l153-153c5-5 5-15 0-21m304 143H510c-11 0-20-9-20-20v-40c0-11 9-20 20-20h260c11 0 20 9 20 20v40c0 11-9 20-20 20m0 180H450c-11 0-20-9-20-20v-40c0-11 9-20 20-20h320c11 0 20 9 20 20v40c0 11-9 20-20 20m-440 0h-40c-11 0-20-9-20-20v-40c0-11 9-20 20-20h40c11 0 20 9 20 20v40c0 11-9 20-20 20m0 180h-40c-11 0-20-9-20-20v-40c0-11 9-20 20-20h40c11 0 20 9 20 20v40c0 11-9 20-20 20m440 0H450c-11 0-20-9-20-20v-40c0-11 9-20 20-20h320c11 0 20 9 20 20v40c0 11-9 20-20 20"${3}/></g></svg>`;
function tmpl$1($api, $cmp, $slotset, $ctx) {
  const {ncls: api_normalize_class_name, sp: api_static_part, st: api_static_fragment} = $api;
  return [api_static_fragment($fragment1$1, 1, [api_static_part(0, {
    className: api_normalize_class_name($cmp.computedClass),
    attrs: {
      "data-key": $cmp.name
    }
  }, null)])];
  /*LWC compiler v8.28.2*/
}
var icon1 = registerTemplate(tmpl$1);
tmpl$1.stylesheets = [];
tmpl$1.stylesheetToken = "lwc-3pfhsb9koq";
tmpl$1.legacyStylesheetToken = "buildTemplates-standard_task";
freezeTemplate(tmpl$1);

const $fragment1 = parseFragment`<svg${"c0"} focusable="false"${"a0:data-key"} aria-hidden="true" viewBox="0 0 1000 1000" part="icon"${2}><g${3}><path d="M740 290H260c-33 0-60 27-60 60v290c0 33 27 60 60 60h480c33 0 60-27 60-60V350c0-33-27-60-60-60M486 630H314c-19 0-34-21-34-41 1-30 32-48 65-63 23-10 26-19 26-29s-6-19-14-26a68 68 0 01-21-50c0-38 23-70 63-70s63 32 63 70c0 20-7 38-21 50-8 7-14 16-14 26s3 19 26 28c33 14 64 34 65 64 2 20-13 41-32 41m234-70c0 11-9 20-20 20h-90c-11 0-20-9-20-20v-30c0-11 9-20 20-20h90c11 0 20 9 20 20zm0-110c0 11-9 20-20 20H550c-11 0-20-9-20-20v-30c0-11 9-20 20-20h150c11 0 20 9 20 20z"${3}/></g></svg>`;
function tmpl($api, $cmp, $slotset, $ctx) {
  const {ncls: api_normalize_class_name, sp: api_static_part, st: api_static_fragment} = $api;
  return [api_static_fragment($fragment1, 1, [api_static_part(0, {
    className: api_normalize_class_name($cmp.computedClass),
    attrs: {
      "data-key": $cmp.name
    }
  }, null)])];
  /*LWC compiler v8.28.2*/
}
var icon2 = registerTemplate(tmpl);
tmpl.stylesheets = [];
tmpl.stylesheetToken = "lwc-31v5ulg409t";
tmpl.legacyStylesheetToken = "buildTemplates-standard_contact";
freezeTemplate(tmpl);

const templates = { standard_whatsapp: icon0, standard_task: icon1, standard_contact: icon2 };
var iconSvgTemplatesStandard = new Proxy(templates, {
    get(target, key) {
        if (typeof key === 'string' && key.startsWith('standard_') && !(key in target)) {
            console.error(`preview: icon ${key} is not in the preview's icon subset (preview/build/icon-subset.mjs)`);
        }
        return target[key];
    }
});

export { iconSvgTemplatesStandard as default };
