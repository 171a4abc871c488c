/**
 * Status as radio cards: a real fieldset of native radios (arrow keys move and select, Space
 * selects, Tab leaves the group), each card showing the scale's label, its icon shape and colour.
 */
import { makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { StatusColor, StatusScale } from '../../../domain/status-scale';
import { APPEARANCE } from '../../components/status-chip';
import { useText } from '../../i18n/locale';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXS },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))', gap: tokens.spacingHorizontalS },
  card: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '48px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderLeftWidth: '6px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1Hover },
    ':focus-within': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  checked: { borderTopWidth: tokens.strokeWidthThick, borderRightWidth: tokens.strokeWidthThick, borderBottomWidth: tokens.strokeWidthThick, fontWeight: tokens.fontWeightSemibold },
  input: { position: 'absolute', opacity: 0, width: '1px', height: '1px', margin: 0 },
  icon: { display: 'inline-flex', fontSize: '20px', '& svg': { width: '20px', height: '20px' } },
  dot: {
    marginLeft: 'auto',
    width: '16px',
    height: '16px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStrokeAccessible}`,
    boxSizing: 'border-box',
  },
  dotChecked: { border: `5px solid ${tokens.colorCompoundBrandBackground}` },
  invalid: { ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  green: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  greenIcon: { color: tokens.colorPaletteGreenForeground1 },
  greenChecked: { ...shorthands.borderColor(tokens.colorPaletteGreenBorderActive), backgroundColor: tokens.colorPaletteGreenBackground1 },
  lightGreen: { borderLeftColor: tokens.colorPaletteLightGreenBorderActive },
  lightGreenIcon: { color: tokens.colorPaletteLightGreenForeground1 },
  lightGreenChecked: { ...shorthands.borderColor(tokens.colorPaletteLightGreenBorderActive), backgroundColor: tokens.colorPaletteLightGreenBackground1 },
  yellow: { borderLeftColor: tokens.colorPaletteYellowBorderActive },
  yellowIcon: { color: tokens.colorPaletteYellowForeground1 },
  yellowChecked: { ...shorthands.borderColor(tokens.colorPaletteYellowBorderActive), backgroundColor: tokens.colorPaletteYellowBackground1 },
  orange: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  orangeIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  orangeChecked: { ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorderActive), backgroundColor: tokens.colorPaletteDarkOrangeBackground1 },
  red: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  redIcon: { color: tokens.colorPaletteRedForeground1 },
  redChecked: { ...shorthands.borderColor(tokens.colorPaletteRedBorderActive), backgroundColor: tokens.colorPaletteRedBackground1 },
  grey: { borderLeftColor: tokens.colorNeutralStrokeAccessible },
  greyIcon: { color: tokens.colorNeutralForeground3 },
  greyChecked: { ...shorthands.borderColor(tokens.colorNeutralStrokeAccessible), backgroundColor: tokens.colorNeutralBackground3 },
});

export interface StatusRadioCardsProps {
  name: string;
  legend: string;
  scale: StatusScale;
  value: number | undefined;
  onChange(value: number): void;
  /** id of the element holding the validation message. */
  errorId?: string;
  invalid?: boolean;
  requiredMark?: ReactNode;
  /** Ref to the first radio, for focusing on a validation error. */
  firstRef?: (el: HTMLInputElement | null) => void;
}

export function StatusRadioCards({ name, legend, scale, value, onChange, errorId, invalid, requiredMark, firstRef }: StatusRadioCardsProps) {
  const styles = useStyles();
  const text = useText();
  // Best first: how people read a scale ("fully", "partially", "not").
  const levels = [...scale.levels].sort((a, b) => b.value - a.value);
  return (
    <fieldset className={styles.fieldset} aria-describedby={errorId} aria-invalid={invalid || undefined}>
      <legend className={styles.legend}>
        {legend}
        {requiredMark ? (
          <span className={styles.required} aria-hidden="true">
            {requiredMark}
          </span>
        ) : null}
      </legend>
      <div className={styles.cards}>
        {levels.map((l, i) => {
          const checked = value === l.value;
          const c: StatusColor = l.color;
          return (
            <label
              key={l.value}
              className={mergeClasses(styles.card, styles[c], checked && styles.checked, checked && styles[`${c}Checked`], invalid && styles.invalid)}
              data-status-value={l.value}
            >
              <input
                ref={i === 0 ? firstRef : undefined}
                className={styles.input}
                type="radio"
                name={name}
                value={l.value}
                checked={checked}
                onChange={() => onChange(l.value)}
                required
              />
              <span className={mergeClasses(styles.icon, styles[`${c}Icon`])} aria-hidden="true">
                {APPEARANCE[c].icon}
              </span>
              <Text weight={checked ? 'semibold' : 'regular'}>{text(l.label)}</Text>
              <span className={mergeClasses(styles.dot, checked && styles.dotChecked)} aria-hidden="true" />
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
