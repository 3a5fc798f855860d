// The session's histories come from the core's History (tests may inject scripted ones instead).
import { History } from '../core/history';
import type { HistoryFactory } from './timeline';

export const coreHistories: HistoryFactory = {
  create: (config) => new History(config),
  replay: (config, inputs, seq, time, head) => History.replay(config, inputs, seq, time, head),
};
