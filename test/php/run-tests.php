<?php
/**
 * A small test runner for the package's plain PHP classes (no PHPUnit needed).
 * Usage: php test/php/run-tests.php test/php/tests/*.test.php
 *
 * A test file registers tests with test('name', function () { ... }) and asserts with same(),
 * truthy() and throwsError(). A test fails on a failed assertion, on any PHP warning or notice,
 * on an exception, and when it asserted nothing. Prints a JSON report on stdout:
 * {"tests": [{"file", "name", "ok", "assertions", "message"}], "failed": n}; exits 1 when any
 * test failed.
 */
error_reporting(E_ALL);
set_error_handler(static function ($severity, $message, $file, $line) {
    if (!(error_reporting() & $severity)) {
        return false; // silenced with @
    }
    throw new ErrorException($message, 0, $severity, $file, $line);
});

// The package files start with a SuiteCRM entry-point guard.
define('sugarEntry', true);
define('REPO_ROOT', dirname(__DIR__, 2));
define('PACKAGE_ROOT', REPO_ROOT . '/suitecrm-module');

final class TestFailure extends Exception
{
}

$GLOBALS['registered_tests'] = [];
$GLOBALS['assertions'] = 0;

function test(string $name, callable $body): void
{
    $GLOBALS['registered_tests'][] = ['file' => $GLOBALS['current_test_file'], 'name' => $name, 'body' => $body];
}

function export($value): string
{
    return json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PARTIAL_OUTPUT_ON_ERROR);
}

function same($expected, $actual, string $message = ''): void
{
    $GLOBALS['assertions']++;
    if ($expected !== $actual) {
        throw new TestFailure(($message === '' ? '' : "$message: ") . 'expected ' . export($expected) . ', got ' . export($actual));
    }
}

function truthy($value, string $message): void
{
    $GLOBALS['assertions']++;
    if (!$value) {
        throw new TestFailure($message);
    }
}

/** Asserts that $body throws a Throwable whose message contains $fragment. */
function throwsError(callable $body, string $fragment): void
{
    $GLOBALS['assertions']++;
    try {
        $body();
    } catch (TestFailure $failure) {
        throw $failure;
    } catch (Throwable $error) {
        if (strpos($error->getMessage(), $fragment) === false) {
            throw new TestFailure('expected an error containing ' . export($fragment) . ', got ' . export($error->getMessage()));
        }
        return;
    }
    throw new TestFailure('expected an error containing ' . export($fragment) . ', nothing was thrown');
}

/** A PHP file of test data that returns a value. */
function fixture(string $name)
{
    return require __DIR__ . '/fixtures/' . $name . '.php';
}

function readJson(string $repoPath)
{
    return json_decode(file_get_contents(REPO_ROOT . '/' . $repoPath), true, 512, JSON_THROW_ON_ERROR);
}

foreach (array_slice($argv, 1) as $file) {
    $GLOBALS['current_test_file'] = $file;
    require $file;
}

$results = [];
$failed = 0;
foreach ($GLOBALS['registered_tests'] as $registered) {
    $GLOBALS['assertions'] = 0;
    $message = '';
    try {
        ($registered['body'])();
        if ($GLOBALS['assertions'] === 0) {
            throw new TestFailure('the test asserted nothing');
        }
        $ok = true;
    } catch (Throwable $error) {
        $ok = false;
        $message = $error instanceof TestFailure
            ? $error->getMessage()
            : get_class($error) . ': ' . $error->getMessage() . ' at ' . $error->getFile() . ':' . $error->getLine();
    }
    if (!$ok) {
        $failed++;
    }
    $results[] = [
        'file' => $registered['file'],
        'name' => $registered['name'],
        'ok' => $ok,
        'assertions' => $GLOBALS['assertions'],
        'message' => $message,
    ];
}

print json_encode(['tests' => $results, 'failed' => $failed], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
exit($failed === 0 ? 0 : 1);
