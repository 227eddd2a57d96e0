import type { DimensionTrend } from '@attune/core';

const WIDTH = 320;
const HEIGHT = 150;
const PAD = 24;

/** One line per partner: a different color and a different dash, so color is not the only cue. */
const SERIES = [
  { className: 'series-a', dash: undefined, marker: 'circle' },
  { className: 'series-b', dash: '6 4', marker: 'square' },
] as const;

/** Props of {@link TrendChart}. */
export interface TrendChartProps {
  readonly trend: DimensionTrend;
  /** The dimension's name, for the chart's label. */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** The partners in a fixed order, with their names. */
  readonly partners: readonly { readonly id: string; readonly name: string }[];
}

/**
 * A small inline SVG chart of both partners' scores on one dimension over time. Its label says the
 * latest scores in words, for those who do not see the lines.
 */
export function TrendChart({ trend, label, min, max, partners }: TrendChartProps) {
  const times = trend.points.map((point) => point.at);
  const first = Math.min(...times);
  const span = Math.max(...times) - first || 1;
  const x = (at: number) =>
    times.length < 2 && trend.points.length > 0
      ? WIDTH / 2
      : PAD + ((at - first) / span) * (WIDTH - 2 * PAD);
  const y = (score: number) =>
    HEIGHT - PAD - ((score - min) / (max - min || 1)) * (HEIGHT - 2 * PAD);
  const summary = partners
    .map((partner) => `${partner.name} ${trend.latest[partner.id] ?? '–'}`)
    .join(', ');
  return (
    <figure className="trend">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${label}: ${summary}`}
        className="chart"
      >
        {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((score) => (
          <g key={score}>
            <line x1={PAD} x2={WIDTH - PAD / 2} y1={y(score)} y2={y(score)} className="grid" />
            <text x={PAD - 8} y={y(score) + 4} className="axis" textAnchor="end">
              {score}
            </text>
          </g>
        ))}
        {partners.map((partner, index) => {
          const series = SERIES[index % 2] ?? SERIES[0];
          const points = trend.points.filter((point) => point.partner === partner.id);
          return (
            <g key={partner.id} className={series.className}>
              <polyline
                fill="none"
                strokeWidth={2}
                strokeDasharray={series.dash}
                points={points.map((point) => `${x(point.at)},${y(point.score)}`).join(' ')}
              />
              {points.map((point) =>
                series.marker === 'circle' ? (
                  <circle key={point.at} cx={x(point.at)} cy={y(point.score)} r={4} />
                ) : (
                  <rect
                    key={point.at}
                    x={x(point.at) - 4}
                    y={y(point.score) - 4}
                    width={8}
                    height={8}
                  />
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {partners.map((partner, index) => (
          <span key={partner.id} className={`legend ${SERIES[index % 2]?.className ?? ''}`}>
            {partner.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
