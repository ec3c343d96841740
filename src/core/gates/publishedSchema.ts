import * as z from 'zod';
import { gatesFile } from './schema';

/** configs/schemas/gates.schema.json, written by scripts/gen-schemas.mjs from the zod schema. */
export const publishedSchemas = [
  {
    file: 'gates.schema.json',
    render(): string {
      // Input side: keys with defaults (severity, on_missing, step, …) are optional in a gates file.
      const json = z.toJSONSchema(gatesFile, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      const doc = {
        ...json,
        title: 'Aurora GA gate definitions',
        description: 'configs/gates/aurora-ga.yaml and user gate files (aurora-ga gates --gates FILE, setting auroraGa.gates.file).',
      };
      return `${JSON.stringify(doc, null, 2)}\n`;
    },
  },
];
