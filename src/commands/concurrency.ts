import { Conflict } from '../domain';

/**
 * Runs a read-modify-write step again when its If-Match write lost a race (412 → Conflict).
 * The step must re-read what it modifies. Gives up after `attempts`, rethrowing the Conflict.
 */
export async function withConcurrencyRetry<T>(step: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await step();
    } catch (e) {
      if (!(e instanceof Conflict) || i >= attempts) throw e;
      // A little jitter so two writers that collided do not collide again in lockstep.
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 20 * i)));
    }
  }
}
