import { memo } from 'react';
import type { CommandId } from '../actions/commands';
import { actions } from '../actions/registry';
import { formatShortcut, isMacPlatform } from '../actions/shortcuts';
import { useGraphStore } from '../stores/graph-store';
import { Icon, type IconName } from './Icon';

export interface ActionButtonProps {
  id: CommandId;
  icon: IconName;
  onCommand(id: CommandId): void;
  /** Icon only; the label still names the button for assistive tech and the tooltip. */
  compact?: boolean;
}

const mac = isMacPlatform();

/** A toolbar button for one action: its label, shortcut and enabled state come from the registry. */
export const ActionButton = memo(function ActionButton({ id, icon, onCommand, compact }: ActionButtonProps) {
  const action = actions[id];
  const enabled = useGraphStore((s) => action.enabled(s));
  const label = action.label.replace('…', '');
  const shortcut = action.shortcut ? ` (${formatShortcut(action.shortcut, mac)})` : '';
  return (
    <button
      type="button"
      className={compact ? 'bs-button bs-button--icon' : 'bs-button'}
      disabled={!enabled}
      title={`${label}${shortcut}`}
      aria-label={compact ? label : undefined}
      onClick={() => onCommand(id)}
    >
      <Icon name={icon} />
      {!compact && <span>{label}</span>}
    </button>
  );
});
