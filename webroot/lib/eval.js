// GET /api/admin/eval run -> grouped bar-chart data (no DOM).

export const METRICS = ['ndcg10', 'map10', 'recall20', 'coverage', 'novelty'];

export function evalChartData(run) {
  const scorers = run?.results?.scorers && typeof run.results.scorers === 'object' ? Object.entries(run.results.scorers) : [];
  return {
    groups: METRICS,
    series: scorers.map(([name, m]) => ({ name, values: METRICS.map((k) => (typeof m?.[k] === 'number' ? m[k] : null)) })),
  };
}
