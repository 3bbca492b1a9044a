// Admin jobs: start training/eval jobs, list them with progress bars, show one job's log.
// Polls every second while any job runs; stops when all are finished or the tab closes.
import * as api from '../../api.js';
import { h, useStyles, show, formatDate, fill } from '../../lib/dom.js';
import { table, fraction, RUNNING, stateBadge } from '../../lib/admin.js';
import { importOutcome } from '../../lib/import-outcome.js';

/** An import's real outcome: "succeeded" with rejected rows is amber, with none written red. */
function importOutcomeLine(job) {
  const o = importOutcome(job);
  return h('p', { class: `badge badge-${o.tone === 'danger' ? 'danger' : o.tone === 'warn' ? 'warn' : 'ok'}`, 'data-testid': 'job-import-outcome' }, o.text);
}
import { toast, showError } from '../../lib/ui.js';

useStyles(import.meta.url);

const KINDS = [
  { id: 'train-recommender', label: 'Train recommender' },
  { id: 'train-melody', label: 'Train melody model' },
  { id: 'train-lyrics', label: 'Train lyrics model' },
  { id: 'eval', label: 'Run evaluation' },
  { id: 'library-scan', label: 'Rescan music libraries' },
];

function progressBar(job) {
  const f = fraction(job.progress);
  const pct = f === null ? null : Math.round(f * 100);
  return h('div', { class: 'job-progress' },
    h('progress', { max: 100, value: pct ?? undefined, 'data-testid': 'job-progress', 'aria-label': `Progress of ${job.kind ?? 'job'}`, 'data-job-id': job.id }),
    h('span', { class: 'small muted' }, pct === null ? '—' : `${pct}%`));
}

class AdminJobs extends HTMLElement {
  connectedCallback() {
    this.list = h('div');
    this.detail = h('section', { class: 'card stack', hidden: true, 'data-testid': 'job-detail' });
    fill(this, h('h2', 'Jobs'),
      h('div', { class: 'row', role: 'group', 'aria-label': 'Start a job' }, KINDS.map((k) => h('button', {
        class: 'btn', 'data-testid': `start-job-${k.id}`, onclick: () => this.start(k.id),
      }, `▶ ${k.label}`))),
      this.list, this.detail);
    this.refresh();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    this.closed = true;
  }

  async start(kind) {
    try {
      const res = await api.post('/api/admin/jobs', { kind });
      toast(`Started ${kind}${res?.jobId ? ` (job ${res.jobId})` : ''}`, 'ok', 2500);
      if (res?.jobId) this.openId = res.jobId;
      this.refresh();
    } catch (e) {
      showError(e, 'Could not start the job: ');
    }
  }

  async refresh() {
    clearTimeout(this.timer);
    let running = false;
    try {
      const res = await api.get('/api/admin/jobs');
      this.items = Array.isArray(res?.items) ? res.items : [];
      running = this.items.some((j) => RUNNING.has(String(j.state ?? '').toLowerCase()));
      this.render();
      if (this.openId !== undefined && this.openId !== null) await this.loadDetail(this.openId);
    } catch (e) {
      fill(this.list, h('p', { class: 'form-error', role: 'alert' }, `Could not load jobs: ${e.message}`));
    }
    if (running && !this.closed) this.timer = setTimeout(() => this.refresh(), 1000);
  }

  render() {
    fill(this.list, table([
      { label: 'Job', cell: (j) => h('button', { class: 'link-like', 'data-testid': 'job-open', onclick: () => { this.openId = j.id; this.loadDetail(j.id); } }, `${show(j.kind)} #${show(j.id)}`) },
      { label: 'State', cell: (j) => stateBadge(j.state) },
      { label: 'Progress', cell: (j) => progressBar(j) },
      { label: 'Message', cell: (j) => show(j.message) },
      { label: 'Created', cell: (j) => formatDate(j.createdAt) },
      { label: 'Started', cell: (j) => formatDate(j.startedAt) },
      { label: 'Finished', cell: (j) => formatDate(j.finishedAt) },
    ], this.items, { testid: 'jobs-table', empty: 'No jobs yet.', rowAttrs: (j) => ({ 'data-job-id': j.id }) }));
  }

  async loadDetail(id) {
    try {
      const j = await api.get(`/api/admin/jobs/${encodeURIComponent(id)}`);
      const log = Array.isArray(j?.log) ? j.log.join('\n') : typeof j?.log === 'string' ? j.log : '';
      const pre = h('pre', { class: 'log-view', 'data-testid': 'job-log' }, log || 'No log output.');
      fill(this.detail,
        h('div', { class: 'row between' }, h('h3', `${show(j?.kind)} #${show(j?.id ?? id)}`),
          h('button', { class: 'btn btn-small', onclick: () => { this.openId = null; this.detail.hidden = true; } }, 'Close')),
        h('div', { class: 'row' }, stateBadge(j?.state), h('span', { class: 'grow' }, progressBar(j ?? {})), h('span', { class: 'muted small' }, show(j?.message))),
        j?.kind === 'import' && j.state !== 'running' ? importOutcomeLine(j) : null,
        pre);
      this.detail.hidden = false;
      pre.scrollTop = pre.scrollHeight;
      if (RUNNING.has(String(j?.state ?? '').toLowerCase()) && !this.timer) this.timer = setTimeout(() => this.refresh(), 1000);
    } catch (e) {
      fill(this.detail, h('p', { class: 'form-error' }, `Could not load job ${id}: ${e.message}`));
      this.detail.hidden = false;
    }
  }
}

customElements.define('ts-admin-jobs', AdminJobs);
