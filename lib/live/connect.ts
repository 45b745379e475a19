import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import { type DatabaseHandle, getDatabaseHandle } from '@/db/client';
import { COUNTS_CHANNEL, type ListenConnect, LiveHub } from './hub';

/** A LISTEN connection that answers no query for this long is treated as lost (a silent network cut). */
const HEARTBEAT_MS = 15_000;

/**
 * The listening connection for the database the app uses. On PostgreSQL it is one client checked
 * out of the app's pool for good (db/client.ts stays the only place connections are made); on
 * PGlite it is the embedded database's own `listen`, which cannot be lost.
 */
export function listenConnectFor(handle: DatabaseHandle): ListenConnect {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  return handle.driver === 'postgres' ? postgresConnect(client as Pool) : pgliteConnect(client as PGlite);
}

function pgliteConnect(client: PGlite): ListenConnect {
  return async (onPayload) => {
    const unlisten = await client.listen(COUNTS_CHANNEL, onPayload);
    return () => unlisten();
  };
}

function postgresConnect(pool: Pool): ListenConnect {
  return async (onPayload, onLost) => {
    const client: PoolClient = await pool.connect();
    let isReleased = false;
    const release = (error?: Error) => {
      if (isReleased) return;
      isReleased = true;
      clearInterval(heartbeat);
      // A broken client is destroyed, not returned to the pool.
      client.release(error ?? true);
    };
    const lose = (error: Error) => {
      // Our own release ends the connection too; that is not a loss.
      if (isReleased) return;
      release(error);
      onLost(error);
    };
    client.on('notification', (message) => {
      if (message.channel === COUNTS_CHANNEL && message.payload) onPayload(message.payload);
    });
    client.on('error', lose);
    client.on('end', () => lose(new Error('listening connection ended')));
    const heartbeat = setInterval(() => {
      client.query('select 1').catch((error: Error) => lose(error));
    }, HEARTBEAT_MS);
    heartbeat.unref?.();
    try {
      await client.query(`LISTEN ${COUNTS_CHANNEL}`);
    } catch (error) {
      release(error as Error);
      throw error;
    }
    return async () => {
      if (isReleased) return;
      await client.query(`UNLISTEN ${COUNTS_CHANNEL}`).catch(() => {});
      release();
    };
  };
}

// Cached on globalThis like the database handle: Next.js evaluates server modules in several
// graphs, and the instance must hold one listener, not one per graph.
const HUB_KEY = Symbol.for('joinder.liveHub');
type GlobalWithHub = typeof globalThis & { [HUB_KEY]?: LiveHub };

/** The instance's one listener; connects lazily on the first subscriber. */
export function getLiveHub(): LiveHub {
  const g = globalThis as GlobalWithHub;
  g[HUB_KEY] ??= new LiveHub(async (onPayload, onLost) => listenConnectFor(await getDatabaseHandle())(onPayload, onLost), {
    log: (message) => console.warn(`[joinder] ${message}`),
  });
  return g[HUB_KEY];
}

/** Stops the instance's listener (tests, shutdown). */
export async function stopLiveHub(): Promise<void> {
  const g = globalThis as GlobalWithHub;
  const hub = g[HUB_KEY];
  g[HUB_KEY] = undefined;
  await hub?.stop();
}
