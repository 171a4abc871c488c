/**
 * The dark and high-contrast Fluent themes, in their own chunk: most people start in the light
 * theme, so the shell carries only that one and `theme.tsx` loads these on demand (before the
 * first render when the starting theme is one of them, so nothing flashes).
 */
export { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
