// The chunk chip-tooltip.tsx loads on a chip's first hover or focus: Fluent's Tooltip with its
// positioning (floating-ui), kept out of the first view's JavaScript.
export { Tooltip } from '@fluentui/react-components';
