import type { ItemView } from './messages';

// The checklist panel's item filter, decided here once: the webview bundles this file (it imports
// nothing at run time), and the protocol validates the filter it reports against ITEM_FILTERS.

export const ITEM_FILTERS = ['all', 'open', 'failing', 'manual'] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];

export const FILTER_LABELS: Record<ItemFilter, string> = { all: 'All', open: 'Open', failing: 'Failing', manual: 'Manual' };

/** open: not yet satisfied; failing: FAIL, NO DATA or CONDITIONAL; manual: answered by a person. */
export function itemMatches(filter: ItemFilter, item: Pick<ItemView, 'status' | 'kind'>): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'open':
      return item.status !== 'satisfied';
    case 'failing':
      return item.status === 'failed' || item.status === 'no_data' || item.status === 'warn';
    case 'manual':
      return item.kind === 'manual';
  }
}
