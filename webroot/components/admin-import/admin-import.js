// <ts-admin-import>: start a catalogue import by uploading a file from this browser (streamed to
// POST /api/admin/import/upload, with upload progress) or by a path on the server
// (POST /api/admin/import), then follow the job and say honestly how it ended: failed (red),
// done with N rejected rows (amber), or done (green), with the first rejected rows and the text repairs.
import * as api from '../../api.js';
import * as session from '../../session.js';
import { h, useStyles, fill, emit } from '../../lib/dom.js';
import { importOutcome } from '../../lib/import-outcome.js';

useStyles(import.meta.url);

const KINDS = [
  { id: 'features', label: 'Audio features (CSV)', upload: true, example: '/path/to/features.csv',
    hint: 'A CSV with the columns id, name, artist and any of valence, energy, danceability, acousticness, instrumentalness, tempo.' },
  { id: 'demo', label: 'Demo catalogue format (.csv.gz)', upload: true, example: 'src/main/resources/catalog/demo-tracks.csv.gz',
    hint: 'The format of the shipped demo catalogue (written by ./tunesmith derive-catalog).' },
  { id: 'freemusicc', label: 'freemusi.cc folder (releases.csv + tracks.csv)', upload: false, example: '../shared/data/freemusicc',
    hint: 'A folder on the server: upload is not possible for folders. Relative paths start at the server\'s working folder.' },
  { id: 'lastfm', label: 'Last.fm HetRec folder', upload: false, example: '../shared/data/lastfm-hetrec2k',
    hint: 'The HetRec 2011 folder (artists.dat, user_artists.dat, …) on the server.' },
];
const MAX_MB = 256;

/** Uploads a File with XMLHttpRequest (fetch has no upload progress); resolves to the parsed JSON. */
function uploadFile(url, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Authorization', `Bearer ${session.token()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new api.ApiError(0, 'network_error', 'the upload was interrupted'));
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new api.ApiError(xhr.status, body?.error?.code, body?.error?.message ?? `HTTP ${xhr.status}`));
    };
    xhr.send(file);
  });
}

class AdminImport extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('card', 'stack');
    this.setAttribute('data-testid', 'import-form');
    this.kind = h('select', { id: 'imp-kind', name: 'kind', 'data-testid': 'import-kind', onchange: () => this.sync() }, KINDS.map((k) => h('option', { value: k.id }, k.label)));
    this.source = 'upload';
    this.file = h('input', { id: 'imp-file', type: 'file', accept: '.csv,.gz,text/csv', 'data-testid': 'import-file' });
    this.path = h('input', { id: 'imp-path', name: 'path', 'data-testid': 'import-path' });
    this.modeUpload = h('input', { type: 'radio', name: 'imp-source', id: 'imp-src-upload', value: 'upload', checked: true, onchange: () => this.sync() });
    this.modePath = h('input', { type: 'radio', name: 'imp-source', id: 'imp-src-path', value: 'path', 'data-testid': 'import-source-path', onchange: () => this.sync() });
    this.fileField = h('div', { class: 'field grow' }, h('label', { for: 'imp-file' }, `File (at most ${MAX_MB} MiB)`), this.file);
    this.pathField = h('div', { class: 'field grow' }, h('label', { for: 'imp-path' }, 'Path on the server'), this.path);
    this.hint = h('p', { class: 'muted small', 'data-testid': 'import-hint' });
    this.progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Import progress', 'data-testid': 'import-progress' });
    this.result = h('div', { role: 'status', 'aria-live': 'polite', 'data-testid': 'import-result' });
    this.submit = h('button', { class: 'btn btn-primary', type: 'submit', 'data-testid': 'import-submit' }, 'Start import');
    fill(this, h('h3', 'Import'),
      h('form', { class: 'stack', onsubmit: (e) => { e.preventDefault(); this.start(); } },
        h('div', { class: 'field' }, h('label', { for: 'imp-kind' }, 'What'), this.kind), this.hint,
        h('fieldset', { class: 'row plain' }, h('legend', { class: 'small' }, 'From'),
          this.modeUpload, h('label', { for: 'imp-src-upload' }, 'a file on this computer'),
          this.modePath, h('label', { for: 'imp-src-path' }, 'a path on the server')),
        this.fileField, this.pathField, h('div', { class: 'row' }, this.submit)),
      this.progress, this.result);
    this.sync();
  }

  disconnectedCallback() {
    clearTimeout(this.poll);
  }

  get kindInfo() {
    return KINDS.find((k) => k.id === this.kind.value) ?? KINDS[0];
  }

  sync() {
    const k = this.kindInfo;
    this.modeUpload.disabled = !k.upload;
    if (!k.upload) this.modePath.checked = true;
    const upload = this.modeUpload.checked && k.upload;
    this.fileField.hidden = !upload;
    this.pathField.hidden = upload;
    this.path.placeholder = k.example;
    this.hint.textContent = k.hint;
  }

  show(tone, ...content) {
    fill(this.result, h('p', { class: `import-outcome tone-${tone}`, 'data-tone': tone, 'data-testid': 'import-outcome' }, ...content));
  }

  async start() {
    const k = this.kindInfo;
    const upload = this.modeUpload.checked && k.upload;
    clearTimeout(this.poll);
    this.progress.hidden = false;
    this.progress.value = 0;
    this.submit.disabled = true;
    try {
      let res;
      if (upload) {
        const file = this.file.files?.[0];
        if (!file) throw new api.ApiError(400, 'file_required', 'choose a file first');
        if (file.size > MAX_MB * 1024 * 1024) throw new api.ApiError(413, 'payload_too_large', `the file is larger than ${MAX_MB} MiB`);
        this.show('info', `Uploading ${file.name}…`);
        res = await uploadFile(`/api/admin/import/upload?kind=${encodeURIComponent(k.id)}&name=${encodeURIComponent(file.name)}`, file, (f) => {
          this.progress.value = f * 0.5;
          this.show('info', `Uploading ${file.name}: ${Math.round(f * 100)} %`);
        });
      } else {
        const path = this.path.value.trim();
        if (!path) throw new api.ApiError(400, 'path_required', 'enter a path on the server');
        res = await api.post('/api/admin/import', { kind: k.id, path });
      }
      this.jobId = res?.jobId;
      this.show('info', `Import job ${this.jobId} is running…`);
      this.follow(upload);
    } catch (e) {
      this.submit.disabled = false;
      this.progress.hidden = true;
      this.show('danger', `Failed: ${e.message}`);
    }
  }

  async follow(uploaded) {
    try {
      const job = await api.get(`/api/admin/jobs/${encodeURIComponent(this.jobId)}`);
      const base = uploaded ? 0.5 : 0;
      this.progress.value = base + (1 - base) * (typeof job.progress === 'number' ? job.progress : 0);
      const outcome = importOutcome(job);
      if (job.state === 'running' || job.state === 'queued') {
        this.show('info', `Job ${job.id}: ${outcome.text}`);
        this.poll = setTimeout(() => this.follow(uploaded), 700);
        return;
      }
      this.submit.disabled = false;
      this.progress.hidden = true;
      const r = job.result ?? {};
      const repaired = r.repairedText ? Number(r.repairedText.titles ?? 0) + Number(r.repairedText.artists ?? 0) + Number(r.repairedText.albums ?? 0) : 0;
      const rejected = (r.rejected ?? []).slice(0, 5);
      fill(this.result,
        h('p', { class: `import-outcome tone-${outcome.tone}`, 'data-tone': outcome.tone, 'data-testid': 'import-outcome' }, `Job ${job.id}: ${outcome.text}`),
        repaired ? h('p', { class: 'small', 'data-testid': 'import-repaired' }, `Repaired broken characters (double-encoded UTF-8) in ${r.repairedText.titles} titles, ${r.repairedText.artists} artists and ${r.repairedText.albums} albums.`) : null,
        rejected.length ? h('ul', { class: 'small', 'data-testid': 'import-rejected' }, rejected.map((x) => h('li', `${x.file}:${x.line}: ${x.reason}`))) : null,
        h('a', { href: '#/admin', onclick: (ev) => { ev.preventDefault(); emit(this, 'admin-tab', { tab: 'jobs' }); } }, 'All jobs'));
    } catch (e) {
      this.submit.disabled = false;
      this.show('danger', `Could not follow job ${this.jobId}: ${e.message}`);
    }
  }
}

customElements.define('ts-admin-import', AdminImport);
