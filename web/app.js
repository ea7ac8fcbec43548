// deltacheck serve's page: loads the exercises, previews how each line is read as the student
// types, checks on request. Everything from the server or the student is shown with textContent
// (never parsed as markup); maths is typeset by KaTeX with trust off. Answers live in localStorage.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { exercise: null, template: '', reading: null, timer: 0 };

// The element `tag` with class `cls` and text `text` (as text, never markup).
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = String(text);
  return e;
}

// The JSON of an API call; throws Error(message of the API's error) when it failed.
async function api(path, options) {
  const response = await fetch(path, options);
  let doc = null;
  try { doc = await response.json(); } catch (e) { doc = null; }
  if (!response.ok) {
    const message = doc && doc.error ? doc.error.message : response.statusText;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return doc;
}

// Typesets `latex` into `target`, or shows `fallback` as text when KaTeX is not there.
function typeset(target, latex, fallback) {
  if (window.katex && latex) {
    window.katex.render(latex, target, { throwOnError: false, trust: false, displayMode: false,
                                         maxSize: 20, maxExpand: 100, strict: 'ignore' });
  } else {
    target.textContent = fallback;
  }
}

function studentId() {
  return state.exercise && state.exercise.kind === 'numeric' ? $('student').value.trim() : '';
}

function query() {
  const s = studentId();
  return s ? '?student=' + encodeURIComponent(s) : '';
}

function storageKey() {
  return 'deltacheck:answers:' + state.exercise.id + ':' + studentId();
}

function setStatus(text) { $('status').textContent = text; }

async function loadList() {
  const list = await api('/api/exercises');
  const select = $('exercise');
  for (const e of list) {
    const option = el('option', '', e.id + ' — ' + e.title);
    option.value = e.id;
    select.appendChild(option);
  }
  const wanted = decodeURIComponent(location.hash.slice(1)) || localStorage.getItem('deltacheck:last');
  if (wanted && list.some((e) => e.id === wanted)) select.value = wanted;
  await loadExercise(select.value);
}

function showStatement(ex) {
  $('title').textContent = ex.title;
  // The statement's paragraphs (blank-line separated), each line break inside one a space.
  $('statement-text').replaceChildren(...ex.statement.split(/\n\s*\n/).map(
    (para) => el('p', '', para.replace(/\s*\n\s*/g, ' ').trim())));
  $('notes').textContent = ex.notes.join('\n');
  const img = $('network');
  img.hidden = !ex.network;
  if (ex.network) img.src = '/api/exercises/' + encodeURIComponent(ex.id) + '/network.svg';
  const body = $('parts').tBodies[0];
  body.replaceChildren();
  for (const p of ex.parts) {
    const row = el('tr');
    row.append(el('td', 'key', p.key), el('td', '', p.ask.replace(/^[^:]*: /, '')), el('td', 'num', p.points));
    body.appendChild(row);
  }
  $('student-box').hidden = ex.kind !== 'numeric';
}

async function loadExercise(id) {
  localStorage.setItem('deltacheck:last', id);
  history.replaceState(null, '', '#' + encodeURIComponent(id));
  state.exercise = { id: id, kind: '' };
  const ex = await api('/api/exercises/' + encodeURIComponent(id));
  state.exercise = ex;
  if (ex.kind === 'numeric' && studentId()) return loadNumbers();
  showStatement(ex);
  state.template = ex.template;
  openAnswers();
}

// A numeric exercise with the student's own numbers.
async function loadNumbers() {
  try {
    const ex = await api('/api/exercises/' + encodeURIComponent(state.exercise.id) + query());
    state.exercise = ex;
    showStatement(ex);
    state.template = ex.template;
    openAnswers();
  } catch (e) {
    setStatus('Student id: ' + e.message);
  }
}

function openAnswers() {
  const saved = localStorage.getItem(storageKey());
  $('answers').value = saved !== null ? saved : state.template;
  $('result').replaceChildren();
  setStatus('');
  readSoon(0);
}

function readSoon(delay) {
  clearTimeout(state.timer);
  state.timer = setTimeout(readNow, delay);
}

// Sends the answers for reading; a newer request aborts an older one.
async function readNow() {
  if (state.reading) state.reading.abort();
  const controller = new AbortController();
  state.reading = controller;
  try {
    const doc = await api('/api/read/' + encodeURIComponent(state.exercise.id) + query(),
                          { method: 'POST', body: $('answers').value, signal: controller.signal });
    showPreview(doc.lines);
  } catch (e) {
    if (e.name !== 'AbortError') setStatus('Preview: ' + e.message);
  }
}

function previewLine(line) {
  const row = el('div', line.error ? 'line error' : 'line');
  row.dataset.line = line.line;
  row.appendChild(el('span', 'no', line.line ? 'line ' + line.line : ''));
  const body = el('div', 'body');
  if (line.error) {
    const where = line.error.column ? 'column ' + line.error.column + ': ' : '';
    body.appendChild(el('div', 'message', (line.key ? line.key + ': ' : '') + where + line.error.message));
  } else {
    const math = el('div', 'math');
    typeset(math, line.latex, line.read_as);
    body.append(math, el('div', 'reading', line.key + ' = ' + line.read_as));
  }
  row.appendChild(body);
  return row;
}

function showPreview(lines) {
  const preview = $('preview');
  const top = preview.scrollTop;
  preview.replaceChildren(...lines.map(previewLine));
  if (lines.length === 0) preview.appendChild(el('div', 'line', 'No answers yet: write KEY = EXPRESSION lines.'));
  preview.scrollTop = top;
}

function verdictCell(verdict) {
  return el('td', 'verdict verdict-' + verdict, verdict);
}

function resultRow(item, isStep) {
  const row = el('tr', isStep ? 'step' : '');
  const feedback = el('td', 'feedback', item.feedback);
  if (item.mistake) feedback.prepend(el('div', 'mistake', 'mistake: ' + item.mistake));
  if (item.carried_from) feedback.appendChild(el('div', '', 'carried from ' + item.carried_from));
  const score = isStep ? '' : item.score + ' / ' + item.max_score;
  row.append(el('td', 'key', item.key), verdictCell(item.verdict), el('td', 'num', score), feedback);
  return row;
}

function showResult(doc) {
  const table = el('table');
  const head = el('tr');
  for (const h of ['part', 'verdict', 'score', 'feedback']) head.appendChild(el('th', '', h));
  table.appendChild(el('thead')).appendChild(head);
  const body = table.appendChild(el('tbody'));
  doc.parts.forEach((p, index) => {
    body.appendChild(resultRow(p, false));
    for (const s of p.steps) body.appendChild(resultRow(s, true));
    for (const s of doc.steps) if (s.used_by === index) body.appendChild(resultRow(s, true));
  });
  const total = el('p', '', 'Total: ' + doc.score + ' of ' + doc.max_score + ' points');
  total.id = 'total';
  const out = [total, table];
  for (const s of doc.steps) if (s.used_by < 0) out.push(el('p', 'feedback', 'definition no part uses: ' + s.key + ' (' + s.verdict + ') ' + s.feedback));
  for (const p of doc.problems) out.push(el('p', 'feedback verdict-invalid', p));
  for (const n of doc.notes) out.push(el('p', 'feedback', n));
  $('result').replaceChildren(...out);
}

async function check() {
  setStatus('Checking…');
  try {
    const doc = await api('/api/check/' + encodeURIComponent(state.exercise.id) + query(),
                          { method: 'POST', body: $('answers').value });
    showResult(doc);
    setStatus('Checked.');
  } catch (e) {
    setStatus('Not checked: ' + e.message + (e.status === 503 ? ' (the server is busy)' : ''));
  }
}

function download() {
  const blob = new Blob([$('answers').value], { type: 'text/plain' });
  const a = el('a');
  a.href = URL.createObjectURL(blob);
  a.download = state.exercise.id + (studentId() ? '-' + studentId() : '') + '.txt';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function load(event) {
  const file = event.target.files[0];
  if (!file) return;
  file.text().then((text) => {
    $('answers').value = text;
    localStorage.setItem(storageKey(), text);
    readSoon(0);
  });
  event.target.value = '';
}

function start() {
  $('exercise').addEventListener('change', (e) => loadExercise(e.target.value).catch((x) => setStatus(x.message)));
  $('student').addEventListener('change', () => loadNumbers());
  $('answers').addEventListener('input', () => {
    localStorage.setItem(storageKey(), $('answers').value);
    readSoon(250);
  });
  $('check').addEventListener('click', check);
  $('download').addEventListener('click', download);
  $('load').addEventListener('change', load);
  $('reset').addEventListener('click', () => {
    $('answers').value = state.template;
    localStorage.removeItem(storageKey());
    readSoon(0);
  });
  loadList().catch((e) => setStatus('Cannot load the exercises: ' + e.message));
}

document.addEventListener('DOMContentLoaded', start);
