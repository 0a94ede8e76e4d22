/**
 * The reason a record with fields SuiteCRM sent that could not be read (`parseProblems`, filled
 * in by the sync) is not computed: those fields, in words; null when every field was read. It is
 * decided before anything else about the record, since a value the bridge could not read would
 * otherwise surface as a misleading reason of its own (an "empty" field that is not empty).
 */
export function unreadableFieldsReason(record: {
  readonly parseProblems?: readonly string[];
}): string | null {
  const problems = record.parseProblems ?? [];
  return problems.length === 0 ? null : problems.join('; ');
}
