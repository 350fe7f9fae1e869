// Zamena web page: search the catalog, open a product, see what replaces it on your platform.
// Plain JavaScript, no build step; uses only the public REST API under api/v1/.
// All text from the API goes into the page with textContent, never as HTML.
'use strict';

(() => {
  const el = Zamena.el; // common.js
  const API = 'api/v1/';

  const I18N = {
    ru: {
      title: 'Замена', tagline: 'Каталог отечественных и открытых замен иностранного ПО и оборудования',
      skip: 'К результатам', 'search.heading': 'Поиск', 'search.label': 'Название продукта или производителя',
      'search.placeholder': 'например, Microsoft Office или МойОфис', 'search.submit': 'Найти',
      country: 'Страна производителя', 'country.hint': 'Код из двух букв: RU, US, CN…', category: 'Категория', origin: 'Происхождение',
      anyCategory: 'любая', anyOrigin: 'любое', anyOs: 'любая', anyCpu: 'любой',
      'origin.domestic': 'отечественное', 'origin.foreign': 'иностранное', 'origin.open_source': 'открытый код', 'origin.unknown': 'неизвестно',
      more: 'Показать ещё', loading: 'Загрузка…', shown: 'Показано: {n}.', shownMore: 'Показано: {n}, есть ещё.',
      noResults: 'Ничего не найдено. Попробуйте другое написание или уберите фильтры.',
      back: '← К результатам поиска', vendor: 'Производитель', license: 'Лицензия', kind: 'Тип', website: 'Сайт', source: 'Источник',
      registry: 'Записи в реестрах', 'registry.none': 'Нет записей в реестрах.', 'registry.uncertain': 'не сверено с реестром',
      'registry.excluded': 'исключена', 'registry.claim': 'Включён в реестр {r}, номер записи пока неизвестен', 'registry.claimUncertain': ' (не сверено)',
      'reg.ru-software': 'российского ПО', 'reg.ru-industrial': 'российской промышленной продукции', 'reg.eaeu-software': 'евразийского ПО', platforms: 'Платформы', 'platforms.none': 'Нет сведений о совместимости.',
      alternatives: 'Чем заменить', 'alt.os': 'Операционная система', 'alt.cpu': 'Процессор',
      'alt.count': 'Замен: {n}.', 'alt.none': 'Замен в каталоге нет.', 'alt.noneFiltered': 'Нет замен с подтверждённой работой на выбранной платформе.',
      replaces: 'Заменяет', 'fit.full': 'полная замена', 'fit.partial': 'частичная замена',
      'level.certified': 'сертифицировано', 'level.supported': 'поддерживается производителем', 'level.reported': 'по сообщениям',
      'license.proprietary': 'проприетарная', 'license.open_source': 'открытая', 'license.freeware': 'бесплатная', 'license.saas': 'SaaS',
      'kind.software': 'программное обеспечение', 'kind.hardware': 'оборудование', 'kind.service': 'сервис',
      inRegistry: 'в реестре № {n}', stats: 'В каталоге продуктов: {products}, производителей: {vendors}, замен: {alternatives}.',
      api: 'Описание API (OpenAPI)', error: 'Ошибка: {detail}', community: 'сообщество',
      orgPage: 'Аудиты и проверка сопоставлений (для организаций)', checkPage: 'Проверка закупки', dashboardPage: 'Панель показателей (для организаций)'
    },
    en: {
      title: 'Zamena', tagline: 'Catalog of domestic and open-source replacements for foreign software and hardware',
      skip: 'Skip to results', 'search.heading': 'Search', 'search.label': 'Product or vendor name',
      'search.placeholder': 'e.g. Microsoft Office or MyOffice', 'search.submit': 'Search',
      country: 'Vendor country', 'country.hint': 'Two-letter code: RU, US, CN…', category: 'Category', origin: 'Origin',
      anyCategory: 'any', anyOrigin: 'any', anyOs: 'any', anyCpu: 'any',
      'origin.domestic': 'domestic', 'origin.foreign': 'foreign', 'origin.open_source': 'open source', 'origin.unknown': 'unknown',
      more: 'Show more', loading: 'Loading…', shown: 'Showing {n}.', shownMore: 'Showing {n}; there are more.',
      noResults: 'Nothing found. Try another spelling or remove filters.',
      back: '← Back to search results', vendor: 'Vendor', license: 'License', kind: 'Kind', website: 'Website', source: 'Source',
      registry: 'Register entries', 'registry.none': 'No register entries.', 'registry.uncertain': 'not verified against the register',
      'registry.excluded': 'excluded', 'registry.claim': 'Listed in the {r}; entry number not known yet', 'registry.claimUncertain': ' (unverified)',
      'reg.ru-software': 'Russian software register', 'reg.ru-industrial': 'Russian industrial products register', 'reg.eaeu-software': 'Eurasian software register', platforms: 'Platforms', 'platforms.none': 'No compatibility claims.',
      alternatives: 'Alternatives', 'alt.os': 'Operating system', 'alt.cpu': 'CPU',
      'alt.count': '{n} alternatives.', 'alt.none': 'No alternatives in the catalog.', 'alt.noneFiltered': 'No alternative is known to run on the chosen platform.',
      replaces: 'Replaces', 'fit.full': 'full replacement', 'fit.partial': 'partial replacement',
      'level.certified': 'certified', 'level.supported': 'supported by the vendor', 'level.reported': 'reported',
      'license.proprietary': 'proprietary', 'license.open_source': 'open source', 'license.freeware': 'freeware', 'license.saas': 'SaaS',
      'kind.software': 'software', 'kind.hardware': 'hardware', 'kind.service': 'service',
      inRegistry: 'register no. {n}', stats: 'The catalog has {products} products, {vendors} vendors, {alternatives} alternatives.',
      api: 'API description (OpenAPI)', error: 'Error: {detail}', community: 'community',
      orgPage: 'Audits and review of matches (for organisations)', checkPage: 'Procurement check', dashboardPage: 'Dashboard (for organisations)'
    }
  };

  const $ = (id) => document.getElementById(id);
  let lang = initialLanguage();
  let categories = [];
  let platforms = [];
  let stats = null;
  // What is on screen, kept so a language switch can redraw without asking the server again.
  const view = { params: null, items: [], next: null, product: null, alternatives: null, lastOpened: null };
  let requestSeq = 0; // answers to superseded requests are dropped

  // ---------------------------------------------------------------- i18n

  function initialLanguage() {
    const saved = localStorage.getItem('zamena.lang');
    if (saved === 'ru' || saved === 'en') return saved;
    const preferred = navigator.languages || [navigator.language || 'en'];
    for (const l of preferred) {
      if (/^ru\b/i.test(l)) return 'ru';
      if (/^en\b/i.test(l)) return 'en';
    }
    return 'en';
  }

  const t = (key, vars) => Zamena.text(I18N, lang, key, vars);

  function countryName(code) {
    if (!code) return t('community');
    try {
      return new Intl.DisplayNames([lang], { type: 'region' }).of(code) || code;
    } catch (e) {
      return code;
    }
  }

  function setLanguage(l) {
    lang = l;
    localStorage.setItem('zamena.lang', l);
    document.documentElement.lang = l;
    document.title = t('title') + ' — ' + t('alternatives');
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === l));
    fillCategories();
    fillPlatforms();
    fillCountries();
    if (stats) $('stats').textContent = t('stats', stats);
    redraw();
  }

  // ---------------------------------------------------------------- API

  async function api(path, params) {
    const url = new URL(API + path, document.baseURI);
    for (const [k, v] of Object.entries(params || {})) if (v) url.searchParams.set(k, v);
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new Error(body && body.detail ? body.detail : res.status + ' ' + res.statusText);
    return body;
  }

  // ---------------------------------------------------------------- DOM helpers


  /** A source is shown as a link only when it is a web address; anything else stays text. */
  function sourceNode(source) {
    if (!source) return null;
    if (/^https?:\/\//i.test(source)) return el('a', { href: source, rel: 'noopener noreferrer' }, source.replace(/^https?:\/\//i, ''));
    return source;
  }

  function productName(p) {
    const first = lang === 'ru' && p.name_ru ? p.name_ru : p.name;
    const second = first === p.name ? p.name_ru : p.name;
    return second && second !== first ? first + ' (' + second + ')' : first;
  }

  function categoryName(id) {
    const c = categories.find((x) => x.id === id);
    return c ? (lang === 'ru' ? c.name_ru : c.name_en) : id;
  }

  function platformName(id) {
    const p = platforms.find((x) => x.id === id);
    return p ? p.name : id;
  }

  function badge(origin) {
    return el('span', { class: 'badge ' + origin }, t('origin.' + origin));
  }

  function productLink(p) {
    return el('a', { href: '#/product/' + encodeURIComponent(p.id), 'data-id': p.id }, productName(p));
  }

  function summaryLine(p) {
    const parts = [p.vendor.name + ', ' + countryName(p.vendor.country), categoryName(p.category)];
    if (p.registry_numbers.length) parts.push(t('inRegistry', { n: p.registry_numbers.join(', ') }));
    return el('span', { class: 'meta' }, parts.join(' · '));
  }

  function showStatus(id, text, isError) {
    const s = $(id);
    s.textContent = text || '';
    s.classList.toggle('error', !!isError);
  }

  // ---------------------------------------------------------------- filters

  function fillCategories() {
    const select = $('category');
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '' }, t('anyCategory')),
      ...categories.map((c) => el('option', { value: c.id }, lang === 'ru' ? c.name_ru : c.name_en)));
    select.value = chosen;
  }

  function fillPlatforms() {
    for (const kind of ['os', 'cpu']) {
      const select = $(kind);
      const chosen = select.value;
      select.replaceChildren(el('option', { value: '' }, t(kind === 'os' ? 'anyOs' : 'anyCpu')),
        ...platforms.filter((p) => p.kind === kind).map((p) => el('option', { value: p.id }, p.name)));
      select.value = chosen;
    }
  }

  function fillCountries() {
    $('countries').replaceChildren(...['RU', 'BY', 'KZ', 'CN', 'US', 'DE', 'FR', 'GB', 'JP', 'KR', 'IN', 'IL']
      .map((c) => el('option', { value: c }, countryName(c))));
  }

  // ---------------------------------------------------------------- search view

  function searchParamsFromForm() {
    const f = $('search');
    const p = new URLSearchParams();
    for (const name of ['q', 'country', 'category', 'origin']) {
      const v = f.elements[name].value.trim();
      if (v) p.set(name, v);
    }
    return p;
  }

  async function showSearch(params) {
    $('product-view').hidden = true;
    $('search-view').hidden = false;
    const f = $('search');
    for (const name of ['q', 'country', 'category', 'origin']) f.elements[name].value = params.get(name) || '';
    const key = params.toString();
    if (view.params === key) { // back from a product: keep the list, return focus to where the user was
      const link = view.lastOpened && $('results').querySelector('a[data-id="' + CSS.escape(view.lastOpened) + '"]');
      (link || $('q')).focus();
      return;
    }
    view.params = key;
    view.items = [];
    view.next = null;
    await loadPage(Object.fromEntries(params), false);
  }

  async function loadPage(params, appending) {
    const seq = ++requestSeq;
    showStatus('search-status', t('loading'));
    try {
      const page = await api('products', { ...params, cursor: appending ? view.next : null });
      if (seq !== requestSeq) return;
      const firstNew = view.items.length;
      view.items = view.items.concat(page.items);
      view.next = page.next_cursor;
      drawResults();
      if (appending) { // keyboard users continue where the new items start
        const link = $('results').children[firstNew]?.querySelector('a');
        if (link) link.focus();
      }
    } catch (e) {
      if (seq === requestSeq) showStatus('search-status', t('error', { detail: e.message }), true);
    }
  }

  function drawResults() {
    $('results').replaceChildren(...view.items.map((p) =>
      el('li', null, el('div', { class: 'line' }, productLink(p), ' ', badge(p.origin)), summaryLine(p))));
    $('more').hidden = !view.next;
    showStatus('search-status', view.items.length === 0 ? t('noResults')
      : t(view.next ? 'shownMore' : 'shown', { n: view.items.length }));
  }

  // ---------------------------------------------------------------- product view

  async function showProduct(id) {
    $('search-view').hidden = true;
    $('product-view').hidden = false;
    view.lastOpened = id;
    $('back').href = searchHash();
    const seq = ++requestSeq;
    view.product = null;
    view.alternatives = null;
    $('product-title').textContent = t('loading');
    for (const list of ['product-facts', 'product-registry', 'product-platforms', 'alternatives', 'replaces']) $(list).replaceChildren();
    showStatus('product-status', '');
    try {
      const detail = await api('products/' + encodeURIComponent(id));
      if (seq !== requestSeq) return;
      view.product = detail;
      drawProduct();
      $('product-title').focus();
      await loadAlternatives();
    } catch (e) {
      if (seq !== requestSeq) return;
      $('product-title').textContent = '';
      showStatus('product-status', t('error', { detail: e.message }), true);
      $('back').focus();
    }
  }

  function drawProduct() {
    const d = view.product;
    if (!d) return;
    const p = d.product;
    $('product-title').replaceChildren(productName(p), ' ', badge(d.origin));
    const facts = [
      [t('vendor'), d.vendor.name + (d.vendor.name_ru ? ' (' + d.vendor.name_ru + ')' : '') + ', ' + countryName(d.vendor.country)],
      [t('category'), categoryName(p.category)],
      [t('kind'), t('kind.' + p.kind)],
      [t('license'), t('license.' + p.license)],
      [t('website'), sourceNode(p.website)],
      [t('source'), sourceNode(p.source)]
    ].filter(([, v]) => v);
    $('product-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', null, k), el('dd', null, v)]));

    $('product-registry').replaceChildren(...(d.registry_entries.length ? d.registry_entries.map((r) => el('li', null,
      r.registry + ' № ' + r.number + (r.included_on ? ', ' + r.included_on : ''),
      r.status === 'excluded' ? ' — ' + t('registry.excluded') : '',
      r.uncertain ? el('span', { class: 'note' }, ' (' + t('registry.uncertain') + ')') : ''))
      : d.product.registry ? [el('li', null, t('registry.claim', { r: t('reg.' + d.product.registry) }),
        d.product.uncertain.includes('registry') ? el('span', { class: 'note' }, t('registry.claimUncertain')) : '')]
      : [el('li', null, t('registry.none'))]));

    $('product-platforms').replaceChildren(...(d.platforms.length ? d.platforms.map(claimItem) : [el('li', null, t('platforms.none'))]));

    $('replaces-block').hidden = d.replaces.length === 0;
    $('replaces').replaceChildren(...d.replaces.map((r) => el('li', null, productLink(r), ' ', summaryLine(r))));
  }

  function claimItem(c) {
    return el('li', null, platformName(c.platform) + ' — ' + t('level.' + c.level) + (c.detail ? ' (' + c.detail + ')' : ''),
      c.source ? el('span', { class: 'meta' }, ' ', t('source') + ': ', sourceNode(c.source)) : null);
  }

  async function loadAlternatives() {
    const d = view.product;
    if (!d) return;
    const seq = ++requestSeq;
    showStatus('alt-status', t('loading'));
    try {
      const alts = await api('products/' + encodeURIComponent(d.product.id) + '/alternatives', { os: $('os').value, cpu: $('cpu').value });
      if (seq !== requestSeq) return;
      view.alternatives = alts;
      drawAlternatives();
    } catch (e) {
      if (seq === requestSeq) showStatus('alt-status', t('error', { detail: e.message }), true);
    }
  }

  function drawAlternatives() {
    const alts = view.alternatives;
    if (!alts) return;
    const filtered = $('os').value || $('cpu').value;
    showStatus('alt-status', alts.length ? t('alt.count', { n: alts.length }) : t(filtered ? 'alt.noneFiltered' : 'alt.none'));
    $('alternatives').replaceChildren(...alts.map((a) => el('li', null,
      el('div', { class: 'line' }, productLink(a.product), ' ', badge(a.product.origin), ' ',
        el('span', { class: 'fit ' + a.fit }, t('fit.' + a.fit))),
      summaryLine(a.product),
      a.notes ? el('p', { class: 'notes' }, a.notes) : null,
      a.source ? el('p', { class: 'meta' }, t('source') + ': ', sourceNode(a.source)) : null,
      a.platforms.length ? el('ul', { class: 'claims' }, a.platforms.map(claimItem)) : null)));
  }

  function redraw() {
    if (!$('search-view').hidden && view.params !== null) drawResults();
    if (!$('product-view').hidden) { drawProduct(); drawAlternatives(); }
  }

  // ---------------------------------------------------------------- routing: #/?q=... and #/product/<id>

  /** Where "back to results" leads: the last search, with its filters. */
  function searchHash() {
    return '#/?' + (view.params || '');
  }

  function route() {
    const hash = location.hash.replace(/^#/, '') || '/';
    if (hash.startsWith('/product/')) showProduct(decodeURIComponent(hash.slice('/product/'.length)));
    else showSearch(new URLSearchParams(hash.split('?')[1] || ''));
  }

  async function init() {
    $('search').addEventListener('submit', (e) => {
      e.preventDefault();
      const next = '#/?' + searchParamsFromForm().toString();
      if (location.hash === next) { view.params = null; route(); } else location.hash = next;
    });
    $('more').addEventListener('click', () => { if (view.next) loadPage(Object.fromEntries(new URLSearchParams(view.params)), true); });
    $('os').addEventListener('change', loadAlternatives);
    $('cpu').addEventListener('change', loadAlternatives);
    $('alt-filter').addEventListener('submit', (e) => { e.preventDefault(); loadAlternatives(); });
    for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
    document.addEventListener('keydown', (e) => { // Escape leaves a product, "/" jumps to the search box
      if (e.key === 'Escape' && !$('product-view').hidden) location.hash = searchHash();
      else if (e.key === '/' && !['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)) { e.preventDefault(); $('q').focus(); }
    });
    window.addEventListener('hashchange', route);
    setLanguage(lang);
    try {
      [categories, platforms] = await Promise.all([api('categories'), api('platforms')]);
      fillCategories();
      fillPlatforms();
      stats = await api('stats');
      $('stats').textContent = t('stats', stats);
    } catch (e) {
      showStatus('search-status', t('error', { detail: e.message }), true);
    }
    route();
  }

  init();
})();
