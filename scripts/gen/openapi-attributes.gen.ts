import { CATALOGUE, coreFieldsOf, enumKeys, fieldsOf } from '../../bridge/src/catalogue/catalogue.js';
import {
  type AttributeType,
  type Catalogue,
  MODULE_NAMES,
} from '../../bridge/src/catalogue/catalogue-schema.js';
import type { GeneratedFile } from './generated-file.js';
import { MODULE_TS_NAMES } from './module-names.js';
import { CATALOGUE_SOURCE, noticeText, POLICY_SOURCE } from './notice.js';
import { defaultPolicyPlans, packageVersion } from './sources.js';

/**
 * The attribute schemas of the OpenAPI 3.1 description (schemas/openapi/attributes.generated.json):
 * `<Type>Attributes` as SuiteCRM sends them (every value a string) and `<Type>PatchAttributes` as
 * a PATCH may send them. The client's OpenAPI document `$ref`s these names.
 */
const GENERATOR = 'scripts/gen/openapi-attributes.gen.ts';

type Schema = Record<string, unknown>;

/** What each type looks like as SuiteCRM returns it ("" = blank). */
const READ_PATTERN: Partial<Record<AttributeType, string>> = {
  bool: '^[01]?$',
  int: '^(-?\\d+)?$',
  decimal: '^(-?\\d+(\\.\\d+)?)?$',
  date: '^(\\d{4}-\\d{2}-\\d{2})?$',
  datetimecombo: '^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2})?$',
  datetime: '^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2})?$',
};

const READ_NOTE: Record<AttributeType, string> = {
  bool: '"1" (ticked), "0" or "" (not)',
  int: 'a whole number in text',
  decimal: 'a decimal in text, e.g. "12.50"',
  date: 'YYYY-MM-DD',
  datetimecombo: 'UTC ISO-8601 with +00:00 and the seconds zeroed',
  datetime: 'UTC ISO-8601 with +00:00 and the seconds zeroed',
  enum: 'a dropdown key, HTML-encoded (SuiteCRM does not check it)',
  varchar: 'HTML-encoded text',
  text: 'HTML-encoded text',
  name: 'HTML-encoded text',
  id: 'a SuiteCRM id',
};

const BLANK = { const: '' };

function patchSchema(type: AttributeType): Schema {
  switch (type) {
    case 'bool':
      return { anyOf: [{ type: 'boolean' }, BLANK] };
    case 'int':
      return { anyOf: [{ type: 'integer' }, BLANK] };
    case 'decimal':
      return { anyOf: [{ type: 'number' }, BLANK] };
    case 'date':
      return { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' };
    case 'datetime':
    case 'datetimecombo':
      return {
        type: 'string',
        pattern: '^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})?$',
        description: 'UTC Y-m-d H:i:s',
      };
    default:
      return { type: 'string' };
  }
}

interface Attribute {
  name: string;
  type: AttributeType;
  description: string;
  writer: string;
  options?: string;
}

function attributesOf(module: (typeof MODULE_NAMES)[number], catalogue: Catalogue): Attribute[] {
  return [
    ...coreFieldsOf(module, catalogue).map((field) => ({
      name: field.name,
      type: field.type,
      description: `SuiteCRM's own ${field.name}.`,
      writer: 'core',
    })),
    ...fieldsOf(module, {}, catalogue).map((field) => {
      const attribute: Attribute = {
        name: field.name,
        type: field.type,
        description: `${field.labels.en_us}: ${field.meaning}`,
        writer: field.writer,
      };
      if (field.options !== undefined) attribute.options = field.options;
      return attribute;
    }),
  ];
}

function readProperty(attribute: Attribute, catalogue: Catalogue): Schema {
  const schema: Schema = {
    type: 'string',
    description: `${attribute.description} (${READ_NOTE[attribute.type] ?? 'text'})`,
  };
  const pattern = READ_PATTERN[attribute.type];
  if (pattern !== undefined) schema.pattern = pattern;
  if (attribute.options !== undefined) {
    schema.examples = enumKeys(attribute.options, defaultPolicyPlans(), catalogue);
    schema['x-sla-options'] = attribute.options;
  }
  schema['x-sla-type'] = attribute.type;
  schema['x-sla-writer'] = attribute.writer;
  return schema;
}

export function generate(): GeneratedFile[] {
  const catalogue = CATALOGUE;
  const schemas: Record<string, Schema> = {};
  for (const module of MODULE_NAMES) {
    const { type } = MODULE_TS_NAMES[module];
    const attributes = attributesOf(module, catalogue);
    schemas[`${type}Attributes`] = {
      type: 'object',
      description: `${module} attributes as SuiteCRM 7.14's V8 API returns them: every value a string, "" for NULL or blank. Only the fields the bridge uses are listed; SuiteCRM sends others (link fields as "" or {}).`,
      properties: Object.fromEntries(
        attributes.map((attribute) => [attribute.name, readProperty(attribute, catalogue)]),
      ),
      additionalProperties: true,
    };
    schemas[`${type}PatchAttributes`] = {
      type: 'object',
      description: `${module} attributes as a PATCH sends them: JSON numbers for numbers, booleans for checkboxes, UTC "Y-m-d H:i:s" for datetimes, "" to clear (JSON null is ignored).`,
      properties: Object.fromEntries(
        attributes.map((attribute) => [
          attribute.name,
          { ...patchSchema(attribute.type), 'x-sla-type': attribute.type, 'x-sla-writer': attribute.writer },
        ]),
      ),
      additionalProperties: true,
    };
  }
  const document = {
    'x-generated': noticeText(GENERATOR, [CATALOGUE_SOURCE, POLICY_SOURCE]),
    openapi: '3.1.0',
    info: {
      title: 'SuiteCRM SLA bridge: attribute schemas of Accounts, Cases and Support time',
      version: packageVersion(),
    },
    components: { schemas },
  };
  return [
    { path: 'schemas/openapi/attributes.generated.json', content: `${JSON.stringify(document, null, 2)}\n` },
  ];
}
