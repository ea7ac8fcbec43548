// deltacheck serve's page: loads the exercises, previews how each line is read beside that line as
// the student types, checks on request. Everything from the server or the student is shown with
// textContent (never parsed as markup); maths is typeset by KaTeX with trust off. Answers live in
// localStorage. URLs are relative, so the page works under a reverse proxy's prefix.
'use strict';

const $ = (id) => document.getElementById(id);
const state = {
  exercise: null, template: '', reading: null, timer: 0,
  sent: [],            // the lines of the answer file last read
  byLine: new Map(),   // line number (1-based) -> its entries in the last read
  byText: new Map(),   // line text -> its entries (null: no answer there) in the last read
  notes: [],           // entries of the last read without a line
  rows: [],            // the preview's row of each line of the editor
};

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
function typeset(target, latex, fallback, display) {
  if (window.katex && latex) {
    window.katex.render(latex, target, { throwOnError: false, trust: false, displayMode: !!display,
                                         maxSize: 20, maxExpand: 100, strict: 'ignore' });
  } else {
    target.textContent = fallback;
  }
}

// The index of the `$` (or `$$` when `double`) that closes maths opened before `from`, skipping
// escaped characters (`\$`, `\\`); -1 when there is none.
function closingDollar(text, from, double) {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$' && (!double || text[i + 1] === '$')) return i;
  }
  return -1;
}

// `text` split at unescaped `$...$` (and `$$...$$`): [{math, text, display}], maths pieces holding
// the LaTeX between the dollars. `\$` outside maths is a dollar sign; an unclosed `$` is text.
function splitMath(text) {
  const pieces = [];
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && text[i + 1] === '$') { plain += '$'; i++; continue; }
    const display = text[i] === '$' && text[i + 1] === '$';
    const end = text[i] === '$' ? closingDollar(text, i + (display ? 2 : 1), display) : -1;
    if (end < 0) { plain += text[i]; continue; }
    if (plain) pieces.push({ math: false, text: plain });
    plain = '';
    pieces.push({ math: true, text: text.slice(i + (display ? 2 : 1), end), display: display });
    i = end + (display ? 1 : 0);
  }
  if (plain) pieces.push({ math: false, text: plain });
  return pieces;
}

// `tag` holding `text` with its `$...$` typeset by KaTeX and the rest as text nodes (a paragraph
// of the statement, what a part asks).
function withMath(tag, text) {
  const p = el(tag);
  for (const piece of splitMath(text)) {
    if (!piece.math) { p.appendChild(document.createTextNode(piece.text)); continue; }
    const math = el('span', piece.display ? 'math display' : 'math');
    typeset(math, piece.text, '$' + piece.text + '$', piece.display);
    p.appendChild(math);
  }
  return p;
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
  const list = await api('api/exercises');
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
    (para) => withMath('p', para.replace(/\s*\n\s*/g, ' ').trim())));
  $('notes').textContent = ex.notes.join('\n');
  const img = $('network');
  img.hidden = !ex.network;
  if (ex.network) img.src = 'api/exercises/' + encodeURIComponent(ex.id) + '/network.svg';
  const body = $('parts').tBodies[0];
  body.replaceChildren();
  for (const p of ex.parts) {
    const row = el('tr');
    row.append(el('td', 'key', p.key), withMath('td', p.ask.replace(/^[^:]*: /, '')), el('td', 'num', p.points));
    body.appendChild(row);
  }
  $('student-box').hidden = ex.kind !== 'numeric';
}

async function loadExercise(id) {
  localStorage.setItem('deltacheck:last', id);
  history.replaceState(null, '', '#' + encodeURIComponent(id));
  state.exercise = { id: id, kind: '' };
  const ex = await api('api/exercises/' + encodeURIComponent(id));
  state.exercise = ex;
  if (ex.kind === 'numeric' && studentId()) return loadNumbers();
  showStatement(ex);
  state.template = ex.template;
  openAnswers();
}

// A numeric exercise with the student's own numbers.
async function loadNumbers() {
  try {
    const ex = await api('api/exercises/' + encodeURIComponent(state.exercise.id) + query());
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
  $('answers').setSelectionRange(0, 0);  // the detail under the editor starts at line 1
  $('result').replaceChildren();
  setStatus('');
  remember('', []);  // the last exercise's readings are not this one's
  layoutRows();
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
  const sent = $('answers').value;
  try {
    const doc = await api('api/read/' + encodeURIComponent(state.exercise.id) + query(),
                          { method: 'POST', body: sent, signal: controller.signal });
    remember(sent, doc.lines);
    layoutRows();
    if ($('status').textContent.startsWith('Preview: ')) setStatus('');
  } catch (e) {
    if (e.name !== 'AbortError') setStatus('Preview: ' + e.message);
  }
}

// Keeps the read of `sent`: each line's entries by line number and by text (so that a line
// moved by an edit above it keeps its reading until the next read comes).
function remember(sent, lines) {
  state.sent = sent.split('\n');
  state.byLine = new Map();
  for (const l of lines) {
    if (!l.error && !l.read_as) continue;  // `KEY =` with nothing after it yet
    if (l.line > 0 && !state.byLine.has(l.line)) state.byLine.set(l.line, []);
    if (l.line > 0) state.byLine.get(l.line).push(l);
  }
  state.byText = new Map();
  state.sent.forEach((text, i) => state.byText.set(text, state.byLine.get(i + 1) || null));
  state.notes = lines.filter((l) => l.line === 0);
}

// Blank lines and comments (`#`, `%`) are no answer, whatever the reader says.
function isQuiet(text) { return /^\s*([#%]|$)/.test(text); }

// The entries of line `i` (0-based) of `lines`: null when it holds no answer, undefined while it
// has not been read as it is now.
function entriesOf(lines, i) {
  if (isQuiet(lines[i])) return null;
  if (state.sent[i] === lines[i]) return state.byLine.get(i + 1) || null;
  return state.byText.get(lines[i]);
}

// "KEY = READING" of a line, a chain `KEY = A = B` as "KEY = A = B" (its part's entry holds A,
// "step 1 -> 2" holds B); a continuation line `= B` as "step 2 = B".
function readingText(entries) {
  const label = entries[0].key.replace(/^step \d+ -> (\d+)$/, 'step $1');
  return label + ' = ' + entries.map((e) => e.read_as).join(' = ');
}

// "column C: MESSAGE" of an entry with an error.
function errorText(entry) {
  return (entry.error.column ? 'column ' + entry.error.column + ': ' : '') + entry.error.message;
}

// Shrinks the maths of a row until it fits (down to 60%); what still does not fit is clipped,
// marked, and readable in full under the editor when the caret is on its line.
function fit(box) {
  box.style.fontSize = '';
  const over = () => box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
  for (let size = 90; size >= 60 && over(); size -= 10) box.style.fontSize = size + '%';
  box.classList.toggle('clipped', over());
}

// Shows `entries` in `row`: the first error's column and message, else the typeset reading.
function fillRow(row, entries) {
  const error = entries ? entries.find((e) => e.error) : null;
  row.className = 'line' + (error ? ' error' : entries ? '' : ' empty');
  row.replaceChildren(el('span', 'no', row.dataset.line));
  row.title = '';
  if (!entries) return;
  if (error) {
    row.title = errorText(error);
    row.appendChild(el('span', 'message', '⚠ ' + errorText(error)));
    return;
  }
  const math = el('span', 'math');
  const typesettable = entries.every((e) => e.latex);
  typeset(math, typesettable ? entries.map((e) => e.latex).join(' = ') : '', readingText(entries));
  row.title = readingText(entries);
  row.appendChild(math);
  fit(math);
}

// Brings the row of each editor line up to date in place: rows are added or removed only at the
// end, a row is redrawn only when its entries changed, and a line not read yet keeps its last
// reading, dimmed, until the read comes (no flicker, nothing moves).
function layoutRows() {
  const lines = $('answers').value.split('\n');
  const box = $('preview-rows');
  while (state.rows.length < lines.length) {
    const row = el('div', 'line empty');
    row.dataset.line = state.rows.length + 1;
    state.rows.push(box.appendChild(row));
  }
  while (state.rows.length > lines.length) state.rows.pop().remove();
  lines.forEach((text, i) => {
    const row = state.rows[i], entries = entriesOf(lines, i), pending = entries === undefined;
    // A line being typed keeps its last reading (dimmed); after a line is added or removed
    // that reading may be another line's, so the row waits blank instead.
    if (pending && lines.length === state.sent.length) return row.classList.add('pending');
    const sig = JSON.stringify(pending ? null : entries);
    if (row.dataset.sig !== sig) {
      row.dataset.sig = sig;
      fillRow(row, pending ? null : entries);
    }
    row.classList.toggle('pending', pending);
  });
  $('preview-notes').textContent = state.notes.map(errorText).join(' ');
  syncScroll();
  showDetail();
}

// The preview's rows follow the editor's scrolling, line for line.
function syncScroll() {
  $('preview-rows').style.transform = 'translateY(' + -$('answers').scrollTop + 'px)';
}

// Why line `i` of `lines` has no reading of its own.
function quietReason(lines, i) {
  if (/^\s*$/.test(lines[i])) return 'blank';
  if (isQuiet(lines[i])) return 'a comment';
  if (/^\s*=/.test(lines[i]) || (i > 0 && /\\\s*$/.test(lines[i - 1]))) return 'continues the answer above';
  if (/=\s*$/.test(lines[i])) return "nothing to read yet: write the answer after '='";
  return 'nothing to read yet: write KEY = EXPRESSION';
}

// Puts the caret at the start of line `n` (1-based) of the editor: a click on a preview row.
function goToLine(n) {
  const editor = $('answers');
  const at = editor.value.split('\n').slice(0, n - 1).reduce((sum, line) => sum + line.length + 1, 0);
  editor.focus();
  editor.setSelectionRange(at, at);
  showDetail();
}

// Under the editor, the caret's line in full: its reading as text (every product's '*', the
// grouping explicit) or its error with line and column.
function showDetail() {
  const editor = $('answers');
  const lines = editor.value.split('\n');
  const i = editor.value.slice(0, editor.selectionStart).split('\n').length - 1;
  const entries = entriesOf(lines, i);
  const where = 'Line ' + (i + 1) + ': ';
  let text;
  if (entries === undefined) text = 'reading…';
  else if (entries === null) text = quietReason(lines, i);
  else if (entries.some((e) => e.error)) text = errorText(entries.find((e) => e.error));
  else text = 'read as ' + readingText(entries);
  const detail = $('line-detail');
  if (detail.textContent !== where + text) detail.textContent = where + text;
  revealRow(i);
}

// On a phone the preview is a box of its own under the editor: keeps the caret's row in sight.
function revealRow(i) {
  const row = state.rows[i], box = $('preview');
  if (!row || row.classList.contains('empty') || !window.matchMedia('(max-width: 480px)').matches) return;
  const top = row.offsetTop, bottom = top + row.offsetHeight;
  if (top < box.scrollTop || bottom > box.scrollTop + box.clientHeight) {
    box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }
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
    const doc = await api('api/check/' + encodeURIComponent(state.exercise.id) + query(),
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
    layoutRows();
    readSoon(0);
  });
  event.target.value = '';
}

function start() {
  $('exercise').addEventListener('change', (e) => loadExercise(e.target.value).catch((x) => setStatus(x.message)));
  $('student').addEventListener('change', () => loadNumbers());
  const editor = $('answers');
  editor.addEventListener('input', () => {
    localStorage.setItem(storageKey(), editor.value);
    layoutRows();
    readSoon(250);
  });
  editor.addEventListener('scroll', syncScroll);
  $('preview-rows').addEventListener('click', (e) => {
    const row = e.target.closest('.line');
    if (row) goToLine(Number(row.dataset.line));
  });
  for (const e of ['keyup', 'click', 'focus', 'select']) editor.addEventListener(e, showDetail);
  document.addEventListener('selectionchange', () => { if (document.activeElement === editor) showDetail(); });
  window.addEventListener('resize', () => { for (const m of document.querySelectorAll('#preview .math')) fit(m); });
  $('check').addEventListener('click', check);
  $('download').addEventListener('click', download);
  $('load').addEventListener('change', load);
  $('reset').addEventListener('click', () => {
    $('answers').value = state.template;
    localStorage.removeItem(storageKey());
    layoutRows();
    readSoon(0);
  });
  loadList().catch((e) => setStatus('Cannot load the exercises: ' + e.message));
}

document.addEventListener('DOMContentLoaded', start);
