// Plain-words explanations of trace records, rendered on demand (never in the hot path).
import { RULES } from './rules';
import type { Change, TraceRecord } from './trace';
import type { Message, ProtocolName } from './types';

export function messageSummary(m: Message): string {
  switch (m.kind) {
    case 'RequestVote':
      return `RequestVote term ${m.term}, last log ${m.lastLogIndex}/${m.lastLogTerm}`;
    case 'RequestVoteReply':
      return `RequestVote reply term ${m.term}: ${m.voteGranted ? 'granted' : 'refused'}`;
    case 'AppendEntries': {
      const n = m.entries.length;
      const what = n === 0 ? 'heartbeat' : `${n} entr${n === 1 ? 'y' : 'ies'}`;
      return `AppendEntries term ${m.term}, prev ${m.prevLogIndex}/${m.prevLogTerm}, ${what}, commit ${m.leaderCommit}`;
    }
    case 'AppendEntriesReply':
      return m.success ? `AppendEntries reply term ${m.term}: ok, match ${m.matchIndex}` : `AppendEntries reply term ${m.term}: refused at ${m.conflictIndex}`;
    case 'heartbeat':
      return 'heartbeat';
    case 'candidacy':
      return 'candidacy';
    case 'vote':
      return `vote for node ${m.candidate}`;
  }
}

function changeText(c: Change): string {
  switch (c.field) {
    case 'role':
      return c.after === 'crashed' ? 'crashed' : `became ${c.after}`;
    case 'currentTerm':
      return `term ${c.before} → ${c.after}`;
    case 'votedFor':
      return c.after === null ? 'forgot its vote' : `voted for node ${c.after}`;
    case 'leader':
      return c.after === null ? 'forgot the leader' : `follows leader ${c.after}`;
    case 'logLength':
      return `log ${c.before} → ${c.after} entries`;
    case 'commitIndex':
      return `commitIndex ${c.before} → ${c.after}`;
  }
}

function sentText(r: TraceRecord): string {
  if (r.sent.length === 0) return '';
  const kinds = new Map<string, number[]>();
  for (const m of r.sent) (kinds.get(m.kind) ?? kinds.set(m.kind, []).get(m.kind)!).push(m.to);
  return ' Sent ' + [...kinds].map(([kind, to]) => `${kind} to ${to.length > 1 ? 'nodes' : 'node'} ${to.join(', ')}`).join('; ') + '.';
}

/** e.g. "t=3.412s node 2: election timer fired. Election timeout: become candidate… (became candidate, term 3 → 4). Sent RequestVote to nodes 0, 1, 3, 4." */
export function explain(r: TraceRecord, protocol: ProtocolName): string {
  const who = r.node < 0 ? 'cluster' : `node ${r.node}`;
  const rule = RULES[r.rule].title;
  let what: string;
  switch (r.kind) {
    case 'timer':
      what = `${r.timer === 'wait' ? 'its blocking wait ended' : `its ${r.timer} timer fired`}`;
      break;
    case 'deliver':
      what = `received ${messageSummary(r.message!)} from node ${r.message!.from}`;
      break;
    case 'lost':
      what = `a ${messageSummary(r.message!)} from node ${r.message!.from} was lost`;
      break;
    case 'drop':
      what = `the ${messageSummary(r.message!)} from node ${r.message!.from} was dropped by hand`;
      break;
    case 'crash':
      what = 'crashed (by hand)';
      break;
    case 'recover':
      what = 'recovered (by hand)';
      break;
    case 'timeout':
      what = 'election timeout forced by hand';
      break;
    case 'request':
      what = `client request "${r.detail ?? ''}"`;
      break;
    case 'partition':
      what = `network partitioned into ${r.detail ?? ''}`;
      break;
    case 'heal':
      what = 'network healed';
      break;
  }
  // A new leader "following itself" is noise next to "became leader".
  const shown = r.changes.filter((c) => !(c.field === 'leader' && c.after === r.node));
  const changes = shown.length > 0 ? ` (${shown.map(changeText).join(', ')})` : '';
  // The simple protocol counts votes against the cluster-wide number of working nodes: say so.
  const note = protocol === 'simple' && (r.rule === 'simple.election.win' || r.rule === 'simple.vote.count') ? ' The majority is of the nodes working right now, which every node knows globally, as in the original.' : '';
  const violation = r.violation ? ` ⚠ ${r.violation.invariant} violated: ${r.violation.message}.` : '';
  return `${who}: ${what}. ${rule}${changes}.${sentText(r)}${note}${violation}`;
}
