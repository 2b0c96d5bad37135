// The results sheet fills itself from mission control's "Export CSV": one block per table, one row per side.
// Everything read from the file enters the page as text, never as HTML.

/** The rows of a CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** A cell as the export wrote it, without the quote that keeps a spreadsheet from running it as a formula. */
function plain(value) {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

const OUTCOMES = { deal: 'Deal', 'no-deal': 'No deal', walkout: 'Walkout' };

function td(text, rowSpan) {
  const cell = document.createElement('td');
  cell.textContent = text;
  if (rowSpan > 1) cell.rowSpan = rowSpan;
  return cell;
}

function fill(text) {
  const status = document.getElementById('fill-status');
  const rows = parseCsv(text);
  const header = rows.shift() ?? [];
  const need = [
    'table',
    'party',
    'players',
    'status',
    'outcome',
    'meetings_elapsed',
    'utility',
    'reservation',
  ];
  const missing = need.filter((n) => !header.includes(n));
  if (missing.length > 0) {
    status.textContent = `This file is not a Shuttle Diplomacy export: it has no ${missing.join(', ')} column.`;
    return;
  }
  const col = (row, name) => plain(row[header.indexOf(name)] ?? '');
  const tables = new Map();
  for (const row of rows) {
    const t = col(row, 'table');
    if (!tables.has(t)) tables.set(t, []);
    tables.get(t).push(row);
  }
  const body = document.getElementById('results-body');
  body.replaceChildren();
  let deals = 0;
  for (const [table, sides] of tables) {
    const first = sides[0];
    const outcome = col(first, 'outcome');
    if (outcome === 'deal') deals++;
    // meetings_elapsed counts the meetings that closed without a deal before the outcome.
    const held = Number(col(first, 'meetings_elapsed'));
    const state = !outcome
      ? `Unfinished (${col(first, 'status')})`
      : outcome === 'no-deal'
        ? `No deal, after ${held} meeting${held === 1 ? '' : 's'}`
        : `${OUTCOMES[outcome] ?? outcome} at meeting ${held + 1}`;
    sides.forEach((row, i) => {
      const tr = document.createElement('tr');
      if (i === 0) tr.append(td(table, sides.length), td(state, sides.length));
      const score = col(row, 'score_percent');
      const beat = col(row, 'beat_reservation');
      tr.append(
        td(col(row, 'party')),
        td(col(row, 'players')),
        td(col(row, 'utility')),
        td(col(row, 'reservation')),
        td(score === '' ? '' : `${score}%`),
        td(beat === 'true' ? 'yes' : beat === 'false' ? 'no' : ''),
      );
      body.append(tr);
    });
  }
  const session = rows[0] ? col(rows[0], 'session') : '';
  if (session) document.getElementById('sheet-code').textContent = session;
  document.getElementById('sheet-deals').textContent = String(deals);
  document.getElementById('sheet-nodeals').textContent = String(tables.size - deals);
  status.textContent = `Filled from the export: ${tables.size} table${tables.size === 1 ? '' : 's'}. Print it with your browser (Ctrl+P).`;
}

document.getElementById('fill-file')?.addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (!file) return;
  file.text().then(fill, () => {
    document.getElementById('fill-status').textContent = 'The file could not be read.';
  });
});
