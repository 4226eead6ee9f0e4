// Interaction ids already taken in this process. Discord may deliver an event twice (a resumed session replays
// what it thinks was missed); an interaction can be acknowledged only once, so a second delivery is dropped here
// before it could fail on the acknowledgement. Conversation state has its own idempotency keys (chat/conversation).
const SEEN_MAX = 5000;

export class SeenIds {
  private readonly ids = new Set<string>();

  /** True the first time `id` is offered; false for every later delivery. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A Set keeps insertion order: the first value is the oldest.
    if (this.ids.size > SEEN_MAX) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}
