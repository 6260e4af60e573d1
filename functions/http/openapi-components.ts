import * as z from 'zod';
import { CATALOGUE, PROBLEM_CONTENT_TYPE, type ProblemCode } from './problem';

export type JsonSchema = Record<string, unknown>;

/**
 * A string normalized then checked (events/text.ts `text`): in input mode zod shows only "a string"; the checks of
 * the output side are what a client must respect, so they are shown, with what happens first.
 */
const showCheckedText: NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'] = ({ zodSchema, jsonSchema }) => {
  const def = zodSchema._zod.def;
  if (def.type !== 'pipe' || def.out._zod.def.type !== 'string' || jsonSchema.type !== 'string') return;
  const { minLength, maxLength } = z.toJSONSchema(def.out as z.ZodString);
  Object.assign(jsonSchema, { minLength, maxLength, description: 'Normalized to Unicode NFC and trimmed before its length is checked' });
};

/** A request schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), as a client must send it. */
export const jsonSchemaOf = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', override: showCheckedText });
  return rest;
};

/** An error as every route sends it (problem.ts): the test checks real answers against this. */
export const ProblemSchema = z.looseObject({
  type: z.string(),
  title: z.string().meta({ description: 'In Vietnamese, to show the user' }),
  status: z.int(),
  code: z.enum(Object.keys(CATALOGUE) as [ProblemCode, ...ProblemCode[]]).meta({ description: 'Stable: what clients switch on' }),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional().meta({ description: 'With invalid-request: what the schema refused' }),
});

/** One reusable response per error status, naming the codes it may carry. */
const problemResponse = (status: number) => ({
  description: `Problem: ${Object.entries(CATALOGUE)
    .filter(([, entry]) => entry.status === status)
    .map(([code]) => `\`${code}\``)
    .join(', ')}`,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Headers every command reads (command-request.ts). */
const COMMAND_HEADERS = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'A retry with the same key answers as the first request and writes nothing; the same key with another body is 422',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,128}$' },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'The ETag of the version read; another version is 412 version-conflict',
    schema: { type: 'string', examples: ['"3"'] },
  },
};
export const COMMAND_HEADER_REFS = Object.keys(COMMAND_HEADERS).map((name) => ({ $ref: `#/components/parameters/${name}` }));

export const components = (problemStatuses: readonly number[]) => ({
  securitySchemes: {
    bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The Cognito ID token (locally, POST /_local/token gives one)' },
  },
  schemas: { Problem: jsonSchemaOf(ProblemSchema) },
  parameters: COMMAND_HEADERS,
  responses: Object.fromEntries(problemStatuses.map((status) => [`Problem${status}`, problemResponse(status)])),
});
