import { fieldsOf, isMachineWritten } from '../../../bridge/src/catalogue/catalogue.js';
import type {
  Catalogue,
  CatalogueField,
  CatalogueRelationship,
  ModuleName,
} from '../../../bridge/src/catalogue/catalogue-schema.js';
import { validatedFields, validationVardef } from '../form-validation.js';
import type { GeneratedFile } from '../generated-file.js';
import { inPackage, overrideVardefPath, vardefExtensionPath } from '../package-layout.js';
import { type PhpValue, phpAssign, phpFile } from '../php-source.js';
import { label, notice } from './context.js';

/** Vardef extensions of the stock modules (Accounts, Cases) and placeholders for SuiteCRM's override files. */
/** The link field on the "one" side of a relationship (e.g. Cases.sla_timeentries). */
function lhsLinkVardef(relationship: CatalogueRelationship, catalogue: Catalogue): Record<string, PhpValue> {
  return {
    name: relationship.lhsLink,
    type: 'link',
    relationship: relationship.name,
    source: 'non-db',
    module: relationship.rhsModule,
    bean_name: catalogue.modules[relationship.rhsModule].beanClass,
    vname: label(relationship.lhsModule, `LBL_${relationship.lhsLink.toUpperCase()}`, catalogue),
  };
}

export function stockVardefFile(module: ModuleName, catalogue: Catalogue): GeneratedFile {
  const object = catalogue.modules[module].objectName;
  const lines: string[] = [];
  for (const relationship of catalogue.relationships.filter((r) => r.lhsModule === module)) {
    lines.push(
      '// The link to the time entries: subpanels, the V8 relationship route and AOR reports go through it.',
      phpAssign(
        'dictionary',
        [object, 'fields', relationship.lhsLink],
        lhsLinkVardef(relationship, catalogue),
      ),
      '',
    );
  }
  const machine = fieldsOf(module, {}, catalogue).filter(isMachineWritten);
  if (machine.length > 0) {
    lines.push(
      '// Fields the bridge or the package hook writes: not inline-editable, mass-updatable or importable.',
      '// Loaded before SuiteCRM merges fields_meta_data, whose values never overwrite keys set here.',
    );
    for (const field of machine) {
      lines.push(
        phpAssign('dictionary', [object, 'fields', field.name, 'inline_edit'], false),
        phpAssign('dictionary', [object, 'fields', field.name, 'massupdate'], false),
        phpAssign('dictionary', [object, 'fields', field.name, 'importable'], false),
      );
    }
  }
  const required = fieldsOf(module, { writer: 'staff' }, catalogue).filter((field) => field.required);
  if (required.length > 0) {
    lines.push(
      '',
      '// Required in every form; set here as well as in fields_meta_data so that an upgrade of an installed field gets it.',
    );
    for (const field of required)
      lines.push(phpAssign('dictionary', [object, 'fields', field.name, 'required'], true));
  }
  const validated = validatedFields(catalogue).filter((field) => field.module === module);
  if (validated.length > 0) {
    lines.push(
      '',
      "// What the forms check before a save (scripts/gen/form-validation.ts): 7.14 runs 'validation',",
      "// 8.x the integer 'validations' ranges; inline edit is off where 7.14's would skip the check.",
    );
    for (const field of validated) {
      for (const [key, value] of Object.entries(validationVardef(field))) {
        lines.push(phpAssign('dictionary', [object, 'fields', field.name, key], value));
      }
    }
  }
  for (const index of catalogue.modules[module].indices ?? []) {
    lines.push(
      '',
      `// ${index.why}`,
      '// Keyed by name, so loading the extension twice adds it once; repair creates it.',
      phpAssign('dictionary', [object, 'indices', index.name], indexVardef(index)),
    );
  }
  return { path: inPackage(vardefExtensionPath(module)), content: phpFile(notice(), lines) };
}

/** A catalogue index as a vardef index. */
export function indexVardef(index: { name: string; fields: string[] }): Record<string, PhpValue> {
  return { name: index.name, type: 'index', fields: index.fields };
}

export function overridePlaceholder(field: CatalogueField): GeneratedFile {
  const body = [
    `// Placeholder for the file SuiteCRM's DynamicField writes for ${field.name} when the package`,
    '// installs the field (it replaces this content). Listed in the manifest as a vardefs extension',
    "// so that SuiteCRM's uninstall deletes it, which its custom-field removal does not.",
  ];
  return { path: inPackage(overrideVardefPath(field.module, field.name)), content: phpFile(notice(), body) };
}
