// Zamena dashboard: where an organisation stands against its substitution targets, whether it will make
// them in time, what to replace next, and its organisations below. Plain JavaScript, no build step; charts
// by Apache ECharts served from the product itself (vendor/echarts.min.js). Every chart has a data table
// (for screen readers and keyboard users) and a CSV download of the server's rows.
// The API key comes from sign-in or once from the URL fragment (#key=…&org=…, as the demo prints it); it is
// kept in sessionStorage (this tab only) and removed from the URL at once. Text from the API goes into the
// page with textContent, and into chart tooltips escaped.
'use strict';

(() => {
  const el = Zamena.el; // common.js
  const API = 'api/v1/';

  const I18N = {
    ru: {
      title: 'Замена', tagline: 'Цели импортозамещения, прогноз и что заменить дальше', skip: 'К показателям',
      'nav.label': 'Разделы', 'nav.catalog': 'Каталог замен', 'nav.org': 'Аудиты и проверка', 'nav.dashboard': 'Панель показателей',
      api: 'Описание API (OpenAPI)', charts: 'Графики: Apache ECharts',
      'signin.heading': 'Вход для организации', 'signin.org': 'Код организации', 'signin.key': 'API-ключ',
      'signin.hint': 'Ключ хранится только в этой вкладке браузера.', 'signin.open': 'Открыть панель',
      'signin.refused': 'Ключ не подошёл к организации «{org}»: {detail}', signout: 'Выйти', 'crumbs.label': 'Место в структуре',
      basis: 'Считать по', 'basis.count': 'числу продуктов', 'basis.seats': 'числу установок', 'basis.spend': 'затратам на закупки',
      period: 'Год', report: 'Отчёт', 'report.done': 'Отчёт скачан: {file}.', csv: 'Скачать CSV', 'csv.done': 'Файл скачан: {file}.',
      'download.failed': 'Не удалось скачать: {detail}', loading: 'Загрузка…', error: 'Ошибка: {detail}',
      'noaccess': 'Нет доступа к данным этой организации с вашим ключом.',
      'kind.ministry': 'министерство', 'kind.agency': 'ведомство', 'kind.unit': 'подразделение', 'kind.holding': 'холдинг', 'kind.company': 'компания',
      'overview.heading': 'Доля отечественного и прогноз', 'overview.none': 'Показателей пока нет: нужен хотя бы один аудит или закупки.',
      method: 'Как строится прогноз: {m}', 'target': 'Цель: {v} к {y} году', 'target.none': 'Цель не задана', 'target.source': 'откуда цель',
      now: 'в {p} году', 'now.none': 'Данных пока нет',
      'verdict.on_track': 'Успевает', 'verdict.at_risk': 'Под угрозой', 'verdict.will_miss': 'Не успеет',
      'verdict.missBy': 'Не успеет: не хватит {n} п. п.', 'verdict.unknown': 'Прогноза нет',
      'chart.actual': 'Факт', 'chart.forecast': 'Прогноз', 'chart.band': 'Диапазон прогноза', 'chart.target': 'Цель {v}',
      'table.show': 'Таблица с числами', 'table.period': 'Год', 'table.actual': 'Факт', 'table.forecast': 'Прогноз',
      'table.low': 'Нижняя граница', 'table.high': 'Верхняя граница', 'table.target': 'Цель', 'table.n': 'Учтено',
      'table.caption': '{title}: по годам', 'children.heading': 'Подведомственные организации', 'children.org': 'Организация',
      'children.open': 'Открыть панель: {name}', 'breakdown.heading': 'Из чего складывается доля',
      dim: 'Разрез', 'dim.category': 'по категориям', 'dim.country': 'по странам производителей', 'dim.platform': 'по платформам', 'dim.vendor': 'по производителям',
      'breakdown.caption': 'Структура {dim} за {p}', 'breakdown.key': 'Что', 'breakdown.total': 'Всего', 'breakdown.empty': 'Нет данных за этот год.',
      'breakdown.more': 'На графике первые {n} из {all}; все строки — в таблице и в CSV.',
      'origin.domestic': 'отечественное', 'origin.open_source': 'открытый код', 'origin.foreign': 'иностранное', 'origin.unknown': 'не определено',
      'top.heading': 'Иностранные продукты в работе и чем их заменить', 'top.product': 'Продукт', 'top.vendor': 'Производитель',
      'top.seats': 'Установок', 'top.orgs': 'Организаций', 'top.alternatives': 'Чем заменить', 'top.none': 'нет замены в каталоге', 'top.more': 'ещё {n}',
      'top.empty': 'Иностранных продуктов в последнем аудите нет.', 'top.count': 'Продуктов: {n}, установок затронуто: {s}.', registry: 'в реестре',
      'review.heading': 'Проверка сопоставлений', 'review.all': 'Вся очередь и аудиты', 'review.count': 'Ждут решения: {n}.',
      'review.shown': 'Ждут решения: {n}; здесь первые {k}.', 'review.empty': 'Очередь пуста: все сопоставления решены.',
      'review.candidate': 'Кандидат', 'review.none': 'кандидата нет', 'review.score': 'сходство {s}', 'review.occurrences': 'встречается: {n}',
      accept: 'Принять', reject: 'Отклонить', 'decided.accepted': '«{name}»: принято.', 'decided.rejected': '«{name}»: отклонено.',
      'decided.picked': '«{name}»: выбран другой продукт.', 'review.readonly': 'Решать может ключ с правом редактора: {detail}',
      'changes.heading': 'Что изменилось с прошлого аудита', 'changes.one': 'Для сравнения нужно два аудита; пока он один.',
      'changes.none': 'Аудитов пока нет.', 'changes.between': 'Аудит № {a} ({da}) → № {b} ({db}).', 'changes.replaced': 'Заменено',
      'changes.noReplaced': 'Замен между аудитами не найдено.', 'changes.counts': 'Появилось продуктов: {added}, исчезло: {removed}, изменилось число установок: {changed}.',
      'changes.origin': 'Происхождение', 'changes.from': 'Было', 'changes.to': 'Стало', 'changes.delta': 'Изменение',
      'changes.caption': 'Доли по происхождению, аудит № {a} → № {b}', 'changes.item': '{from} → {to} (установок: {n})', 'changes.audit': 'Аудит № {n}',
      'compliance.heading': 'Соблюдение квот в закупках', 'compliance.missing': 'Проверка квот на этом сервере пока не подключена.',
      'compliance.empty': 'Закупок за {p} год нет.', 'compliance.count': 'Строк: {n}.', yes: 'да', no: 'нет', points: 'п. п.'
    },
    en: {
      title: 'Zamena', tagline: 'Substitution targets, the forecast, and what to replace next', skip: 'Skip to the figures',
      'nav.label': 'Pages', 'nav.catalog': 'Catalog of alternatives', 'nav.org': 'Audits and review', 'nav.dashboard': 'Dashboard',
      api: 'API description (OpenAPI)', charts: 'Charts: Apache ECharts',
      'signin.heading': 'Sign in for an organisation', 'signin.org': 'Organisation code', 'signin.key': 'API key',
      'signin.hint': 'The key is kept in this browser tab only.', 'signin.open': 'Open the dashboard',
      'signin.refused': 'The key was not accepted for “{org}”: {detail}', signout: 'Sign out', 'crumbs.label': 'Place in the hierarchy',
      basis: 'Count by', 'basis.count': 'number of products', 'basis.seats': 'number of installations', 'basis.spend': 'purchase spend',
      period: 'Year', report: 'Report', 'report.done': 'Report downloaded: {file}.', csv: 'Download CSV', 'csv.done': 'Downloaded {file}.',
      'download.failed': 'Download failed: {detail}', loading: 'Loading…', error: 'Error: {detail}',
      'noaccess': 'Your key gives no access to this organisation’s data.',
      'kind.ministry': 'ministry', 'kind.agency': 'agency', 'kind.unit': 'unit', 'kind.holding': 'holding', 'kind.company': 'company',
      'overview.heading': 'Domestic share and forecast', 'overview.none': 'No measures yet: they need at least one audit or purchases.',
      method: 'How the forecast is made: {m}', 'target': 'Target: {v} by {y}', 'target.none': 'No target set', 'target.source': 'where it comes from',
      now: 'in {p}', 'now.none': 'No data yet',
      'verdict.on_track': 'On track', 'verdict.at_risk': 'At risk', 'verdict.will_miss': 'Will miss',
      'verdict.missBy': 'Will miss by {n} points', 'verdict.unknown': 'No forecast',
      'chart.actual': 'Actual', 'chart.forecast': 'Forecast', 'chart.band': 'Forecast range', 'chart.target': 'Target {v}',
      'table.show': 'Table of the numbers', 'table.period': 'Year', 'table.actual': 'Actual', 'table.forecast': 'Forecast',
      'table.low': 'Low', 'table.high': 'High', 'table.target': 'Target', 'table.n': 'Counted',
      'table.caption': '{title}: by year', 'children.heading': 'Organisations below', 'children.org': 'Organisation',
      'children.open': 'Open the dashboard of {name}', 'breakdown.heading': 'What the share is made of',
      dim: 'Breakdown', 'dim.category': 'by category', 'dim.country': 'by vendor country', 'dim.platform': 'by platform', 'dim.vendor': 'by vendor',
      'breakdown.caption': 'Breakdown {dim}, {p}', 'breakdown.key': 'What', 'breakdown.total': 'Total', 'breakdown.empty': 'No data for this year.',
      'breakdown.more': 'The chart shows the first {n} of {all}; the table and the CSV have every row.',
      'origin.domestic': 'domestic', 'origin.open_source': 'open source', 'origin.foreign': 'foreign', 'origin.unknown': 'undetermined',
      'top.heading': 'Foreign products in use and what replaces them', 'top.product': 'Product', 'top.vendor': 'Vendor',
      'top.seats': 'Installations', 'top.orgs': 'Organisations', 'top.alternatives': 'Alternatives', 'top.none': 'no alternative in the catalog', 'top.more': '{n} more',
      'top.empty': 'No foreign products in the latest audit.', 'top.count': '{n} products, {s} installations affected.', registry: 'in the register',
      'review.heading': 'Review of matches', 'review.all': 'The whole queue and the audits', 'review.count': '{n} waiting for a decision.',
      'review.shown': '{n} waiting for a decision; the first {k} here.', 'review.empty': 'The queue is empty: every match is decided.',
      'review.candidate': 'Candidate', 'review.none': 'no candidate', 'review.score': 'similarity {s}', 'review.occurrences': 'occurrences: {n}',
      accept: 'Accept', reject: 'Reject', 'decided.accepted': '“{name}”: accepted.', 'decided.rejected': '“{name}”: rejected.',
      'decided.picked': '“{name}”: another product picked.', 'review.readonly': 'Deciding needs an editor’s key: {detail}',
      'changes.heading': 'What changed since the previous audit', 'changes.one': 'A comparison needs two audits; there is one so far.',
      'changes.none': 'No audits yet.', 'changes.between': 'Audit no. {a} ({da}) → no. {b} ({db}).', 'changes.replaced': 'Replaced',
      'changes.noReplaced': 'No replacements found between the audits.', 'changes.counts': 'Products added: {added}, gone: {removed}, with a changed number of installations: {changed}.',
      'changes.origin': 'Origin', 'changes.from': 'Before', 'changes.to': 'After', 'changes.delta': 'Change',
      'changes.caption': 'Shares by origin, audit no. {a} → no. {b}', 'changes.item': '{from} → {to} (installations: {n})', 'changes.audit': 'Audit no. {n}',
      'compliance.heading': 'Quota compliance in purchases', 'compliance.missing': 'Quota checks are not available on this server yet.',
      'compliance.empty': 'No purchases in {p}.', 'compliance.count': '{n} rows.', yes: 'yes', no: 'no', points: 'points'
    }
  };

  const ORIGINS = ['domestic', 'open_source', 'foreign', 'unknown'];
  const REVIEW_SHOWN = 8;
  const BREAKDOWN_BARS = 12;
  const ALTERNATIVES_SHOWN = 3;
  const MEDIA = { csv: 'text/csv', pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem('zamena.lang') === 'ru' || (!localStorage.getItem('zamena.lang') && /^ru\b/i.test(navigator.language || '')) ? 'ru' : 'en';
  // The signed-in organisation (the key's) and the one on screen (itself or one below it).
  const state = { top: '', key: '', org: '', tree: null, basis: 'count', period: '', dim: 'category' };
  // What is on screen, kept so a language switch redraws without asking the server again.
  const data = { measures: null, breakdown: null, top: null, review: null, audits: null, diff: null, quotas: null };
  const charts = new Map(); // element id -> ECharts instance
  let loadSeq = 0; // answers for an organisation no longer on screen are dropped

  // ---------------------------------------------------------------- text and numbers

  const t = (key, vars) => Zamena.text(I18N, lang, key, vars);

  const pct = (v) => v === null || v === undefined ? '—'
    : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const num = (v) => v === null || v === undefined ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(v);
  const signedPoints = (v) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v * 100) + ' ' + t('points');
  const local = (text) => text && typeof text === 'object' ? (text[lang] ?? text.en ?? text.ru ?? '') : (text ?? '');
  const date = (iso) => iso ? new Date(iso).toLocaleDateString(lang) : '';

  function countryName(code) {
    if (!code) return '—';
    try {
      return new Intl.DisplayNames([lang], { type: 'region' }).of(code) || code;
    } catch (e) {
      return code;
    }
  }

  function verdictText(forecast) {
    if (!forecast || !forecast.verdict) return t('verdict.unknown');
    if (forecast.verdict === 'will_miss' && forecast.miss_by_points !== null && forecast.miss_by_points !== undefined) {
      return t('verdict.missBy', { n: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(forecast.miss_by_points) });
    }
    return t('verdict.' + forecast.verdict);
  }

  function setLanguage(l) {
    lang = l;
    localStorage.setItem('zamena.lang', l);
    document.documentElement.lang = l;
    document.title = t('title') + ' — ' + t('nav.dashboard');
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-aria]')) e.setAttribute('aria-label', t(e.dataset.i18nAria));
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === l));
    drawAll();
  }

  // ---------------------------------------------------------------- DOM helpers


  function button(label, onClick, cls) {
    const b = el('button', { type: 'button', class: cls }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  function showStatus(id, text, isError) {
    $(id).textContent = text || '';
    $(id).classList.toggle('error', !!isError);
  }

  /** A table: a caption for screen readers, one header row, and rows of cells (strings or nodes; numbers right-aligned). */
  function fillTable(table, caption, headers, rows) {
    if (table.caption && caption !== null) table.caption.textContent = caption;
    table.tHead.replaceChildren(el('tr', null, headers.map((h) => el('th', { scope: 'col', class: h.num ? 'num' : null }, h.label ?? h))));
    table.tBodies[0].replaceChildren(...rows.map((cells) => el('tr', null, cells.map((c, i) =>
      i === 0 ? el('th', { scope: 'row' }, c) : el('td', { class: headers[i].num ? 'num' : null }, c)))));
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  }

  // ---------------------------------------------------------------- API with the key

  class HttpError extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
    }
  }

  async function call(method, path, body, accept) {
    const headers = { Accept: accept || 'application/json', Authorization: 'Bearer ' + state.key };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(new URL(API + path, document.baseURI), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) {
      const problem = await res.json().catch(() => null);
      throw new HttpError(res.status, problem && problem.detail ? problem.detail : res.status + ' ' + res.statusText);
    }
    return accept && accept !== 'application/json' ? res.blob() : res.json();
  }

  const orgPath = (org, rest) => 'orgs/' + encodeURIComponent(org) + '/' + rest;
  const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== null && v !== undefined)).toString();
  const failure = (e) => e instanceof HttpError && e.status === 403 ? t('noaccess') : t('error', { detail: e.message });

  function save(blob, file) {
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: file });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** Downloads need the key in a header, so they are fetched and handed to the browser as a real file. */
  async function download(path, format, file, statusId) {
    try {
      save(await call('GET', path, undefined, MEDIA[format]), file);
      showStatus(statusId, t(format === 'csv' ? 'csv.done' : 'report.done', { file }));
    } catch (e) {
      showStatus(statusId, t('download.failed', { detail: e.message }), true);
    }
  }

  /** The table of the organisations below is part of the measures answer: its CSV is made here, as the server writes CSV (BOM, header row). */
  function childrenCsv() {
    const table = $('children');
    const quote = (s) => /[",\n\r]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
    const lines = [...table.rows].map((tr) => [...tr.cells].map((c) => quote(c.textContent.trim())).join(','));
    return new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  }

  /** The server's CSV of what each chart or table shows. */
  const CSV = {
    measures: () => orgPath(state.org, 'measures?' + query({ basis: state.basis, format: 'csv' })),
    breakdown: () => orgPath(state.org, 'breakdown?' + query({ dim: state.dim, period: state.period, basis: state.basis, format: 'csv' })),
    top: () => orgPath(state.org, 'top-foreign?' + query({ limit: 20, period: state.period, format: 'csv' })),
    changes: () => data.diff && orgPath(state.org, 'audits/' + data.diff.from_audit + '/diff/' + data.diff.to_audit + '?format=csv'),
    compliance: () => orgPath(state.org, 'quotas?' + query({ year: state.period, format: 'csv' }))
  };

  function csvFile(what) {
    return [state.org, what, what === 'breakdown' ? state.dim : '', ['measures', 'children', 'breakdown'].includes(what) ? state.basis : '',
      ['measures', 'children', 'changes'].includes(what) ? '' : state.period].filter(Boolean).join('-') + '.csv';
  }

  // ---------------------------------------------------------------- charts

  const palette = () => {
    const css = getComputedStyle(document.documentElement);
    const v = (name) => css.getPropertyValue(name).trim();
    return { fg: v('--fg'), muted: v('--muted'), line: v('--line'), accent: v('--accent'), domestic: v('--domestic'),
      open_source: v('--open'), foreign: v('--foreign'), unknown: v('--unknown'), target: v('--focus') };
  };

  /** Draws or redraws a chart; without ECharts (a stripped build) the data tables are opened instead. */
  function chart(id, option) {
    const box = $(id);
    if (typeof echarts === 'undefined') {
      box.hidden = true;
      for (const d of box.parentElement.querySelectorAll('details.data-table')) d.open = true;
      return;
    }
    let c = charts.get(id);
    if (!c || c.isDisposed()) {
      c = echarts.init(box, null, { renderer: 'canvas' });
      charts.set(id, c);
    }
    const p = palette();
    c.setOption({ animation: false, textStyle: { color: p.fg, fontFamily: 'system-ui, sans-serif' }, ...option }, true);
  }

  function disposeCharts(prefix) {
    for (const [id, c] of charts) if (id.startsWith(prefix)) { c.dispose(); charts.delete(id); }
  }

  const percentAxis = (p) => ({ type: 'value', min: 0, max: 1, axisLabel: { formatter: (v) => pct(v), color: p.muted },
    splitLine: { lineStyle: { color: p.line } } });

  /** Share over time: the actual series, the forecast from the last actual point on with its band, and the target line. */
  function measureOption(m) {
    const p = palette();
    const series = m.series || [];
    const points = (m.forecast && m.forecast.points) || [];
    const periods = [...new Set([...series.map((s) => String(s.period)), ...points.map((f) => String(f.period)),
      ...(m.target ? [String(m.target.year)] : [])])].sort();
    const actual = new Map(series.map((s) => [String(s.period), s.value]));
    const forecast = new Map(points.map((f) => [String(f.period), f]));
    const last = series.length ? series[series.length - 1] : null;
    const joined = (period, pick) => last && String(last.period) === period ? (pick === 'band' ? 0 : last.value)
      : forecast.has(period) ? (pick === 'band' ? forecast.get(period).high - forecast.get(period).low : forecast.get(period)[pick]) : null;
    const tooltip = (params) => {
      const period = params[0].axisValue;
      const f = forecast.get(period);
      const lines = [esc(period)];
      if (actual.has(period)) lines.push(esc(t('chart.actual')) + ': ' + esc(pct(actual.get(period))));
      if (f) lines.push(esc(t('chart.forecast')) + ': ' + esc(pct(f.value)) + ' (' + esc(pct(f.low)) + ' – ' + esc(pct(f.high)) + ')');
      if (m.target) lines.push(esc(t('table.target')) + ': ' + esc(pct(m.target.value)));
      return lines.join('<br>');
    };
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 4, containLabel: true },
      legend: { top: 0, textStyle: { color: p.fg }, data: [t('chart.actual'), t('chart.forecast'), t('chart.band')] },
      tooltip: { trigger: 'axis', formatter: tooltip },
      xAxis: { type: 'category', data: periods, boundaryGap: false, axisLabel: { color: p.muted }, axisLine: { lineStyle: { color: p.line } } },
      yAxis: percentAxis(p),
      series: [
        { name: t('chart.actual'), type: 'line', data: periods.map((x) => actual.get(x) ?? null), color: p.domestic,
          lineStyle: { width: 3 }, symbolSize: 8,
          markLine: m.target ? { symbol: 'none', silent: true, lineStyle: { color: p.target, type: 'dashed', width: 2 },
            label: { formatter: t('chart.target', { v: pct(m.target.value) }), position: 'insideStartTop', color: p.fg },
            data: [{ yAxis: m.target.value }] } : undefined },
        { name: 'low', type: 'line', data: periods.map((x) => joined(x, 'low')), stack: 'band', symbol: 'none',
          lineStyle: { opacity: 0 }, silent: true },
        { name: t('chart.band'), type: 'line', data: periods.map((x) => joined(x, 'band')), stack: 'band', symbol: 'none', color: p.accent,
          lineStyle: { opacity: 0 }, areaStyle: { color: p.accent, opacity: 0.18 }, silent: true },
        { name: t('chart.forecast'), type: 'line', data: periods.map((x) => joined(x, 'value')), color: p.accent,
          lineStyle: { type: 'dashed', width: 2 }, symbolSize: 6 }
      ]
    };
  }

  function stackedBars(categories, rows, valueOf, horizontal) {
    const p = palette();
    const catAxis = { type: 'category', data: categories, inverse: horizontal, axisLabel: { color: p.fg, width: 150, overflow: 'truncate' } };
    const valAxis = { type: 'value', axisLabel: { color: p.muted }, splitLine: { lineStyle: { color: p.line } } };
    return {
      grid: { left: 8, right: 24, top: 36, bottom: 4, containLabel: true },
      legend: { top: 0, textStyle: { color: p.fg } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (params) => [esc(params[0].axisValue), ...params.map((x) => esc(x.seriesName) + ': ' + esc(x.value === null ? '—' : x.data.label))].join('<br>') },
      xAxis: horizontal ? valAxis : catAxis,
      yAxis: horizontal ? catAxis : valAxis,
      series: ORIGINS.map((o) => ({ name: t('origin.' + o), type: 'bar', stack: 'all', color: p[o], barMaxWidth: 28,
        data: rows.map((r) => valueOf(r, o)) }))
    };
  }

  // ---------------------------------------------------------------- overview: measures and the organisations below

  function drawMeasures() {
    const d = data.measures;
    const box = $('measures');
    disposeCharts('chart-m-');
    box.replaceChildren();
    if (!d) return;
    const measures = d.measures || [];
    const method = measures.map((m) => m.forecast && (m.forecast.method_text || m.forecast.method)).find(Boolean);
    $('method').textContent = method ? t('method', { m: local(method) }) : '';
    if (!measures.length) {
      box.append(el('p', { class: 'note' }, t('overview.none')));
      return;
    }
    for (const m of measures) box.append(measureCard(m));
    for (const m of measures) if (m.series && m.series.length) chart('chart-m-' + m.id, measureOption(m));
  }

  function measureCard(m) {
    const title = local(m.title) || m.id;
    const last = m.series && m.series.length ? m.series[m.series.length - 1] : null;
    const verdict = m.forecast && m.forecast.verdict;
    const rows = tableRowsOf(m);
    const headingId = 'h-m-' + m.id;
    return el('article', { class: 'card', 'aria-labelledby': headingId, 'data-measure': m.id },
      el('h3', { id: headingId }, title),
      el('p', { class: last ? 'figure' : 'figure none' }, el('strong', null, last ? pct(last.value) : t('now.none')),
        last ? el('span', { class: 'meta' }, t('now', { p: last.period })) : null),
      el('p', { class: 'target' }, m.target ? t('target', { v: pct(m.target.value), y: m.target.year }) : t('target.none'),
        m.target && m.target.source ? el('details', { class: 'source' }, el('summary', null, t('target.source')), m.target.source) : null),
      el('p', { class: 'verdict' }, el('span', { class: 'verdict-badge ' + (verdict || 'unknown') }, verdictText(m.forecast)),
        m.forecast && m.forecast.text ? el('span', { class: 'verdict-text' }, ' ' + local(m.forecast.text)) : null),
      // Without a single actual value there is nothing to draw: the note says why.
      last ? el('div', { id: 'chart-m-' + m.id, class: 'chart', 'aria-hidden': 'true' }) : null,
      !last ? null : el('details', { class: 'data-table' }, el('summary', null, t('table.show')),
        el('div', { class: 'scroll' }, tableOf(t('table.caption', { title }),
          [t('table.period'), { label: t('table.actual'), num: true }, { label: t('table.forecast'), num: true },
            { label: t('table.low'), num: true }, { label: t('table.high'), num: true }, { label: t('table.target'), num: true },
            { label: t('table.n'), num: true }], rows))),
      m.note ? el('p', { class: 'note' }, local(m.note)) : null);
  }

  function tableRowsOf(m) {
    const rows = (m.series || []).map((s) => [String(s.period), pct(s.value), '', '', '', '', num(s.n)]);
    for (const f of (m.forecast && m.forecast.points) || []) rows.push([String(f.period), '', pct(f.value), pct(f.low), pct(f.high), '', '']);
    if (m.target) {
      const at = rows.find((r) => r[0] === String(m.target.year));
      if (at) at[5] = pct(m.target.value); else rows.push([String(m.target.year), '', '', '', '', pct(m.target.value), '']);
    }
    return rows.sort((a, b) => a[0].localeCompare(b[0]));
  }

  function tableOf(caption, headers, rows) {
    const table = el('table', null, el('caption', { class: 'visually-hidden' }), el('thead'), el('tbody'));
    fillTable(table, caption, headers, rows);
    return table;
  }

  function drawChildren() {
    const d = data.measures;
    const children = (d && d.children) || [];
    $('children-view').hidden = children.length === 0;
    if (!children.length) return;
    const measures = d.measures || [];
    const titleOf = (id) => local((measures.find((m) => m.id === id) || {}).title) || id;
    const ids = [...new Set(children.flatMap((c) => (c.measures || []).map((m) => m.id)))];
    fillTable($('children'), null, [t('children.org'), ...ids.map((id) => ({ label: titleOf(id), num: false }))],
      children.map((c) => [
        el('a', { href: '#org=' + encodeURIComponent(c.slug), 'aria-label': t('children.open', { name: c.name || c.slug }) }, c.name || c.slug),
        ...ids.map((id) => {
          const m = (c.measures || []).find((x) => x.id === id);
          if (!m) return '—';
          const target = m.target && typeof m.target === 'object' ? m.target.value : m.target;
          return el('span', { class: 'cell-measure' }, el('strong', null, pct(m.value)),
            target !== null && target !== undefined ? el('span', { class: 'meta' }, ' / ' + pct(target)) : null,
            ' ', el('span', { class: 'verdict-badge ' + (m.verdict || 'unknown') }, t('verdict.' + (m.verdict || 'unknown'))));
        })]));
  }

  // ---------------------------------------------------------------- breakdown

  function drawBreakdown() {
    const d = data.breakdown;
    disposeCharts('breakdown-chart');
    $('breakdown-chart').hidden = !d;
    if (!d) return;
    const rows = [...(d.rows || [])].sort((a, b) => b.total - a.total);
    // Countries are named in the page's language by the browser; other keys carry the server's labels.
    const label = (r) => (state.dim === 'country' && /^[A-Z]{2}$/.test(r.key || '') ? countryName(r.key) : local(r.label) || r.key) || '—';
    $('breakdown-chart').hidden = rows.length === 0;
    showStatus('breakdown-status', [rows.length === 0 ? t('breakdown.empty')
      : rows.length > BREAKDOWN_BARS ? t('breakdown.more', { n: BREAKDOWN_BARS, all: rows.length }) : '', local(d.note)].filter(Boolean).join(' '));
    const shown = rows.slice(0, BREAKDOWN_BARS);
    $('breakdown-chart').style.height = Math.max(180, 60 + shown.length * 30) + 'px';
    if (shown.length) {
      chart('breakdown-chart', stackedBars(shown.map(label), shown,
        (r, o) => ({ value: r[o] || 0, label: num(r[o] || 0) + ' (' + pct(r.total ? (r[o] || 0) / r.total : 0) + ')' }), true));
    }
    fillTable($('breakdown'), t('breakdown.caption', { dim: t('dim.' + state.dim), p: d.period || state.period }),
      [t('breakdown.key'), ...ORIGINS.map((o) => ({ label: t('origin.' + o), num: true })), { label: t('breakdown.total'), num: true }],
      rows.map((r) => [label(r), ...ORIGINS.map((o) => num(r[o] || 0)), num(r.total)]));
  }

  // ---------------------------------------------------------------- top foreign products

  function drawTop() {
    const d = data.top;
    if (!d) return;
    const rows = d.rows || [];
    showStatus('top-status', rows.length ? t('top.count', { n: rows.length, s: num(rows.reduce((a, r) => a + (r.seats || 0), 0)) }) : t('top.empty'));
    $('top').tBodies[0].replaceChildren(...rows.map((r) => el('tr', null,
      el('th', { scope: 'row' }, el('a', { href: './#/product/' + encodeURIComponent(r.product_id) }, r.product)),
      el('td', null, r.vendor || '', r.country ? el('span', { class: 'meta' }, countryName(r.country)) : null),
      el('td', { class: 'num' }, num(r.seats)),
      el('td', { class: 'num' }, num(r.orgs)),
      el('td', null, alternatives(r.alternatives || [])))));
  }

  /** The first few alternatives (registered ones first); the rest are one click away, on the product's page. */
  function alternatives(list) {
    if (!list.length) return el('span', { class: 'note' }, t('top.none'));
    const sorted = [...list].sort((a, b) => Number(b.registry) - Number(a.registry));
    const item = (a) => el('li', null, el('a', { href: './#/product/' + encodeURIComponent(a.product_id) }, a.product),
      el('span', { class: 'meta' }, [a.vendor, countryName(a.country)].filter(Boolean).join(', ')),
      a.registry ? el('span', { class: 'badge domestic' }, t('registry')) : null);
    const ul = el('ul', { class: 'alts' }, sorted.slice(0, ALTERNATIVES_SHOWN).map(item));
    if (sorted.length <= ALTERNATIVES_SHOWN) return ul;
    const rest = el('ul', { class: 'alts' }, sorted.slice(ALTERNATIVES_SHOWN).map(item));
    return [ul, el('details', { class: 'more-alts' }, el('summary', null, t('top.more', { n: sorted.length - ALTERNATIVES_SHOWN })), rest)];
  }

  // ---------------------------------------------------------------- review queue (the same calls as org.html)

  function drawReview() {
    const q = data.review;
    if (!q) return;
    const shown = q.slice(0, REVIEW_SHOWN);
    showStatus('review-status', !q.length ? t('review.empty')
      : q.length > shown.length ? t('review.shown', { n: q.length, k: shown.length }) : t('review.count', { n: q.length }));
    $('review').replaceChildren(...shown.map((item) => el('li', { 'data-id': String(item.id) },
      el('div', { class: 'line' }, el('strong', null, item.raw_name), item.publisher ? ' · ' + item.publisher : '',
        el('span', { class: 'meta' }, t('review.occurrences', { n: item.occurrences }))),
      el('p', { class: 'candidate' }, t('review.candidate') + ': ', item.candidate_id
        ? [el('a', { href: './#/product/' + encodeURIComponent(item.candidate_id) }, item.candidate_name || item.candidate_id),
          ' — ', [item.candidate_vendor, item.candidate_country].filter(Boolean).join(', '),
          item.score !== null && item.score !== undefined ? ', ' + t('review.score', { s: item.score.toFixed(2) }) : '']
        : t('review.none')),
      el('div', { class: 'actions-row' },
        item.candidate_id ? button(t('accept'), () => decide(item, 'accept')) : null,
        button(t('reject'), () => decide(item, 'reject'))))));
  }

  async function decide(item, decision) {
    const org = state.org;
    try {
      const decided = await call('POST', orgPath(org, 'review/' + item.id), { decision });
      if (org !== state.org) return;
      const index = data.review.findIndex((q) => q.id === item.id);
      data.review.splice(index, 1);
      drawReview();
      showStatus('review-status', t('decided.' + decided.status, { name: item.raw_name }) + ' '
        + (data.review.length ? t('review.count', { n: data.review.length }) : t('review.empty')));
      // Keyboard users continue with the next item.
      const next = $('review').children[Math.min(index, data.review.length - 1)];
      (next ? next.querySelector('button') : $('review-heading')).focus();
    } catch (e) {
      showStatus('review-status', e instanceof HttpError && e.status === 403 ? t('review.readonly', { detail: e.message }) : failure(e), true);
    }
  }

  // ---------------------------------------------------------------- audit-to-audit changes

  function drawChanges() {
    const d = data.diff;
    const audits = data.audits;
    $('changes-body').hidden = !d;
    document.querySelector('[data-csv="changes"]').hidden = !d;
    disposeCharts('changes-chart');
    if (!audits) return;
    if (!d) {
      showStatus('changes-status', audits.length ? t('changes.one') : t('changes.none'));
      return;
    }
    const from = audits.find((a) => a.id === d.from_audit) || {};
    const to = audits.find((a) => a.id === d.to_audit) || {};
    const when = (a) => a.period || a.label || date(a.created_at);
    showStatus('changes-status', t('changes.between', { a: d.from_audit, da: when(from), b: d.to_audit, db: when(to) }));
    const shares = ORIGINS.map((o) => d.origin_shares.find((s) => s.origin === o)).filter(Boolean);
    const p = palette();
    chart('changes-chart', {
      grid: { left: 8, right: 16, top: 36, bottom: 4, containLabel: true },
      legend: { top: 0, textStyle: { color: p.fg } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (params) => [esc(params[0].axisValue), ...params.map((x) => esc(x.seriesName) + ': ' + esc(pct(x.value)))].join('<br>') },
      xAxis: { type: 'category', data: shares.map((s) => t('origin.' + s.origin)), axisLabel: { color: p.fg } },
      yAxis: percentAxis(p),
      series: [
        { name: t('changes.audit', { n: d.from_audit }), type: 'bar', color: p.unknown, data: shares.map((s) => s.from) },
        { name: t('changes.audit', { n: d.to_audit }), type: 'bar', color: p.accent, data: shares.map((s) => s.to) }
      ]
    });
    fillTable($('changes-shares'), t('changes.caption', { a: d.from_audit, b: d.to_audit }),
      [t('changes.origin'), { label: t('changes.from'), num: true }, { label: t('changes.to'), num: true }, { label: t('changes.delta'), num: true }],
      shares.map((s) => [t('origin.' + s.origin), pct(s.from), pct(s.to), signedPoints(s.delta)]));
    $('changes-replaced').replaceChildren(...(d.replaced.length ? d.replaced.slice(0, 10).map((r) => el('li', null,
      t('changes.item', { from: r.from_product, to: r.to_product, n: num(r.to_occurrences) })))
      : [el('li', { class: 'note' }, t('changes.noReplaced'))]));
    $('changes-counts').textContent = t('changes.counts', { added: num(d.added.length), removed: num(d.removed.length), changed: num(d.changed_count) });
  }

  // ---------------------------------------------------------------- compliance (quotas), when the server has it

  function drawCompliance() {
    const q = data.quotas;
    const table = $('compliance');
    const csvButton = document.querySelector('[data-csv="compliance"]');
    table.hidden = true;
    csvButton.hidden = true;
    if (!q) return;
    if (q.missing) {
      showStatus('compliance-status', t('compliance.missing'));
      return;
    }
    // The quota answer's shape belongs to the compliance module; its rows are shown as they come.
    const rows = Array.isArray(q) ? q : q.rows || q.quotas || q.items || [];
    if (!rows.length) {
      showStatus('compliance-status', t('compliance.empty', { p: state.period }));
      return;
    }
    const columns = Object.keys(rows[0]).filter((k) => rows.some((r) => r[k] === null || typeof r[k] !== 'object'));
    const cell = (k, v) => v === null || v === undefined ? '—' : typeof v === 'boolean' ? t(v ? 'yes' : 'no')
      : typeof v === 'number' && /share|ratio|quota|min|value/i.test(k) && v >= 0 && v <= 1 ? pct(v)
        : typeof v === 'number' ? num(v) : typeof v === 'object' ? local(v) : String(v);
    fillTable(table, null, columns.map((k) => ({ label: k.replaceAll('_', ' '), num: typeof rows[0][k] === 'number' })),
      rows.map((r) => columns.map((k) => cell(k, r[k]))));
    table.hidden = false;
    csvButton.hidden = false;
    showStatus('compliance-status', t('compliance.count', { n: rows.length }));
  }

  // ---------------------------------------------------------------- the organisation on screen

  function drawAll() {
    drawHead();
    drawMeasures();
    drawChildren();
    drawBreakdown();
    drawTop();
    drawReview();
    drawChanges();
    drawCompliance();
  }

  /** Finds the path from the signed-in organisation down to slug in the tree (or just the two ends without one). */
  function pathTo(slug) {
    const walk = (node, trail) => {
      const here = [...trail, node];
      if (node.slug === slug) return here;
      for (const c of node.children || []) {
        const found = walk(c, here);
        if (found) return found;
      }
      return null;
    };
    const root = state.tree ? { ...state.tree.org, children: state.tree.children } : null;
    return (root && walk(root, [])) || [{ slug: state.top, name: state.top }, ...(slug !== state.top ? [{ slug, name: slug }] : [])];
  }

  function drawHead() {
    if (!state.org) return;
    const path = pathTo(state.org);
    const here = path[path.length - 1];
    const name = (data.measures && data.measures.org && data.measures.org.name) || here.name || state.org;
    $('org-title').replaceChildren(name, ...(here.kind ? [el('span', { class: 'meta' }, t('kind.' + here.kind))] : []));
    $('crumbs').firstElementChild.replaceChildren(...path.map((n, i) => el('li', null, i === path.length - 1
      ? el('span', { 'aria-current': 'page' }, n.name || n.slug)
      : el('a', { href: '#org=' + encodeURIComponent(n.slug) }, n.name || n.slug))));
    $('crumbs').hidden = path.length < 2;
  }

  function fillPeriods() {
    const periods = [...new Set(((data.measures && data.measures.measures) || []).flatMap((m) => (m.series || []).map((s) => String(s.period))))]
      .sort().reverse();
    if (!periods.length) periods.push(String(new Date().getFullYear()));
    if (!periods.includes(state.period)) state.period = periods[0];
    $('period').replaceChildren(...periods.map((p) => el('option', { value: p }, p)));
    $('period').value = state.period;
  }

  async function loadMeasures(seq) {
    try {
      const d = await call('GET', orgPath(state.org, 'measures?' + query({ basis: state.basis })));
      if (seq !== loadSeq) return;
      data.measures = d;
      fillPeriods();
    } catch (e) {
      if (seq !== loadSeq) return;
      data.measures = null;
      fillPeriods();
      showStatus('board-status', failure(e), true);
    }
    drawHead();
    drawMeasures();
    drawChildren();
  }

  /** Loads one panel's data; errors are shown in the panel's own status line. */
  async function loadPanel(seq, key, statusId, fetcher) {
    showStatus(statusId, t('loading'));
    try {
      const d = await fetcher();
      if (seq !== loadSeq) return;
      data[key] = d;
      showStatus(statusId, '');
    } catch (e) {
      if (seq !== loadSeq) return;
      data[key] = null;
      showStatus(statusId, failure(e), true);
    }
  }

  const loadBreakdown = (seq) => loadPanel(seq, 'breakdown', 'breakdown-status',
    () => call('GET', orgPath(state.org, 'breakdown?' + query({ dim: state.dim, period: state.period, basis: state.basis })))).then(drawBreakdown);

  const loadTop = (seq) => loadPanel(seq, 'top', 'top-status',
    () => call('GET', orgPath(state.org, 'top-foreign?' + query({ limit: 20, period: state.period })))).then(drawTop);

  const loadReview = (seq) => loadPanel(seq, 'review', 'review-status',
    () => call('GET', orgPath(state.org, 'review?limit=100'))).then(drawReview);

  const loadCompliance = (seq) => loadPanel(seq, 'quotas', 'compliance-status', async () => {
    try {
      return await call('GET', orgPath(state.org, 'quotas?' + query({ year: state.period })));
    } catch (e) {
      if (e instanceof HttpError && (e.status === 404 || e.status === 501)) return { missing: true }; // not on this server
      throw e;
    }
  }).then(drawCompliance);

  const loadChanges = (seq) => loadPanel(seq, 'audits', 'changes-status', async () => {
    const audits = await call('GET', orgPath(state.org, 'audits?limit=2'));
    data.diff = audits.length >= 2 ? await call('GET', orgPath(state.org, 'audits/' + audits[1].id + '/diff/' + audits[0].id)) : null;
    return audits;
  }).then(drawChanges);

  /** Everything for the organisation on screen; the period-dependent panels wait for the periods the measures have. */
  async function openOrg(slug, focusTitle) {
    const seq = ++loadSeq;
    state.org = slug;
    for (const k of Object.keys(data)) data[k] = null;
    showStatus('board-status', '');
    $('signin').hidden = true;
    $('board').hidden = false;
    drawAll();
    $('org-title').textContent = t('loading');
    if (focusTitle) $('org-title').focus();
    loadReview(seq);
    loadChanges(seq);
    await loadMeasures(seq);
    if (seq !== loadSeq) return;
    await Promise.all([loadBreakdown(seq), loadTop(seq), loadCompliance(seq)]);
  }

  async function reloadFor(what) {
    const seq = ++loadSeq;
    if (what === 'basis') {
      await loadMeasures(seq);
      await loadBreakdown(seq);
    } else if (what === 'period') {
      await Promise.all([loadBreakdown(seq), loadTop(seq), loadCompliance(seq)]);
    } else {
      await loadBreakdown(seq);
    }
  }

  // ---------------------------------------------------------------- sign-in and navigation

  /** The demo's link carries the key in the fragment: keep it in this tab, and take it out of the address at once. */
  function takeKeyFromAddress() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (!params.has('key')) return;
    const key = params.get('key');
    const org = params.get('org') || state.top;
    history.replaceState(null, '', location.pathname + location.search + (org ? '#org=' + encodeURIComponent(org) : ''));
    if (key && org) signIn(org, key);
  }

  function signIn(org, key) {
    state.top = org;
    state.key = key;
    sessionStorage.setItem('zamena.org', org);
    sessionStorage.setItem('zamena.key', key);
  }

  function signOut() {
    sessionStorage.removeItem('zamena.org');
    sessionStorage.removeItem('zamena.key');
    Object.assign(state, { top: '', key: '', org: '', tree: null });
    disposeCharts('');
    $('board').hidden = true;
    $('signin').hidden = false;
    $('key').value = '';
    history.replaceState(null, '', location.pathname + location.search);
    $('org').focus();
  }

  /** The hierarchy for the breadcrumb; an older server without /tree still shows the dashboard. */
  async function loadTree() {
    try {
      state.tree = await call('GET', orgPath(state.top, 'tree'));
    } catch (e) {
      if (e instanceof HttpError && (e.status === 401 || e.status === 403)) throw e;
      state.tree = null;
    }
  }

  const orgInAddress = () => new URLSearchParams(location.hash.replace(/^#/, '')).get('org') || state.top;

  async function start(focusTitle) {
    try {
      await loadTree();
    } catch (e) {
      $('board').hidden = true;
      $('signin').hidden = false;
      showStatus('signin-status', t('signin.refused', { org: state.top, detail: e.message }), true);
      return;
    }
    showStatus('signin-status', '');
    await openOrg(orgInAddress(), focusTitle);
  }

  function init() {
    for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
    state.top = sessionStorage.getItem('zamena.org') || '';
    state.key = sessionStorage.getItem('zamena.key') || '';
    takeKeyFromAddress();
    $('org').value = state.top;
    $('access').addEventListener('submit', (e) => {
      e.preventDefault();
      signIn($('org').value.trim(), $('key').value.trim());
      $('key').value = '';
      history.replaceState(null, '', location.pathname + location.search + '#org=' + encodeURIComponent(state.top));
      start(true);
    });
    $('signout').addEventListener('click', signOut);
    $('basis').addEventListener('change', () => { state.basis = $('basis').value; reloadFor('basis'); });
    $('period').addEventListener('change', () => { state.period = $('period').value; reloadFor('period'); });
    $('dim').addEventListener('change', () => { state.dim = $('dim').value; reloadFor('dim'); });
    for (const f of [$('controls'), $('breakdown-form')]) f.addEventListener('submit', (e) => e.preventDefault());
    for (const b of document.querySelectorAll('[data-format]')) {
      b.addEventListener('click', () => download(orgPath(state.org, 'report?' + query({ period: state.period, format: b.dataset.format })),
        b.dataset.format, state.org + '-report-' + state.period + '.' + b.dataset.format, 'board-status'));
    }
    for (const b of document.querySelectorAll('[data-csv]')) {
      const statusId = b.closest('section').querySelector('.status') ? b.closest('section').querySelector('.status').id : 'board-status';
      b.addEventListener('click', () => {
        if (b.dataset.csv === 'children') {
          save(childrenCsv(), csvFile('children'));
          showStatus(statusId, t('csv.done', { file: csvFile('children') }));
          return;
        }
        const path = CSV[b.dataset.csv]();
        if (path) download(path, 'csv', csvFile(b.dataset.csv), statusId);
      });
    }
    window.addEventListener('hashchange', () => {
      if (new URLSearchParams(location.hash.replace(/^#/, '')).has('key')) {
        takeKeyFromAddress();
        start(true);
      } else if (state.key && orgInAddress() !== state.org) {
        openOrg(orgInAddress(), true);
      }
    });
    let resizing = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => { for (const c of charts.values()) c.resize(); }, 100);
    });
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', drawAll);
    setLanguage(lang);
    if (state.top && state.key) start(false);
  }

  init();
})();
