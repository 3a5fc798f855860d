// The reference election algorithm (shared/reference), reproduced as faithfully as events allow.
// The original is a busy loop per node with blocking sleeps; here each loop step is an event:
// the follower timeout and the sleeps are timers, and while a node sleeps its inbox is not read.
import type { NodeContext, Protocol } from '../protocol';
import type { Message, MessageBody, TimerKind } from '../types';
import { initialState, restoreState, snapshotState, viewState, type SimpleState } from './state';

/** The original's constants, in ms. */
export const HEARTBEAT_TIMEOUT = 1000;
export const RESIGN_COOLDOWN = 5000;
export const CANDIDACY_WAIT_MIN = 1000;
export const CANDIDACY_WAIT_MAX = 3000;
export const VOTE_COLLECTION = 2000;

/**
 * The original's broadcast reaches every node, the sender included; its own copy is read at once.
 * Reading it is a consequence of the rule that broadcast, so it does not rename the event's rule.
 */
function broadcast(s: SimpleState, body: MessageBody, ctx: NodeContext): void {
  for (let peer = 0; peer < ctx.size; peer++) if (peer !== ctx.id) ctx.send(peer, body);
  const own = { ...body, id: 0, from: ctx.id, to: ctx.id, sentAt: ctx.now, deliverAt: ctx.now } as Message;
  deliver(s, own, Object.create(ctx, { rule: { value: () => undefined } }) as NodeContext);
}

/** The original's `deliver()`. */
function deliver(s: SimpleState, m: Message, ctx: NodeContext): void {
  if (m.kind === 'heartbeat') {
    // @rule simple.heartbeat.receive
    ctx.rule('simple.heartbeat.receive');
    s.lastHeartbeat = ctx.now;
    // Choice: a node's own heartbeat only records the time. The explanation abridges these lines;
    // read literally, a leader would demote itself on its first heartbeat and never lead.
    if (m.from !== ctx.id) {
      if (s.role === 'leader') ctx.clearTimer('heartbeat');
      s.role = 'follower';
      s.election = false;
      s.leader = m.from;
      armFollowerTimeout(s, ctx);
    }
  } else if (m.kind === 'candidacy') {
    if (m.from !== ctx.id) s.otherCandidateFound = true;
    if (!s.voted) {
      // @rule simple.candidacy.vote
      ctx.rule('simple.candidacy.vote');
      s.voted = true;
      broadcast(s, { kind: 'vote', candidate: m.from }, ctx);
    } else {
      // @rule simple.candidacy.alreadyVoted
      ctx.rule('simple.candidacy.alreadyVoted');
    }
  } else if (m.kind === 'vote') {
    // @rule simple.vote.count
    ctx.rule('simple.vote.count');
    s.votes[m.candidate] = (s.votes[m.candidate] ?? 0) + 1;
    if (m.candidate === ctx.id) s.voters.push(m.from);
    // Counted against the nodes working right now: global knowledge, exactly as the original's
    // count_active_nodes() read the shared node list.
    if (s.votes[m.candidate]! > Math.floor(ctx.activeCount() / 2)) s.leader = m.candidate;
  }
}

/** Arms the follower check "no heartbeat for over 1 s and over 5 s since resigning". */
function armFollowerTimeout(s: SimpleState, ctx: NodeContext): void {
  const due = Math.max(s.lastHeartbeat + HEARTBEAT_TIMEOUT, s.resigned === null ? 0 : s.resigned + RESIGN_COOLDOWN);
  ctx.setTimer('election', Math.max(0, due - ctx.now));
}

function becomeCandidate(s: SimpleState, ctx: NodeContext): void {
  s.role = 'candidate';
  s.votes = new Array<number>(ctx.size).fill(0);
  s.voters = [];
  s.voted = false;
  s.leader = null;
  s.election = false;
  s.otherCandidateFound = false;
  ctx.clearTimer('election');
  // Not yet in an election: the original sleeps a random 1-3 s before deciding.
  sleep(s, 'candidacy', CANDIDACY_WAIT_MIN + Math.floor(ctx.random() * (CANDIDACY_WAIT_MAX - CANDIDACY_WAIT_MIN + 1)), ctx);
}

function sleep(s: SimpleState, waiting: 'candidacy' | 'election', ms: number, ctx: NodeContext): void {
  s.waiting = waiting;
  ctx.setTimer('wait', ms);
}

function becomeFollower(s: SimpleState, ctx: NodeContext): void {
  s.role = 'follower';
  s.election = false;
  armFollowerTimeout(s, ctx);
}

function lead(s: SimpleState, ctx: NodeContext): void {
  s.role = 'leader';
  s.leader = ctx.id;
  s.election = false;
  // The leader branch runs in the same loop pass: its last heartbeat is old, so it broadcasts now.
  heartbeat(s, ctx);
}

function heartbeat(s: SimpleState, ctx: NodeContext): void {
  broadcast(s, { kind: 'heartbeat' }, ctx);
  ctx.setTimer('heartbeat', ctx.config.heartbeatInterval);
}

/** A blocking sleep ended: the loop reads what queued up meanwhile, then decides. */
function wake(s: SimpleState, ctx: NodeContext): void {
  const waited = s.waiting;
  s.waiting = null;
  // Choice: the inbox is read before the post-sleep decision. The explanation calls the waits
  // "wait to collect votes" and "check if another candidate appeared", which needs what arrived.
  const inbox = s.inbox;
  s.inbox = [];
  for (const m of inbox) deliver(s, m, ctx);
  if (s.role !== 'candidate') return; // a heartbeat in the inbox made it a follower
  if (waited === 'candidacy') {
    if (s.otherCandidateFound) {
      // @rule simple.candidate.yield
      ctx.rule('simple.candidate.yield');
      // Choice: yielding is not losing, so no cooldown (the original sets `resigned` on a lost election).
      becomeFollower(s, ctx);
      return;
    }
    // @rule simple.candidate.announce
    ctx.rule('simple.candidate.announce');
    s.election = true;
    broadcast(s, { kind: 'candidacy' }, ctx);
    sleep(s, 'election', VOTE_COLLECTION, ctx);
  } else if (s.votes[ctx.id]! > Math.floor(ctx.activeCount() / 2)) {
    // @rule simple.election.win
    ctx.rule('simple.election.win');
    lead(s, ctx);
  } else {
    // @rule simple.election.lose
    ctx.rule('simple.election.lose');
    s.resigned = ctx.now;
    becomeFollower(s, ctx);
  }
}

export const simple: Protocol<SimpleState> = {
  name: 'simple',

  init(ctx) {
    const s = initialState(ctx.size);
    armFollowerTimeout(s, ctx);
    return s;
  },

  onTimer(s, kind: TimerKind, ctx) {
    if (kind === 'wait') wake(s, ctx);
    else if (kind === 'heartbeat' && s.role === 'leader') {
      // @rule simple.leader.heartbeat
      ctx.rule('simple.leader.heartbeat');
      heartbeat(s, ctx);
    } else if (kind === 'election' && s.role === 'follower') {
      // @rule simple.follower.timeout
      ctx.rule('simple.follower.timeout');
      becomeCandidate(s, ctx);
    }
  },

  onMessage(s, m, ctx) {
    if (s.waiting !== null) {
      // @rule simple.inbox.hold
      ctx.rule('simple.inbox.hold');
      s.inbox.push(m);
      return;
    }
    deliver(s, m, ctx);
  },

  onCrash(s, ctx) {
    // @rule simple.crash
    ctx.rule('simple.crash');
    s.working = false;
    s.role = 'crashed';
    s.inbox = [];
    s.waiting = null;
    s.election = false;
  },

  onRecover(s, ctx) {
    // @rule simple.recover
    ctx.rule('simple.recover');
    s.working = true;
    s.inbox = [];
    // As in the original, last_heartbeat is not reset: a node down for over 1 s runs at once.
    becomeFollower(s, ctx);
  },

  onForcedTimeout(s, ctx) {
    if (s.role !== 'follower') {
      return { ok: false, error: `node ${ctx.id} is a ${s.role}; only a follower's heartbeat timeout can be forced` };
    }
    ctx.rule('simple.follower.timeout');
    becomeCandidate(s, ctx);
    return { ok: true };
  },

  readBrief(s, out) {
    out.role = s.role;
    out.currentTerm = null;
    out.votedFor = null;
    out.leader = s.leader;
    out.logLength = 0;
    out.commitIndex = 0;
    return out;
  },
  logOf: () => NO_LOG,
  view: viewState,
  snapshot: snapshotState,
  restore: restoreState,
};

const NO_LOG: readonly never[] = [];
