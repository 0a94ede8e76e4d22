import type { FieldSpec } from '../../bridge/src/catalogue/attribute-codec.js';
import {
  CATALOGUE,
  coreFieldsOf,
  enumOptions,
  fieldsOf,
  type PlanOption,
} from '../../bridge/src/catalogue/catalogue.js';
import {
  type AttributeType,
  type Catalogue,
  MODULE_NAMES,
  type ModuleName,
} from '../../bridge/src/catalogue/catalogue-schema.js';
import type { GeneratedFile } from './generated-file.js';
import { MODULE_TS_NAMES, pascal } from './module-names.js';
import { CATALOGUE_SOURCE, POLICY_SOURCE, slashNotice } from './notice.js';
import { defaultPolicyPlans } from './sources.js';

/**
 * The bridge's typed view of each module's attributes (bridge/src/catalogue/generated/): the
 * typed record, the field specs bound to the attribute codec (parse, toPatch, normaliseStored,
 * changes), a zod schema of the raw attributes, field lists per writer, and the dropdown keys.
 */
const GENERATOR = 'scripts/gen/bridge-attributes.gen.ts';
const OUT_DIR = 'bridge/src/catalogue/generated';

const TS_TYPE: Record<AttributeType, string> = {
  enum: 'string | null',
  bool: 'boolean',
  date: 'string | null',
  datetimecombo: 'number | null',
  datetime: 'number | null',
  decimal: 'number | null',
  int: 'number | null',
  varchar: 'string | null',
  text: 'string | null',
  name: 'string | null',
  id: 'string | null',
};

const TYPE_NOTE: Partial<Record<AttributeType, string>> = {
  date: 'YYYY-MM-DD',
  datetimecombo: 'epoch milliseconds, UTC',
  datetime: 'epoch milliseconds, UTC',
  bool: 'blank reads as false',
};

interface Entry {
  name: string;
  spec: FieldSpec;
  doc: string;
}

function comment(text: string): string {
  return text.replace(/\*\//g, '* /');
}

function entriesOf(module: ModuleName, catalogue: Catalogue): Entry[] {
  const core: Entry[] = coreFieldsOf(module, catalogue).map((field) => ({
    name: field.name,
    spec: { type: field.type, writer: 'core' },
    doc: `SuiteCRM's own ${field.name} (${field.type}).`,
  }));
  const own: Entry[] = fieldsOf(module, {}, catalogue).map((field) => {
    const spec: { -readonly [K in keyof FieldSpec]: FieldSpec[K] } = {
      type: field.type,
      writer: field.writer,
    };
    if (field.len !== undefined) spec.len = field.len;
    if (field.precision !== undefined) spec.precision = field.precision;
    if (field.options !== undefined) spec.options = field.options;
    const details = [
      `written by ${field.writer}`,
      field.options ? `dropdown ${field.options}` : undefined,
      TYPE_NOTE[field.type],
    ].filter((part) => part !== undefined);
    return { name: field.name, spec, doc: `${field.labels.en_us} (${details.join(', ')}): ${field.meaning}` };
  });
  return [...core, ...own];
}

function specLiteral(spec: FieldSpec): string {
  const parts = [`type: '${spec.type}'`, `writer: '${spec.writer}'`];
  if (spec.len !== undefined) parts.push(`len: ${spec.len}`);
  if (spec.precision !== undefined) parts.push(`precision: ${spec.precision}`);
  if (spec.options !== undefined) parts.push(`options: '${spec.options}'`);
  return `{ ${parts.join(', ')} }`;
}

function enumTypeName(list: string): string {
  return `${pascal(list)}Key`;
}

function enumConstName(list: string): string {
  return `${list.toUpperCase()}_KEYS`;
}

function enumsFile(catalogue: Catalogue, plans: PlanOption[]): GeneratedFile {
  const lines = [
    slashNotice(GENERATOR, [CATALOGUE_SOURCE, POLICY_SOURCE]),
    '',
    '// The keys of every dropdown list. SuiteCRM does not check dropdown values, so the attribute',
    '// parser passes unknown keys through as strings; these lists are for writing and for the domain.',
    '',
  ];
  for (const [name, list] of Object.entries(catalogue.enums)) {
    const keys = enumOptions(name, plans, catalogue).map((option) => option.key);
    const doc =
      list.source === 'policy'
        ? `${name}: the keys the package ships (the default policy's plans). At run time the plan keys are "", "free" and the loaded policy's plan ids: use enumKeys('${name}', policy.plans).`
        : `${name}${list.meaning ? `: ${list.meaning}` : ''}`;
    lines.push(
      `/** ${comment(doc)} */`,
      `export const ${enumConstName(name)} = [${keys.map((key) => JSON.stringify(key)).join(', ')}] as const;`,
      `export type ${enumTypeName(name)} = (typeof ${enumConstName(name)})[number];`,
      '',
    );
  }
  lines.push(
    '/** Every list by name. */',
    'export const ENUM_KEYS = {',
    ...Object.keys(catalogue.enums).map((name) => `  ${name}: ${enumConstName(name)},`),
    '} as const;',
    '',
  );
  return { path: `${OUT_DIR}/enums.generated.ts`, content: lines.join('\n') };
}

function moduleFile(module: ModuleName, catalogue: Catalogue): GeneratedFile {
  const names = MODULE_TS_NAMES[module];
  const { type, constant } = names;
  const info = catalogue.modules[module];
  const entries = entriesOf(module, catalogue);
  const usedEnums = new Set<string>();
  const writerNames = (writer: string) =>
    entries.filter((entry) => entry.spec.writer === writer).map((entry) => `'${entry.name}'`);
  const bridgeEntries = entries.filter((entry) => entry.spec.writer === 'bridge');
  const narrowed = (entry: Entry) => {
    if (entry.spec.type === 'enum' && entry.spec.options !== undefined) {
      usedEnums.add(entry.spec.options);
      return `${enumTypeName(entry.spec.options)} | null`;
    }
    return TS_TYPE[entry.spec.type];
  };
  const bridgeLines = bridgeEntries.map((entry) => `  ${entry.name}: ${narrowed(entry)};`);
  const lines = [
    slashNotice(GENERATOR, [CATALOGUE_SOURCE]),
    '',
    "import { z } from 'zod';",
    "import type { AttributeParseResult, FieldSpec, PatchAttributes } from '../attribute-codec.js';",
    "import { defineModuleCodec, type ModuleCodec } from '../module-codec.js';",
  ];
  if (usedEnums.size > 0) {
    lines.push(
      `import type { ${[...usedEnums].sort().map(enumTypeName).join(', ')} } from './enums.generated.js';`,
    );
  }
  lines.push(
    '',
    `export const ${constant}_MODULE = '${module}' as const;`,
    `/** The V8 resource \`type\` (the bean's object name). */`,
    `export const ${constant}_OBJECT_NAME = '${info.objectName}' as const;`,
    '',
    `/** The ${module} attributes the bridge reads, as typed values (see attribute-codec.ts for the conversions). */`,
    `export interface ${type}Attributes {`,
    ...entries.flatMap((entry) => [
      `  /** ${comment(entry.doc)} */`,
      `  ${entry.name}: ${TS_TYPE[entry.spec.type]};`,
    ]),
    '}',
    '',
    `export type ${type}Field = keyof ${type}Attributes;`,
    '',
    `/** The fields only the bridge writes, with the values it may write (dropdowns narrowed to their keys). */`,
    `export interface ${type}BridgeValues {`,
    ...bridgeLines,
    '}',
    '',
    `export const ${constant}_FIELD_SPECS = {`,
    ...entries.map((entry) => `  ${entry.name}: ${specLiteral(entry.spec)},`),
    `} as const satisfies { readonly [K in ${type}Field]: FieldSpec };`,
    '',
    `/** Stock SuiteCRM fields the bridge reads but never writes. */`,
    `export const ${constant}_CORE_FIELDS = [${writerNames('core').join(', ')}] as const;`,
    `/** Fields people edit in SuiteCRM. */`,
    `export const ${constant}_STAFF_FIELDS = [${writerNames('staff').join(', ')}] as const;`,
    `/** Fields the package's hook writes. */`,
    `export const ${constant}_HOOK_FIELDS = [${writerNames('hook').join(', ')}] as const;`,
    `/** Fields only the bridge writes. */`,
    `export const ${constant}_BRIDGE_FIELDS = [${writerNames('bridge').join(', ')}] as const satisfies readonly (keyof ${type}BridgeValues)[];`,
    `/** Every field above: what to ask for in a sparse fieldset (\`fields[${module}]=...\`). */`,
    `export const ${constant}_FIELDS = Object.keys(${constant}_FIELD_SPECS) as ${type}Field[];`,
    '',
    `/** ${module} attributes as SuiteCRM sends them: every value a string; other attributes pass through. */`,
    `export const ${type[0]?.toLowerCase()}${type.slice(1)}RawAttributesSchema = z.looseObject({`,
    ...entries.map((entry) => `  ${entry.name}: z.string().optional(),`),
    '});',
    '',
    `export const ${type[0]?.toLowerCase()}${type.slice(1)}Codec: ModuleCodec<${type}Attributes> = defineModuleCodec<${type}Attributes>({`,
    `  module: ${constant}_MODULE,`,
    `  objectName: ${constant}_OBJECT_NAME,`,
    `  fields: ${constant}_FIELD_SPECS,`,
    '});',
    '',
    `/** Raw V8 attributes → typed values plus per-field problems; never throws. */`,
    `export function parse${type}Attributes(raw: unknown): AttributeParseResult<${type}Attributes> {`,
    `  return ${type[0]?.toLowerCase()}${type.slice(1)}Codec.parse(raw);`,
    '}',
    '',
    `/** Typed values → PATCH attributes (UTC \`Y-m-d H:i:s\`, JSON numbers, booleans, "" to clear). */`,
    `export function to${type}Patch(values: Partial<${type}Attributes>): PatchAttributes {`,
    `  return ${type[0]?.toLowerCase()}${type.slice(1)}Codec.toPatch(values);`,
    '}',
    '',
    `/** The typed value SuiteCRM will hand back once \`value\` is stored in \`field\`. */`,
    `export function normaliseStored${type}<K extends ${type}Field>(field: K, value: ${type}Attributes[K]): ${type}Attributes[K] {`,
    `  return ${type[0]?.toLowerCase()}${type.slice(1)}Codec.normaliseStored(field, value);`,
    '}',
    '',
  );
  return { path: `${OUT_DIR}/${names.file}.generated.ts`, content: lines.join('\n') };
}

function modulesFile(): GeneratedFile {
  const lines = [
    slashNotice(GENERATOR, [CATALOGUE_SOURCE]),
    '',
    "import type { ModuleCodec } from '../module-codec.js';",
    ...MODULE_NAMES.map((module) => {
      const { type, file } = MODULE_TS_NAMES[module];
      const codec = `${type[0]?.toLowerCase()}${type.slice(1)}Codec`;
      return `import { type ${type}Attributes, ${codec} } from './${file}.generated.js';`;
    }),
    '',
    "/** Each module's typed attributes, by SuiteCRM module name. */",
    'export interface ModuleAttributes {',
    ...MODULE_NAMES.map((module) => `  ${module}: ${MODULE_TS_NAMES[module].type}Attributes;`),
    '}',
    '',
    "/** Each module's codec, by SuiteCRM module name (for code that handles every module alike, e.g. the V8 stand-in). */",
    'export const MODULE_CODECS: { readonly [M in keyof ModuleAttributes]: ModuleCodec<ModuleAttributes[M]> } = {',
    ...MODULE_NAMES.map((module) => {
      const { type } = MODULE_TS_NAMES[module];
      return `  ${module}: ${type[0]?.toLowerCase()}${type.slice(1)}Codec,`;
    }),
    '};',
    '',
  ];
  return { path: `${OUT_DIR}/modules.generated.ts`, content: lines.join('\n') };
}

export function generate(): GeneratedFile[] {
  const catalogue = CATALOGUE;
  const plans = defaultPolicyPlans();
  return [
    enumsFile(catalogue, plans),
    ...MODULE_NAMES.map((module) => moduleFile(module, catalogue)),
    modulesFile(),
  ];
}
