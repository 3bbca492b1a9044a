// Admin models & evaluation: GET /api/admin/models (activate one), GET /api/admin/eval drawn
// as a grouped SVG bar chart (one series per scorer).
import * as api from '../../api.js';
import { h, useStyles, show, formatDate, fill } from '../../lib/dom.js';
import { table, details } from '../../lib/admin.js';
import { toast, showError, confirmDialog } from '../../lib/ui.js';
import { METRICS, evalChartData } from '../../lib/eval.js';
import '../bar-chart/bar-chart.js';

useStyles(import.meta.url);

class AdminModels extends HTMLElement {
  connectedCallback() {
    this.models = h('div');
    this.evalBox = h('div', { class: 'stack' });
    fill(this, h('h2', 'Models'), this.models, h('section', { class: 'card stack', 'data-testid': 'eval-section' }, h('h2', 'Evaluation'), this.evalBox));
    this.loadModels();
    this.loadEval();
  }

  async loadModels() {
    try {
      const res = await api.get('/api/admin/models');
      const items = Array.isArray(res?.items) ? res.items : [];
      fill(this.models, table([
        { label: 'Kind', cell: (m) => show(m.kind) },
        { label: 'Version', cell: (m) => show(m.version) },
        { label: 'Live', cell: (m) => (m.live ? h('span', { class: 'badge badge-ok', 'data-testid': 'model-live' }, 'live') : h('span', { class: 'muted' }, '—')) },
        { label: 'Metrics', cell: (m) => details(m.metrics) },
        { label: 'Created', cell: (m) => formatDate(m.createdAt) },
        { label: '', cell: (m) => (m.live ? '' : h('button', { class: 'btn btn-small', 'data-testid': 'model-activate', onclick: () => this.activate(m) }, 'Activate')) },
      ], items, { testid: 'models-table', empty: 'No trained models yet. Start a training job in Jobs.' }));
    } catch (e) {
      fill(this.models, h('p', { class: 'form-error' }, `Could not load models: ${e.message}`));
    }
  }

  async activate(m) {
    if (!await confirmDialog(`Make ${m.kind} v${m.version} live? It replaces the current ${m.kind} model for everyone.`, { confirmLabel: 'Activate' })) return;
    try {
      await api.post(`/api/admin/models/${encodeURIComponent(m.id)}/activate`, {});
      toast(`${m.kind} v${m.version} is live`, 'ok');
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
