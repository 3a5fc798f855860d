// What every command resolves to, so tests (and the panel) can check the outcome.
import type * as vscode from 'vscode';
import type { Result } from '../core/types';
import type { Session } from '../session/session';
import type { Notifier } from './notifier';
import { sentence } from './notifier';
import type { RawSettings, Settings } from './settingsModel';

export type CommandResult =
  | { readonly ok: true; readonly [key: string]: unknown }
  | { readonly ok: false; readonly error: string; readonly cancelled?: boolean };

/** The user dismissed a quick pick or dialog: not an error to show. */
export const CANCELLED: CommandResult = { ok: false, error: 'Cancelled.', cancelled: true };

export function fail(error: string): CommandResult {
  return { ok: false, error: sentence(error) };
}

/** A session or core result as a command result, with `extra` fields on success. */
export function outcome<T extends object>(result: Result<T>, extra: (value: T) => Record<string, unknown> = () => ({})): CommandResult {
  return result.ok ? { ok: true, ...extra(result) } : fail(result.error);
}

export interface CommandDeps {
  readonly session: Session;
  readonly notifier: Notifier;
  readonly log: vscode.LogOutputChannel;
  /** The settings, with some values replaced (the size and protocol picked at Start). */
  readonly settingsWith: (overrides: RawSettings) => Settings;
  readonly randomSeed: () => number;
  readonly openPanel: () => CommandResult;
}

export type Handler = (deps: CommandDeps, arg: unknown) => CommandResult | Promise<CommandResult>;
