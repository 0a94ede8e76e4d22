<?php
/**
 * Runs the shared change-log examples (schemas/change-log-examples.json) through the package's
 * PHP writer, SupportSla_ChangeLog. Prints one JSON object per example on stdout
 * ({name, ok, appended, logAfter}) as a JSON array, and exits 1 when any example fails.
 * Usage: php test/php/change-log-examples.php [examples.json]
 */
$root = dirname(__DIR__, 2);
require_once $root . '/suitecrm-module/custom/include/SupportSla/SupportSla_ChangeLog.php';

$path = $argc > 1 ? $argv[1] : $root . '/schemas/change-log-examples.json';
$table = json_decode(file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);

$results = [];
$failed = 0;
foreach ($table['changes'] as $example) {
    $timestamp = (new DateTimeImmutable($example['at']))->getTimestamp();
    $appended = SupportSla_ChangeLog::entriesFor(
        $example['before'],
        $example['after'],
        $example['userId'],
        $example['actor'],
        $timestamp
    );
    $logAfter = SupportSla_ChangeLog::append($example['logBefore'], $appended);
    $ok = $appended === $example['appended'] && $logAfter === $example['logAfter'];
    if (!$ok) {
        $failed++;
        fwrite(STDERR, "FAIL {$example['name']}\n  expected: {$example['appended']}\n  got:      {$appended}\n");
    }
    $results[] = ['name' => $example['name'], 'ok' => $ok, 'appended' => $appended, 'logAfter' => $logAfter];
}

// valuesOf reads the tracked fields from a bean-like object.
$bean = new stdClass();
$bean->status = 'Open_New';
$bean->sla_severity_c = '2';
$values = SupportSla_ChangeLog::valuesOf($bean);
$expected = ['status' => 'Open_New', 'sla_severity_c' => '2', 'sla_environment_c' => null, 'sla_cause_c' => null,
    'sla_reportable_c' => null, 'sla_downgrade_to_c' => null];
$ok = $values === $expected;
if (!$ok) {
    $failed++;
    fwrite(STDERR, "FAIL valuesOf: " . json_encode($values) . "\n");
}
$results[] = ['name' => 'valuesOf reads tracked fields from an object', 'ok' => $ok];

print json_encode($results, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) . "\n";
exit($failed === 0 ? 0 : 1);
