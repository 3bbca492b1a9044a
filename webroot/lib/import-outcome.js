// How an import job ended, in words and a tone (no DOM): never a green "succeeded" for rejected rows.

/** {tone: 'ok'|'warn'|'danger'|'info', text} for a job as it stands. */
export function importOutcome(job) {
  const r = job?.result ?? {};
  if (job?.state === 'failed') return { tone: 'danger', text: `Failed: ${job.message ?? 'no reason given'}` };
  if (job?.state !== 'succeeded') return { tone: 'info', text: `Running: ${Math.round((job?.progress ?? 0) * 100)} %` };
  const rejected = Number(r.rejectedCount ?? 0);
  const written = Number(r.written ?? 0);
  if (written === 0 && rejected > 0) return { tone: 'danger', text: `Failed: every row was rejected (${rejected}).` };
  if (rejected > 0) return { tone: 'warn', text: `Done with ${rejected} rejected ${rejected === 1 ? 'row' : 'rows'}: ${written} written of ${r.read ?? '?'} read.` };
  return { tone: 'ok', text: `Done: ${written} written of ${r.read ?? '?'} read, none rejected.` };
}
