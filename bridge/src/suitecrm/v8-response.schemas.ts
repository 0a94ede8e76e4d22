import { z } from 'zod';

/**
 * The shapes SuiteCRM 7.14's V8 API really answers with (captures in
 * test/fixtures/suitecrm-v8). Envelopes only: attribute values are handed raw to the caller's
 * parser (every value is a string, link fields may be `{}`, fixtures README item 15).
 * Objects are loose: SuiteCRM adds keys freely (`relationships`, `links`), and we ignore them.
 */

/** `POST {api}/access_token` → 200. `refresh_token` only for the password and refresh grants. */
export const tokenResponseSchema = z.looseObject({
  // The scheme we send is always `Bearer`; SuiteCRM answers "Bearer" and rejects "bearer" (item 7).
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().positive(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** OAuth errors of the token endpoint and of the resource server's 401s (items 6 and 7). */
export const oauthErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
  hint: z.string().optional(),
  message: z.string().optional(),
});

const v8ErrorObject = z.looseObject({
  status: z.union([z.number(), z.string()]).optional(),
  title: z.string().nullable().optional(),
  detail: z.string().nullable().optional(),
});

/** `{"errors":{"status":400,"title":null,"detail":"…"}}`: one object, not an array (item 10). An array is accepted too. */
export const v8ErrorSchema = z.object({
  errors: z.union([v8ErrorObject, z.array(v8ErrorObject).min(1)]),
});

/** Slim's own answers for unmatched routes and methods: `{"message":"Not found"}` (item 11). */
export const slimErrorSchema = z.looseObject({ message: z.string() });

export const rawAttributesSchema = z.record(z.string(), z.unknown());

export const resourceSchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().min(1),
  attributes: rawAttributesSchema,
});
export type RawResource = z.infer<typeof resourceSchema>;

/** GET one record, POST create (201), PATCH update (201). */
export const singleResourceSchema = z.looseObject({ data: resourceSchema });

const countSchema = z.number().int().nonnegative();

/**
 * Module and relationship lists. `meta` carries counts on a page with rows, only a message on
 * an empty answer (past the last page, or no related rows), and is absent without
 * `page[size]` (items 24-26, 30). `links` are ignored on purpose (item 27).
 */
export const resourceListSchema = z.looseObject({
  data: z.array(resourceSchema),
  meta: z
    .looseObject({
      'total-pages': countSchema.optional(),
      'total-records': countSchema.optional(),
      'records-on-this-page': countSchema.optional(),
      message: z.string().optional(),
    })
    .optional(),
});

/** DELETE, link (201), unlink, logout: `{"meta":{"message":"…"},"data":[]}`. */
export const metaMessageSchema = z.looseObject({
  meta: z.looseObject({ message: z.string() }),
  data: z.array(z.unknown()).max(0),
});

/**
 * `GET meta/fields/{Module}` (item 34). `len` comes as a number or a numeric string; there
 * are no enum options and no labels.
 */
export const fieldDefinitionSchema = z.looseObject({
  type: z.string(),
  dbType: z.string().optional(),
  // A number, a numeric string, or for some decimals "26,6": numbers where they are numbers.
  len: z
    .union([z.number(), z.string()])
    .transform((value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
    .optional(),
  // PHP vardefs write this as true, 1, '1' or 'true'.
  required: z
    .union([z.boolean(), z.number(), z.string()])
    .transform((value) => value === true || value === 1 || value === '1' || value === 'true')
    .optional(),
  source: z.string().optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
  relationship: z.string().optional(),
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

export const fieldListSchema = z.looseObject({
  data: z.looseObject({
    type: z.literal('fields'),
    attributes: z.record(z.string(), fieldDefinitionSchema),
  }),
});

/** `GET meta/modules`: what the API user may do per module. */
export const moduleListSchema = z.looseObject({
  data: z.looseObject({
    type: z.literal('modules'),
    attributes: z.record(
      z.string(),
      z.looseObject({
        label: z.string(),
        // A PHP array with gaps in its keys serialises as an object.
        access: z
          .union([z.array(z.string()), z.record(z.string(), z.string())])
          .transform((value) => (Array.isArray(value) ? value : Object.values(value))),
      }),
    ),
  }),
});

/** `GET current-user` (item 39). */
export const currentUserSchema = z.looseObject({
  data: z.looseObject({
    type: z.literal('User'),
    id: z.string().min(1),
    attributes: z.looseObject({ user_name: z.string() }),
  }),
});

/** `GET user-preferences/{id}`: the time zone sits at `data.attributes.global.timezone` (item 39). */
export const userPreferencesSchema = z.looseObject({
  data: z.looseObject({
    id: z.string(),
    attributes: z.looseObject({
      // PHP serialises an empty preference category as `[]`.
      global: z.union([z.looseObject({ timezone: z.string().optional() }), z.array(z.unknown())]).optional(),
    }),
  }),
});
