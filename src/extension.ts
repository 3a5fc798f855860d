// Activation: builds the session and its views, registers the commands, and returns the API the
// integration tests drive. Kept cheap: nothing is simulated until a cluster starts, and a saved
// cluster is replayed after activation returns.
import * as vscode from 'vscode';
import type { Result } from './core/types';
import { coreHistories } from './session/coreHistories';
import { systemScheduler } from './session/scheduler';
import { Session } from './session/session';
import { Throttle } from './session/throttle';
import { CommandRegistry } from './vscode/commands';
import type { CommandResult } from './vscode/commandResult';
import { ContextKeys } from './vscode/contextKeys';
import { NodeTreeProvider } from './vscode/nodeTree';
import { Notifier, type Notice } from './vscode/notifier';
import { OutputLog } from './vscode/outputLog';
import { ClusterPanel } from './vscode/panel';
import { readRawSettings, readSettings, watchSettings } from './vscode/settings';
import { describeChanges, interpretSettings, type Settings } from './vscode/settingsModel';
import { StateStore } from './vscode/stateStore';
import { Study, type StudyApi } from './vscode/study';
import { RaftStatusBar } from './vscode/statusBar';
import { treeMessage } from './vscode/treeMessage';

/** The tree, status bar and context keys refresh at most this often (10 per second). */
const VIEW_REFRESH_MS = 100;

export interface RaftClusterApi {
  readonly version: string;
  readonly session: Session;
  readonly tree: NodeTreeProvider;
  readonly statusBarText: () => string;
  /** Context key values as last set (raft.clusterRunning, raft.paused, ...). */
  readonly contextKey: (key: string) => unknown;
  /** Messages shown to the user, oldest first (the last 100). */
  readonly notices: () => readonly Notice[];
  readonly lastResult: (command: string) => CommandResult | undefined;
  readonly settings: () => Settings;
  /** Study mode: scenarios, lessons and code links. */
  readonly study: StudyApi;
  readonly persistence: { readonly saved: () => unknown; readonly save: () => Thenable<void>; readonly restore: () => Result<{ restored: boolean }> };
  /** Wall ms activate() took, and the process CPU ms it used (on a loaded machine the two differ). */
  readonly activationMs: number;
  readonly activationCpuMs: number;
  /** Resolves once a cluster saved before a reload has been restored (or found absent). */
  readonly ready: Promise<void>;
  /** Polls `predicate` every 10 ms until it returns a truthy value; rejects after `timeoutMs`. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number, what?: string): Promise<T>;
}

let store: StateStore | undefined;

export function activate(context: vscode.ExtensionContext): RaftClusterApi {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const session = new Session({ scheduler: systemScheduler, histories: coreHistories });
  const notifier = new Notifier();
  const output = new OutputLog(session);
  const tree = new NodeTreeProvider(session);
  const treeView = vscode.window.createTreeView('raft.nodes', { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new RaftStatusBar(session);
  const contextKeys = new ContextKeys();
  store = new StateStore(context.workspaceState, session, systemScheduler);

  const refresh = (): void => {
    tree.refreshIfChanged();
    statusBar.update();
    contextKeys.update(session);
    const message = treeMessage(session);
    if (treeView.message !== message) treeView.message = message;
  };
  const views = new Throttle(systemScheduler, VIEW_REFRESH_MS, refresh);
  const panelOptions = { log: (line: string) => output.channel.warn(line) };
  const study = new Study(context, session, output.channel);
  const registry = new CommandRegistry({
    session,
    notifier,
    log: output.channel,
    settingsWith: (overrides) => interpretSettings({ ...readRawSettings(), ...overrides }),
    randomSeed: () => Math.floor(Math.random() * 0x1_0000_0000),
    openPanel: () => {
      ClusterPanel.createOrShow(context, session, panelOptions);
      return { ok: true };
    },
  }, study.commands);

  const initial = readSettings();
  session.setSpeed(initial.speed);
  context.subscriptions.push(
    session,
    output,
    tree,
    treeView,
    statusBar,
    store,
    registry,
    study,
    { dispose: () => views.dispose() },
    session.onDidChange(() => views.request()),
    // Context keys decide which commands show; they follow state changes at once.
    session.onDidChangeState(() => {
      contextKeys.update(session);
      views.request();
    }),
    ClusterPanel.registerSerializer(context, session, panelOptions),
    watchSettings((before, after) => announceSettings(before, after, session, notifier)),
  );
  contextKeys.update(session);

  // Replaying a long saved run can take a while: do it after activation has returned.
  const ready = new Promise<void>((resolve) =>
    setTimeout(() => {
      const restored = store!.restore();
      store!.track();
      if (!restored.ok) notifier.warn(restored.error);
      else if (restored.restored) output.channel.info(`Restored the saved ${session.config!.size}-node ${session.config!.protocol} cluster at event ${session.timeline!.seq}, paused.`);
      refresh();
      resolve();
    }, 0),
  );

  const activationMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const activationCpuMs = (cpu.user + cpu.system) / 1000;
  output.channel.info(`Activated in ${activationMs.toFixed(1)} ms (${activationCpuMs.toFixed(1)} ms of CPU).`);
  return {
    version: String(context.extension.packageJSON.version),
    session,
    tree,
    statusBarText: () => statusBar.text,
    contextKey: (key) => contextKeys.get(key),
    notices: () => notifier.notices,
    lastResult: (command) => registry.lastResults.get(command),
    settings: readSettings,
    study: study.api,
    persistence: { saved: () => store!.saved(), save: () => store!.save(), restore: () => store!.restore() },
    activationMs,
    activationCpuMs,
    ready,
    waitFor,
  };
}

/** Says which setting changes apply now (speed) and which at the next start, and what was clamped. */
function announceSettings(before: Settings, after: Settings, session: Session, notifier: Notifier): void {
  const { now, nextStart } = describeChanges(before, after);
  if (now.includes('speed')) session.setSpeed(after.speed);
  const fresh = after.warnings.filter((w) => !before.warnings.includes(w));
  if (fresh.length > 0) notifier.warn(`Raft settings out of range: ${fresh.join(' ')}`);
  if (!session.running) return;
  const parts: string[] = [];
  if (now.length > 0) parts.push(`${now.map((k) => `raft.${k}`).join(', ')} applied now`);
  if (nextStart.length > 0) parts.push(`${nextStart.map((k) => `raft.${k}`).join(', ')} ${nextStart.length === 1 ? 'applies' : 'apply'} at the next Start Cluster`);
  if (parts.length > 0) notifier.info(`Raft: ${parts.join('; ')}.`);
}

function waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 10_000, what = 'the condition'): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      let value: T | undefined | null | false;
      try {
        value = predicate();
      } catch (e) {
        reject(e);
        return;
      }
      if (value) resolve(value);
      else if (performance.now() > deadline) reject(new Error(`waitFor: ${what} did not hold within ${timeoutMs} ms`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

/**
 * Saves the cluster's exact position for the reload that deactivated us (the browser workbench may
 * not wait for it; the saves made while running cover that case).
 */
export function deactivate(): Thenable<void> | undefined {
  return store?.save();
}
