// Zamena organisation page: the review queue of doubtful matches (accept, reject, pick another product)
// and the organisation's audits with downloads. Uses the REST API with the organisation's API key,
// kept in sessionStorage (this tab only). All text from the API goes into the page with textContent.
'use strict';

(() => {
  const el = Zamena.el; // common.js
  const API = 'api/v1/';

  const I18N = {
    ru: {
      title: 'Замена', tagline: 'Аудиты организации и проверка сомнительных сопоставлений', skip: 'К очереди проверки',
      'access.heading': 'Организация', 'access.org': 'Код организации', 'access.key': 'API-ключ',
      'access.hint': 'Ключ хранится только в этой вкладке браузера.', 'access.open': 'Открыть',
      'review.heading': 'Проверка сопоставлений', 'review.count': 'Ждут решения: {n}.', 'review.empty': 'Очередь пуста: все сопоставления решены.',
      'review.occurrences': 'встречается {n} раз', 'review.candidate': 'Кандидат', 'review.score': 'сходство {s}',
      'review.none': 'кандидата нет', 'review.evidence': 'Почему', accept: 'Принять', reject: 'Отклонить', pick: 'Выбрать другой продукт…',
      'pick.label': 'Найти продукт в каталоге', 'pick.search': 'Найти', 'pick.choose': 'Выбрать', 'pick.none': 'Ничего не найдено.',
      'decided.accepted': '«{name}»: принято.', 'decided.rejected': '«{name}»: отклонено, дальше считается не найденным в каталоге.',
      'decided.picked': '«{name}»: выбран продукт {product}.',
      'audits.heading': 'Аудиты', 'audits.id': '№', 'audits.created': 'Создан', 'audits.label': 'Название', 'audits.files': 'Файлы',
      'audits.items': 'Позиций', 'audits.foreign': 'Иностранное', 'audits.download': 'Скачать', 'audits.empty': 'Аудитов пока нет.',
      'audits.count': 'Аудитов: {n}.', catalog: 'Каталог замен', dashboard: 'Панель показателей', api: 'Описание API (OpenAPI)', loading: 'Загрузка…',
      error: 'Ошибка: {detail}', 'download.failed': 'Не удалось скачать: {detail}'
    },
    en: {
      title: 'Zamena', tagline: "An organisation's audits and the review of doubtful matches", skip: 'Skip to the review queue',
      'access.heading': 'Organisation', 'access.org': 'Organisation code', 'access.key': 'API key',
      'access.hint': 'The key is kept in this browser tab only.', 'access.open': 'Open',
      'review.heading': 'Review of matches', 'review.count': '{n} waiting for a decision.', 'review.empty': 'The queue is empty: every match is decided.',
      'review.occurrences': 'seen {n} times', 'review.candidate': 'Candidate', 'review.score': 'similarity {s}',
      'review.none': 'no candidate', 'review.evidence': 'Why', accept: 'Accept', reject: 'Reject', pick: 'Pick another product…',
      'pick.label': 'Find a product in the catalog', 'pick.search': 'Search', 'pick.choose': 'Choose', 'pick.none': 'Nothing found.',
      'decided.accepted': '“{name}”: accepted.', 'decided.rejected': '“{name}”: rejected; it now counts as not in the catalog.',
      'decided.picked': '“{name}”: matched to {product}.',
      'audits.heading': 'Audits', 'audits.id': 'No.', 'audits.created': 'Created', 'audits.label': 'Label', 'audits.files': 'Files',
      'audits.items': 'Items', 'audits.foreign': 'Foreign', 'audits.download': 'Download', 'audits.empty': 'No audits yet.',
      'audits.count': '{n} audits.', catalog: 'Catalog of alternatives', dashboard: 'Dashboard', api: 'API description (OpenAPI)', loading: 'Loading…',
      error: 'Error: {detail}', 'download.failed': 'Download failed: {detail}'
    }
  };

  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem('zamena.lang') === 'ru' || (!localStorage.getItem('zamena.lang') && /^ru\b/i.test(navigator.language || '')) ? 'ru' : 'en';
  const state = { org: sessionStorage.getItem('zamena.org') || '', key: sessionStorage.getItem('zamena.key') || '', queue: null, audits: null };

  const t = (key, vars) => Zamena.text(I18N, lang, key, vars);

  function setLanguage(l) {
    lang = l;
    localStorage.setItem('zamena.lang', l);
    document.documentElement.lang = l;
    document.title = t('title') + ' — ' + t('review.heading');
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === l));
    drawQueue();
    drawAudits();
  }


  function showStatus(id, text, isError) {
    $(id).textContent = text || '';
    $(id).classList.toggle('error', !!isError);
  }

  // ---------------------------------------------------------------- API with the organisation's key

  async function call(method, path, body, accept) {
    const headers = { Accept: accept || 'application/json', Authorization: 'Bearer ' + state.key };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(new URL(API + path, document.baseURI), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) {
      const problem = await res.json().catch(() => null);
      throw new Error(problem && problem.detail ? problem.detail : res.status + ' ' + res.statusText);
    }
    return accept && accept !== 'application/json' ? res.blob() : res.json();
  }

  const orgPath = (rest) => 'orgs/' + encodeURIComponent(state.org) + '/' + rest;

  // ---------------------------------------------------------------- review queue

  async function loadQueue() {
    showStatus('review-status', t('loading'));
    try {
      state.queue = await call('GET', orgPath('review'));
      drawQueue();
    } catch (e) {
      showStatus('review-status', t('error', { detail: e.message }), true);
    }
  }

  function drawQueue() {
    if (!state.queue) return;
    showStatus('review-status', state.queue.length ? t('review.count', { n: state.queue.length }) : t('review.empty'));
    $('review').replaceChildren(...state.queue.map(reviewItem));
  }

  function reviewItem(item) {
    const candidate = item.candidate_id
      ? [el('a', { href: './#/product/' + encodeURIComponent(item.candidate_id) }, item.candidate_name || item.candidate_id),
        ' — ', [item.candidate_vendor, item.candidate_country].filter(Boolean).join(', '), ', ', t('review.score', { s: item.score.toFixed(2) })]
      : [t('review.none')];
    const evidence = el('details', { class: 'evidence' }, el('summary', null, t('review.evidence')),
      el('dl', null, Object.entries(item.evidence).flatMap(([k, v]) => [el('dt', null, k), el('dd', null, typeof v === 'object' ? JSON.stringify(v) : String(v))])));
    const pickBox = el('div', { class: 'pick', hidden: true });
    const li = el('li', { 'data-id': String(item.id) },
      el('div', { class: 'line' }, el('strong', null, item.raw_name), item.publisher ? ' · ' + item.publisher : '',
        el('span', { class: 'meta' }, t('review.occurrences', { n: item.occurrences }))),
      el('p', { class: 'candidate' }, t('review.candidate') + ': ', candidate),
      evidence,
      el('div', { class: 'actions-row' },
        item.candidate_id ? button(t('accept'), () => decide(item, { decision: 'accept' })) : null,
        button(t('reject'), () => decide(item, { decision: 'reject' })),
        button(t('pick'), () => { pickBox.hidden = !pickBox.hidden; if (!pickBox.hidden) pickBox.querySelector('input').focus(); })),
      pickBox);
    pickBox.append(pickForm(item));
    return li;
  }

  function button(label, onClick) {
    const b = el('button', { type: 'button' }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  /** The catalog search, as on the main page, to choose the product a name really is. */
  function pickForm(item) {
    const id = 'pick-' + item.id;
    const input = el('input', { id, type: 'search', maxlength: '200', autocomplete: 'off', value: (item.evidence && item.evidence.cleaned) || item.raw_name });
    const results = el('ul', { 'aria-live': 'polite' });
    const form = el('form', { role: 'search' }, el('div', { class: 'field wide' }, el('label', { for: id }, t('pick.label')), input),
      el('div', { class: 'field actions' }, el('button', { type: 'submit' }, t('pick.search'))), results);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const page = await call('GET', 'products?limit=8&q=' + encodeURIComponent(input.value.trim()));
        results.replaceChildren(...(page.items.length ? page.items.map((p) => el('li', null,
          button(t('pick.choose'), () => decide(item, { decision: 'pick', product_id: p.id }, p.name)), ' ',
          p.name, el('span', { class: 'meta' }, [p.vendor.name, p.vendor.country].filter(Boolean).join(', '))))
          : [el('li', null, t('pick.none'))]));
        const first = results.querySelector('button');
        if (first) first.focus();
      } catch (err) {
        results.replaceChildren(el('li', { class: 'error' }, t('error', { detail: err.message })));
      }
    });
    return form;
  }

  async function decide(item, body, productName) {
    try {
      const decided = await call('POST', orgPath('review/' + item.id), body);
      const index = state.queue.findIndex((q) => q.id === item.id);
      state.queue.splice(index, 1);
      drawQueue();
      showStatus('review-status', t('decided.' + decided.status, { name: item.raw_name, product: productName || decided.product_id })
        + ' ' + (state.queue.length ? t('review.count', { n: state.queue.length }) : t('review.empty')));
      // Keyboard users continue with the next item.
      const next = $('review').children[Math.min(index, state.queue.length - 1)];
      (next ? next.querySelector('button') : $('review-heading')).focus();
    } catch (e) {
      showStatus('review-status', t('error', { detail: e.message }), true);
    }
  }

  // ---------------------------------------------------------------- audits

  async function loadAudits() {
    showStatus('audits-status', t('loading'));
    try {
      state.audits = await call('GET', orgPath('audits'));
      drawAudits();
    } catch (e) {
      showStatus('audits-status', t('error', { detail: e.message }), true);
    }
  }

  function drawAudits() {
    if (!state.audits) return;
    showStatus('audits-status', state.audits.length ? t('audits.count', { n: state.audits.length }) : t('audits.empty'));
    $('audits').tBodies[0].replaceChildren(...state.audits.map((a) => {
      const foreign = a.totals.by_origin && a.totals.by_origin.foreign;
      return el('tr', null,
        el('td', null, String(a.id)),
        el('td', null, new Date(a.created_at).toLocaleString(lang)),
        el('td', null, a.label || ''),
        el('td', null, a.files.map((f) => f.name).join(', ')),
        el('td', null, a.item_count.toLocaleString(lang)),
        el('td', null, foreign ? (foreign.occurrence_share * 100).toFixed(1) + ' %' : ''),
        el('td', null, ['xlsx', 'pdf', 'csv', 'json'].map((f) => download(a.id, f))));
    }));
  }

  const MEDIA = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf', csv: 'text/csv', json: 'application/json' };

  /** Downloads need the key in a header, so they are fetched and handed to the browser as a file. */
  function download(id, format) {
    const b = button(format.toUpperCase(), async () => {
      try {
        const blob = format === 'json'
          ? new Blob([JSON.stringify(await call('GET', orgPath('audits/' + id)), null, 2)], { type: MEDIA.json })
          : await call('GET', orgPath('audits/' + id + '?format=' + format), undefined, MEDIA[format]);
        const url = URL.createObjectURL(blob);
        const a = el('a', { href: url, download: 'audit-' + id + '.' + format });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      } catch (e) {
        showStatus('audits-status', t('download.failed', { detail: e.message }), true);
      }
    });
    b.classList.add('download');
    b.setAttribute('aria-label', format.toUpperCase() + ' ' + t('audits.id') + ' ' + id);
    return b;
  }

  // ---------------------------------------------------------------- start

  function open() {
    $('review-view').hidden = false;
    $('audits-view').hidden = false;
    showStatus('access-status', '');
    loadQueue();
    loadAudits();
  }

  function init() {
    for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
    $('org').value = state.org;
    $('access').addEventListener('submit', (e) => {
      e.preventDefault();
      state.org = $('org').value.trim();
      state.key = $('key').value.trim();
      sessionStorage.setItem('zamena.org', state.org);
      sessionStorage.setItem('zamena.key', state.key);
      open();
      $('review-heading').focus();
    });
    setLanguage(lang);
    if (state.org && state.key) open();
  }

  init();
})();
