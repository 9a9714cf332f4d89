import { r as registerTemplate, p as parseFragment, f as freezeTemplate } from '../main.js';

const $fragment1$6 = parseFragment`<svg${"c0"} focusable="false"${"a0:data-key"} aria-hidden="true" viewBox="0 0 520 520" part="icon"${2}><g${3}><path d="M260 20a240 240 0 100 480 240 240 0 100-480m134 180L241 355c-6 6-16 6-22 0l-84-85c-6-6-6-16 0-22l22-22c6-6 16-6 22 0l44 45a10 10 0 0015 0l112-116c6-6 16-6 22 0l22 22c7 6 7 16 0 23"${3}/></g></svg>`;
function tmpl$6($api, $cmp, $slotset, $ctx) {
  const {ncls: api_normalize_class_name, sp: api_static_part, st: api_static_fragment} = $api;
  return [api_static_fragment($fragment1$6, 1, [api_static_part(0, {
    className: api_normalize_class_name($cmp.computedClass),
    attrs: {
      "data-key": $cmp.name
    }
  }, null)])];
  /*LWC compiler v8.28.2*/
}
var icon0 = registerTemplate(tmpl$6);
tmpl$6.stylesheets = [];
tmpl$6.stylesheetToken = "lwc-3gf47e6p3s9";
tmpl$6.legacyStylesheetToken = "buildTemplates-utility_success";
freezeTemplate(tmpl$6);

const $fragment1$5 = parseFragment`<svg${"c0"} focusable="false"${"a0:data-key"} aria-hidden="true" viewBox="0 0 520 520" part="icon"${2}><g${3}><path d="M260 20C128 20 20 128 20 260s108 240 240 240 240-108 240-240S392 20 260 20M80 260a180 180 0 01284-147L113 364a176 176 0 01-33-104m180 180c-39 0-75-12-104-33l251-251a180 180 0 01-147 284"${3}/></g></svg>`;
function tmpl$5($api, $cmp, $slotset, $ctx) {
  const {ncls: api_normalize_class_name, sp: api_static_part, st: api_static_fragment} = $api;
  return [api_static_fragment($fragment1$5, 1, [api_static_part(0, {
    className: api_normalize_class_name($cmp.computedClass),
    attrs: {
      "data-key": $cmp.name
    }
  }, null)])];
  /*LWC compiler v8.28.2*/
}
var icon1 = registerTemplate(tmpl$5);
tmpl$5.stylesheets = [];
tmpl$5.stylesheetToken = "lwc-3q15fb23nef";
tmpl$5.legacyStylesheetToken = "buildTemplates-utility_error";
freezeTemplate(tmpl$5);

const $fragment1$4 = parseFragment`<svg${"c0"} focusable="false"${"a0:data-key"} aria-hidden="true" viewBox="0 0 520 520" part="icon"${2}><g${3}><path d="M514 425L285 55a28 28 0 00-50 0L6 425c-14 23 0 55 25 55h458c25 0 40-32 25-55m-254-25c-17 0-30-13-30-30s13-30 30-30 30 13 30 30-13 30-30 30m30-90c0 6-4 10-10 10h-40c-6 0-10-4-10-10V180c0-6 4-10 10-10h40c6 0 10 4 10 10z"${3}/></g></svg>`;
function tmpl$4($api, $cmp, $slotset, $ctx) {
  const {ncls: api_normalize_class_name, sp: api_static_part, st: api_static_fragment} = $api;
  return [api_static_fragment($fragment1$4, 1, [api_static_part(0, {
    className: api_normalize_class_name($cmp.computedClass),
    attrs: {
      "data-key": $cmp.name
    }
  }, null)])];
  /*LWC compiler v8.28.2*/
}
var icon2 = registerTemplate(tmpl$4);
tmpl$4.stylesheets = [];
tmpl$4.stylesheetToken = "lwc-31hmj88n6oq";
tmpl$4.legacyStylesheetToken = "buildTemplates-utility_warning";
freezeTemplate(tmpl$4);

const $fragment1$3 = parseFragment`<svg${"c0"} focusable="false"${"a0:data-key"} aria-hidden="true" viewBox="0 0 520 520" part="icon"${2}><g${3}><path d="M260 20a240 240 0 100 480 240 240 0 100-480m0 121c17 0 30 13 30 30s-13 30-30 30-30-13-30-30 13-30 30-30m50 210c0 5-4 9-10 9h-80c-5 0-10-3-10-9v-20c0-5 4-11 10-11 5 0 10-3 10-9v-40c0-5-4-11-10-11-5 0-10-3-10-9v-20c0-5 4-11 10-11h60c5 0 10 5 10 11v80c0 5 4 9 10 9 5 0 10 5 10 11z"${3}/></g></svg>`;
function tmpl$3($api, $cmp, $slotset, $ctx) {
  const {ncls: api_normalize_class_name, sp: api_static_part, st: api_static_fragment} = $api;
  return [api_static_fragment($fragment1$3, 1, [api_static_part(0, {
    className: api_normalize_class_name($cmp.computedClass),
    attrs: {
      "data-key": $cmp.name
    }
  }, null)])];
  /*LWC compiler v8.28.2*/
}
var icon3 = registerTemplate(tmpl$3);
tmpl$3.stylesheets = [];
tmpl$3.stylesheetToken = "lwc-5m82g08hgc7";
tmpl$3.legacyStylesheetToken = "buildTemplates-utility_info";
freezeTemplate(tmpl$3);

const $fragment1$2 = parseFragment`<svg${"c0"} focusable="false"${"a0:data-key"} aria-hidden="true" viewBox="0 0 520 520" part="icon"${2}><g${3}><path d="M310 254l130-131c6-6 6-15 0-21l-20-21c-6-6-15-6-21 0L268 212a10 10 0 01-14 0L123 80c-6-6-15-6-21 0l-21 21c-6 6-6 15 0 21l131 131c4 4 4 10 0 14L80 399c-6 6-6 15 0 21l21 21c6 6 15 6 21 0l131-131a10 10 0 0114 0l131 131c6 6 15 6 21 0l21-21c6-6 6-15 0-21L310 268a10 10 0 010-14"${3}/></g></svg>`;
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
var icon4 = registerTemplate(tmpl$2);
tmpl$2.stylesheets = [];
tmpl$2.stylesheetToken = "lwc-2tqj0800jq7";
tmpl$2.legacyStylesheetToken = "buildTemplates-utility_close";
freezeTemplate(tmpl$2);

const $fragment1$1 = parseFragment`<svg${"c0"} focusable="false"${"a0:data-key"} aria-hidden="true" viewBox="0 0 520 520" part="icon"${2}><g${3}><path d="M191 425L26 259c-6-6-6-16 0-22l22-22c6-6 16-6 22 0l124 125a10 10 0 0015 0L452 95c6-6 16-6 22 0l22 22c6 6 6 16 0 22L213 425c-6 7-16 7-22 0"${3}/></g></svg>`;
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
var icon5 = registerTemplate(tmpl$1);
tmpl$1.stylesheets = [];
tmpl$1.stylesheetToken = "lwc-42d11p52f0f";
tmpl$1.legacyStylesheetToken = "buildTemplates-utility_check";
freezeTemplate(tmpl$1);

const $fragment1 = parseFragment`<svg${"c0"} focusable="false"${"a0:data-key"} aria-hidden="true" viewBox="0 0 520 520" part="icon"${2}><g${3}><path d="M260 40C127 40 21 138 21 259c0 38 11 74 29 106 3 5 4 11 2 17l-31 85c-3 8 5 15 13 13l86-33c5-2 11-1 17 2 36 20 79 32 125 32 131-1 238-99 238-220-1-123-108-221-240-221m-96 256c-3 5-6 10-10 13s-9 6-15 8c-5 2-11 2-17 2a54 54 0 01-41-17l-2-2c-1-1 0-3 2-5l16-15c2-2 4-2 5-1l2 3 8 7c5 3 10 3 16 2l5-2 3-3 1-4c0-4-1-5-2-6a20 20 0 00-9-5l-13-4-14-6c-5-3-8-7-11-11-3-5-5-11-5-19a34 34 0 0115-30c4-3 9-6 15-7 12-3 24-3 36 1 6 2 12 6 15 8l3 2c2 1 1 4-1 6l-15 15c-2 2-5 2-7 0l-4-3c-5-3-12-4-18-3l-4 2-3 3-1 4c0 3 1 4 2 5l9 5 13 4 14 6c5 3 8 7 11 11 3 5 5 11 5 19 0 6-1 12-4 17m166 14c0 6-5 10-11 10h-10c-6 0-9-4-9-10v-59c0-6-8-7-10-2l-17 45c-1 4-5 6-9 6h-7c-4 0-8-3-9-6l-18-45c-2-5-10-4-10 2v59c0 6-5 10-11 10h-10c-6 0-9-4-9-10V200c0-6 4-10 9-10h26c4 0 8 3 9 6l20 52c2 4 8 4 9 0l20-52c1-4 5-6 9-6h27c6 0 11 4 11 10zm105-13c-3 5-6 10-11 13-4 3-9 6-15 8s-11 2-17 2a54 54 0 01-41-17l-2-2c-1-1 0-3 2-5l16-15c2-2 4-2 5-1l2 3 8 7c5 3 11 3 16 2l5-2 3-3 1-4c0-4-1-5-2-6a20 20 0 00-9-5l-13-4-14-6c-5-3-9-7-12-11-3-5-5-11-5-19a34 34 0 0115-30c4-3 10-6 15-7 12-3 24-3 36 1 6 2 12 6 15 9l3 3c2 1 1 4-1 6l-15 15c-2 2-5 2-7 0l-4-3c-5-3-12-4-18-3l-4 2-3 3-1 4c0 3 1 4 2 5l9 5 13 4 14 6c5 3 8 7 12 11 3 5 5 11 5 19 1 3 0 10-3 15"${3}/></g></svg>`;
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
var icon6 = registerTemplate(tmpl);
tmpl.stylesheets = [];
tmpl.stylesheetToken = "lwc-5loj7cfenlb";
tmpl.legacyStylesheetToken = "buildTemplates-utility_sms";
freezeTemplate(tmpl);

const templates = { utility_success: icon0, utility_error: icon1, utility_warning: icon2, utility_info: icon3, utility_close: icon4, utility_check: icon5, utility_sms: icon6 };
var iconSvgTemplatesUtility = new Proxy(templates, {
    get(target, key) {
        if (typeof key === 'string' && key.startsWith('utility_') && !(key in target)) {
            console.error(`preview: icon ${key} is not in the preview's icon subset (preview/build/icon-subset.mjs)`);
        }
        return target[key];
    }
});

export { iconSvgTemplatesUtility as default };
