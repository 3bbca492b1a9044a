// Hash links to the listener pages (no DOM).
export const trackHref = (t) => `#/track/${encodeURIComponent(t?.id ?? t)}`;
export const artistHref = (name) => `#/artist?name=${encodeURIComponent(name)}`;
export const albumHref = (artist, album) => `#/album?artist=${encodeURIComponent(artist)}&name=${encodeURIComponent(album)}`;
