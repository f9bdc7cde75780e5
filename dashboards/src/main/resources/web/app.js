// Shiftwatch dashboards UI: hash routes, plain DOM, hand-written SVG charts, live updates by SSE.
'use strict';
const app = document.getElementById('app');
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
const enc = encodeURIComponent;
const fmt = v => v == null ? '–' : (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3));

async function api(path, options) {
  const r = await fetch(path, Object.assign({credentials: 'same-origin'}, options));
  if (r.status === 401) { signIn(); throw new Error('signed out'); }
  const body = await r.json();
  if (!r.ok) throw new Error(body.message || r.statusText);
  return body;
}

function signIn() {
  app.innerHTML = `<div class="card"><h2>Sign in</h2><p>Paste the dashboards token (SHIFTWATCH_DASHBOARDS_TOKEN, or
    SHIFTWATCH_DASHBOARDS_ACK_TOKEN to acknowledge findings).</p><form id="signin"><input id="token" type="password"
    size="40" autocomplete="off"> <button>Sign in</button> <span id="signin-error" class="err"></span></form></div>`;
  document.getElementById('signin').onsubmit = async e => {
    e.preventDefault();
    const r = await fetch('/api/session', {method: 'POST', headers: {Authorization: 'Bearer ' + document.getElementById('token').value}});
    if (r.ok) { startLive(); route(); } else document.getElementById('signin-error').textContent = 'token not accepted';
  };
}

function alertBadges(open) {
  return ['CRITICAL', 'WARNING', 'INFO'].filter(s => open[s]).map(s => `<span class="sev ${s}">${open[s]} ${s}</span>`).join(' ') || 'none';
}

async function runsPage() {
  const runs = await api('/api/runs');
  app.innerHTML = `<h1>Runs</h1><table id="runs"><tr><th>run</th><th>status</th><th>base model</th><th>latest step</th>
    <th>checkpoints (analysed)</th><th>open alerts</th></tr>${runs.map(r => `<tr class="run" data-run="${esc(r.runId)}">
    <td><a href="#/run/${enc(r.runId)}">${esc(r.runId)}</a></td><td>${esc(r.status)}</td><td>${esc(r.baseModelId)}</td>
    <td>${r.latestStep ?? '–'}</td><td>${r.checkpoints} (${r.analysed})</td><td>${alertBadges(r.openAlerts)}</td></tr>`).join('')}</table>
    ${runs.length ? '' : '<p>No runs yet: publish a checkpoint (see README) and it appears here live.</p>'}`;
}

function chart(series, steps, metric, title) {
  const W = 560, H = 220, L = 40, B = 24, T = 20;
  const vals = series.flatMap(s => s.points.map(p => p[metric]).filter(v => v != null));
  const max = Math.max(1e-9, ...vals), min = Math.min(0, ...vals);
  const x = i => L + (steps.length < 2 ? 0 : i * (W - L - 10) / (steps.length - 1));
  const y = v => H - B - (v - min) / (max - min) * (H - B - T);
  const index = new Map(steps.map((s, i) => [s, i]));
  const line = s => s.points.filter(p => p[metric] != null).map((p, i) => `${i ? 'L' : 'M'}${x(index.get(p.step)).toFixed(1)},${y(p[metric]).toFixed(1)}`).join('');
  const ordered = [...series].sort((a, b) => flagRank(a.flag) - flagRank(b.flag));
  const every = Math.ceil(steps.length / 10);
  return `<svg class="chart" data-metric="${metric}" data-steps="${steps.length}" viewBox="0 0 ${W} ${H}" preserveAspectRatio="xMinYMin meet">
    <text x="${L}" y="14" font-weight="600">${esc(title)}</text>
    <line x1="${L}" y1="${H - B}" x2="${W}" y2="${H - B}" stroke="#555"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#555"/>
    <text x="2" y="${T + 8}" font-size="10">${fmt(max)}</text><text x="2" y="${H - B}" font-size="10">${fmt(min)}</text>
    <g class="x-ticks">${steps.map((s, i) => `<g class="tick" data-step="${s}"><line x1="${x(i)}" y1="${H - B}" x2="${x(i)}" y2="${H - B + 4}" stroke="#555"/>
      ${i % every === 0 ? `<text x="${x(i)}" y="${H - 6}" font-size="9" text-anchor="middle">${s}</text>` : ''}</g>`).join('')}</g>
    ${ordered.map(s => `<path class="${s.flag ? 'flagged ' + esc(s.flag) : 'normal'}" data-concept="${s.concept}" fill="none" d="${line(s)}">
      <title>${esc(s.target)}/${s.layer}/${s.concept} ${esc(s.label.join(' '))}</title></path>`).join('')}</svg>`;
}

// Drawing order and emphasis: unflagged below, INFO (blue) above them, WARNING/CRITICAL (red) on top.
const flagRank = flag => ({INFO: 1, WARNING: 2, CRITICAL: 3})[flag] || 0;

function flaggedList(runId, concepts) {
  const link = s => `<a class="flagged-concept" href="#/concept/${enc(runId)}/${enc(s.target)}/${s.layer}/${s.concept}">${esc(s.target)}/${s.concept} ${esc(s.label.join(' '))} (${s.flag})</a>`;
  const serious = concepts.filter(s => flagRank(s.flag) >= 2), info = concepts.filter(s => s.flag === 'INFO');
  return `<p>Warning or critical (red): ${serious.map(link).join(', ') || 'none'}</p>${info.length ? `<details><summary>Info only (blue):
    ${info.length} concepts</summary><p>${info.map(link).join(', ')}</p></details>` : ''}`;
}

function findingsTable(findings) {
  if (!findings.length) return '<p>No findings.</p>';
  return `<table id="alerts"><tr><th>severity</th><th>type</th><th>concept</th><th>steps</th><th>state</th><th>acknowledged</th><th></th></tr>
    ${findings.map(f => `<tr class="finding" data-finding="${f.findingId}"><td><span class="sev ${f.severity}">${f.severity}</span></td>
    <td>${esc(f.type)}</td><td>${esc(f.target)}/${f.layer}/${f.concept}</td><td>${f.firstSeenStep}–${f.lastSeenStep}</td>
    <td class="state">${esc(f.state)}</td><td class="acks">${f.acknowledgements.map(a => `${esc(a.who)}: “${esc(a.why)}”`).join('<br>')}</td>
    <td><form class="ack" data-finding="${f.findingId}"><input name="who" placeholder="who"> <input name="why" placeholder="why">
    <button>Acknowledge</button> <span class="err"></span></form></td></tr>`).join('')}</table>`;
}

function wireAcks() {
  document.querySelectorAll('form.ack').forEach(form => form.onsubmit = async e => {
    e.preventDefault();
    try {
      await api(`/api/findings/${form.dataset.finding}/acknowledge`, {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({who: form.who.value, why: form.why.value})});
      route();
    } catch (err) { form.querySelector('.err').textContent = err.message; }
  });
}

// Latest analysis-progress event per "run/step": the analyzer publishes progress on Kafka only, so the
// page shows what the live feed said while the database still says RECEIVED or ANALYSING.
const liveProgress = new Map();

function progressOf(runId, c) {
  if (c.status === 'ANALYSED' || c.status === 'FAILED') return null;
  return c.stage ? {stage: c.stage, fraction: c.fraction} : liveProgress.get(runId + '/' + c.step) || null;
}

function progressText(runId, c) {
  const p = progressOf(runId, c);
  return p ? `${p.stage} ${Math.round(100 * p.fraction)}%` : c.status === 'RECEIVED' ? 'waiting for the analyzer' : c.status.toLowerCase();
}

function checkpointBox(runId, c) {
  const p = progressOf(runId, c), pct = p ? Math.round(100 * p.fraction) : 0;
  const title = `step ${c.step}: ${c.status}${p ? ' — ' + progressText(runId, c) : ''}${c.failureReason ? ' — ' + c.failureReason : ''}`;
  return `<div class="cp ${c.status}" data-step="${c.step}" title="${esc(title)}" style="--done:${pct}%">${c.step}</div>`;
}

async function runPage(runId) {
  const d = await api('/api/runs/' + enc(runId));
  const steps = [...new Set(d.concepts.flatMap(s => s.points.map(p => p.step)))].sort((a, b) => a - b);
  app.innerHTML = `<h1>Run ${esc(runId)}</h1><p>${esc(d.run.status)} · base ${esc(d.run.baseModelId)} · latest step ${d.run.latestStep ?? '–'}
    · open alerts ${alertBadges(d.run.openAlerts)}</p>
    <div class="card"><h3>Checkpoints</h3><div class="timeline" id="timeline">${d.checkpoints.map(c => checkpointBox(runId, c)).join('')}</div>
      <p id="analysing">${d.checkpoints.filter(c => c.status !== 'ANALYSED' && c.status !== 'FAILED').map(c => `step ${c.step}: ${esc(progressText(runId, c))}`).join(' · ')}</p></div>
    <div class="card"><h3>Concept drift over steps</h3>${flaggedList(runId, d.concepts)}
    <div class="grid">${chart(d.concepts, steps, 'tOverlap', 'T-Overlap')}${chart(d.concepts, steps, 'cosine', 'cosine to matched concept')}${chart(d.concepts, steps, 'magnitude', 'shift magnitude')}</div></div>
    <div class="card"><h3>Alerts</h3>${findingsTable(d.findings)}</div>
    <div class="card"><h3>What fine-tuning added (coarse shift words)</h3><table id="coarse"><tr><th>step</th><th>target</th><th>magnitude</th><th>words</th></tr>
      ${d.coarseShifts.map(c => `<tr><td>${c.step}</td><td>${esc(c.target)}/${c.layer}</td><td>${fmt(c.magnitude)}</td><td class="words">${c.words.map(w => `<span>${esc(w)}</span>`).join('')}</td></tr>`).join('')}</table></div>
    <div class="card"><h3>Base concepts</h3><table id="concepts"><tr><th>concept</th><th>words</th><th>latest T-Overlap</th><th>flag</th></tr>
      ${d.concepts.map(s => `<tr class="${s.flag ? 'flag-row' : ''}"><td><a href="#/concept/${enc(runId)}/${enc(s.target)}/${s.layer}/${s.concept}">${esc(s.target)}/${s.layer}/${s.concept}</a></td>
      <td>${esc(s.label.join(' '))}</td><td>${fmt(s.points.at(-1)?.tOverlap)}</td><td>${s.flag ? `<span class="sev ${s.flag}">${s.flag}</span>` : ''}</td></tr>`).join('')}</table></div>`;
  wireAcks();
}

function images(concept) {
  return `<div class="imgs">${(concept?.images || []).map(i => `<img src="${i.url}" alt="${esc(i.sampleId)}" title="${esc(i.sampleId)} ${fmt(i.activation)}"
    onerror="this.outerHTML='<span class=na>image not available (${esc(i.sampleId)})</span>'">`).join('') || 'none'}</div>`;
}

async function conceptPage(runId, target, layer, concept, step) {
  const d = await api(`/api/runs/${enc(runId)}/concepts/${enc(target)}/${layer}/${concept}${step ? '?step=' + step : ''}`);
  const words = (list, cls) => list.map(w => `<span class="${cls}">${esc(w)}</span>`).join('');
  app.innerHTML = `<h1>Concept ${esc(target)}/${layer}/${concept} of <a href="#/run/${enc(runId)}">${esc(runId)}</a> at step
    <select id="step">${d.steps.map(s => `<option ${s === d.step ? 'selected' : ''}>${s}</option>`).join('')}</select></h1>
    <p>Matched checkpoint concept: <b id="matched">${d.matched ? d.matched.index : 'none (vanished)'}</b> · cosine ${fmt(d.cosine)} · T-Overlap ${fmt(d.tOverlap)} · image overlap ${fmt(d.imageOverlap)}</p>
    <div class="grid"><div class="card"><h3>Grounding words</h3><div class="words" id="words">${words(d.words.kept, 'kept')}${words(d.words.added, 'added')}${words(d.words.lost, 'lost')}</div>
      <p><small>green kept · orange added · red lost</small></p></div>
    <div class="card"><h3>Shift (PAPER §4)</h3><p>words of the shift vector: <span class="words">${words(d.shift.shiftWords, '')}</span></p>
      <p>magnitude ${fmt(d.shift.magnitude)} · consistency ${fmt(d.shift.consistency)} · recovery (cos) ${fmt(d.shift.recoveryCos)} · recovery (L2) ${fmt(d.shift.recoveryL2)}</p></div></div>
    <div class="grid"><div class="card"><h3>Top images, base</h3>${images(d.base)}</div><div class="card"><h3>Top images, checkpoint</h3>${images(d.matched)}</div></div>
    <div class="card"><h3>Metrics against calibrated bounds</h3><table id="bounds"><tr><th>metric</th><th>value</th><th>bound</th><th>verdict</th></tr>
      ${d.bounds.map(b => `<tr><td>${b.metric}</td><td>${fmt(b.value)}</td><td>${b.bound == null ? (b.note || 'no null distribution') : `${b.tail === 'LOW' ? '≥' : '≤'} ${fmt(b.bound)} (q=${b.quantile}, n=${b.nullSamples})`}</td>
      <td>${b.outside == null ? '–' : b.outside ? '<span class="sev CRITICAL">outside</span>' : 'within'}</td></tr>`).join('')}</table></div>
    <div class="card">${chart([{target, layer, concept, label: [], flag: d.findings.length ? 'x' : null, points: d.series}], d.steps, 'tOverlap', 'T-Overlap of this concept')}</div>
    <div class="card"><h3>Findings</h3>${findingsTable(d.findings)}</div>
    <p><a href="#/search?concept=${d.base ? d.base.conceptId : ''}">Similar concepts across runs →</a></p>`;
  document.getElementById('step').onchange = e => location.hash = `#/concept/${enc(runId)}/${enc(target)}/${layer}/${concept}/${e.target.value}`;
  wireAcks();
}

function hits(list) {
  return `<table class="hits"><tr><th>similarity</th><th>where</th><th>concept</th><th>words</th></tr>${list.map(h => `<tr class="hit">
    <td>${h.cosine == null ? '' : fmt(h.cosine)}</td><td>${h.base ? 'base ' + esc(h.modelHash.slice(0, 8)) : `<a href="#/run/${enc(h.runId)}">${esc(h.runId)}</a> step ${h.step}`}</td>
    <td>${h.runId && h.baseConcept != null ? `<a href="#/concept/${enc(h.runId)}/${enc(h.target)}/${h.layer}/${h.baseConcept}/${h.step}">${esc(h.target)}/${h.layer}/${h.index}</a>` : `${esc(h.target)}/${h.layer}/${h.index}`}
    <a href="#/search?concept=${h.conceptId}">similar</a></td><td>${esc(h.words.join(' '))}</td></tr>`).join('')}</table>`;
}

async function searchPage(params) {
  const q = new URLSearchParams(params);
  app.innerHTML = `<h1>Concept search</h1><form id="search"><input name="word" placeholder="a grounding word, e.g. woman" value="${esc(q.get('word') || '')}">
    <button>Search</button></form><div id="results"></div>`;
  document.getElementById('search').onsubmit = e => { e.preventDefault(); location.hash = '#/search?word=' + enc(e.target.word.value); };
  if (!q.get('word') && !q.get('concept')) return;
  const r = await api('/api/search?' + q.toString());
  document.getElementById('results').innerHTML = (r.word != null ? `<h3>Concepts grounding “${esc(r.word)}”</h3>${hits(r.grounding)}` : '')
    + `<h3>Nearest concepts (pgvector, cosine) to concept ${r.queryConcept ?? '–'}</h3>${hits(r.neighbours)}`;
}

async function route() {
  const h = decodeURI(location.hash.slice(1) || '/');
  const [path, query] = h.split('?');
  const p = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (p[0] === 'run') await runPage(p[1]);
    else if (p[0] === 'concept') await conceptPage(p[1], p[2], p[3], p[4], p[5]);
    else if (p[0] === 'search') await searchPage(query || '');
    else await runsPage();
  } catch (e) { if (e.message !== 'signed out') app.innerHTML = `<p class="err">${esc(e.message)}</p>`; }
}

let source, pending, trailing = [];
function refreshSoon() {
  if (document.activeElement && document.activeElement.tagName === 'INPUT') return; // do not wipe what someone types
  clearTimeout(pending); pending = setTimeout(route, 300);
}

function startLive() {
  if (source) source.close();
  source = new EventSource('/api/events');
  const badge = document.getElementById('live');
  source.onopen = () => { badge.textContent = 'live: on'; badge.className = 'live on'; };
  source.onerror = () => { badge.textContent = 'live: reconnecting'; badge.className = 'live off'; };
  source.addEventListener('progress', e => {
    const f = JSON.parse(e.data);
    if (f.record && f.record.stage != null) liveProgress.set(f.runId + '/' + f.step, {stage: f.record.stage, fraction: f.record.fraction});
  });
  for (const kind of ['progress', 'analysis', 'alert', 'ack']) source.addEventListener(kind, refreshSoon);
  // The auditor records an alert's finding in PostgreSQL AFTER publishing it (measured in the demo: about one row a
  // second, up to ~80 s behind a burst of alerts), so look again while the rows land, not only at the next event.
  source.addEventListener('alert', () => {
    trailing.forEach(clearTimeout);
    trailing = [2, 5, 10, 20, 40, 80, 120].map(s => setTimeout(refreshSoon, s * 1000));
  });
}

window.addEventListener('hashchange', route);
startLive();
route();
