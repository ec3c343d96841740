// Show Chart's id: the Chart lens of a gates file names it without loading the charts.
export const SHOW_CHART = 'aurora.showGateChart';
