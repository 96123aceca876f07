import * as assert from 'node:assert/strict';
import { Scheduler } from '../../server/src/lsp/scheduler';
import { sleep } from './harness';

describe('lsp/scheduler', () => {
  const INTERVAL = 400;
  let scheduler: Scheduler;
  afterEach(() => scheduler.dispose());

  function recorder(): { runs: Array<{ key: string; at: number }>; run: (key: string) => void } {
    const runs: Array<{ key: string; at: number }> = [];
    return { runs, run: (key) => runs.push({ key, at: Date.now() }) };
  }

  it('runs an isolated request at once, and one right after a run only when the interval is over', async () => {
    const { runs, run } = recorder();
    scheduler = new Scheduler(INTERVAL, run);
    const start = Date.now();
    scheduler.schedule('a');
    await sleep(50);
    assert.equal(runs.length, 1, 'ran without waiting for the interval');
    scheduler.schedule('a');
    await sleep(50);
    assert.equal(runs.length, 1, 'the second request waits');
    await sleep(INTERVAL);
    assert.equal(runs.length, 2);
    assert.ok(runs[1].at - runs[0].at >= INTERVAL - 5, `second run ${runs[1].at - runs[0].at} ms after the first`);
    assert.ok(runs[0].at - start < INTERVAL);
  });

  it('turns a burst into one trailing run, and keeps keys apart', async () => {
    const { runs, run } = recorder();
    scheduler = new Scheduler(INTERVAL, run);
    scheduler.schedule('a');
    await sleep(20);
    for (let i = 0; i < 20; i++) scheduler.schedule('a');
    scheduler.schedule('b');
    await sleep(INTERVAL + 100);
    assert.deepEqual(runs.map((r) => r.key).sort(), ['a', 'a', 'b']);
  });

  it('drops a due run when cancelled', async () => {
    const { runs, run } = recorder();
    scheduler = new Scheduler(INTERVAL, run);
    scheduler.schedule('a');
    scheduler.cancel('a');
    await sleep(50);
    assert.deepEqual(runs, []);
  });

  it('paces each target by its own interval (the server passes twice its last analysis time)', async () => {
    const { runs, run } = recorder();
    scheduler = new Scheduler((key) => (key === 'fast' ? 0 : INTERVAL), run);
    scheduler.schedule('fast');
    scheduler.schedule('slow');
    await sleep(30);
    scheduler.schedule('fast');
    scheduler.schedule('slow');
    await sleep(60);
    assert.deepEqual(runs.map((r) => r.key).sort(), ['fast', 'fast', 'slow'], 'the fast target ran again at once; the slow one waits');
    await sleep(INTERVAL);
    assert.deepEqual(runs.map((r) => r.key).sort(), ['fast', 'fast', 'slow', 'slow']);
  });
});
