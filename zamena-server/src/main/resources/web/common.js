// Helpers every page of Zamena shares; loaded (deferred) before the page's own script.
'use strict';

window.Zamena = Object.freeze({
  /** The text for {@code key} in {@code lang} (English, then the key itself, when missing), with {name} placeholders filled. */
  text(dictionaries, lang, key, vars) {
    let s = dictionaries[lang][key] ?? dictionaries.en[key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll('{' + k + '}', String(v));
    return s;
  },


  /**
   * Builds an element: attributes (class → className; null, undefined and false left out; true as an empty
   * attribute) and children (nodes, or anything else as text; null, undefined and '' left out).
   */
  el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== '') e.append(c instanceof Node ? c : String(c));
    return e;
  },
});
