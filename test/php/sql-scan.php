<?php
/**
 * Finds every place a PHP file hands SQL text to SuiteCRM's database layer (DBManager's query,
 * getOne, limitQuery, fetchOne, ...; the mysqli functions) and says what the SQL is made of,
 * token by token as PHP itself reads it (token_get_all): the first argument is split on its
 * top-level "." into operands, each classified as
 *   literal      a quoted string without interpolation
 *   quoted       a call of ->quoted(...) (SuiteCRM's escape-and-quote)
 *   int          an (int) cast
 *   interpolated a double-quoted string with variables in it
 *   other        anything else (the operand's text is given, for review)
 * and whether a superglobal ($_GET, $_POST, $_REQUEST, $_COOKIE, $_SERVER, $_FILES) appears
 * anywhere in the argument.
 *
 * Usage: php test/php/sql-scan.php <file>...   Prints a JSON list of
 * {file, line, call, function, operands: [{kind, text}], superglobal}.
 */

const SQL_METHODS = ['query', 'getone', 'limitquery', 'fetchone', 'pquery', 'limitqueryarray', 'getonevalue'];
const SQL_FUNCTIONS = ['mysqli_query', 'mysqli_real_query', 'mysqli_multi_query', 'mysql_query'];
const SUPERGLOBALS = ['$_GET', '$_POST', '$_REQUEST', '$_COOKIE', '$_SERVER', '$_FILES'];

function text($token): string
{
    return is_array($token) ? $token[1] : $token;
}

function significant(array $tokens, int $from): int
{
    for ($i = $from; $i < count($tokens); $i++) {
        if (!is_array($tokens[$i]) || !in_array($tokens[$i][0], [T_WHITESPACE, T_COMMENT, T_DOC_COMMENT], true)) {
            return $i;
        }
    }
    return count($tokens);
}

/** The tokens of the first argument of the call whose "(" is at $open. */
function firstArgument(array $tokens, int $open): array
{
    $depth = 0;
    $argument = [];
    for ($i = $open; $i < count($tokens); $i++) {
        $t = text($tokens[$i]);
        if ($t === '(' || $t === '[' || $t === '{' || (is_array($tokens[$i]) && in_array($tokens[$i][0], [T_CURLY_OPEN, T_DOLLAR_OPEN_CURLY_BRACES], true))) {
            $depth++;
            if ($depth === 1) {
                continue;
            }
        } elseif ($t === ')' || $t === ']' || $t === '}') {
            $depth--;
            if ($depth === 0) {
                break;
            }
        } elseif ($t === ',' && $depth === 1) {
            break;
        }
        $argument[] = $tokens[$i];
    }
    return $argument;
}

function classify(array $operand): array
{
    $parts = array_values(array_filter($operand, function ($token) {
        return !is_array($token) || !in_array($token[0], [T_WHITESPACE, T_COMMENT, T_DOC_COMMENT], true);
    }));
    $source = trim(implode('', array_map('text', $operand)));
    if (count($parts) === 1 && is_array($parts[0]) && $parts[0][0] === T_CONSTANT_ENCAPSED_STRING) {
        return ['kind' => 'literal', 'text' => $source];
    }
    if (count($parts) > 0 && text($parts[0]) === '"') {
        return ['kind' => 'interpolated', 'text' => $source];
    }
    if (count($parts) > 0 && is_array($parts[0]) && $parts[0][0] === T_INT_CAST) {
        return ['kind' => 'int', 'text' => $source];
    }
    // $x->quoted( ... ) covering the whole operand.
    for ($i = 0; $i + 2 < count($parts); $i++) {
        if (text($parts[$i]) === '->' && strtolower(text($parts[$i + 1])) === 'quoted' && text($parts[$i + 2]) === '(') {
            $head = implode('', array_map('text', array_slice($parts, 0, $i)));
            if (preg_match('/^\$[A-Za-z_]\w*$|^\$GLOBALS\[\'db\'\]$/', $head) && text(end($parts)) === ')') {
                return ['kind' => 'quoted', 'text' => $source];
            }
        }
    }
    return ['kind' => 'other', 'text' => $source];
}

function scan(string $file): array
{
    $tokens = token_get_all(file_get_contents($file));
    $sites = [];
    $function = '';
    for ($i = 0; $i < count($tokens); $i++) {
        if (is_array($tokens[$i]) && $tokens[$i][0] === T_FUNCTION) {
            $name = significant($tokens, $i + 1);
            if (isset($tokens[$name]) && is_array($tokens[$name]) && $tokens[$name][0] === T_STRING) {
                $function = $tokens[$name][1];
            }
        }
        if (!is_array($tokens[$i]) || $tokens[$i][0] !== T_STRING) {
            continue;
        }
        $name = strtolower($tokens[$i][1]);
        $before = $i > 0 ? text($tokens[$i - 1]) : '';
        $isMethod = in_array($name, SQL_METHODS, true) && ($before === '->' || $before === '?->' || $before === '::');
        $isFunction = in_array($name, SQL_FUNCTIONS, true) && $before !== '->' && $before !== '::';
        $open = significant($tokens, $i + 1);
        if ((!$isMethod && !$isFunction) || text($tokens[$open] ?? '') !== '(') {
            continue;
        }
        $argument = firstArgument($tokens, $open);
        if ($isFunction && $name !== 'mysql_query') {
            // mysqli_query($link, $sql): the SQL is the second argument.
            $rest = array_slice($tokens, $open);
            $depth = 0;
            for ($j = 0; $j < count($rest); $j++) {
                $t = text($rest[$j]);
                if ($t === '(') {
                    $depth++;
                } elseif ($t === ')') {
                    $depth--;
                } elseif ($t === ',' && $depth === 1) {
                    $argument = firstArgument(array_merge(['('], array_slice($rest, $j + 1)), 0);
                    break;
                }
            }
        }
        $operands = [];
        $current = [];
        $depth = 0;
        foreach ($argument as $token) {
            $t = text($token);
            if ($t === '(' || $t === '[') {
                $depth++;
            } elseif ($t === ')' || $t === ']') {
                $depth--;
            }
            if ($t === '.' && $depth === 0) {
                $operands[] = classify($current);
                $current = [];
                continue;
            }
            $current[] = $token;
        }
        if ($current !== []) {
            $operands[] = classify($current);
        }
        $argumentText = implode('', array_map('text', $argument));
        $superglobal = false;
        foreach ($argument as $token) {
            if (is_array($token) && $token[0] === T_VARIABLE && in_array($token[1], SUPERGLOBALS, true)) {
                $superglobal = true;
            }
        }
        $sites[] = [
            'file' => $file,
            'line' => $tokens[$i][2],
            'call' => $tokens[$i][1],
            'function' => $function,
            'operands' => $operands,
            'superglobal' => $superglobal || preg_match('/\$_(GET|POST|REQUEST|COOKIE|SERVER|FILES)\b/', $argumentText) === 1,
        ];
    }
    return $sites;
}

$all = [];
foreach (array_slice($argv, 1) as $file) {
    $all = array_merge($all, scan($file));
}
print json_encode($all, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n";
