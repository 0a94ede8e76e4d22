import catalogueJson from '../../../../schemas/field-catalogue.json' with { type: 'json' };

/**
 * The part of `schemas/field-catalogue.json` the stand-in reads: modules, custom fields and
 * their relationships. (The data-contract module owns the full, validated schema.)
 */
export interface CatalogueField {
  module: string;
  name: string;
  type: string;
  len?: number;
  precision?: number;
  default?: string;
  required?: boolean;
  options?: string;
  labels?: { en_us?: string };
}

export interface CatalogueRelationship {
  name: string;
  lhsModule: string;
  lhsLink: string;
  rhsModule: string;
  rhsKey: string;
  rhsLink: string;
}

export interface Catalogue {
  modules: Record<string, { objectName: string; table: string; labels?: { en_us?: string } }>;
  relationships: CatalogueRelationship[];
  fields: CatalogueField[];
  enums: Record<string, { source?: string; options: { key: string }[] }>;
}

export const CATALOGUE = catalogueJson as unknown as Catalogue;

export function catalogueFields(module: string): CatalogueField[] {
  return CATALOGUE.fields.filter((field) => field.module === module);
}

export function enumKeys(list: string): string[] {
  return (CATALOGUE.enums[list]?.options ?? []).map((option) => option.key);
}
