// The single event queue: a binary min-heap ordered by time, then by insertion order so that
// events at the same millisecond apply in the order they were scheduled (stable ties).
import type { Message, NodeId, TimerKind } from './types';

export interface QueuedEvent {
  readonly time: number;
  readonly order: number;
  readonly node: NodeId;
  /** Present for timer firings. */
  readonly timer?: TimerKind;
  /** Timer generation: a firing whose generation is stale was cancelled or re-armed. */
  readonly gen?: number;
  /** Present for message deliveries. */
  readonly message?: Message;
}

export class EventQueue {
  private heap: QueuedEvent[];

  constructor(items: readonly QueuedEvent[] = []) {
    // A snapshot's array is already a valid heap; copy it so the snapshot stays untouched.
    this.heap = items.slice();
  }

  get size(): number {
    return this.heap.length;
  }

  peek(): QueuedEvent | undefined {
    return this.heap[0];
  }

  /** The underlying heap array, in heap order (for views and snapshots; do not mutate). */
  items(): readonly QueuedEvent[] {
    return this.heap;
  }

  push(event: QueuedEvent): void {
    this.heap.push(event);
    this.siftUp(this.heap.length - 1);
  }

  pop(): QueuedEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top !== undefined && last !== undefined && heap.length > 0) this.siftDown(0, last);
    return top;
  }

  /** Removes the first event matching `match` (a hand-dropped message); O(n), which is fine for a rare input. */
  remove(match: (e: QueuedEvent) => boolean): QueuedEvent | undefined {
    const heap = this.heap;
    const i = heap.findIndex(match);
    if (i < 0) return undefined;
    const found = heap[i]!;
    const last = heap.pop()!;
    if (i < heap.length) {
      this.siftDown(i, last);
      this.siftUp(i);
    }
    return found;
  }

  private siftDown(start: number, event: QueuedEvent): void {
    const heap = this.heap;
    const n = heap.length;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, event)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = event;
  }

  private siftUp(start: number): void {
    const heap = this.heap;
    const event = heap[start]!;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(event, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = event;
  }
}

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.order < b.order);
}
