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
