// Quick picks and input boxes for commands run from the palette. Each resolves to `undefined`
// when the user dismisses it (the command then ends quietly as cancelled).
import * as vscode from 'vscode';
import { messageSummary } from '../core/explain';
import type { ClusterView, NodeView, ProtocolName } from '../core/types';
import { formatSpeed, MAX_SPEED, MIN_SPEED } from '../protocol/messages';
import { CONDITIONS, RUN_CONDITIONS, type RunCondition } from '../session/conditions';
import { nodeLabel } from '../protocol/messages';
import { nodeDescription, ROLE_ICONS } from './nodeTreeModel';
import { UI_MAX_SIZE, UI_MIN_SIZE } from './settingsModel';

interface Valued<T> extends vscode.QuickPickItem {
  readonly value: T;
}

async function pick<T>(items: Valued<T>[], options: vscode.QuickPickOptions): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { ignoreFocusOut: false, ...options }))?.value;
}

export function pickNode(view: ClusterView, nodes: readonly NodeView[], title: string): Promise<number | undefined> {
  return pick(
    nodes.map((n) => ({ label: `$(${ROLE_ICONS[n.role].id}) ${nodeLabel(n.id)}`, description: nodeDescription(n, view.protocol), value: n.id })),
    { title, placeHolder: 'Pick a node' },
  );
}

const SIZES = [1, 3, 5, 7, 9, 15, 25];
const OTHER = -1;

export async function pickSize(defaultSize: number): Promise<number | undefined> {
  const sizes = [defaultSize, ...SIZES.filter((s) => s !== defaultSize)];
  const chosen = await pick(
    [
      ...sizes.map((s) => ({ label: `${s} node${s === 1 ? '' : 's'}`, description: s === defaultSize ? 'default (raft.size)' : s % 2 === 0 ? '' : `tolerates ${(s - 1) / 2} crashed`, value: s })),
      { label: 'Other size…', description: `${UI_MIN_SIZE}-${UI_MAX_SIZE}`, value: OTHER },
    ],
    { title: 'Start Cluster (1/2): how many nodes?', placeHolder: `Cluster size, ${UI_MIN_SIZE} to ${UI_MAX_SIZE} nodes` },
  );
  if (chosen !== OTHER) return chosen;
  const text = await vscode.window.showInputBox({
    title: 'Start Cluster: how many nodes?',
    prompt: `A whole number from ${UI_MIN_SIZE} to ${UI_MAX_SIZE}`,
    value: String(defaultSize),
    validateInput: (v) => (sizeFromText(v) === null ? `Enter a whole number from ${UI_MIN_SIZE} to ${UI_MAX_SIZE}.` : null),
  });
  return text === undefined ? undefined : (sizeFromText(text) ?? undefined);
}

function sizeFromText(text: string): number | null {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= UI_MIN_SIZE && n <= UI_MAX_SIZE ? n : null;
}

export function pickProtocol(defaultProtocol: ProtocolName): Promise<ProtocolName | undefined> {
  const raft: Valued<ProtocolName> = { label: 'raft', description: 'Raft with terms and log replication (Figure 2 of the paper)', value: 'raft' };
  const simple: Valued<ProtocolName> = { label: 'simple', description: 'the original election without terms (it can end with two leaders)', value: 'simple' };
  const [first, second] = defaultProtocol === 'raft' ? [raft, simple] : [simple, raft];
  return pick([{ ...first, detail: 'default (raft.protocol)' }, second], { title: 'Start Cluster (2/2): which protocol?' });
}

const SPEEDS = [0.01, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

export async function pickSpeed(current: number): Promise<number | undefined> {
  const chosen = await pick(
    [
      ...SPEEDS.map((s) => ({ label: formatSpeed(s), description: s === current ? 'current' : s === 1 ? 'real time' : '', value: s })),
      { label: 'Other speed…', description: `${MIN_SPEED}-${MAX_SPEED}`, value: OTHER },
    ],
    { title: 'Set Speed: simulated ms per wall-clock ms' },
  );
  if (chosen !== OTHER) return chosen;
  const text = await vscode.window.showInputBox({
    title: 'Set Speed',
    prompt: `Simulated ms per wall ms, from ${MIN_SPEED} to ${MAX_SPEED}`,
    value: String(current),
    validateInput: (v) => {
      const n = Number(v);
      return v.trim() !== '' && Number.isFinite(n) && n >= MIN_SPEED && n <= MAX_SPEED ? null : `Enter a number from ${MIN_SPEED} to ${MAX_SPEED}.`;
    },
  });
  return text === undefined ? undefined : Number(text);
}

export function pickCondition(): Promise<RunCondition | undefined> {
  return pick(
    RUN_CONDITIONS.map((c) => ({ label: `Until ${CONDITIONS[c].goal}`, value: c })),
    { title: 'Run Until: run as fast as possible and pause when…' },
  );
}

/** One side of a two-way partition; the nodes not picked form the other side. */
export async function pickPartitionSide(view: ClusterView): Promise<number[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    view.nodes.map((n) => ({ label: nodeLabel(n.id), description: nodeDescription(n, view.protocol), id: n.id })),
    { title: 'Partition Network: pick the nodes on one side', placeHolder: 'The nodes you leave unpicked form the other side', canPickMany: true },
  );
  return picked?.map((p) => p.id);
}

export function askRequestValue(suggestion: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Client Request',
    prompt: 'The command the leader appends to its log and replicates (one line of text)',
    value: suggestion,
    validateInput: (v) => (v.trim() === '' ? 'Enter the command, e.g. x=1.' : /[\r\n]/.test(v) || v.length > 200 ? 'One line of text, at most 200 characters.' : null),
  });
}

export async function askSeq(headSeq: number, current: number): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Go to Event',
    prompt: `Event number from 0 (the start) to ${headSeq} (the latest recorded)`,
    value: String(current),
    validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) <= headSeq ? null : `Enter a whole number from 0 to ${headSeq}.`),
  });
  return text === undefined ? undefined : Number(text);
}

export function pickMessage(view: ClusterView): Promise<number | undefined> {
  return pick(
    view.messages.map((m) => ({
      label: `${nodeLabel(m.from)} → ${nodeLabel(m.to)}`,
      description: `${messageSummary(m)}, arrives at ${(m.deliverAt / 1000).toFixed(3)} s`,
      value: m.id,
    })),
    { title: 'Drop Message: pick a message in flight to lose' },
  );
}
