/**
 * A record on its way through `SugarBean::save()`: field → value as PHP holds it, undefined
 * for unset or null. `cleaned` marks values `cleanBean()` sanitised: they hold the cleaned form
 * (see save-cleaning.ts), which each column writer decodes as SuiteCRM's database layer does.
 */
export interface Bean {
  values: Map<string, string | undefined>;
  cleaned: Set<string>;
  /** Attributes the request gave a non-null value for. */
  provided: Set<string>;
  /**
   * Fields the Cases hook assigned or put back from fetched_row: the column gets that value
   * exactly (the minute rewrite of a later save happened before the hook ran).
   */
  exact: Set<string>;
}

export function beanValue(bean: Bean, field: string): string {
  return bean.values.get(field) ?? '';
}
