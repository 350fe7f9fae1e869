// The procurement check page: paste or upload items, read verdicts with reasons and references in
// Russian or English, view, edit and copy the justification draft (POST api/v1/check); with an
// organisation's API key, its quota report for a year (GET api/v1/orgs/{org}/quotas).
(() => {
  'use strict';
  const el = Zamena.el; // common.js

  const I18N = {
    ru: {
      skip: 'К результатам', title: 'Замена', tagline: 'Проверка позиций закупки: запреты, ограничения, преимущества',
      heading: 'Проверка позиций закупки', 'items.label': 'Позиции (CSV, OCDS JSON или XML ЕИС)',
      'items.hint': 'Заголовок CSV: id,date,law,kii,okpd2,name,origin_country,registry_number,price',
      'file.label': '…или файл', profile: 'Профиль', 'profile.ru': 'Россия', 'profile.eu': 'ЕС (пример)',
      date: 'Проверить на дату', 'date.hint': 'Пусто — дата каждой позиции', law: 'Закон (для OCDS)', 'law.none': 'не указан',
      kii: 'Для значимого объекта КИИ', submit: 'Проверить', example: 'Пример', rejected: 'Не проверены',
      catalog: 'Каталог замен', api: 'Описание API (OpenAPI)', empty: 'Вставьте позиции или выберите файл.',
      checking: 'Проверяем…', counts: 'Позиций: {read}, решено: {decided}, не проверено: {rejected}, с ограничениями: {not_allowed}',
      error: 'Ошибка: {detail}', rules: 'Сработавшие правила', analogues: 'Зарегистрированные российские аналоги',
      noRules: 'Ни одно правило не ограничивает закупку.', draft: 'Проект обоснования (можно править)', copy: 'Копировать',
      copied: 'Скопировано', registry: 'реестр №',
      'v.ALLOWED': 'Разрешено', 'v.PREFERENCE': 'Преимущество отечественным', 'v.RESTRICTED': 'Ограничение',
      'v.JUSTIFICATION_REQUIRED': 'Нужно обоснование', 'v.PROHIBITED': 'Запрещено', notes: 'Основание',
      'q.heading': 'Квоты организации',
      'q.intro': 'Доля российских товаров в закупках организации за год (ПП № 2013) по записанным закупкам. Нужен API-ключ организации.',
      'q.org': 'Код организации', 'q.key': 'API-ключ', 'q.keyHint': 'Ключ хранится только в этой вкладке браузера.', 'q.year': 'Год',
      'q.submit': 'Показать квоты', 'q.position': 'Позиция', 'q.min': 'Минимальная доля', 'q.byCount': 'Доля по количеству',
      'q.byMoney': 'Доля по стоимости', 'q.shortfall': 'Недостаёт', 'q.status': 'Итог', 'q.loading': 'Загружаем…',
      'q.caption': 'Квоты {org} за {year} год', 'q.none': 'Нет квот на этот год.', 'q.items': '{n} поз.', 'q.money': '{n} руб.',
      'q.unverified': 'значение не сверено с постановлением',
      's.MET': 'Выполнена', 's.SHORT': 'Не выполнена', 's.NO_PURCHASES': 'Закупок не было',
    },
    en: {
      skip: 'To the results', title: 'Zamena', tagline: 'Procurement check: bans, restrictions, preferences',
      heading: 'Check procurement items', 'items.label': 'Items (CSV, OCDS JSON or EIS XML)',
      'items.hint': 'CSV header: id,date,law,kii,okpd2,name,origin_country,registry_number,price',
      'file.label': '…or a file', profile: 'Profile', 'profile.ru': 'Russia', 'profile.eu': 'EU (example)',
      date: 'Check as of', 'date.hint': 'Empty: each item\u2019s own date', law: 'Law (for OCDS)', 'law.none': 'not stated',
      kii: 'For a significant KII object', submit: 'Check', example: 'Example', rejected: 'Not checked',
      catalog: 'Replacement catalog', api: 'API description (OpenAPI)', empty: 'Paste items or choose a file.',
      checking: 'Checking…', counts: '{read} items, {decided} decided, {rejected} not checked, {not_allowed} not simply allowed',
      error: 'Error: {detail}', rules: 'Rules that fired', analogues: 'Registered domestic analogues',
      noRules: 'No rule restricts this purchase.', draft: 'Justification draft (editable)', copy: 'Copy',
      copied: 'Copied', registry: 'register No.',
      'v.ALLOWED': 'Allowed', 'v.PREFERENCE': 'Domestic preference', 'v.RESTRICTED': 'Restricted',
      'v.JUSTIFICATION_REQUIRED': 'Justification required', 'v.PROHIBITED': 'Prohibited', notes: 'Basis',
      'q.heading': 'Organisation quotas',
      'q.intro': 'Domestic share of the organisation\u2019s purchases in a year (Decree No. 2013), from its recorded purchases. Needs the organisation\u2019s API key.',
      'q.org': 'Organisation code', 'q.key': 'API key', 'q.keyHint': 'The key is kept in this browser tab only.', 'q.year': 'Year',
      'q.submit': 'Show quotas', 'q.position': 'Position', 'q.min': 'Minimum share', 'q.byCount': 'Share by count',
      'q.byMoney': 'Share by money', 'q.shortfall': 'Shortfall', 'q.status': 'Status', 'q.loading': 'Loading…',
      'q.caption': 'Quotas of {org} for {year}', 'q.none': 'No quotas for this year.', 'q.items': '{n} items', 'q.money': '{n} RUB',
      'q.unverified': 'value not checked against the decree',
      's.MET': 'Met', 's.SHORT': 'Short', 's.NO_PURCHASES': 'No purchases',
    },
  };

  const EXAMPLE = [
    'id,date,law,kii,okpd2,name,origin_country,registry_number,price',
    '1,2024-06-01,44-FZ,false,58.29.12,Microsoft Office 2021,US,,150000',
    '2,2024-06-01,44-FZ,false,58.29.29,Foreign simulation suite,US,,400000',
    '3,2025-02-01,44-FZ,false,26.20.11.110,Ноутбук,CN,,60000',
    '4,2025-02-01,223-FZ,true,58.29.12,Oracle Database,US,,',
  ].join('\n');

  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem('zamena.lang') || ((navigator.language || 'ru').startsWith('ru') ? 'ru' : 'en');
  let last = null; // the last body checked, re-sent when the language changes (reasons come from the server)
  let lastQuota = false; // a quota report is shown: reload it when the language changes (position names)

  const t = (key, vars) => Zamena.text(I18N, lang, key, vars);


  function setLanguage(l) {
    lang = l;
    localStorage.setItem('zamena.lang', l);
    document.documentElement.lang = l;
    for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === l));
    if (last !== null) check(last);
    if (lastQuota) quotas();
  }

  function status(text, isError) {
    $('check-status').textContent = text;
    $('check-status').classList.toggle('error', Boolean(isError));
  }

  async function check(body) {
    last = body;
    const q = new URLSearchParams({ profile: $('check-profile').value, lang, law: $('check-law').value, justification: 'true' });
    if ($('check-date').value) q.set('date', $('check-date').value);
    if ($('check-kii').checked) q.set('kii', 'true');
    status(t('checking'));
    $('check-results').replaceChildren();
    $('check-rejected-block').hidden = true;
    try {
      const res = await fetch('api/v1/check?' + q, { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body });
      const json = await res.json();
      if (!res.ok) throw new Error(json.detail || json.title || res.status);
      draw(json);
    } catch (e) {
      status(t('error', { detail: e.message }), true);
    }
  }

  function draw(json) {
    status(t('counts', json.counts));
    $('check-results').replaceChildren(...json.items.map(item));
    $('check-rejected').replaceChildren(...json.rejected.map((r) => el('li', null, r.error)));
    $('check-rejected-block').hidden = json.rejected.length === 0;
  }

  function item(i) {
    return el('li', { class: 'v-' + i.verdict },
      el('h3', null, i.id + ' — ', el('span', { class: 'verdict' }, t('v.' + i.verdict))),
      i.rules.length === 0 ? el('p', null, t('noRules')) : el('div', null,
        el('h4', null, t('rules')),
        el('ul', { class: 'plain' }, i.rules.map((r) => el('li', null,
          el('code', null, r.id), ' — ', el('span', { class: 'rule-ref' }, r.ref), el('br'), r.reason)))),
      !i.notes ? null : el('p', { class: 'notes' }, el('strong', null, t('notes') + ': '), i.notes.join('; ')),
      i.analogues.length === 0 ? null : el('div', null,
        el('h4', null, t('analogues')),
        el('ul', { class: 'plain' }, i.analogues.map((a) => el('li', null, a.product,
          a.vendor ? ' (' + a.vendor + ')' : '',
          a.registry_numbers.length ? ', ' + t('registry') + ' ' + a.registry_numbers.join(', ') : '')))),
      i.justification ? draft(i) : null);
  }

  function draft(i) {
    const area = el('textarea', { rows: '18', spellcheck: 'true', 'aria-label': t('draft') + ' ' + i.id });
    area.value = i.justification;
    const note = el('span', { role: 'status', 'aria-live': 'polite' });
    const copy = el('button', { type: 'button' }, t('copy'));
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(area.value);
      } catch {
        area.select(); // no clipboard permission: leave the text selected for Ctrl+C
        document.execCommand('copy');
      }
      note.textContent = ' ' + t('copied');
    });
    return el('details', { class: 'draft' }, el('summary', null, t('draft')), area, el('p', null, copy, note));
  }

  // ---------------------------------------------------------------- quota report with the organisation's key
  const pct = (x) => (x === null || x === undefined ? '—' : Number(x).toLocaleString(lang, { maximumFractionDigits: 1 }) + '%');
  const num = (x) => Number(x).toLocaleString(lang, { maximumFractionDigits: 2 });

  async function quotas() {
    const org = $('quota-org').value.trim(), key = $('quota-key').value.trim(), year = $('quota-year').value;
    sessionStorage.setItem('zamena.org', org);
    sessionStorage.setItem('zamena.key', key); // the same tab-only storage as the organisation page
    lastQuota = true;
    $('quota-status').textContent = t('q.loading');
    $('quota-status').classList.remove('error');
    $('quota-table').hidden = true;
    try {
      const q = new URLSearchParams({ year, lang, profile: $('check-profile').value });
      const res = await fetch('api/v1/orgs/' + encodeURIComponent(org) + '/quotas?' + q,
        { headers: { Accept: 'application/json', Authorization: 'Bearer ' + key } });
      const json = await res.json();
      if (!res.ok) throw new Error(json.detail || json.title || res.status);
      drawQuotas(json);
    } catch (e) {
      $('quota-status').textContent = t('error', { detail: e.message });
      $('quota-status').classList.add('error');
    }
  }

  function drawQuotas(json) {
    $('quota-status').textContent = json.quotas.length ? '' : t('q.none');
    $('quota-caption').textContent = t('q.caption', { org: json.org, year: json.year });
    $('quota-rows').replaceChildren(...json.quotas.map((q) => el('tr', null,
      el('th', { scope: 'row' }, q.position + ' — ' + q.name),
      el('td', null, pct(q.min_share_percent), q.unverified ? el('span', { title: t('q.unverified') }, ' *') : null),
      el('td', null, pct(q.share_by_count), ' (' + q.domestic_items + '/' + q.items + ')'),
      el('td', null, pct(q.share_by_amount)),
      el('td', null, q.status === 'SHORT'
        ? t('q.items', { n: q.shortfall_items }) + (q.shortfall_amount > 0 ? ', ' + t('q.money', { n: num(q.shortfall_amount) }) : '')
        : '—'),
      el('td', { class: 'quota-' + q.status }, t('s.' + q.status)))));
    $('quota-table').hidden = false;
  }

  function init() {
    $('quota-org').value = sessionStorage.getItem('zamena.org') || '';
    $('quota-key').value = sessionStorage.getItem('zamena.key') || '';
    $('quota-year').value = String(new Date().getFullYear() - 1);
    $('quota-form').addEventListener('submit', (e) => { e.preventDefault(); quotas(); });
    $('check-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const file = $('check-file').files[0];
      const body = file ? await file.text() : $('check-items').value;
      if (!body.trim()) { status(t('empty'), true); return; }
      check(body);
    });
    $('check-example').addEventListener('click', () => { $('check-items').value = EXAMPLE; $('check-file').value = ''; });
    for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
    setLanguage(lang);
  }

  init();
})();
