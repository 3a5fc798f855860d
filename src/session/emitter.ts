// A minimal event emitter with disposable subscriptions (the session cannot use vscode.EventEmitter).

export interface Disposable {
  dispose(): void;
}

export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  on(listener: (value: T) => void): Disposable {
    // Wrap so the same function can subscribe twice and each subscription disposes independently.
    const entry = (value: T): void => listener(value);
    this.listeners.add(entry);
    return { dispose: () => this.listeners.delete(entry) };
  }

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (e) {
        // One faulty listener must not stop the others or the simulation loop.
        console.error('raft: listener failed', e);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
