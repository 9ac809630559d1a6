import { Bar, BarChart, XAxis, YAxis } from 'recharts'
import type { ReportChart as Chart } from '../../../shared/report-charts'

const barSize = 18
const rowHeight = 28

/**
 * A table's bar chart (recharts), beside the table it draws. It shows nothing the table does not:
 * a "<5" or "×" gets its mark and no bar. Hidden from screen readers, who have the table itself.
 */
export function ReportChart({ chart }: { chart: Chart }) {
  const data = chart.bars.map((bar) => ({
    label: bar.label,
    value: bar.value ?? 0,
    text: bar.text,
  }))
  return (
    <figure className="report-chart" aria-hidden="true">
      <BarChart
        layout="vertical"
        width={340}
        height={chart.bars.length * rowHeight + 8}
        data={data}
        margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" hide domain={[0, 'dataMax']} allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="label"
          width={130}
          tickLine={false}
          axisLine={false}
          interval={0}
          tick={{ fontSize: 12, fill: 'var(--ink)' }}
        />
        {/* The table's own mark at every bar's end: a count, "<5" or "×". */}
        <YAxis
          yAxisId="marks"
          orientation="right"
          type="category"
          dataKey="text"
          width={40}
          tickLine={false}
          axisLine={false}
          interval={0}
          tick={{ fontSize: 12, fill: 'var(--ink)', textAnchor: 'start' }}
        />
        <Bar dataKey="value" fill="var(--brand)" barSize={barSize} isAnimationActive={false} />
      </BarChart>
    </figure>
  )
}
