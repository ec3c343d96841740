// The artifacts module's public surface: every default artifact path.
export { ACTIVATION_FILES, ARTIFACTS } from './paths';
