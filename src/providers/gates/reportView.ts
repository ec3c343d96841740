// What the Gates view needs to show a report: the workspace's current report file, read and turned
// into the view's model. Loaded with the first report shown or evaluated, not at activation.
export { readGateReport } from '../../core/checklist';
export { currentReportFile } from '../../core/gates';
export { buildGatesModel } from './model';
