// Admin models & evaluation: GET /api/admin/models (activate one), GET /api/admin/eval drawn
// as a grouped SVG bar chart (one series per scorer).
import * as api from '../../api.js';
import { h, useStyles, show, formatDate, fill } from '../../lib/dom.js';
import { table, details } from '../../lib/admin.js';
import { toast, showError, confirmDialog } from '../../lib/ui.js';
import { METRICS, evalChartData } from '../../lib/eval.js';
import '../bar-chart/bar-chart.js';

useStyles(import.meta.url);

const METRIC_LABELS = { tracks: 'Tracks in the model', users: 'Listeners with events', trainSeconds: 'Training time', bestValidationLoss: 'Best validation loss' };

/**
 * The ranking-quality figure training stored with a version (metrics.quality): NDCG@10 and Recall@20 of
 * the served blend on the community's held-out events, popularity beside it; or, honestly, why there is none.
 */
export function qualityInWords(q) {
  if (!q || typeof q !== 'object') return 'not measured (trained before quality figures were stored)';
  if (q.status !== 'measured') return q.reason ?? 'not enough data';
  const f = (x) => (typeof x === 'number' ? x.toFixed(3) : '—');
  const pop = q.popularity ?? {};
  return `NDCG@10 ${f(q['ndcg@10'])} · Recall@20 ${f(q['recall@20'])} (popularity: ${f(pop['ndcg@10'])} / ${f(pop['recall@20'])}), on ${q.evaluatedUsers} listeners' held-out tracks`;
}

function formatMetric(key, v) {
  if (key === 'quality') return qualityInWords(v);
  if (typeof v !== 'number') return show(v);
  if (key === 'trainSeconds') return `${v.toFixed(1)} s`;
  return Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(3);
}

/** "20,011 tracks · 54 events · trained in 3.2 s" instead of raw JSON. */
function metricsInWords(metrics) {
  if (!metrics || typeof metrics !== 'object' || !Object.keys(metrics).length) return '—';
  return Object.entries(metrics).map(([k, v]) => `${METRIC_LABELS[k] ?? k}: ${formatMetric(k, v)}`).join(' · ');
}

class AdminModels extends HTMLElement {
  connectedCallback() {
    this.models = h('div');
    this.settings = h('p', { class: 'muted small', 'data-testid': 'models-settings' });
    this.compare = h('div', { 'data-testid': 'models-compare' });
    this.preview = h('div', { 'data-testid': 'models-preview' });
    this.evalBox = h('div', { class: 'stack' });
    this.chosen = new Set();
    fill(this, h('h2', 'Models'), this.settings, this.models,
      h('section', { class: 'card stack', 'aria-labelledby': 'cmp-h' }, h('h3', { id: 'cmp-h' }, 'Compare versions'), this.compare),
      h('section', { class: 'card stack', 'aria-labelledby': 'prev-h' }, h('h3', { id: 'prev-h' }, 'Preview a user\'s recommendations'), this.preview),
      h('section', { class: 'card stack', 'data-testid': 'eval-section' }, h('h2', 'Evaluation'), this.evalBox));
    this.loadModels();
    this.loadEval();
  }

  async loadModels() {
    try {
      const [res, settings] = await Promise.all([api.get('/api/admin/models'), api.get('/api/admin/models/settings').catch(() => null)]);
      const items = Array.isArray(res?.items) ? res.items : [];
      this.items = items;
      if (settings) {
        this.settings.textContent = settings.autoActivate
          ? 'A finished training job makes its model live at once (recommender.autoActivate = true).'
          : 'A finished training job only stores its model: compare it, preview it for a user, then press “Make live” (recommender.autoActivate = false).';
      }
      const recommenders = items.filter((m) => m.kind === 'recommender');
      if (!this.chosen.size) recommenders.slice(0, 2).forEach((m) => this.chosen.add(m.id));
      fill(this.models, table([
        { label: 'Compare', cell: (m) => (m.kind === 'recommender' ? h('input', { type: 'checkbox', checked: this.chosen.has(m.id), 'aria-label': `Compare ${m.version}`, 'data-testid': 'model-compare', onchange: (e) => { if (e.target.checked) this.chosen.add(m.id); else this.chosen.delete(m.id); this.renderCompare(); } }) : '') },
        { label: 'Kind', cell: (m) => show(m.kind) },
        { label: 'Version', cell: (m) => show(m.version) },
        { label: 'Live', cell: (m) => (m.live ? h('span', { class: 'badge badge-ok', 'data-testid': 'model-live' }, 'live') : h('span', { class: 'muted' }, 'stored')) },
        { label: 'Metrics', cell: (m) => metricsInWords(m.metrics) },
        { label: 'Created', cell: (m) => formatDate(m.createdAt) },
        { label: '', cell: (m) => (m.live ? '' : h('button', { class: 'btn btn-small', 'data-testid': 'model-activate', onclick: () => this.activate(m) }, 'Make live')) },
      ], items, { testid: 'models-table', empty: 'No trained models yet. Start a training job in Jobs.' }));
      this.renderCompare();
      this.renderPreviewForm(recommenders);
    } catch (e) {
      fill(this.models, h('p', { class: 'form-error' }, `Could not load models: ${e.message}`));
    }
  }

  renderCompare() {
    const chosen = (this.items ?? []).filter((m) => this.chosen.has(m.id));
    if (chosen.length < 1) {
      fill(this.compare, h('p', { class: 'muted' }, 'Tick two or more recommender versions above to see them side by side.'));
      return;
    }
    const keys = [...new Set(chosen.flatMap((m) => Object.keys(m.metrics ?? {})))].filter((k) => k !== 'quality').sort();
    const recommenders = chosen.filter((m) => m.kind === 'recommender');
    const row = (label, f) => h('tr', h('th', { scope: 'row' }, label), chosen.map((m) => h('td', f(m))));
    fill(this.compare, h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Versions side by side' },
      h('table', { class: 'table', 'data-testid': 'compare-table' },
        h('thead', h('tr', h('th', { scope: 'col' }, 'Metric'), chosen.map((m) => h('th', { scope: 'col' }, m.version)))),
        h('tbody',
          row('State', (m) => (m.live ? 'live' : 'stored')),
          row('Created', (m) => formatDate(m.createdAt)),
          row('Training job', (m) => show(m.jobId)),
          recommenders.length ? h('tr', { 'data-testid': 'compare-quality' }, h('th', { scope: 'row' }, 'Ranking quality'),
            chosen.map((m) => h('td', { 'data-testid': 'quality-cell', 'data-status': m.metrics?.quality?.status ?? 'none', 'data-version': m.version },
              m.kind === 'recommender' ? qualityInWords(m.metrics?.quality) : '—'))) : null,
          keys.map((k) => row(METRIC_LABELS[k] ?? k, (m) => formatMetric(k, m.metrics?.[k])))))),
      keys.length ? null : h('p', { class: 'muted small' }, 'These versions recorded no metrics.'),
      h('p', { class: 'muted small' }, 'Ranking quality is measured when a version is trained: its served blend, trained on 80 % of each listener\'s likes and plays here, ranks the held-out 20 % (NDCG@10, Recall@20; popularity as the floor). The evaluation runs below measure the recommender on Last.fm listening instead.'));
  }

  renderPreviewForm(recommenders) {
    if (!recommenders.length) {
      fill(this.preview, h('p', { class: 'muted' }, 'No recommender versions yet.'));
      return;
    }
    const user = h('input', { id: 'preview-user', required: true, placeholder: 'username or id', 'data-testid': 'preview-user' });
    const version = h('select', { id: 'preview-version', 'data-testid': 'preview-version' },
      recommenders.map((m) => h('option', { value: String(m.id) }, `${m.version}${m.live ? ' (live)' : ''}`)));
    const out = h('div', { 'data-testid': 'preview-result', role: 'status', 'aria-live': 'polite' });
    const form = h('form', { class: 'toolbar', onsubmit: async (e) => {
      e.preventDefault();
      if (!user.value.trim()) { user.focus(); return; }
      fill(out, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Computing…');
      try {
        const res = await api.get(`/api/admin/models/${encodeURIComponent(version.value)}/preview`, { user: user.value.trim(), k: 10 });
        const list = (items) => h('ol', { class: 'small' }, items.map((x) => h('li', h('strong', x.track.title), ` — ${x.track.artist}`, x.reasons?.length ? h('div', { class: 'muted' }, x.reasons.join('; ')) : null)));
        fill(out, h('p', `For ${res.user.username}: ${res.overlap} of ${res.items.length} tracks are the same under both versions.`),
          h('div', { class: 'preview-cols' },
            h('div', h('h4', `Under ${res.version}`), list(res.items)),
            h('div', h('h4', `Live now (${res.liveVersion})`), list(res.liveItems))));
      } catch (err) {
        fill(out, h('p', { class: 'form-error' }, `Preview failed: ${err.message}`));
      }
    } },
    h('div', { class: 'field' }, h('label', { for: 'preview-user' }, 'User'), user),
    h('div', { class: 'field' }, h('label', { for: 'preview-version' }, 'Version'), version),
    h('button', { class: 'btn', type: 'submit', 'data-testid': 'preview-submit' }, 'Preview'));
    fill(this.preview, form, out);
  }

  async activate(m) {
    if (!await confirmDialog(`Make ${m.kind} ${m.version} live? It replaces the current ${m.kind} model for everyone.`, { confirmLabel: 'Make live' })) return;
    try {
      await api.post(`/api/admin/models/${encodeURIComponent(m.id)}/activate`, {});
      toast(`${m.kind} ${m.version} is live`, 'ok');
      this.loadModels();
    } catch (e) {
      showError(e, 'Activation failed: ');
    }
  }

  async loadEval() {
    try {
      const res = await api.get('/api/admin/eval');
      this.runs = (Array.isArray(res?.items) ? res.items : []).slice().sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
      if (!this.runs.length) {
        fill(this.evalBox, h('p', { class: 'empty' }, 'No evaluation runs yet. Start “Run evaluation” in Jobs.'));
        return;
      }
      const select = h('select', { 'aria-label': 'Evaluation run', 'data-testid': 'eval-run' },
        this.runs.map((r, i) => h('option', { value: String(i) }, `${formatDate(r.createdAt)} (${show(r.id)})`)));
      this.chart = document.createElement('ts-bar-chart');
      this.chart.setAttribute('label', 'Recommender evaluation: metric by scorer');
      this.chart.setAttribute('data-testid', 'eval-chart');
      this.table = h('div');
      select.addEventListener('change', () => this.showRun(this.runs[+select.value]));
      fill(this.evalBox, h('div', { class: 'row' }, h('label', { for: 'eval-run' }, 'Run'), Object.assign(select, { id: 'eval-run' })), this.chart, this.table);
      this.showRun(this.runs[0]);
    } catch (e) {
      fill(this.evalBox, h('p', { class: 'form-error' }, `Could not load evaluations: ${e.message}`));
    }
  }

  showRun(run) {
    const data = evalChartData(run);
    this.chart.data = data;
    fill(this.table, table([
      { label: 'Scorer', cell: (s) => h('strong', s.name) },
      ...METRICS.map((k, i) => ({ label: k, cell: (s) => (typeof s.values[i] === 'number' ? s.values[i].toFixed(3) : '—') })),
    ], data.series, { testid: 'eval-table', empty: 'This run has no scorer results.' }));
  }
}

customElements.define('ts-admin-models', AdminModels);
