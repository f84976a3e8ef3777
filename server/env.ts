// Startup configuration from the environment, validated once; a bad value stops the server with a
// message naming the variable. Settings users tune live in the database, not here.
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default(path.join('data', 'adiguna.db')),
  ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD must be at least 12 characters').optional(),
  SEED: z.enum(['demo', 'none']).default('demo'),
  SEED_SIZE: z.enum(['small', 'kabupaten', 'triple', 'stress']).default('kabupaten'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export type Env = z.infer<typeof schema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
