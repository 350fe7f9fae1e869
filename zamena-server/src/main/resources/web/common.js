// Helpers every page of Zamena shares; loaded (deferred) before the page's own script.
'use strict';

window.Zamena = Object.freeze({
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
