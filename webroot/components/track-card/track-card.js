// <ts-track-card>: one Track (CONTRACT) with feature bars, a preview player and
// like / skip / favourite buttons. Bubbles `track-event` {trackId, type, playedSec?}
// and `tag-select` {tag}; the parent decides what to do with them.
import { FEATURES, estimatedKeys, featureOrigin } from '../../lib/features.js';
import { h, emit, useStyles, formatDuration, show, fill, uid } from '../../lib/dom.js';
import { isLibraryTrack as isLibrary } from '../../lib/player.js';
import * as likes from '../../lib/likes.js';
import { trackHref, artistHref, albumHref } from '../../lib/links.js';

useStyles(import.meta.url);

let playing = null;

export function featureBars(track) {
  const f = track?.features ?? {};
  const est = estimatedKeys(track);
  const rows = FEATURES.filter((x) => typeof f[x.key] === 'number' && Number.isFinite(f[x.key]));
  if (!rows.length) return h('p', { class: 'muted small' }, 'No audio features');
  return h('dl', { class: 'features', 'data-testid': 'track-features' }, rows.map((x) => {
    const v = f[x.key];
    const pct = Math.max(0, Math.min(1, (v - x.min) / (x.max - x.min))) * 100;
    const isEst = est.has(x.key);
    const valueText = x.unit ? `${Math.round(v)}${x.unit}` : `${Math.round(v * 100)}%`;
    return h('div', { class: ['feature', isEst && 'estimated'], title: isEst ? `${x.label}: ${valueText} (estimated)` : `${x.label}: ${valueText}` },
      h('dt', x.label, isEst ? h('span', { class: 'est', 'aria-label': 'estimated' }, ' ≈') : null),
      h('dd', h('span', { class: 'bar', role: 'meter', 'aria-label': isEst ? `${x.label} (estimated)` : x.label, 'aria-valuemin': x.min, 'aria-valuemax': x.max, 'aria-valuenow': v, 'aria-valuetext': valueText + (isEst ? ' (estimated)' : '') },
        h('span', { class: 'fill', style: { width: `${pct}%` } }))));
  }));
}

/** "≈ estimated" next to the title when the track's features are genre estimates (shown on compact cards too). */
export function estimateBadge(track) {
  const o = featureOrigin(track);
  if (!o?.estimated) return null;
  return h('span', { class: 'badge badge-warn est-badge', role: 'note', 'data-testid': 'estimated-badge', title: o.title, 'aria-label': `estimated features: ${o.title}` }, o.text);
}

/** "120 BPM · A minor · −14 LUFS" for tracks whose audio was analysed, else nothing. */
function measured(t) {
  const f = t?.features ?? {};
  if (f.estimated !== false || (!f.key && typeof f.loudness !== 'number')) return null;
  const parts = [];
  if (typeof f.tempo === 'number') parts.push(`${Math.round(f.tempo)} BPM`);
  if (f.key) parts.push(String(f.key));
  if (typeof f.loudness === 'number') parts.push(`${Math.round(f.loudness)} LUFS`);
  if (t.source === 'library' && t.licence) parts.push(`licence: ${t.licence}`);
  return h('div', { class: 'track-measured small muted', 'data-testid': 'track-measured', title: 'Measured from the audio' }, parts.join(' · '));
}

class TrackCard extends HTMLElement {
  set track(t) {
    this._track = t;
    if (this.isConnected) this.render();
  }

  get track() {
    return this._track;
  }

  set reasons(r) {
    this._reasons = Array.isArray(r) ? r : [];
    if (this.isConnected) this.render();
  }

  connectedCallback() {
    if (!this._rendered) this.render();
    this.offLikes ??= likes.onChange(() => this.syncLikes());
    likes.load();
  }

  /** Hearts and stars show the remembered state (GET /api/me/likes), not just this page's clicks. */
  syncLikes() {
    const id = this._track?.id;
    if (id === undefined || id === null || !this.likeBtn) return;
    this.liked = likes.isLiked(id);
    this.favorite = likes.isFavorite(id);
    this.likeBtn.setAttribute('aria-pressed', String(this.liked));
    this.favBtn.setAttribute('aria-pressed', String(this.favorite));
  }

  disconnectedCallback() {
    this.offLikes?.();
    this.offLikes = null;
    if (this.audio) {
      this.audio.pause();
      this.flushPlay();
    }
  }

  render() {
    this._rendered = true;
    const t = this._track ?? {};
    const compact = this.hasAttribute('compact');
    this.classList.add('track-card');
    this.classList.toggle('compact', compact);
    this.setAttribute('data-testid', 'track-card');
    this.dataset.trackId = t.id ?? '';
    this.liked = false;
    this.favorite = false;

    const titleId = uid('track-title');
    this.setAttribute('role', 'article');
    this.setAttribute('aria-labelledby', titleId);

    this.likeBtn = h('button', { class: 'btn btn-small', 'aria-pressed': 'false', 'data-testid': 'like-button', title: 'Like', onclick: () => this.toggle('like') }, '♥ Like');
    this.favBtn = h('button', { class: 'btn btn-small', 'aria-pressed': 'false', 'data-testid': 'favorite-button', title: 'Favourite', onclick: () => this.toggle('favorite') }, '★ Favourite');
    const skipBtn = h('button', { class: 'btn btn-small', 'data-testid': 'skip-button', title: 'Skip', onclick: () => this.skip() }, '» Skip');
    this.playBtn = h('button', { class: 'btn btn-small play-btn', 'data-testid': 'preview-button', 'aria-label': `Play preview of ${t.title ?? 'track'}`, onclick: () => this.togglePreview() }, '▶');
    this.player = h('div', { class: 'player' });
    if (isLibrary(t)) {
      this.playBtn.setAttribute('aria-label', `Play ${t.title ?? 'track'}`);
      this.playBtn.dataset.testid = 'play-button';
    } else if (!t.url) {
      this.playBtn.disabled = true;
      this.playBtn.title = 'No preview available';
    }

    const badge = estimateBadge(t);
    const reasons = this._reasons?.length
      ? h('ul', { class: 'reasons', 'data-testid': 'track-reasons' }, this._reasons.map((r) => h('li', String(r))))
      : null;
    const tags = Array.isArray(t.tags) && t.tags.length
      ? h('div', { class: 'tags' }, t.tags.map((tag) => h('button', { class: 'chip', type: 'button', title: `Filter by ${tag}`, onclick: () => emit(this, 'tag-select', { tag }) }, String(tag))))
      : null;

    fill(this, 
      h('div', { class: 'track-head' },
        this.playBtn,
        h('div', { class: 'track-meta' },
          h('h3', { id: titleId, class: 'track-title' }, t.id ? h('a', { href: trackHref(t), 'data-testid': 'track-link' }, show(t.title)) : show(t.title),
            badge ? [' ', badge] : null),
          h('div', { class: 'track-sub muted' }, t.artist ? h('a', { href: artistHref(t.artist), 'data-testid': 'artist-link' }, t.artist) : show(t.artist),
            t.album && t.artist ? [' · ', h('a', { href: albumHref(t.artist, t.album), 'data-testid': 'album-link' }, t.album)] : t.album ? ` · ${t.album}` : ''),
          measured(t)),
        h('span', { class: 'duration muted', title: 'Duration' }, formatDuration(t.durationSec))),
      reasons,
      compact ? null : tags,
      compact ? null : featureBars(t),
      this.player,
      h('div', { class: 'actions row' }, this.likeBtn, this.favBtn, skipBtn),
    );
    this.syncLikes();
  }

  toggle(kind) {
    const on = kind === 'like' ? !this.liked : !this.favorite;
    if (kind === 'like') this.liked = on;
    else this.favorite = on;
    const btn = kind === 'like' ? this.likeBtn : this.favBtn;
    btn.setAttribute('aria-pressed', String(on));
    this.send(on ? kind : `un${kind}`);
  }

  skip() {
    // playedSec on a skip: where in the preview the listener gave up.
    const playedSec = this.audio && this.audio.currentTime > 0 ? this.audio.currentTime : undefined;
    this.audio?.pause();
    this.send('skip', playedSec);
  }

  send(type, playedSec, extra = {}) {
    emit(this, 'track-event', { trackId: this._track?.id, type, playedSec, ...extra });
  }

  togglePreview() {
    if (isLibrary(this._track)) {
      // scanned tracks play in the now-playing bar (a parent playlist may widen this to its queue)
      emit(this, 'play-request', { tracks: [this._track], index: 0 });
      return;
    }
    if (!this.audio) this.createAudio();
    if (this.audio.paused) {
      this.audio.play().catch((e) => {
        // NotSupportedError: no playable source. NotAllowedError/AbortError: the native controls stay usable.
        if (e?.name === 'NotSupportedError') this.previewFailed();
      });
    } else {
      this.audio.pause();
    }
  }

  createAudio() {
    const t = this._track ?? {};
    this.playedSec = 0;
    this.lastTime = null;
    const audio = h('audio', { controls: true, preload: 'none', src: t.url, 'data-testid': 'preview-audio', 'aria-label': `Preview of ${t.title ?? 'track'}` });
    audio.addEventListener('play', () => {
      if (playing && playing !== audio) playing.pause();
      playing = audio;
      this.lastTime = audio.currentTime;
      this.playBtn.textContent = '❚❚';
      this.playBtn.setAttribute('aria-label', `Pause preview of ${t.title ?? 'track'}`);
    });
    audio.addEventListener('timeupdate', () => {
      if (audio.paused || this.lastTime === null) return;
      const d = audio.currentTime - this.lastTime;
      if (d > 0 && d < 2) this.playedSec += d;
      this.lastTime = audio.currentTime;
    });
    audio.addEventListener('seeking', () => { this.lastTime = null; });
    audio.addEventListener('seeked', () => { this.lastTime = audio.paused ? null : audio.currentTime; });
    const stopped = () => {
      this.playBtn.textContent = '▶';
      this.playBtn.setAttribute('aria-label', `Play preview of ${t.title ?? 'track'}`);
      this.lastTime = null;
      this.flushPlay();
    };
    audio.addEventListener('pause', stopped);
    audio.addEventListener('ended', stopped);
    audio.addEventListener('error', () => this.previewFailed());
    this.audio = audio;
    fill(this.player, audio);
  }

  /** Reports seconds listened since the last report as a `play` event. */
  flushPlay() {
    const sec = this.playedSec ?? 0;
    this.playedSec = 0;
    if (sec >= 1) this.send('play', sec, { silent: true });
  }

  previewFailed() {
    if (this.audio) {
      this.audio.removeAttribute('src');
      this.audio.remove();
      this.audio = null;
    }
    this.playBtn.disabled = true;
    this.playBtn.textContent = '▶';
    this.playBtn.title = 'Preview unavailable';
    fill(this.player, h('p', { class: 'muted small preview-error', 'data-testid': 'preview-error', role: 'status' }, 'Preview unavailable for this track.'));
  }
}

customElements.define('ts-track-card', TrackCard);

