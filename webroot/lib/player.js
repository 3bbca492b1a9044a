// DOM-free rules of the player (<ts-now-playing>), kept here so node:test can check them.

/** Whether a track is scanned from the user's folders (streams from /api/tracks/{id}/stream). */
export function isLibraryTrack(track) {
  return track?.source === 'library' || typeof track?.streamPath === 'string';
}

/**
 * The URL to play a track from: a fresh signed stream URL for library tracks (an <audio> element
 * cannot send the bearer header), else the track's own `url`; null when it has neither.
 * `get` is api.get (injected for tests).
 */
export async function sourceFor(track, get) {
  if (isLibraryTrack(track)) {
    const res = await get(`/api/tracks/${encodeURIComponent(track.id)}/stream-url`);
    return typeof res?.url === 'string' ? res.url : null;
  }
  return typeof track?.url === 'string' && track.url ? track.url : null;
}

/** Leaving a track after `heard` seconds is a skip when under 80 % of it was heard (30 s when the length is unknown). */
export function isSkip(heard, duration) {
  if (!(duration > 0)) return heard < 30;
  return heard < 0.8 * duration;
}
