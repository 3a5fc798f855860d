// The core's public surface: the pure, deterministic simulation.
export * from './types';
export * from './config';
export * from './inputs';
export type { TraceRecord, TraceKind, Change, NodeBrief } from './trace';
export { RULES, RULE_IDS, ruleMarker, type RuleId } from './rules';
export { Simulation, type SimulationSnapshot } from './simulation';
export { History, applyInput, type RunOptions } from './history';
export { explain, messageSummary } from './explain';
export { groupsOf, partitionFromGroups } from './network';
export { parseLine, parseDuration, COMMANDS, type Command, type CommandName, type ParseError, type ParsedLine, type Expectation, type StopCondition, type StartOptions } from './script/parse';
export { ScriptSession, runLines, runScript, stateJson, stateText, STOP_WHEN, type Answer, type LineRun, type ScriptRun } from './script/run';
