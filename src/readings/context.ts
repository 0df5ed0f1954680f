import type { ActorContext } from '../db/actor';

/**
 * The transaction a change runs in, and where its audit entries go (written at commit); with
 * `alongside`, statements whose answer nothing needs skip their round trip.
 */
export type Transaction = Pick<ActorContext, 'tx' | 'audit'> &
  Partial<Pick<ActorContext, 'alongside'>>;

/** Who is writing, from which chat, and what time it is for them. */
export interface Author {
  userId: string;
  /** The chat the change comes from (`user:<id>`, `group:<id>`…); a question is asked there. */
  chatKey: string;
  clock: () => Date;
  /**
   * The meter the author used last, as read when their message arrived: storing a reading of it
   * leaves the author's row alone (no update statement at all).
   */
  lastSourceId?: string | null;
}
