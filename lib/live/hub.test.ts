import { describe, expect, it } from 'vitest';
import { until } from '@/tests/helpers/wait';
import { type ListenConnect, type LiveEvent, LiveHub } from './hub';

/** A connection the test controls: it can deliver payloads, drop, or refuse to connect. */
function fakeDatabase() {
  const state = { connects: 0, refuseNext: 0, open: null as null | { deliver: (payload: string) => void; lose: (error: Error) => void } };
  const connect: ListenConnect = async (onPayload, onLost) => {
    state.connects++;
    if (state.refuseNext > 0) {
      state.refuseNext--;
      throw new Error('connection refused');
    }
    const connection = { deliver: onPayload, lose: onLost };
    state.open = connection;
    return async () => {
      if (state.open === connection) state.open = null;
    };
  };
  return { state, connect };
}

describe('LiveHub', () => {
  it('opens one connection for many subscribers and delivers a case only to its own subscribers', async () => {
    const database = fakeDatabase();
    const hub = new LiveHub(database.connect);
    const a: LiveEvent[] = [];
    const b: LiveEvent[] = [];
    hub.subscribe('case-a', (event) => a.push(event));
    hub.subscribe('case-a', (event) => a.push(event));
    hub.subscribe('case-b', (event) => b.push(event));
    await hub.ready();
    database.state.open?.deliver('case-a');
    expect(database.state.connects).toBe(1);
    expect(a).toEqual([
      { kind: 'changed', caseId: 'case-a' },
      { kind: 'changed', caseId: 'case-a' },
    ]);
    expect(b).toEqual([]);
    await hub.stop();
  });

  it('reconnects after the connection is lost, retrying while the database refuses, and tells every subscriber to resync', async () => {
    const database = fakeDatabase();
    const hub = new LiveHub(database.connect, { retryMs: 10, maxRetryMs: 40 });
    const events: LiveEvent[] = [];
    hub.subscribe('case-a', (event) => events.push(event));
    await hub.ready();
    database.state.refuseNext = 3;
    database.state.open?.lose(new Error('terminating connection due to administrator command'));
    expect(hub.isConnected).toBe(false);
    await until(() => hub.isConnected);
    expect(database.state.connects).toBe(1 + 3 + 1);
    expect(events).toEqual([{ kind: 'resync' }]);
    database.state.open?.deliver('case-a');
    expect(events.at(-1)).toEqual({ kind: 'changed', caseId: 'case-a' });
    await hub.stop();
  });

  it('retries a first connection that fails, without a resync (nothing was shown yet)', async () => {
    const database = fakeDatabase();
    database.state.refuseNext = 2;
    const hub = new LiveHub(database.connect, { retryMs: 10 });
    const events: LiveEvent[] = [];
    hub.subscribe('case-a', (event) => events.push(event));
    await until(() => hub.isConnected);
    expect(database.state.connects).toBe(3);
    expect(events).toEqual([]);
    await hub.stop();
  });

  it('stops delivering to a subscriber that left, and one failing subscriber does not stop the others', async () => {
    const database = fakeDatabase();
    const hub = new LiveHub(database.connect);
    const kept: LiveEvent[] = [];
    const left: LiveEvent[] = [];
    hub.subscribe('case-a', () => {
      throw new Error('broken stream');
    });
    hub.subscribe('case-a', (event) => kept.push(event));
    const leave = hub.subscribe('case-a', (event) => left.push(event));
    await hub.ready();
    leave();
    database.state.open?.deliver('case-a');
    expect(kept).toHaveLength(1);
    expect(left).toHaveLength(0);
    expect(hub.subscriberCount).toBe(2);
    await hub.stop();
  });
});
