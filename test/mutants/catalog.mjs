// Deliberate bugs in the raft protocol, each an exact text replacement in one file. The mutation
// check (mutants.mjs) fails loudly when a `find` text is not in its file exactly once, so this list
// stays in step with the sources. `safety` says whether the bug can break a Figure 3 invariant
// (then the fuzzer should catch it too) or only departs from Figure 2 (then only unit tests can).
export const MUTANTS = [
  {
    name: 'skip the log up-to-date check',
    file: 'src/core/raft/election.ts',
    find: '} else if (!candidateLogUpToDate(s, m.lastLogIndex, m.lastLogTerm)) {',
    replace: '} else if (false && !candidateLogUpToDate(s, m.lastLogIndex, m.lastLogTerm)) {',
    safety: true,
  },
  {
    name: 'commit earlier-term entries by counting',
    file: 'src/core/raft/replication.ts',
    find: 'if (termAt(s, index) === s.currentTerm) newCommitIndex = index;',
    replace: 'newCommitIndex = index;',
    safety: true,
  },
  {
    name: 'no step-down on a higher term',
    file: 'src/core/raft/index.ts',
    find: '      s.leaderId = null;\n      becomeFollower(s, ctx);\n',
    replace: '      s.leaderId = null;\n',
    safety: true,
  },
  {
    name: 'vote twice in a term',
    file: 'src/core/raft/election.ts',
    find: '} else if (s.votedFor !== null && s.votedFor !== m.from) {',
    replace: '} else if (false) {',
    safety: true,
  },
  {
    name: 'skip the AppendEntries consistency check',
    file: 'src/core/raft/replication.ts',
    find: 'if (m.prevLogIndex > s.log.length || termAt(s, m.prevLogIndex) !== m.prevLogTerm) {',
    replace: 'if (false) {',
    safety: true,
  },
  {
    name: 'check prevLogIndex but not prevLogTerm',
    file: 'src/core/raft/replication.ts',
    find: 'if (m.prevLogIndex > s.log.length || termAt(s, m.prevLogIndex) !== m.prevLogTerm) {',
    replace: 'if (m.prevLogIndex > s.log.length) {',
    safety: true,
  },
  {
    name: 'keep votedFor on a new term',
    file: 'src/core/raft/index.ts',
    find: '      s.currentTerm = term;\n      s.votedFor = null;\n',
    replace: '      s.currentTerm = term;\n',
    safety: false,
  },
  {
    name: 'follower commits to leaderCommit past what it verified',
    file: 'src/core/raft/replication.ts',
    find: 'Math.min(m.leaderCommit, lastNewIndex)',
    replace: 'm.leaderCommit',
    safety: true,
  },
  {
    name: 'keep a conflicting entry instead of deleting it',
    file: 'src/core/raft/replication.ts',
    find: 'if (s.log[index - 1]!.term === entry.term) continue;',
    replace: 'continue;',
    safety: true,
  },
  {
    name: 'count a duplicated vote twice',
    file: 'src/core/raft/election.ts',
    find: 'if (!m.voteGranted || s.votesGranted.includes(m.from)) return;',
    replace: 'if (!m.voteGranted) return;',
    safety: true,
  },
  {
    name: 'half the votes is a majority',
    file: 'src/core/raft/election.ts',
    find: 'return count * 2 > size;',
    replace: 'return count * 2 >= size;',
    safety: true,
  },
  {
    name: 'accept AppendEntries from an older term',
    file: 'src/core/raft/replication.ts',
    find: "  if (m.term < s.currentTerm) {\n    // @rule raft.append.rejectTerm",
    replace: "  if (false) {\n    // @rule raft.append.rejectTerm",
    safety: true,
  },
  {
    name: 'a crash keeps commitIndex (volatile state survives)',
    file: 'src/core/raft/index.ts',
    find: '    s.commitIndex = 0;\n    s.lastApplied = 0;\n',
    replace: '',
    safety: false,
  },
];
