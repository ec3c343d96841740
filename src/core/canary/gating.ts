// The gating modes of a canary run: their own file, so settings and pickers read them without the results schema.
export const GATING_MODES = ['none', 'soft', 'hard'] as const;
export type GatingMode = (typeof GATING_MODES)[number];
