// One ECharts chart. Only the chart types and components the reports use are registered (echarts/core), so this
// lazily loaded chunk carries a fraction of ECharts and the rest of the console none of it.
import { dispose, getInstanceByDom, init, use, type ComposeOption } from 'echarts/core';
import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, SankeyChart } from 'echarts/charts';
import type { BarSeriesOption, FunnelSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption, SankeySeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useLang } from '../../i18n/useT';

use([BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, SankeyChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption | FunnelSeriesOption | HeatmapSeriesOption | LineSeriesOption | PieSeriesOption | SankeySeriesOption
  | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

/** What echarts-for-react needs of ECharts; passing these instead of the namespace keeps the rest tree-shaken. */
const ECHARTS = { init, dispose, getInstanceByDom };

/** Text colours shared by the charts, matching antd's defaults. */
export const AXIS_NAME = { color: 'rgba(0,0,0,0.65)', fontSize: 12 };
export const TITLE_STYLE = { fontSize: 14, fontWeight: 500 as const, color: 'rgba(0,0,0,0.88)' };

export function Chart({ option, height = 320, testId }: { option: ChartOption; height?: number; testId: string }) {
  const { lang } = useLang();
  return (
    <div data-testid={testId}>
      <EChartsReactCore
        echarts={ECHARTS}
        option={option}
        notMerge
        // The language is part of the opts, so switching it re-creates the chart with ECharts' own texts in it.
        opts={{ renderer: 'canvas', locale: lang === 'en' ? 'EN' : 'ZH' }}
        style={{ height, width: '100%' }}
      />
    </div>
  );
}
