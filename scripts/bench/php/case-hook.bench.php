<?php
/**
 * What the package's Cases before_save logic costs one save: SupportSla_CaseSave::apply on fake
 * beans (test/php/support/fake-bean.php), no SuiteCRM, no database. Two saves: a bridge PATCH
 * (its computed fields change, no staff field) and a staff edit (severity and cause change, so a
 * change-log entry is written). Prints one JSON line: microseconds per apply, for each.
 * Usage: php scripts/bench/php/case-hook.bench.php [iterations]
 * Not part of the package (only the bench runs it).
 */
$root = dirname(__DIR__, 3);
require_once $root . '/suitecrm-module/custom/include/SupportSla/SupportSla_CaseSave.php';
require_once $root . '/test/php/support/fake-bean.php';

$iterations = isset($argv[1]) ? max(1, (int)$argv[1]) : 20000;
$stored = [
    'status' => 'Open_Assigned',
    'date_entered' => '2026-11-02 09:00:00',
    'sla_reported_at_c' => '2026-11-02 09:00:00',
    'sla_severity_c' => '2',
    'sla_environment_c' => 'production',
    'sla_cause_c' => 'unknown',
    'sla_reportable_c' => 'no',
    'sla_downgrade_to_c' => '',
    'sla_downgrade_reason_c' => '',
    'sla_change_log_c' => '',
    'sla_effective_severity_c' => '',
    'sla_coverage_c' => '',
    'sla_response_status_c' => '',
    'sla_resolution_status_c' => '',
];
$bridge = [
    'sla_effective_severity_c' => '2',
    'sla_coverage_c' => 'covered',
    'sla_response_status_c' => 'met',
    'sla_resolution_status_c' => 'running',
    'sla_response_due_c' => '2026-11-02 13:00:00',
    'sla_resolution_due_c' => '2026-11-04 09:00:00',
    'sla_response_minutes_c' => '42',
    'sla_paused_minutes_c' => '0',
    'sla_hours_logged_c' => '1.50',
    'sla_policy_version_c' => 'v1',
    'sla_explanation_c' => 'Severity 2, covered by the professional plan.',
    'sla_severity_note_c' => '',
];
$staff = ['sla_severity_c' => '1', 'sla_cause_c' => 'product'];

function perApply(int $iterations, array $stored, array $after, string $actor, bool $logs): float
{
    $at = (new DateTimeImmutable('2026-11-24T10:00:00Z'))->getTimestamp();
    $beans = [];
    for ($i = 0; $i < $iterations; $i++) {
        $beans[] = new FakeBean($after + $stored, $stored);
    }
    $start = hrtime(true);
    foreach ($beans as $bean) {
        SupportSla_CaseSave::apply($bean, '1', $actor, $at);
    }
    $elapsed = hrtime(true) - $start;
    // What was timed is what was meant: the staff edit logs its change, the bridge PATCH does not.
    if (($bean->sla_change_log_c !== '') !== $logs) {
        throw new RuntimeException("unexpected change log after the $actor save: " . $bean->sla_change_log_c);
    }
    return $elapsed / 1e3 / $iterations;
}

perApply(1000, $stored, $bridge, 'api', false); // warm-up
print json_encode([
    'iterations' => $iterations,
    'bridgePatchUs' => perApply($iterations, $stored, $bridge, 'api', false),
    'staffEditUs' => perApply($iterations, $stored, $staff, 'person', true),
    'php' => PHP_VERSION,
]) . "\n";
