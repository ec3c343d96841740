import * as z from 'zod';
import { canaryConfigSchema } from './config';
import { canaryResultsSchema } from './results';

/** A JSON Schema published in configs/schemas/ (scripts/gen-schemas.mjs writes it; a test checks it is current). */
export interface PublishedSchema {
  file: string;
  render(): string;
}

function render(schema: z.ZodType, title: string, description: string, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify({ ...json, title, description }, null, 2)}\n`;
}

export const publishedSchemas: PublishedSchema[] = [
  {
    file: 'canary.schema.json',
    // Input side: keys with defaults are optional in a config file.
    render: () => render(canaryConfigSchema, 'Aurora GA canary configuration', 'configs/canary/default.yaml and user canary configs (aurora-ga canary --config).', 'input'),
  },
  {
    file: 'canary-results.schema.json',
    render: () => render(canaryResultsSchema, 'Aurora GA canary results', 'artifacts/canary_results.json and artifacts/canary/<start>/canary_results.json.', 'output'),
  },
];
