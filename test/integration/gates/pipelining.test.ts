// Queries pipelined over kept-alive connections (HTTP/1.1), against a REAL Prometheus and a REAL
// VictoriaMetrics, seen through a TCP proxy that counts connections and requests on the wire: at
// most `concurrency` connections, requests sent ahead of the answers, and every answer read as the
// answer to its own query (the same values as one query at a time).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateGates } from '../../../src/core/gates/evaluate';
import type { PrometheusConnection } from '../../../src/core/prometheus/connection';
import type { GateReport } from '../../../src/core/verdict/types';
import { fiftyGates, gatesHistory, SHIPPED_ALERT_RULES, writeWorkspace } from '../../support/gatesHistory';
import { renderOpenMetrics, startPrometheus, startVictoriaMetrics, startVmalert, type RunningServer } from '../../support/prometheus';
import { startTcpProxy, type TcpProxy } from '../../support/tcpProxy';

const END = Math.floor(Date.now() / 60_000) * 60;

const checks = (r: GateReport) => Object.fromEntries(r.gates.flatMap((g) => g.checks.map((c) => [`${g.key}/${c.check_id}`, [c.outcome, c.value]])));

describe('gates: pipelined queries on a real server', function () {
  this.timeout(60_000);
  let dir: string;
  let prom: RunningServer;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-gates-pipe-'));
    writeWorkspace(dir, { end: END });
    prom = await startPrometheus({ openMetrics: renderOpenMetrics(gatesHistory({ end: END, trips: { coverage: true } })), ruleFiles: [SHIPPED_ALERT_RULES()] });
  });
  after(async () => {
    await prom?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function through(target: string, conn: Partial<PrometheusConnection>, rulesUrl?: string, gatesFile?: string): Promise<{ report: GateReport; proxy: TcpProxy; retries: number }> {
    const proxy = await startTcpProxy(target);
    let retries = 0;
    try {
      const report = await evaluateGates(
        { prometheus: { url: proxy.url, ...(rulesUrl ? { rulesUrl } : {}), ...conn }, cwd: dir, at: new Date(END * 1000), ...(gatesFile ? { gatesFile } : {}) },
        AbortSignal.timeout(30_000),
        (p) => void (p.kind === 'retry' && retries++),
      );
      return { report, proxy, retries };
    } finally {
      await proxy.close();
    }
  }

  it('opens at most `concurrency` connections, sends queries ahead of the answers, and reads each answer as its own query’s', async () => {
    // 50 gates, 64 distinct queries: enough that both connections carry several at once.
    const fifty = await fiftyGates(dir);
    const serial = await through(prom.url, { concurrency: 1, pipelining: 1 }, undefined, fifty);
    const piped = await through(prom.url, { concurrency: 2, pipelining: 8 }, undefined, fifty);
    assert.equal(serial.proxy.maxAheadOfFirstAnswer(), 1, 'without pipelining one request waits for its answer');
    assert.ok(piped.proxy.maxAheadOfFirstAnswer() > 1, `pipelined: ${piped.proxy.maxAheadOfFirstAnswer()} ahead`);
    assert.ok(piped.proxy.connections() <= 2, `${piped.proxy.connections()} connections`);
    assert.equal(piped.proxy.requests(), serial.proxy.requests(), 'the same requests, each sent once');
    assert.ok(serial.proxy.requests() >= 60, `${serial.proxy.requests()} requests`);
    assert.equal(piped.report.decision_code, 'BLOCKED', 'the coverage trip blocks');
    assert.deepEqual(checks(piped.report), checks(serial.report));
  });

  it('spreads a few queries over separate connections before it pipelines any', async () => {
    // The default gates send ~10 queries after the pre-flight: with 16 connections allowed, none waits behind another.
    const wide = await through(prom.url, { concurrency: 16, pipelining: 8 });
    assert.equal(wide.proxy.maxAheadOfFirstAnswer(), 1);
    assert.ok(wide.proxy.connections() > 1, `${wide.proxy.connections()} connections`);
  });

  it('stays within VictoriaMetrics’ concurrent-search limit: no request turned away, none retried', async () => {
    const openMetrics = renderOpenMetrics(gatesHistory({ end: END }));
    // Two searches at once and no queue: a third concurrent search is answered 503 at once.
    const victoria = await startVictoriaMetrics({ openMetrics, extraArgs: ['-search.maxConcurrentRequests=2', '-search.maxQueueDuration=1ms'] });
    const vmalert = await startVmalert({ datasourceUrl: victoria.url, ruleFiles: [SHIPPED_ALERT_RULES()] }).catch(async (err) => {
      await victoria.stop();
      throw err;
    });
    try {
      const run = await through(victoria.url, { concurrency: 2, pipelining: 8, retries: 0 }, vmalert.url, await fiftyGates(dir));
      assert.equal(run.report.decision_code, 'APPROVED', JSON.stringify(checks(run.report)));
      assert.equal(run.retries, 0);
      assert.ok(run.proxy.maxAheadOfFirstAnswer() > 1, 'pipelined');
    } finally {
      await Promise.all([vmalert.stop(), victoria.stop()]);
    }
  });
});
