// <ts-now-playing>: the app's one real player. A fixed now-playing bar with a queue,
// previous / play-pause / next, a seek bar and the time. Anything can ask it to play by
// bubbling `play-request` {tracks: [Track], index?} to the document (a playlist plays as a
// queue). Library tracks stream from /api/tracks/{id}/stream through a short-lived signed URL
// (an <audio> element cannot send the bearer header); other tracks use their `url`.
// Real playback produces the listening events, bubbled as `track-event` for the shell to record:
// `play` with the seconds actually heard when a track ends or is paused, `skip` with the seconds
// heard when the listener moves on before 80 % of it.
import * as api from '../../api.js';
import { h, useStyles, show, formatDuration, fill } from '../../lib/dom.js';
import { sourceFor, isSkip } from '../../lib/player.js';

useStyles(import.meta.url);

class NowPlaying extends HTMLElement {
  connectedCallback() {
    if (this._ready) return;
    this._ready = true;
    this.queue = [];
    this.index = -1;
    this.heard = 0;
    this.lastTime = null;
    this.audio = h('audio', { preload: 'auto', 'data-testid': 'player-audio' });
    this.classList.add('now-playing');
    this.setAttribute('role', 'region');
    this.setAttribute('aria-label', 'Now playing');
    this.setAttribute('data-testid', 'now-playing');
    this.hidden = true;
    this.cover = h('img', { class: 'np-cover', alt: '', hidden: true, 'data-testid': 'now-playing-cover' });
    this.cover.addEventListener('error', () => { this.cover.hidden = true; });
    this.cover.addEventListener('load', () => { this.cover.hidden = false; });
    this.title_ = h('div', { class: 'np-title', 'data-testid': 'now-playing-title' });
    this.sub = h('div', { class: 'np-sub muted small' });
    this.prevBtn = h('button', { class: 'btn btn-small', 'aria-label': 'Previous track', 'data-testid': 'player-prev', onclick: () => this.previous() }, '◀◀');
    this.playBtn = h('button', { class: 'btn btn-small', 'aria-label': 'Pause', 'data-testid': 'player-toggle', onclick: () => this.toggle() }, '❚❚');
    this.nextBtn = h('button', { class: 'btn btn-small', 'aria-label': 'Next track', 'data-testid': 'player-next', onclick: () => this.next(true) }, '▶▶');
    this.seek = h('input', { type: 'range', min: 0, max: 0, step: 1, value: 0, class: 'np-seek', 'aria-label': 'Seek', 'data-testid': 'player-seek' });
    this.time = h('span', { class: 'np-time small muted', 'data-testid': 'player-time' }, '0:00 / 0:00');
    this.queueInfo = h('span', { class: 'small muted', 'data-testid': 'player-queue' });
    this.status = h('span', { class: 'small np-status', role: 'status' });
    fill(this,
      h('div', { class: 'np-meta' }, this.cover, h('div', { class: 'np-text' }, this.title_, this.sub)),
      h('div', { class: 'np-controls', role: 'group', 'aria-label': 'Player controls' }, this.prevBtn, this.playBtn, this.nextBtn),
      h('div', { class: 'np-progress' }, this.seek, this.time),
      h('div', { class: 'np-side' }, this.queueInfo, this.status),
      this.audio);
    this.seek.addEventListener('input', () => { this.seeking = true; this.showTime(Number(this.seek.value)); });
    this.seek.addEventListener('change', () => {
      this.seeking = false;
      if (Number.isFinite(this.audio.duration)) this.audio.currentTime = Number(this.seek.value);
    });
    const a = this.audio;
    a.addEventListener('play', () => { this.lastTime = a.currentTime; this.playBtn.textContent = '❚❚'; this.playBtn.setAttribute('aria-label', 'Pause'); });
    a.addEventListener('pause', () => {
      this.lastTime = null;
      this.playBtn.textContent = '▶';
      this.playBtn.setAttribute('aria-label', 'Play');
    });
    a.addEventListener('timeupdate', () => {
      if (!a.paused && this.lastTime !== null) {
        const d = a.currentTime - this.lastTime;
        if (d > 0 && d < 2) this.heard += d;
        this.lastTime = a.currentTime;
      }
      if (!this.seeking) {
        this.seek.value = String(Math.floor(a.currentTime));
        this.showTime(a.currentTime);
      }
    });
    a.addEventListener('seeking', () => { this.lastTime = null; });
    a.addEventListener('seeked', () => { this.lastTime = a.paused ? null : a.currentTime; });
    a.addEventListener('loadedmetadata', () => {
      this.seek.max = String(Number.isFinite(a.duration) ? Math.floor(a.duration) : (this.current()?.durationSec ?? 0));
      this.showTime(a.currentTime);
    });
    a.addEventListener('ended', () => { this.report(false); this.next(false); });
    a.addEventListener('error', () => {
      this.status.textContent = 'Cannot play this track';
      this.report(false);
      setTimeout(() => this.next(false), 1200);
    });
    document.addEventListener('play-request', (e) => {
      const tracks = Array.isArray(e.detail?.tracks) ? e.detail.tracks.filter((t) => t && t.id !== undefined) : [];
      if (tracks.length) this.playQueue(tracks, Number(e.detail?.index ?? 0));
    });
    window.addEventListener('pagehide', () => this.report(false));
  }

  current() {
    return this.queue[this.index];
  }

  showTime(t) {
    const d = Number.isFinite(this.audio.duration) ? this.audio.duration : this.current()?.durationSec;
    this.time.textContent = `${formatDuration(Math.floor(t))} / ${formatDuration(d ? Math.floor(d) : 0)}`;
  }

  /** Plays `tracks` from `index`, replacing the queue. */
  playQueue(tracks, index = 0) {
    this.report(true);
    this.queue = tracks.slice();
    this.start(Math.max(0, Math.min(tracks.length - 1, index)));
  }

  async start(i) {
    this.index = i;
    const t = this.current();
    this.heard = 0;
    this.hidden = false;
    document.body.classList.add('has-player');
    this.title_.textContent = show(t?.title);
    this.cover.hidden = true;
    this.cover.removeAttribute('src');
    if (t?.source === 'library') {
      api.get(`/api/tracks/${encodeURIComponent(t.id)}/file`).then((f) => {
        if (f?.hasCover && this.current() === t) this.cover.src = `/api/tracks/${encodeURIComponent(t.id)}/cover`;
      }).catch(() => {});
    }
    this.sub.textContent = `${show(t?.artist)}${t?.album ? ` · ${t.album}` : ''}${t?.licence ? ` · ${t.licence}` : ''}`;
    this.queueInfo.textContent = `${i + 1} / ${this.queue.length}`;
    this.prevBtn.disabled = i <= 0;
    this.nextBtn.disabled = i >= this.queue.length - 1;
    this.status.textContent = '';
    this.seek.value = '0';
    this.seek.max = String(t?.durationSec ?? 0);
    const seq = (this.seq = (this.seq ?? 0) + 1);
    let src = null;
    try {
      src = await sourceFor(t, api.get);
    } catch {
      src = null;
    }
    if (seq !== this.seq) return;
    if (!src) {
      this.status.textContent = 'No playable source';
      setTimeout(() => { if (seq === this.seq) this.next(false); }, 1200);
      return;
    }
    this.audio.src = src;
    this.audio.play().catch((e) => {
      if (e?.name === 'NotAllowedError') this.status.textContent = 'Press ▶ to start';
    });
    if ('mediaSession' in navigator && typeof MediaMetadata === 'function') {
      navigator.mediaSession.metadata = new MediaMetadata({ title: t?.title ?? '', artist: t?.artist ?? '', album: t?.album ?? '' });
      navigator.mediaSession.setActionHandler?.('nexttrack', () => this.next(true));
      navigator.mediaSession.setActionHandler?.('previoustrack', () => this.previous());
    }
  }

  toggle() {
    if (!this.current()) return;
    if (this.audio.paused) this.audio.play().catch(() => {});
    else this.audio.pause();
  }

  /** `byUser`: the listener moved on (a skip if the track was not mostly heard). */
  next(byUser) {
    if (byUser) this.report(true);
    if (this.index < this.queue.length - 1) {
      this.start(this.index + 1);
    } else {
      this.audio.pause();
      this.status.textContent = 'End of queue';
    }
  }

  previous() {
    if (this.index <= 0) return;
    this.report(true);
    this.start(this.index - 1);
  }

  /**
   * Reports what was heard of the current track: a `skip` when the listener leaves it early
   * (`leaving` and under 80 % heard), else a `play` with the seconds heard. Nothing under 1 s.
   */
  report(leaving) {
    const t = this.current();
    const heard = this.heard;
    this.heard = 0;
    if (!t || heard < 1) return;
    const duration = Number.isFinite(this.audio.duration) ? this.audio.duration : t.durationSec;
    const type = leaving && isSkip(heard, duration) ? 'skip' : 'play';
    this.dispatchEvent(new CustomEvent('track-event', { bubbles: true, composed: true, detail: { trackId: t.id, type, playedSec: heard, silent: true } }));
  }
}

customElements.define('ts-now-playing', NowPlaying);
