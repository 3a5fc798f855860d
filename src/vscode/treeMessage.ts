// The line above the Nodes tree: paused at which event, or running at what speed.
import type { Session } from '../session/session';
import { seconds } from './nodeTreeModel';
import { formatSpeed } from '../protocol/messages';

export function treeMessage(session: Session): string | undefined {
  const history = session.timeline;
  if (!history) return undefined;
  if (session.paused) return `Paused at event ${history.seq}, t = ${seconds(history.time)}`;
  const achieved = session.achievedSpeed;
  return achieved !== null ? `Running at ${formatSpeed(achieved)} (cannot keep up with ${formatSpeed(session.speed)})` : `Running at ${formatSpeed(session.speed)}`;
}
