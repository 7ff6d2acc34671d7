import { memo } from 'react';
import { type CommandId, commandSpec } from '../actions/commands';
import { formatShortcut, isMacPlatform } from '../actions/shortcuts';
import { useGraphStore } from '../stores/graph-store';
import { Icon, type IconName } from './Icon';

export interface ActionButtonProps {
  id: CommandId;
  icon: IconName;
  onCommand(id: CommandId): void;
  /** Icon only; the label still names the button for assistive tech and the tooltip. */
  compact?: boolean;
  /** Shown in place of the command's label (a shorter word for the toolbar). */
  label?: string;
  /** For a toggle: whether it is on. */
  pressed?: boolean;
}

const mac = isMacPlatform();

/** A toolbar button for one action: its label, shortcut and enabled state come from the registry. */
export const ActionButton = memo(function ActionButton({
  id,
  icon,
  onCommand,
  compact,
  label: shownLabel,
  pressed,
}: ActionButtonProps) {
  const spec = commandSpec(id);
  const enabled = useGraphStore((s) => spec.enabled(s));
  const label = shownLabel ?? spec.label.replace('…', '');
  const shortcut = spec.shortcut ? ` (${formatShortcut(spec.shortcut, mac)})` : '';
  return (
    <button
      type="button"
      className={compact ? 'bs-button bs-button--icon' : 'bs-button'}
      disabled={!enabled}
      title={`${label}${shortcut}`}
      aria-label={compact ? label : undefined}
      aria-pressed={pressed}
      onClick={() => onCommand(id)}
    >
      <Icon name={icon} />
      {!compact && <span>{label}</span>}
    </button>
  );
});
