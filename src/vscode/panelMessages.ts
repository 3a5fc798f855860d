// What each (validated) webview message asks the extension to do, as a command id and its
// arguments: the panel acts only through the same commands as the palette and the tree.
import type { NodeCommand, WebviewCommand, WebviewMessage } from '../protocol/messages';

export interface CommandCall {
  readonly command: string;
  readonly args: readonly unknown[];
}

const COMMANDS: Record<WebviewCommand, string> = {
  start: 'raft.startCluster',
  pause: 'raft.pause',
  resume: 'raft.resume',
  step: 'raft.step',
  stepBack: 'raft.stepBack',
  runUntilLeader: 'raft.runUntilLeader',
  heal: 'raft.heal',
};

const NODE_COMMANDS: Record<NodeCommand, string> = {
  crash: 'raft.crashNode',
  recover: 'raft.recoverNode',
  timeout: 'raft.forceTimeout',
  request: 'raft.clientRequest',
};

/** `null` for messages the panel answers itself (ready). */
export function commandFor(message: WebviewMessage): CommandCall | null {
  switch (message.type) {
    case 'ready':
      return null;
    case 'command':
      return { command: COMMANDS[message.command], args: [] };
    case 'nodeCommand':
      return { command: NODE_COMMANDS[message.command], args: [{ nodeId: message.node }] };
    case 'setSpeed':
      return { command: 'raft.setSpeed', args: [message.speed] };
    case 'seek':
      return { command: 'raft.seek', args: [message.seq] };
    case 'drop':
      return { command: 'raft.dropMessage', args: [message.message] };
    case 'partition':
      return { command: 'raft.partition', args: [message.groups] };
    case 'showCode':
      return { command: 'raft.showCode', args: [{ seq: message.seq }] };
  }
}
