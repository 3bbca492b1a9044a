// Turns the profile of GET /api/me into sentences a person understands (no DOM).

const VERBS = [
  ['play', 'played', 'track', 'tracks'],
  ['like', 'liked', 'track', 'tracks'],
  ['favorite', 'marked', 'favourite', 'favourites'],
  ['skip', 'skipped', 'track', 'tracks'],
  ['comment', 'wrote', 'comment', 'comments'],
  ['share', 'shared', 'track', 'tracks'],
];

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c" */
export function joinWords(words) {
  const w = words.filter(Boolean);
  if (w.length <= 1) return w.join('');
  return `${w.slice(0, -1).join(', ')} and ${w[w.length - 1]}`;
}

function nameOf(x) {
  if (x === null || x === undefined) return null;
  if (typeof x !== 'object') return String(x);
  return x.name ?? x.tag ?? x.artist ?? null;
}

/** Share of each entry's weight (or count) among the listed ones, in whole percent. */
function shares(list) {
  const values = list.map((x) => (typeof x?.weight === 'number' ? x.weight : typeof x?.count === 'number' ? x.count : 0));
  const total = values.reduce((a, b) => a + Math.max(0, b), 0);
  return values.map((v) => (total > 0 ? Math.round((100 * Math.max(0, v)) / total) : null));
}

function moodWords(mood) {
  const v = typeof mood?.valence === 'number' ? mood.valence : null;
  const e = typeof mood?.energy === 'number' ? mood.energy : null;
  if (v === null || e === null) return null;
  const feel = v >= 0.6 ? 'bright, happy-sounding' : v <= 0.4 ? 'darker, more melancholic' : 'neither especially happy nor sad';
  const drive = e >= 0.6 ? 'energetic' : e <= 0.4 ? 'calm' : 'medium-energy';
  return `On average the music you like is ${drive} and ${feel} (energy ${Math.round(e * 100)}%, positivity ${Math.round(v * 100)}%).`;
}

/**
 * Sentences describing the profile: what you play most, who, how much you did, the mood.
 * Returns [] when there is nothing to say yet.
 */
export function describeProfile(profile) {
  const p = profile ?? {};
  const out = [];
  const tags = Array.isArray(p.topTags) ? p.topTags.filter((t) => nameOf(t)).slice(0, 3) : [];
  if (tags.length) {
    const pct = shares(Array.isArray(p.topTags) ? p.topTags.slice(0, 10) : []);
    const parts = tags.map((t, i) => (typeof t.count === 'number' && typeof t.weight !== 'number'
      ? `${nameOf(t)} (${plural(t.count, 'track', 'tracks')})`
      : pct[i] !== null ? `${nameOf(t)} (${pct[i]}% of your taste)` : nameOf(t)));
    out.push(`You mostly listen to ${joinWords(parts)}.`);
  }
  const artists = Array.isArray(p.topArtists) ? p.topArtists.filter((a) => nameOf(a)).slice(0, 3) : [];
  if (artists.length) {
    const parts = artists.map((a) => (typeof a.count === 'number' && a.count > 0 ? `${nameOf(a)} (${plural(a.count, 'play', 'plays')})` : nameOf(a)));
    out.push(`Your favourite ${artists.length === 1 ? 'artist is' : 'artists are'} ${joinWords(parts)}.`);
  }
  const counts = p.counts && typeof p.counts === 'object' ? p.counts : {};
  const did = VERBS.filter(([k]) => Number(counts[k]) > 0).map(([k, verb, one, many]) => `${verb} ${plural(Number(counts[k]), one, many)}`);
  if (did.length) out.push(`So far you have ${joinWords(did)}.`);
  const mood = moodWords(p.moodCentre ?? p.moodCenter ?? p.mood);
  if (mood) out.push(mood);
  return out;
}

/** Features of a track in words; estimated ones are said to be estimates. */
export function describeFeatures(track) {
  const f = track?.features ?? {};
  const est = f.estimated === true;
  const out = [];
  const level = (x, low, mid, high) => (x >= 0.66 ? high : x <= 0.33 ? low : mid);
  if (typeof f.energy === 'number') out.push(`It is ${level(f.energy, 'calm and quiet', 'moderately energetic', 'loud and energetic')} (energy ${Math.round(f.energy * 100)}%).`);
  if (typeof f.valence === 'number') out.push(`It sounds ${level(f.valence, 'sad or dark', 'neither happy nor sad', 'happy and bright')} (positivity ${Math.round(f.valence * 100)}%).`);
  if (typeof f.danceability === 'number') out.push(`It is ${level(f.danceability, 'hard to dance to', 'somewhat danceable', 'easy to dance to')} (danceability ${Math.round(f.danceability * 100)}%).`);
  if (typeof f.acousticness === 'number') out.push(`It is ${level(f.acousticness, 'mostly electronic or amplified', 'a mix of acoustic and electronic', 'mostly acoustic')} (acousticness ${Math.round(f.acousticness * 100)}%).`);
  if (typeof f.instrumentalness === 'number') out.push(`It ${f.instrumentalness >= 0.5 ? 'is probably instrumental' : 'probably has vocals'} (instrumentalness ${Math.round(f.instrumentalness * 100)}%).`);
  if (typeof f.tempo === 'number') out.push(`Its tempo is about ${Math.round(f.tempo)} beats per minute (${f.tempo < 90 ? 'slow' : f.tempo < 125 ? 'medium' : 'fast'}).`);
  return { sentences: out, estimated: est && out.length > 0 };
}
