import { useEffect, useRef } from 'react';
import { Box, useTheme } from '@mui/material';
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, LineChart, PieChart, SunburstChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';

echarts.use([BarChart, LineChart, PieChart, GraphChart, SunburstChart, TreemapChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface EChartProps {
  option: EChartsCoreOption;
  height?: number | string;
  /** what the chart shows, for screen readers (the canvas itself is not readable) */
  ariaLabel: string;
  onClick?: (e: ECElementEvent) => void;
  testId?: string;
}

/** A thin React wrapper around ECharts (tree-shaken; only lazily loaded pages import it). */
export default function EChart({ option, height = 260, ariaLabel, onClick, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const theme = useTheme();
  const dark = theme.palette.mode === 'dark';
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => clickRef.current?.(e as ECElementEvent));
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => c.resize()) : null;
    ro?.observe(ref.current);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption(
      {
        backgroundColor: 'transparent',
        textStyle: { fontFamily: theme.typography.fontFamily },
        aria: { enabled: true },
        ...option,
      },
      { notMerge: true },
    );
  }, [option, dark, theme.typography.fontFamily]);

  return <Box ref={ref} role="img" aria-label={ariaLabel} data-testid={testId} sx={{ width: '100%', height }} />;
}
