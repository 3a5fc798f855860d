// Faults and client inputs: Crash / Recover Node, Force Election Timeout, Client Request,
// Partition / Heal Network, Drop Message. From the palette they ask; from a menu they act.
import type { Input } from '../core/inputs';
import type { TraceRecord } from '../core/trace';
import type { NodeView, ProtocolName } from '../core/types';
import { NO_CLUSTER } from '../session/session';
import { CANCELLED, fail, type CommandDeps, type CommandResult, type Handler } from './commandResult';
import { parseMessageArg, parseNodeArg, parsePartitionArg, parseRequestArg } from './commandArgs';
import { nodeLabel } from '../protocol/messages';
import { askRequestValue, pickMessage, pickNode, pickPartitionSide } from './pickers';

interface NodeInputSpec {
  readonly title: string;
  readonly kind: 'crash' | 'recover' | 'timeout';
  readonly eligible: (node: NodeView, protocol: ProtocolName) => boolean;
  /** Said when no node is eligible. */
  readonly none: string;
}

const live = (n: NodeView): boolean => n.role !== 'crashed';

const NODE_INPUTS: readonly NodeInputSpec[] = [
  { title: 'Crash Node', kind: 'crash', eligible: live, none: 'Every node is already crashed, so there is nothing to crash. Recover one with "Raft: Recover Node".' },
  { title: 'Recover Node', kind: 'recover', eligible: (n) => n.role === 'crashed', none: 'No node is crashed, so there is nothing to recover. Crash one with "Raft: Crash Node" first.' },
  {
    title: 'Force Election Timeout',
    kind: 'timeout',
    // A raft leader runs no election timer; the simple protocol only times out followers.
    eligible: (n, protocol) => (protocol === 'raft' ? n.role === 'follower' || n.role === 'candidate' : n.role === 'follower'),
    none: 'No node can time out now: only live followers (and raft candidates) run an election timer. Recover a node or wait for followers.',
  },
];

function nodeInput(spec: NodeInputSpec): Handler {
  return async (deps, arg) => {
    const view = deps.session.view();
    if (!view) return fail(NO_CLUSTER);
    const parsed = parseNodeArg(spec.title, arg);
    if (parsed.kind === 'invalid') return fail(parsed.error);
    let node: number;
    if (parsed.kind === 'ask') {
      const nodes = view.nodes.filter((n) => spec.eligible(n, view.protocol));
      if (nodes.length === 0) return fail(spec.none);
      const picked = await pickNode(view, nodes, spec.title);
      if (picked === undefined) return CANCELLED;
      node = picked;
    } else node = parsed.value;
    return applyInput(deps, { kind: spec.kind, node }, () => ({ node }));
  };
}

/** Applies an input; says in the log when it started a new branch of the recorded run. */
function applyInput(deps: CommandDeps, input: Input, extra: (record: TraceRecord) => Record<string, unknown> = () => ({})): CommandResult {
  const result = deps.session.apply(input);
  if (!result.ok) return fail(result.error);
  const { record, discarded } = result;
  if (discarded > 0) deps.log.info(`The ${discarded} recorded events after event ${record.seq - 1} were discarded: "${input.kind}" starts a new branch of the run.`);
  return { ok: true, seq: record.seq, time: record.time, discarded, ...extra(record) };
}

async function clientRequest(deps: CommandDeps, arg: unknown): Promise<CommandResult> {
  const history = deps.session.timeline;
  if (!history) return fail(NO_CLUSTER);
  const parsed = parseRequestArg(arg);
  if (parsed.kind === 'invalid') return fail(parsed.error);
  const suggestion = `x=${history.inputs().filter((r) => r.input.kind === 'request').length + 1}`;
  let value = parsed.kind === 'value' ? parsed.value.value : undefined;
  if (parsed.kind === 'ask') {
    value = await askRequestValue(suggestion);
    if (value === undefined) return CANCELLED;
  }
  const command = value ?? suggestion;
  const via = parsed.kind === 'value' ? parsed.value.via : undefined;
  return applyInput(deps, { kind: 'request', value: command }, (record) => {
    // In Raft a client may contact any server; a follower redirects it to the leader.
    if (via !== undefined && via !== record.node) deps.log.info(`${nodeLabel(via)} is not the leader: the client request went to leader ${nodeLabel(record.node)}.`);
    return { value: command, leader: record.node };
  });
}

async function partition(deps: CommandDeps, arg: unknown): Promise<CommandResult> {
  const view = deps.session.view();
  if (!view) return fail(NO_CLUSTER);
  const parsed = parsePartitionArg(arg);
  if (parsed.kind === 'invalid') return fail(parsed.error);
  let groups: number[][];
  if (parsed.kind === 'ask') {
    if (view.nodes.length < 2) return fail('A 1-node cluster cannot be partitioned. Start a cluster with at least 2 nodes.');
    const side = await pickPartitionSide(view);
    if (side === undefined) return CANCELLED;
    if (side.length === 0 || side.length === view.nodes.length) {
      return fail(`A partition needs nodes on both sides, but you picked ${side.length === 0 ? 'none' : `all ${side.length}`}. Pick some of the nodes and leave the others out.`);
    }
    groups = [side, view.nodes.map((n) => n.id).filter((id) => !side.includes(id))];
  } else groups = parsed.value;
  return applyInput(deps, { kind: 'partition', groups }, () => ({ groups }));
}

async function dropMessage(deps: CommandDeps, arg: unknown): Promise<CommandResult> {
  const view = deps.session.view();
  if (!view) return fail(NO_CLUSTER);
  const parsed = parseMessageArg(arg);
  if (parsed.kind === 'invalid') return fail(parsed.error);
  let message: number;
  if (parsed.kind === 'ask') {
    if (view.messages.length === 0) return fail('No message is in flight right now. Pause or step while messages are on their way, then drop one.');
    const picked = await pickMessage(view);
    if (picked === undefined) return CANCELLED;
    message = picked;
  } else message = parsed.value;
  return applyInput(deps, { kind: 'drop', message }, () => ({ message }));
}

export const NODE_COMMANDS: Readonly<Record<string, Handler>> = {
  'raft.crashNode': nodeInput(NODE_INPUTS[0]!),
  'raft.recoverNode': nodeInput(NODE_INPUTS[1]!),
  'raft.forceTimeout': nodeInput(NODE_INPUTS[2]!),
  'raft.clientRequest': clientRequest,
  'raft.partition': partition,
  'raft.heal': (deps) => (deps.session.running ? applyInput(deps, { kind: 'heal' }) : fail(NO_CLUSTER)),
  'raft.dropMessage': dropMessage,
};
