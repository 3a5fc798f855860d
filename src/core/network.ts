// The network between nodes: per-message latency, random loss and duplication, partitions.
import type { NodeId, Result } from './types';

/** Group index per node, or null when every node reaches every other. */
export type PartitionMap = readonly number[] | null;

export function reachable(partition: PartitionMap, from: NodeId, to: NodeId): boolean {
  return partition === null || partition[from] === partition[to];
}

/** Validates partition groups: every node in exactly one group, at least two groups. */
export function partitionFromGroups(groups: readonly (readonly NodeId[])[], size: number): Result<{ partition: number[] }> {
  const example = size >= 2 ? `e.g. partition ${listRange(0, Math.floor(size / 2))} | ${listRange(Math.floor(size / 2), size)}` : '';
  if (size < 2) return { ok: false, error: 'a cluster of one node cannot be partitioned' };
  if (groups.length < 2) return { ok: false, error: `a partition needs at least two groups separated by "|" (${example})` };
  const partition = new Array<number>(size).fill(-1);
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    if (group.length === 0) return { ok: false, error: `group ${g + 1} of the partition is empty (${example})` };
    for (const id of group) {
      if (!Number.isInteger(id) || id < 0 || id >= size) return { ok: false, error: `node ${id} does not exist: the cluster has nodes 0-${size - 1}` };
      if (partition[id] !== -1) return { ok: false, error: `node ${id} is in two groups; put each node in exactly one (${example})` };
      partition[id] = g;
    }
  }
  const missing = partition.flatMap((g, id) => (g === -1 ? [id] : []));
  if (missing.length > 0) {
    return { ok: false, error: `node${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} in no group; every node must be in exactly one (${example})` };
  }
  return { ok: true, partition };
}

export function groupsOf(partition: PartitionMap): NodeId[][] | null {
  if (partition === null) return null;
  const groups: NodeId[][] = [];
  partition.forEach((g, id) => (groups[g] ??= []).push(id));
  return groups;
}

function listRange(from: number, to: number): string {
  return Array.from({ length: to - from }, (_, i) => from + i).join(' ');
}
