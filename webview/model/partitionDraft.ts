// The partition the user is drawing before applying it: each node has a group (A, B, C, D). Click a
// node to move it to the next group, or drag it onto a node of another group (or onto empty space
// for a new group). Starts from the current partition, if any.
export const MAX_GROUPS = 4;

export class PartitionDraft {
  private readonly groups = new Map<number, number>();

  constructor(private readonly ids: readonly number[], current: readonly (readonly number[])[] | null) {
    for (const id of ids) this.groups.set(id, 0);
    current?.forEach((group, g) => group.forEach((id) => this.groups.has(id) && this.groups.set(id, Math.min(g, MAX_GROUPS - 1))));
  }

  get view(): ReadonlyMap<number, number> {
    return this.groups;
  }

  cycle(id: number): void {
    const g = this.groups.get(id);
    if (g === undefined) return;
    this.groups.set(id, (g + 1) % Math.min(MAX_GROUPS, Math.max(2, this.ids.length)));
  }

  join(id: number, onto: number | null): void {
    if (!this.groups.has(id)) return;
    if (onto !== null) {
      const g = this.groups.get(onto);
      if (g !== undefined) this.groups.set(id, g);
      return;
    }
    const used = new Set([...this.groups].filter(([other]) => other !== id).map(([, g]) => g));
    for (let g = 0; g < MAX_GROUPS; g++) {
      if (!used.has(g)) {
        this.groups.set(id, g);
        return;
      }
    }
  }

  /** Non-empty groups in letter order, each sorted. */
  toGroups(): number[][] {
    const out: number[][] = [];
    for (let g = 0; g < MAX_GROUPS; g++) {
      const members = this.ids.filter((id) => this.groups.get(id) === g).sort((a, b) => a - b);
      if (members.length) out.push(members);
    }
    return out;
  }

  /** Why the draft cannot be applied yet, or null. */
  problem(): string | null {
    return this.toGroups().length < 2
      ? 'Every node is in group A. Click a node (or press G on it) to move it to another group, or drag it onto empty space.'
      : null;
  }
}
