import ts from 'typescript';

/**
 * A static check that every SQL statement in a TypeScript file reaches the database with its
 * values as bindings, never spliced into the text. It parses the file and looks at:
 *
 * - every call that hands SQL text to a driver or to knex (`raw`, `whereRaw` and the other
 *   `*Raw` builders, `query`, `exec`, `prepare`, `pragma`): the SQL argument must be static,
 *   i.e. a string literal, a template or identifier made only of module constants that are
 *   string literals, or the `sql` that knex itself compiled with `toSQL()` (whose values are in
 *   its `bindings`);
 * - every `+` or template literal anywhere that splices something into text that looks like SQL.
 *
 * Identifiers passed as knex identifiers (`db(table)`, `where({ column: value })`) are escaped by
 * knex and are not SQL text. Returns one line per problem: `file:line: what`.
 */
const SQL_TEXT_METHODS = new Set([
  'raw',
  'whereRaw',
  'orWhereRaw',
  'andWhereRaw',
  'havingRaw',
  'orHavingRaw',
  'orderByRaw',
  'groupByRaw',
  'joinRaw',
  'fromRaw',
  'query',
  'exec',
  'prepare',
  'pragma',
]);
const LOOKS_LIKE_SQL =
  /\bselect\s[\s\S]*\bfrom\b|\binsert\s+into\b|\bupdate\s+\S+\s+set\b|\bdelete\s+from\b|\bwhere\s+\S+\s*(=|<|>|\bin\b|\blike\b|\bis\b)|\b(create|drop)\s+(table|database|index|user)\b|\balter\s+table\b|^\s*set\s+\w+\s*=/i;

export function scanSqlSource(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const constants = new Set<string>();
  const regexes = new Set<string>();
  const compiled = new Set<string>();
  const problems: string[] = [];
  const where = (node: ts.Node) =>
    `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  // Module constants holding string literals, and names destructured from knex's toSQL().
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const list = node.parent;
      const isConst = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
      const init = stripAssertions(node.initializer);
      if (isConst && ts.isIdentifier(node.name) && isStringLiteralLike(init)) constants.add(node.name.text);
      if (isConst && ts.isIdentifier(node.name) && ts.isRegularExpressionLiteral(init))
        regexes.add(node.name.text);
      if (
        ts.isObjectBindingPattern(node.name) &&
        ts.isCallExpression(init) &&
        ts.isPropertyAccessExpression(init.expression) &&
        init.expression.name.text === 'toSQL'
      ) {
        for (const element of node.name.elements) {
          const property = element.propertyName ?? element.name;
          if (ts.isIdentifier(property) && property.text === 'sql' && ts.isIdentifier(element.name))
            compiled.add(element.name.text);
        }
      }
    }
    ts.forEachChild(node, collect);
  };
  collect(source);

  const isStatic = (node: ts.Expression): boolean => {
    const expr = stripAssertions(node);
    if (isStringLiteralLike(expr)) return true;
    if (ts.isIdentifier(expr)) return constants.has(expr.text) || compiled.has(expr.text);
    if (ts.isTemplateExpression(expr))
      return expr.templateSpans.every(
        (span) => ts.isIdentifier(span.expression) && constants.has(span.expression.text),
      );
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken)
      return isStatic(expr.left) && isStatic(expr.right);
    return false;
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const receiver = stripAssertions(node.expression.expression);
      // RegExp.prototype.exec is not a database's.
      const isRegex =
        ts.isRegularExpressionLiteral(receiver) || (ts.isIdentifier(receiver) && regexes.has(receiver.text));
      const first = node.arguments[0];
      if (
        SQL_TEXT_METHODS.has(method) &&
        !isRegex &&
        first &&
        !ts.isObjectLiteralExpression(first) &&
        !isStatic(first)
      ) {
        problems.push(
          `${where(node)}: ${method}() is given SQL text that is not static: ${first.getText(source).slice(0, 80)}`,
        );
      }
    }
    if (ts.isTemplateExpression(node) && !isStatic(node) && LOOKS_LIKE_SQL.test(templateText(node))) {
      problems.push(
        `${where(node)}: SQL built with a template literal: ${node.getText(source).slice(0, 80)}`,
      );
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      !isStatic(node) &&
      [node.left, node.right].some((side) => isStringLiteralLike(side) && LOOKS_LIKE_SQL.test(side.text))
    ) {
      problems.push(`${where(node)}: SQL built by concatenation: ${node.getText(source).slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

/** The names a file imports modules from. */
export function importedModules(text: string): string[] {
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      names.push(statement.moduleSpecifier.text);
    }
  }
  return names;
}

function stripAssertions(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isAsExpression(current) ||
    ts.isParenthesizedExpression(current) ||
    ts.isSatisfiesExpression(current)
  )
    current = current.expression;
  return current;
}

function isStringLiteralLike(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

function templateText(node: ts.TemplateExpression): string {
  return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ? ');
}
