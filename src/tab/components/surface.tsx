/**
 * The app's surfaces, so their look changes in one place: `surface` is the look alone (large
 * radius, the base background, a thin neutral border) for boxes with their own layout; `card` is
 * that look around a column of content; `raised` adds the light shadow of things you act on (a
 * goal card, the check-in form); `inset` is a quieter box inside a card (a note, last period's text).
 * Views combine these with their own spacing via `mergeClasses(surface.card, styles.x)`, the later
 * class winning. Fluent tokens only, so Teams' dark and high-contrast themes follow.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

const look = {
  borderRadius: tokens.borderRadiusLarge,
  backgroundColor: tokens.colorNeutralBackground1,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
} as const;

export const useSurfaceStyles = makeStyles({
  surface: look,
  card: {
    ...look,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  raised: { boxShadow: tokens.shadow2 },
  inset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  /** An inset with the card's border (a box you read before you write, e.g. last period's text). */
  outlined: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});
