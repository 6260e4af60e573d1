import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A chart.js chart, loaded only when a page draws one (most of the console's weight is chart.js; phones signing a
 * pledge never fetch it). The canvas is an image to assistive technology, described by `label`; the page shows the
 * same figures in a table beside it.
 */
export const ChartCanvas = ({ config, label }: { config: ChartConfiguration; label: string }) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let current = true;
    import('./chart-setup').then(({ Chart }) => {
      if (current) chart = new Chart(canvas.current!, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
    });
    return () => {
      current = false;
      chart?.destroy();
    };
  }, [config]);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
};
