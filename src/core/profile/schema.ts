// The profile format (configs/profiles/*.yaml), after the original validate_profiles.py rules
// (original-kit.md §3.2): required sections acceptance, kappa_thresholds, preloop; ratios in [0, 1].
// Unknown keys are allowed (profiles carry more than the validator knows). Published as
// configs/schemas/profile.schema.json (publishedSchema.ts, scripts/gen-schemas.mjs).
import * as z from 'zod';

/** Which way a threshold makes a profile stricter; the editor says whether an edit tightens or loosens it. */
export type Direction = 'higher-stricter' | 'lower-stricter' | 'true-stricter';

/** Marks a threshold with the way it makes a profile stricter (kept in the published JSON Schema too). */
function directed<T extends z.ZodType>(schema: T, direction: Direction, description: string): T {
  return schema.meta({ description, 'x-aurora-direction': direction });
}

const ratio = () => z.number().min(0).max(1);

export const ProfileSchema = z
  .object({
    acceptance: z
      .object({
        coverage_target: directed(ratio(), 'higher-stricter', 'Minimum coverage a run must reach, in [0, 1].'),
        min_decisions: directed(z.number().int().min(0), 'higher-stricter', 'Minimum number of decisions per run (missing: a warning).').optional(),
      })
      .loose(),
    kappa_thresholds: z
      .object({
        tau_d: directed(ratio(), 'lower-stricter', 'DERISK threshold, in [0, 1].'),
        tau_p: ratio().meta({ description: 'PASS threshold, in [0, 1].' }),
      })
      .loose(),
    preloop: z
      .object({
        max_noop_ratio: directed(ratio(), 'lower-stricter', 'Largest share of NOOP decisions before the main loop, in [0, 1].'),
        zero_budget_tolerance: directed(z.number().int().min(0), 'lower-stricter', 'Zero-budget runs tolerated.').optional(),
        require_trigger: directed(z.boolean(), 'true-stricter', 'Require the auto-seed trigger.').optional(),
      })
      .loose(),
    monitoring: z
      .object({
        main_loop_started_ratio_min: directed(ratio(), 'higher-stricter', 'Minimum share of runs that start the main loop.').optional(),
        skip_ratio_max: directed(ratio(), 'lower-stricter', 'Largest share of skipped runs.').optional(),
      })
      .loose()
      .optional(),
    schema: z
      .object({
        version: z.number().int().meta({ description: 'Version of the profile format.' }).optional(),
        profile_name: z.string().meta({ description: 'Display name of the profile.' }).optional(),
        strict_validation: directed(z.boolean(), 'true-stricter', 'Validate strictly.').optional(),
      })
      .loose()
      .optional(),
    profile_lock: z
      .object({ enforced: z.boolean().meta({ description: 'Refuse to use this profile (canary, gates --profile) when its lock does not validate. Default true.' }).optional() })
      .loose()
      .optional(),
  })
  .loose()
  .meta({ title: 'Aurora GA profile', description: 'A GA promotion profile (configs/profiles/<name>.yaml), locked by <name>.lock.json.' });

export type Profile = z.infer<typeof ProfileSchema>;

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;
}

/** Every `section.key` the schema declares, with its (unwrapped) schema. */
const FIELDS: [string, z.ZodType][] = Object.entries(ProfileSchema.shape).flatMap(([section, sectionSchema]) => {
  const obj = unwrap(sectionSchema as z.ZodType);
  if (!(obj instanceof z.ZodObject)) return [];
  return Object.entries(obj.shape as Record<string, z.ZodType>).map(([key, field]): [string, z.ZodType] => [`${section}.${key}`, unwrap(field)]);
});

/** The sections a profile must have (the schema's non-optional ones): what makes a YAML file look like a profile. */
export const REQUIRED_SECTIONS: string[] = Object.entries(ProfileSchema.shape).filter(([, s]) => !(s instanceof z.ZodOptional)).map(([k]) => k);

/** `section.key` → direction, read from the schema's `x-aurora-direction` marks. */
export const DIRECTIONS: Record<string, Direction> = Object.fromEntries(
  FIELDS.flatMap(([key, field]) => {
    const direction = field.meta()?.['x-aurora-direction'] as Direction | undefined;
    return direction ? [[key, direction]] : [];
  }),
);

/** What the schema says of a `section.key`: its description and which way makes the profile stricter. */
export interface KeyInfo {
  description?: string;
  direction?: Direction;
}

const KEY_INFO = new Map<string, KeyInfo>(
  FIELDS.map(([key, field]) => [key, { description: field.meta()?.description as string | undefined, direction: DIRECTIONS[key] }]),
);

/** The schema's word on a dotted key path (`acceptance.coverage_target`); undefined for keys it does not declare. */
export function keyInfo(dotted: string): KeyInfo | undefined {
  return KEY_INFO.get(dotted);
}

/** The keys declared as ratios (numbers in [0, 1]), for messages in the original's wording. */
export const RATIO_KEYS = new Set(FIELDS.filter(([, f]) => f instanceof z.ZodNumber && f.minValue === 0 && f.maxValue === 1).map(([key]) => key));
