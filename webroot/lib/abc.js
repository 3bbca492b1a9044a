// Loads vendor/abcjs-basic-min.js (copied from npm by scripts/vendor.mjs) on first use.
// Resolves to window.ABCJS, or null when the file is missing so callers can show ABC text.

let loading = null;

export function loadAbcjs() {
  if (window.ABCJS) return Promise.resolve(window.ABCJS);
  if (!loading) {
    loading = new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = new URL('../vendor/abcjs-basic-min.js', import.meta.url).href;
      script.async = true;
      script.onload = () => resolve(window.ABCJS ?? null);
      script.onerror = () => resolve(null);
      document.head.append(script);
    });
  }
  return loading;
}

let ctx = null;
let stopCurrent = null;

/**
 * Plays a parsed abcjs tune with WebAudio oscillators: no sound fonts to download,
 * so it works on an offline, self-hosted install. Returns a stop() function.
 */
export function playTune(tune, { onEnd } = {}) {
  stopCurrent?.();
  const AC = window.AudioContext || window.webkitAudioContext;
  if (!AC) throw new Error('This browser cannot play audio.');
  ctx = ctx ?? new AC();
  if (ctx.state === 'suspended') ctx.resume();
  const seq = tune.setUpAudio();
  const meter = tune.getMeterFraction?.() ?? { num: 4, den: 4 };
  const meterSize = meter.den ? meter.num / meter.den : 1;
  const secPerWhole = tune.millisecondsPerMeasure(seq.tempo) / 1000 / meterSize;
  const t0 = ctx.currentTime + 0.08;
  const master = ctx.createGain();
  master.gain.value = 0.18;
  master.connect(ctx.destination);
  let end = t0;
  for (const track of seq.tracks ?? []) {
    for (const ev of track) {
      if (ev.cmd !== 'note' || typeof ev.pitch !== 'number') continue;
      const start = t0 + ev.start * secPerWhole;
      const dur = Math.max(ev.duration * secPerWhole - 0.02, 0.05);
      const osc = ctx.createOscillator();
      const env = ctx.createGain();
      osc.type = 'triangle';
      osc.frequency.value = 440 * 2 ** ((ev.pitch - 69) / 12);
      const peak = Math.min((ev.volume ?? 90) / 127, 1);
      env.gain.setValueAtTime(0, start);
      env.gain.linearRampToValueAtTime(peak, start + 0.015);
      env.gain.exponentialRampToValueAtTime(Math.max(peak * 0.4, 0.001), start + dur);
      env.gain.linearRampToValueAtTime(0, start + dur + 0.03);
      osc.connect(env).connect(master);
      osc.start(start);
      osc.stop(start + dur + 0.05);
      end = Math.max(end, start + dur + 0.05);
    }
  }
  const timer = setTimeout(() => stop(), (end - ctx.currentTime) * 1000 + 50);
  function stop() {
    clearTimeout(timer);
    master.disconnect();
    if (stopCurrent === stop) stopCurrent = null;
    onEnd?.();
  }
  stopCurrent = stop;
  return stop;
}
