<?php
/**
 * Prints the package's ready-made records (SupportSla_ReadyMade) as JSON, with every
 * base64(serialize()) value decoded, for the tests to check against the field catalogue.
 * Usage: php test/php/dump-ready-made.php <language>
 */
define('sugarEntry', true);
require_once dirname(__DIR__, 2) . '/suitecrm-module/custom/include/SupportSla/SupportSla_ReadyMade.php';

function decodeValues(array $values): array
{
    foreach (['module_path', 'parameters'] as $key) {
        if (isset($values[$key])) {
            $values[$key] = unserialize(base64_decode($values[$key], true), ['allowed_classes' => false]);
        }
    }
    if (($values['value_type'] ?? '') === 'Date') {
        $values['value'] = unserialize(base64_decode($values['value'], true), ['allowed_classes' => false]);
    }
    return $values;
}

$records = SupportSla_ReadyMade::records($argv[1] ?? 'en_us', 'owner-1');
foreach ($records as &$record) {
    $record['values'] = decodeValues($record['values']);
    foreach ($record['children'] as &$group) {
        foreach ($group['records'] as &$child) {
            $child['values'] = decodeValues($child['values']);
        }
    }
}
print json_encode($records, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR) . "\n";
