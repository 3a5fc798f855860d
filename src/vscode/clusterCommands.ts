// Start / Stop Cluster, Set Speed, Open Cluster Panel.
import type { ClusterConfig } from '../core/config';
import { CANCELLED, fail, outcome, type CommandDeps, type CommandResult, type Handler } from './commandResult';
import { parseSpeedArg, parseStartArgs } from './commandArgs';
import { pickProtocol, pickSize, pickSpeed } from './pickers';
import type { RawSettings } from './settingsModel';

async function startCluster(deps: CommandDeps, arg: unknown): Promise<CommandResult> {
  const parsed = parseStartArgs(arg);
  if (parsed.kind === 'invalid') return fail(parsed.error);
  const args = parsed.kind === 'value' ? parsed.value : {};
  const overrides: { -readonly [K in keyof RawSettings]: RawSettings[K] } = {};
  if (args.size !== undefined) overrides.size = args.size;
  if (args.protocol !== undefined) overrides.protocol = args.protocol;
  if (args.seed !== undefined) overrides.seed = args.seed;
  if (parsed.kind === 'ask') {
    const defaults = deps.settingsWith({}).cluster;
    const size = await pickSize(defaults.size);
    if (size === undefined) return CANCELLED;
    const protocol = await pickProtocol(defaults.protocol);
    if (protocol === undefined) return CANCELLED;
    overrides.size = size;
    overrides.protocol = protocol;
  }
  const settings = deps.settingsWith(overrides);
  const config: ClusterConfig = { ...settings.cluster, seed: settings.cluster.seed ?? deps.randomSeed() };
  const { session } = deps;
  if (session.running && !args.replace) {
    const current = session.config!;
    const replace = await deps.notifier.confirm(
      `A ${current.size}-node ${current.protocol} cluster is running. Replace it with a new ${config.size}-node ${config.protocol} cluster? The current run is discarded.`,
      'Replace',
    );
    if (!replace) return CANCELLED;
  }
  if (settings.warnings.length > 0) deps.notifier.warn(`Raft settings out of range: ${settings.warnings.join(' ')} Fix them in Settings (search "raft.").`);
  session.start(config, { paused: args.paused ?? false });
  deps.log.info(`Started a ${config.size}-node ${config.protocol} cluster, seed ${config.seed}${args.paused ? ', paused' : ''}.`);
  return { ok: true, size: config.size, protocol: config.protocol, seed: config.seed, warnings: settings.warnings };
}

function stopCluster(deps: CommandDeps): CommandResult {
  const result = deps.session.stop();
  if (result.ok) deps.log.info('Stopped the cluster.');
  return outcome(result);
}

async function setSpeed(deps: CommandDeps, arg: unknown): Promise<CommandResult> {
  const parsed = parseSpeedArg(arg);
  let speed: unknown;
  if (parsed.kind === 'ask') {
    speed = await pickSpeed(deps.session.speed);
    if (speed === undefined) return CANCELLED;
  } else if (parsed.kind === 'value') speed = parsed.value;
  return outcome(deps.session.setSpeed(speed), (r) => ({ speed: r.speed }));
}

export const CLUSTER_COMMANDS: Readonly<Record<string, Handler>> = {
  'raft.startCluster': startCluster,
  'raft.stopCluster': stopCluster,
  'raft.setSpeed': setSpeed,
  'raft.openPanel': (deps) => deps.openPanel(),
};
