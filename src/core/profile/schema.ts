// The profile format (configs/profiles/*.yaml), after the original validate_profiles.py rules
// (original-kit.md §3.2): required sections acceptance, kappa_thresholds, preloop; ratios in [0, 1].
// Unknown keys are allowed (profiles carry more than the validator knows). Published as
// configs/schemas/profile.schema.json (publishedSchema.ts, scripts/gen-schemas.mjs).
import { z } from 'zod';

/** Which way a threshold makes a profile stricter; the editor says whether an edit tightens or loosens it. */
export type Direction = 'higher-stricter' | 'lower-stricter' | 'true-stricter';

const ratio = (description: string) => z.number().min(0).max(1).meta({ description });

export const ProfileSchema = z
  .object({
    acceptance: z
      .object({
        coverage_target: ratio('Minimum coverage a run must reach, in [0, 1]; higher is stricter.'),
        min_decisions: z.number().int().min(0).optional().meta({ description: 'Minimum number of decisions per run; higher is stricter (missing: a warning).' }),
      })
      .loose(),
    kappa_thresholds: z
      .object({
        tau_d: ratio('DERISK threshold, in [0, 1]; lower is stricter.'),
        tau_p: ratio('PASS threshold, in [0, 1].'),
      })
      .loose(),
    preloop: z
      .object({
        max_noop_ratio: ratio('Largest share of NOOP decisions before the main loop, in [0, 1]; lower is stricter.'),
        zero_budget_tolerance: z.number().int().min(0).optional().meta({ description: 'Zero-budget runs tolerated; lower is stricter.' }),
        require_trigger: z.boolean().optional().meta({ description: 'Require the auto-seed trigger; true is stricter.' }),
      })
      .loose(),
    monitoring: z
      .object({
        main_loop_started_ratio_min: ratio('Minimum share of runs that start the main loop; higher is stricter.').optional(),
        skip_ratio_max: ratio('Largest share of skipped runs; lower is stricter.').optional(),
      })
      .loose()
      .optional(),
    schema: z
      .object({
        version: z.number().int().optional(),
        profile_name: z.string().optional(),
        strict_validation: z.boolean().optional().meta({ description: 'true is stricter.' }),
      })
      .loose()
      .optional(),
    profile_lock: z
      .object({ enforced: z.boolean().optional().meta({ description: 'Refuse to use this profile (canary, gates --profile) when its lock does not validate. Default true.' }) })
      .loose()
      .optional(),
  })
  .loose()
  .meta({ title: 'Aurora GA profile', description: 'A GA promotion profile (configs/profiles/<name>.yaml), locked by <name>.lock.json.' });

export type Profile = z.infer<typeof ProfileSchema>;

/** The keys whose direction is known (from the strict r2 and relaxed smoke profiles of the original). */
export const DIRECTIONS: Record<string, Direction> = {
  'acceptance.coverage_target': 'higher-stricter',
  'acceptance.min_decisions': 'higher-stricter',
  'kappa_thresholds.tau_d': 'lower-stricter',
  'preloop.max_noop_ratio': 'lower-stricter',
  'preloop.zero_budget_tolerance': 'lower-stricter',
  'preloop.require_trigger': 'true-stricter',
  'monitoring.main_loop_started_ratio_min': 'higher-stricter',
  'monitoring.skip_ratio_max': 'lower-stricter',
  'schema.strict_validation': 'true-stricter',
};
