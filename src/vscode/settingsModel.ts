// Interprets the raft.* settings: fills defaults per protocol, clamps out-of-range values and says
// which setting was wrong. Pure (no 'vscode') so the rules are unit-tested directly.
import { normalizeConfig, type ClusterConfig } from '../core/config';
import { MAX_SPEED, MIN_SPEED } from '../protocol/messages';

/** The UI's cap on cluster size: more than 25 nodes cannot be read in the tree or the graph. */
export const UI_MAX_SIZE = 25;
export const UI_MIN_SIZE = 1;

export const CLUSTER_SETTINGS = [
  'size',
  'protocol',
  'electionTimeoutMin',
  'electionTimeoutMax',
  'heartbeatInterval',
  'latencyMin',
  'latencyMax',
  'dropRate',
  'duplicateRate',
  'seed',
] as const satisfies readonly (keyof ClusterConfig)[];

export type ClusterSetting = (typeof CLUSTER_SETTINGS)[number];
export type SettingName = ClusterSetting | 'speed';
export const SETTING_NAMES: readonly SettingName[] = [...CLUSTER_SETTINGS, 'speed'];

/** Values the user set explicitly (unset ones are absent so each protocol's defaults apply). */
export type RawSettings = Partial<Record<SettingName, unknown>>;

export interface Settings {
  /** The config for the next Start Cluster; `seed` is `null` when a new one is drawn per start. */
  readonly cluster: Omit<ClusterConfig, 'seed'> & { readonly seed: number | null };
  readonly speed: number;
  /** One line per clamped or ignored value, each naming its setting ("raft.size ..."). */
  readonly warnings: readonly string[];
}

export const DEFAULT_SPEED = 1;

export function interpretSettings(raw: RawSettings): Settings {
  const warnings: string[] = [];
  const input: Record<string, unknown> = {};
  for (const key of CLUSTER_SETTINGS) if (raw[key] !== undefined && raw[key] !== null) input[key] = raw[key];
  if (typeof input.size === 'number' && Number.isFinite(input.size)) {
    const size = Math.round(input.size);
    if (size < UI_MIN_SIZE || size > UI_MAX_SIZE) {
      const clamped = Math.min(UI_MAX_SIZE, Math.max(UI_MIN_SIZE, size));
      warnings.push(`raft.size must be between ${UI_MIN_SIZE} and ${UI_MAX_SIZE} nodes, not ${input.size}; using ${clamped}.`);
      input.size = clamped;
    }
  }
  const { config, problems } = normalizeConfig(input);
  for (const problem of problems) warnings.push(`raft.${problem.message}.`);
  const seed = raw.seed === undefined || raw.seed === null ? null : config.seed;
  return { cluster: { ...config, seed }, speed: interpretSpeed(raw.speed, warnings), warnings };
}

function interpretSpeed(value: unknown, warnings: string[]): number {
  if (value === undefined || value === null) return DEFAULT_SPEED;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    warnings.push(`raft.speed must be a number (simulated ms per wall ms), not ${JSON.stringify(value)}; using ${DEFAULT_SPEED}.`);
    return DEFAULT_SPEED;
  }
  if (value < MIN_SPEED || value > MAX_SPEED) {
    const clamped = Math.min(MAX_SPEED, Math.max(MIN_SPEED, value));
    warnings.push(`raft.speed must be between ${MIN_SPEED} and ${MAX_SPEED} (simulated ms per wall ms), not ${value}; using ${clamped}.`);
    return clamped;
  }
  return value;
}

/** Which changed settings take effect now (speed) and which wait for the next start. */
export function describeChanges(before: Settings, after: Settings): { readonly now: SettingName[]; readonly nextStart: SettingName[] } {
  const now: SettingName[] = before.speed !== after.speed ? ['speed'] : [];
  const nextStart = CLUSTER_SETTINGS.filter((key) => before.cluster[key] !== after.cluster[key]);
  return { now, nextStart };
}
