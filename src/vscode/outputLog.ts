// The "Raft" log output channel: faults, inputs, elections and violations at info level; every
// other event at debug level. Text is rendered only when the channel's level will show it.
import * as vscode from 'vscode';
import { explain } from '../core/explain';
import type { TraceRecord } from '../core/trace';
import type { ProtocolName } from '../core/types';
import type { Session } from '../session/session';

const INPUT_KINDS: ReadonlySet<TraceRecord['kind']> = new Set(['crash', 'recover', 'timeout', 'request', 'partition', 'heal', 'drop']);

function important(record: TraceRecord): boolean {
  return INPUT_KINDS.has(record.kind) || record.changes.some((c) => c.field === 'role' && c.after === 'leader');
}

export class OutputLog implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Raft', { log: true });
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: Session) {
    this.subscription = session.onRecords((records) => this.write(records));
  }

  private write(records: readonly TraceRecord[]): void {
    const protocol = this.session.config?.protocol;
    if (!protocol) return;
    const level = this.channel.logLevel;
    if (level === vscode.LogLevel.Off) return;
    for (const record of records) {
      if (record.violation) this.channel.error(line(record, protocol));
      else if (important(record)) {
        if (level <= vscode.LogLevel.Info) this.channel.info(line(record, protocol));
      } else if (level <= vscode.LogLevel.Debug) this.channel.debug(line(record, protocol));
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.channel.dispose();
  }
}

function line(record: TraceRecord, protocol: ProtocolName): string {
  return `t=${(record.time / 1000).toFixed(3)}s #${record.seq} ${explain(record, protocol)}`;
}
