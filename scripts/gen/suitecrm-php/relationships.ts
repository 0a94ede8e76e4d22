import { fieldsOf } from '../../../bridge/src/catalogue/catalogue.js';
import type {
  Catalogue,
  CatalogueRelationship,
  ModuleName,
} from '../../../bridge/src/catalogue/catalogue-schema.js';
import type { GeneratedFile } from '../generated-file.js';
import {
  inPackage,
  layoutdefExtensionPath,
  relationshipMetadataPath,
  subpanelOverridePath,
} from '../package-layout.js';
import { type PhpValue, phpAssign, phpFile } from '../php-source.js';
import { label, notice } from './context.js';

/** Relationship metadata and the subpanels that show a relationship under its one side. */
export function relationshipFile(relationship: CatalogueRelationship, catalogue: Catalogue): GeneratedFile {
  const lhs = catalogue.modules[relationship.lhsModule];
  const rhs = catalogue.modules[relationship.rhsModule];
  const definition: PhpValue = {
    true_relationship_type: 'one-to-many',
    relationships: {
      [relationship.name]: {
        lhs_module: relationship.lhsModule,
        lhs_table: lhs.table,
        lhs_key: 'id',
        rhs_module: relationship.rhsModule,
        rhs_table: rhs.table,
        rhs_key: relationship.rhsKey,
        relationship_type: 'one-to-many',
      },
    },
  };
  return {
    path: inPackage(relationshipMetadataPath(relationship.name)),
    content: phpFile(notice(), [
      `// One-to-many, no join table: the time entry's ${relationship.rhsKey} holds the ${relationship.lhsModule} id.`,
      phpAssign('dictionary', [relationship.name], definition),
    ]),
  };
}

/** The "Support time" subpanel under the module on the one side of a relationship, with quick create. */
export function subpanelLayoutdefFile(module: ModuleName, catalogue: Catalogue): GeneratedFile {
  const lines: string[] = [];
  for (const relationship of catalogue.relationships.filter((r) => r.lhsModule === module)) {
    const rhs = catalogue.modules[relationship.rhsModule];
    const dateField = fieldsOf(relationship.rhsModule, {}, catalogue).find((f) => f.type === 'date');
    lines.push(
      `// Its ${rhs.labels?.en_us ?? relationship.rhsModule} records, newest first; the button opens the quick create form with this record filled in.`,
      phpAssign('layout_defs', [module, 'subpanel_setup', relationship.lhsLink], {
        order: 100,
        module: relationship.rhsModule,
        subpanel_name: 'default',
        sort_order: 'desc',
        sort_by: dateField?.name ?? 'date_entered',
        title_key: label(module, `LBL_${relationship.lhsLink.toUpperCase()}_SUBPANEL_TITLE`, catalogue),
        get_subpanel_data: relationship.lhsLink,
        top_buttons: [{ widget_class: 'SubPanelTopButtonQuickCreate' }],
      }),
      '',
    );
  }
  return { path: inPackage(layoutdefExtensionPath(module)), content: phpFile(notice(), lines) };
}

/**
 * What Studio writes (with the same content) when an admin edits the columns of the subpanel. Shipped
 * as a layoutdefs entry so SuiteCRM's uninstall deletes it: left behind, it would define a subpanel
 * with no module on every detail view of the module. SuiteCRM uses the named subpanel only when
 * custom/modules/<child>/metadata/subpanels/<name>.php exists, so until an admin edits the
 * subpanel it changes nothing.
 */
export function subpanelOverrideFile(
  relationship: CatalogueRelationship,
  catalogue: Catalogue,
): GeneratedFile {
  const module = relationship.lhsModule;
  const object = catalogue.modules[module].objectName;
  return {
    path: inPackage(subpanelOverridePath(module, object, relationship.lhsLink)),
    content: phpFile(notice(), [
      '// The subpanel columns an admin sets in Studio (custom/modules/<module>/metadata/subpanels/), when there are any.',
      phpAssign(
        'layout_defs',
        [module, 'subpanel_setup', relationship.lhsLink, 'override_subpanel_name'],
        `${object}_subpanel_${relationship.lhsLink}`,
      ),
    ]),
  };
}
