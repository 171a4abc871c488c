/**
 * One goal text in Finnish, Swedish and English side by side. The Finnish input keeps the field's
 * own name ("Otsikko") and is required where the text is; the others are named with their language
 * ("Otsikko (ruotsi)"), so each input says what it holds without its group around it.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../../domain/localized';
import type { FieldMessages } from '../model';
import { TextField } from './fields';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    '@media (max-width: 800px)': { gridTemplateColumns: '1fr' },
  },
});

export function GoalTextFields({
  label,
  path,
  messages,
  required,
  multiline,
  value,
  onChange,
  className,
}: {
  label: string;
  path: string;
  messages: FieldMessages;
  required?: boolean;
  multiline?: boolean;
  value: LocalizedText | undefined;
  onChange(v: LocalizedText): void;
  className?: string;
}) {
  const styles = useStyles();
  const { t } = useTranslation('admin');
  const v = value ?? { fi: '' };
  return (
    <div className={mergeClasses(styles.row, className)}>
      <TextField label={label} path={path} messages={messages} required={required} multiline={multiline} value={v.fi} onChange={(x) => onChange({ ...v, fi: x })} />
      {(['sv', 'en'] as const).map((l) => (
        <TextField
          key={l}
          label={`${label} (${t(`lang.${l}`)})`}
          path={`translations.${l}.${path}`}
          messages={messages}
          multiline={multiline}
          value={v[l]}
          onChange={(x) => onChange({ ...v, [l]: x })}
        />
      ))}
    </div>
  );
}
