"""Speed reference for `aurora-ga dcts-audit` (test/bench/audit.bench.ts): the original kit's
tools/dcts_audit.py as the spec describes it (spec/original-kit.md section 5), written again here
because the kit's code is not kept in this repository. Same work, same standard library calls:
glob, json.load per file, statistics.fmean / pstdev, json.dumps(indent=2), the Markdown summary.

Usage: python3 dcts_audit_reference.py --summaries GLOB... --out-json FILE --out-md FILE
"""
import argparse
import glob
import json
import math
import statistics
import sys
from pathlib import Path


def number(v):
    return isinstance(v, (int, float)) and math.isfinite(v)


def stats(xs):
    if not xs:
        return {'n': 0, 'mean': None, 'std': None}
    if len(xs) == 1:
        return {'n': 1, 'mean': xs[0], 'std': 0.0}
    return {'n': len(xs), 'mean': statistics.fmean(xs), 'std': statistics.pstdev(xs)}


def record(doc):
    tvf2 = doc.get('tvf2') if isinstance(doc, dict) else None
    if not isinstance(tvf2, dict):
        return None
    value = lambda key: tvf2[key].get('value') if isinstance(tvf2.get(key), dict) else None
    base, robust = tvf2.get('dcts'), value('dcts_robust')
    if base is None and robust is None:
        return None
    grids = tvf2.get('dcts_grids')
    return {'base': base, 'robust': robust, 'min': value('dcts_min'), 'grids': grids if isinstance(grids, dict) else None}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--summaries', nargs='+', required=True)
    ap.add_argument('--out-json', required=True)
    ap.add_argument('--out-md', required=True)
    args = ap.parse_args()
    files = []
    for arg in args.summaries:
        files += [Path(m) for m in glob.glob(arg) if Path(m).is_file()] if any(c in arg for c in '*?[') else ([Path(arg)] if Path(arg).is_file() else [])
    records = []
    for f in files:
        try:
            with open(f, encoding='utf-8') as fh:
                doc = json.load(fh)
        except Exception:
            continue
        r = record(doc) if doc else None
        if r:
            records.append(r)
    series = {k: [r[k] for r in records if number(r[k])] for k in ('base', 'robust', 'min')}
    grids = {}
    for r in records:
        for g, v in (r['grids'] or {}).items():
            if number(v):
                grids.setdefault(str(g), []).append(float(v))
    base, robust = stats(series['base']), stats(series['robust'])
    var_ratio = None
    if base['n'] > 1 and robust['n'] > 1 and base['std']:
        var_ratio = robust['std'] ** 2 / base['std'] ** 2
    pairs = [r for r in records if number(r['robust']) and number(r['min'])]
    close = sum(1 for r in pairs if r['robust'] <= r['min'] + 1e-6)
    summary = {
        'counts': {'base': base['n'], 'robust': robust['n']},
        'base': base, 'robust': robust, 'min': stats(series['min']),
        'grid_stats': {g: stats(v) for g, v in grids.items()},
        'var_ratio': var_ratio,
        'robust_is_min_fraction': close / len(pairs) if pairs else None,
    }
    Path(args.out_json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out_json).write_text(json.dumps(summary, indent=2), encoding='utf-8')
    lines = ['# DCTS Audit Summary', f"N base={base['n']} robust={robust['n']}", '', '| Metric | mean | std |', '|--------|------|-----|',
             f"| dcts | {base['mean']} | {base['std']} |", f"| dcts_robust | {robust['mean']} | {robust['std']} |", '',
             f'var_ratio = {var_ratio}', f"robust_is_min_fraction = {summary['robust_is_min_fraction']}"]
    if grids:
        lines += ['\n## Grids', '| Grid | N | mean | std |', '|------|---|------|-----|']
        lines += [f"| {g} | {st['n']} | {st['mean']} | {st['std']} |" for g, st in sorted(summary['grid_stats'].items())]
    Path(args.out_md).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out_md).write_text('\n'.join(lines), encoding='utf-8')
    if robust['n'] < 10:
        print(f"[WARN] Only {robust['n']} robust samples (<10) -- statistics may be unstable", file=sys.stderr)
    print(json.dumps({'report': args.out_json, 'md': args.out_md, 'n': robust['n'], 'var_ratio': var_ratio}))


if __name__ == '__main__':
    main()
