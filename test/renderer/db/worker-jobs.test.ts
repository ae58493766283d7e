/**
 * The worker jobs' runner (renderer/db/worker-jobs.ts): with no worker the job runs in the page;
 * a worker that fails to start or stops hands its jobs to the page; replies reach the caller of
 * their own job whatever their order; a failed reply fails (or runs in the page, if asked); a
 * dropped job frees the worker. The worker here is a stand-in answering through serveJobs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  afterThisTask,
  JOB_DROPPED,
  jobRunner,
  serveJobs,
  type JobReply,
  type JobRequest,
} from '../../../renderer/db/worker-jobs';

type Job = { n: number; fail?: boolean };

/**
 * A stand-in for a Worker: keeps what is posted until `answer` replies (in any order), as
 * serveJobs does in a real worker, each reply cloned as postMessage clones it.
 */
class FakeWorker {
  static started: FakeWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: JobRequest<Job>[] = [];
  terminated = false;
  constructor() {
    FakeWorker.started.push(this);
  }
  postMessage(request: JobRequest<Job>) {
    this.posted.push(structuredClone(request));
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers the posted job `n` (the square of its number, or a failure) as the worker would. */
  async answer(n: number) {
    const request = this.posted.find((r) => r.job.n === n)!;
    const serve = serveJobs<Job, number>(
      { postMessage: (reply) => this.onmessage?.({ data: structuredClone(reply) } as MessageEvent) },
      (job) => {
        if (job.fail) throw new Error(`job ${job.n} failed`);
        return job.n * job.n;
      },
    );
    await serve({ data: request } as MessageEvent<JobRequest<Job>>);
  }
  /** The script cannot run: the worker reports an error. */
  crash() {
    const event = { preventDefault: vi.fn() } as unknown as ErrorEvent;
    this.onerror?.(event);
    return event;
  }
}

const inPage = (job: Job) => () => -job.n;

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.started = [];
});

describe('jobRunner', () => {
  it('runs every job in the page where no Worker exists, calling the fallback at once', async () => {
    vi.stubGlobal('Worker', undefined);
    const start = vi.fn(() => new FakeWorker() as unknown as Worker);
    const jobs = jobRunner<Job>({ start });
    const fallback = vi.fn(inPage({ n: 3 }));
    const answer = jobs.run({ n: 3 }, fallback);
    // Called before any await: a live query running the job keeps watching what the page reads.
    expect(fallback).toHaveBeenCalledTimes(1);
    await expect(answer).resolves.toBe(-3);
    expect(start).not.toHaveBeenCalled();
  });

  it('runs in the page where canStart says no, or the worker cannot be constructed', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const refused = jobRunner<Job>({ start: () => new FakeWorker() as never, canStart: () => false });
    await expect(refused.run({ n: 2 }, inPage({ n: 2 }))).resolves.toBe(-2);
    expect(FakeWorker.started).toHaveLength(0);

    const start = vi.fn((): Worker => {
      throw new Error('refused');
    });
    const throwing = jobRunner<Job>({ start });
    await expect(throwing.run({ n: 4 }, inPage({ n: 4 }))).resolves.toBe(-4);
    await expect(throwing.run({ n: 5 }, inPage({ n: 5 }))).resolves.toBe(-5);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('rejects with the fallback’s error when the fallback throws', async () => {
    vi.stubGlobal('Worker', undefined);
    const jobs = jobRunner<Job>({ start: () => new FakeWorker() as never });
    await expect(
      jobs.run({ n: 1 }, () => {
        throw new Error('no luck');
      }),
    ).rejects.toThrow('no luck');
  });

  it('answers concurrent jobs each to its own caller, whatever order the replies come in', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const jobs = jobRunner<Job>({ start: () => new FakeWorker() as never });
    const fallback = vi.fn(() => 0);
    const answers = [2, 3, 4].map((n) => jobs.run({ n }, fallback));
    expect(FakeWorker.started).toHaveLength(1);
    const worker = FakeWorker.started[0]!;
    expect(worker.posted.map((r) => r.job.n)).toEqual([2, 3, 4]);
    expect(new Set(worker.posted.map((r) => r.id)).size).toBe(3);
    await worker.answer(4);
    await worker.answer(2);
    await worker.answer(3);
    await expect(Promise.all(answers)).resolves.toEqual([4, 9, 16]);
    expect(fallback).not.toHaveBeenCalled();
    // A reply to no job waiting (answered twice) is ignored.
    await worker.answer(3);
  });

  it('hands the jobs of a worker that fails to the page, and every later job too', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const jobs = jobRunner<Job>({ start: () => new FakeWorker() as never });
    const first = jobs.run({ n: 6 }, inPage({ n: 6 }));
    const second = jobs.run({ n: 7 }, inPage({ n: 7 }));
    const worker = FakeWorker.started[0]!;
    const event = worker.crash();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(worker.terminated).toBe(true);
    await expect(Promise.all([first, second])).resolves.toEqual([-6, -7]);
    await expect(jobs.run({ n: 8 }, inPage({ n: 8 }))).resolves.toBe(-8);
    expect(FakeWorker.started).toHaveLength(1);
  });

  it('fails a job the worker failed with its message, or runs it in the page when asked to', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const strict = jobRunner<Job>({ start: () => new FakeWorker() as never });
    const failing = strict.run({ n: 2, fail: true }, inPage({ n: 2 }));
    await FakeWorker.started[0]!.answer(2);
    await expect(failing).rejects.toThrow('job 2 failed');

    const lenient = jobRunner<Job>({ start: () => new FakeWorker() as never, retryFailedInPage: true });
    const retried = lenient.run({ n: 3, fail: true }, inPage({ n: 3 }));
    await FakeWorker.started[1]!.answer(3);
    await expect(retried).resolves.toBe(-3);
  });

  it('drops a job whose signal aborts, stops a worker left with nothing wanted, and starts another after', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const jobs = jobRunner<Job>({ start: () => new FakeWorker() as never });
    const keep = new AbortController();
    const drop = new AbortController();
    const kept = jobs.run({ n: 2 }, inPage({ n: 2 }), keep.signal);
    const dropped = jobs.run({ n: 3 }, inPage({ n: 3 }), drop.signal);
    const worker = FakeWorker.started[0]!;
    drop.abort();
    await expect(dropped).rejects.toThrow(JOB_DROPPED);
    expect(worker.terminated).toBe(false); // job 2 is still wanted
    await worker.answer(2);
    await expect(kept).resolves.toBe(4);

    const alone = new AbortController();
    const last = jobs.run({ n: 5 }, inPage({ n: 5 }), alone.signal);
    alone.abort();
    await expect(last).rejects.toThrow(JOB_DROPPED);
    expect(worker.terminated).toBe(true);
    const next = jobs.run({ n: 6 }, inPage({ n: 6 }));
    expect(FakeWorker.started).toHaveLength(2);
    await FakeWorker.started[1]!.answer(6);
    await expect(next).resolves.toBe(36);
    await expect(jobs.run({ n: 7 }, inPage({ n: 7 }), AbortSignal.abort())).rejects.toThrow(JOB_DROPPED);
  });
});

describe('serveJobs', () => {
  it('replies with the result or the failure under the job’s id', async () => {
    const replies: JobReply<number>[] = [];
    const serve = serveJobs<Job, number>({ postMessage: (r) => replies.push(r) }, async (job) => {
      if (job.fail) throw new Error('bad job');
      return job.n + 1;
    });
    await serve({ data: { id: 7, job: { n: 1 } } } as MessageEvent<JobRequest<Job>>);
    await serve({ data: { id: 8, job: { n: 1, fail: true } } } as MessageEvent<JobRequest<Job>>);
    expect(replies).toEqual([
      { id: 7, ok: true, result: 2 },
      { id: 8, ok: false, message: 'bad job' },
    ]);
  });
});

describe('afterThisTask', () => {
  it('runs the work after the current task, not before', async () => {
    const order: string[] = [];
    const later = afterThisTask(() => order.push('job'));
    await Promise.resolve();
    order.push('this task');
    await later;
    expect(order).toEqual(['this task', 'job']);
  });
});
