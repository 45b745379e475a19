import { describe, expect, it } from 'vitest';
import { until } from '@/tests/helpers/wait';
import { CaseFeed } from './case-feed';
import { type ListenConnect, LiveHub } from './hub';

describe('CaseFeed', () => {
  it('reloads once its first watcher is listening, so a change from before the stream opened is not lost', async () => {
    let letConnect: () => void = () => {};
    const connected = new Promise<void>((resolve) => {
      letConnect = resolve;
    });
    const connect: ListenConnect = async () => {
      await connected;
      return async () => {};
    };
    const hub = new LiveHub(connect);
    // The counter the database holds; the stream was first sent 1, then a change made it 2
    // while the listening connection was still being opened (its notification reached no one).
    let count = 2;
    const seen: number[] = [];
    const feed = new CaseFeed(
      hub,
      'case-a',
      async () => count,
      () => {},
      10,
    );
    const stopWatching = feed.watch((value) => seen.push(value));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen, 'nothing is pushed before the feed listens').toEqual([]);
    letConnect();
    await until(() => seen.length === 1);
    expect(seen).toEqual([2]);

    // A second watcher of the same feed does not cause another reload.
    count = 3;
    feed.watch((value) => seen.push(value));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([2]);
    stopWatching();
    await hub.stop();
  });

  it('does not reload for a first watcher that left before the feed was listening', async () => {
    let letConnect: () => void = () => {};
    const connected = new Promise<void>((resolve) => {
      letConnect = resolve;
    });
    const hub = new LiveHub(async () => {
      await connected;
      return async () => {};
    });
    let loads = 0;
    const feed = new CaseFeed(
      hub,
      'case-a',
      async () => ++loads,
      () => {},
      10,
    );
    const stopWatching = feed.watch(() => {});
    stopWatching();
    letConnect();
    await hub.ready();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads).toBe(0);
    await hub.stop();
  });
});
