// Audio-feature metadata and the estimated-feature flags a Track may carry (no DOM).

export const FEATURES = [
  { key: 'valence', label: 'Valence', min: 0, max: 1 },
  { key: 'energy', label: 'Energy', min: 0, max: 1 },
  { key: 'danceability', label: 'Dance', min: 0, max: 1 },
  { key: 'acousticness', label: 'Acoustic', min: 0, max: 1 },
  { key: 'tempo', label: 'Tempo', min: 40, max: 220, unit: ' bpm' },
];

/** Which features are estimates rather than measured (several server shapes accepted). */
export function estimatedKeys(track) {
  const f = track?.features ?? {};
  const all = FEATURES.map((x) => x.key);
  const flags = [track?.featuresEstimated, track?.estimated, f.estimated, f._estimated, track?.estimatedFeatures, f.estimatedKeys];
  const out = new Set();
  for (const flag of flags) {
    if (flag === true) all.forEach((k) => out.add(k));
    else if (Array.isArray(flag)) flag.forEach((k) => out.add(k));
  }
  if (f.source === 'estimated' || track?.featureSource === 'estimated') all.forEach((k) => out.add(k));
  return out;
}

/** Words of the badge that marks estimated audio features (no DOM). */
export const ESTIMATE_TITLE = 'Estimated audio features: Tunesmith took them from the average of tracks with the same genre and tags '
  + '(Spotify genre means), not from measuring this recording. Moods and reasons built on them are less certain.';

/**
 * What a track card or page says about its features' origin: {text, title, estimated} when the track
 * has features and some of them are estimates, {text:'measured', ...} when every shown feature was
 * measured (a features import or Tunesmith's own audio analysis), null without features.
 */
export function featureOrigin(track) {
  const f = track?.features ?? {};
  const shown = FEATURES.filter((x) => typeof f[x.key] === 'number' && Number.isFinite(f[x.key])).map((x) => x.key);
  if (!shown.length) return null;
  const est = estimatedKeys(track);
  const which = shown.filter((k) => est.has(k));
  if (!which.length) {
    return f.estimated === false
      ? { estimated: false, text: 'measured', title: 'Audio features measured from the recording (a features import or Tunesmith\'s audio analysis).' }
      : null;
  }
  const part = which.length < shown.length
    ? ` Estimated here: ${which.map((k) => FEATURES.find((x) => x.key === k).label.toLowerCase()).join(', ')}.`
    : '';
  return { estimated: true, text: '≈ estimated', title: ESTIMATE_TITLE + part };
}
