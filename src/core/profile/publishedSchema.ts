import * as z from 'zod';
import { ProfileSchema } from './schema';

/** configs/schemas/profile.schema.json, written by scripts/gen-schemas.mjs from the zod schema. */
export const publishedSchemas = [
  {
    file: 'profile.schema.json',
    render(): string {
      return `${JSON.stringify(z.toJSONSchema(ProfileSchema, { io: 'input' }), null, 2)}\n`;
    },
  },
];
