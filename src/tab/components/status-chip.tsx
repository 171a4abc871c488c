/**
 * A status on a plan's scale: label + icon shape + colour, never colour alone. Colours come from
 * Fluent's Badge palette (tokens), so Teams' light, dark and high-contrast themes all work.
 */
import { Badge, makeStyles, mergeClasses, tokens, type BadgeProps } from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  CircleHalfFill16Filled,
  CircleHint16Regular,
  Circle16Regular,
  DismissCircle16Filled,
  ErrorCircle16Filled,
  Warning16Filled,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { levelOf, type StatusColor, type StatusScale } from '../../domain/status-scale';
import { useLocale, useText } from '../i18n/locale';
import { ChipTooltip } from './chip-tooltip';

export const APPEARANCE: Record<StatusColor, { color: NonNullable<BadgeProps['color']>; icon: ReactElement }> = {
  green: { color: 'success', icon: <CheckmarkCircle16Filled /> },
  lightGreen: { color: 'success', icon: <CircleHalfFill16Filled /> },
  yellow: { color: 'warning', icon: <Warning16Filled /> },
  orange: { color: 'severe', icon: <ErrorCircle16Filled /> },
  red: { color: 'danger', icon: <DismissCircle16Filled /> },
  grey: { color: 'informative', icon: <Circle16Regular /> },
};

const useStyles = makeStyles({
  chip: { maxWidth: '100%', whiteSpace: 'nowrap', flexShrink: 0 },
  label: { overflow: 'hidden', textOverflow: 'ellipsis' },
  none: { color: tokens.colorNeutralForeground3 },
  focusable: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
});

export interface StatusChipProps {
  scale: StatusScale;
  /** The status value; undefined means nothing has been reported. */
  value: number | undefined;
  size?: 'small' | 'medium' | 'large';
  /** Compact cells: show only the icon; the label goes to the accessible name and the tooltip (loaded on first hover or focus). */
  iconOnly?: boolean;
  /** An icon-only chip that takes keyboard focus, so its tooltip (the label) shows on focus too. */
  focusable?: boolean;
  className?: string;
}

export function StatusChip({ scale, value, size = 'medium', iconOnly = false, focusable = false, className }: StatusChipProps) {
  // The tab's one language subscription, not a `useTranslation` per chip (a table has hundreds).
  const { t } = useLocale();
  const text = useText();
  const styles = useStyles();
  const level = value === undefined ? undefined : levelOf(scale, value);
  const label = level ? text(level.label) : value === undefined ? t('status.notReported') : t('status.unknown', { value });
  const look = level ? APPEARANCE[level.color] : { color: 'informative' as const, icon: <CircleHint16Regular /> };
  const badge = (
    <Badge
      appearance={level ? 'tint' : 'outline'}
      color={look.color}
      size={size === 'small' ? 'medium' : size === 'large' ? 'extra-large' : 'large'}
      shape="rounded"
      icon={look.icon}
      className={mergeClasses(styles.chip, !level && styles.none, iconOnly && focusable && styles.focusable, className)}
      data-status={level ? level.value : 'none'}
      {...(iconOnly ? { role: 'img', 'aria-label': label, ...(focusable ? { tabIndex: 0 } : {}) } : {})}
    >
      {iconOnly ? null : <span className={styles.label}>{label}</span>}
    </Badge>
  );
  return iconOnly ? (
    <ChipTooltip label={label}>{badge}</ChipTooltip>
  ) : (
    badge
  );
}
