<?php
/**
 * Every example of the shared case-save table (schemas/case-save-examples.json, also run by the
 * V8 stand-in's model of the hook) through SupportSla_CaseSave on a fake bean: the bean's values,
 * fetched_row as stored (false on create), the example's actor, user and clock, saved `saves`
 * times; then each listed field must hold exactly the expected value (null for blank or unset).
 * Each example names the SuiteCRM source its save follows.
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_CaseSave.php';
require_once __DIR__ . '/../support/fake-bean.php';

$caseSaveTable = readJson('schemas/case-save-examples.json');

foreach ($caseSaveTable['examples'] as $example) {
    test('case save example: ' . $example['name'], function () use ($example) {
        truthy(is_string($example['source']) && $example['source'] !== '', 'the example names the SuiteCRM source it follows');
        $bean = new FakeBean($example['bean'], $example['stored'] === null ? false : $example['stored']);
        $timestamp = (new DateTimeImmutable($example['now']))->getTimestamp();
        $saves = $example['saves'] ?? 1;
        for ($save = 0; $save < $saves; $save++) {
            SupportSla_CaseSave::apply($bean, $example['userId'], $example['actor'], $timestamp);
        }
        foreach ($example['expect'] as $field => $expected) {
            same($expected, $bean->$field ?? null, $field);
        }
        same(0, $bean->saves, 'save() is never called');
    });
}

test('the case-save table covers each actor and both creates and updates', function () use ($caseSaveTable) {
    $actors = [];
    $creates = 0;
    foreach ($caseSaveTable['examples'] as $example) {
        $actors[$example['actor']] = true;
        $creates += $example['stored'] === null ? 1 : 0;
    }
    same(['api', 'person', 'workflow'], array_values(array_intersect(['api', 'person', 'workflow'], array_keys($actors))));
    truthy($creates >= 3, 'at least three creates');
    truthy(count($caseSaveTable['examples']) >= 20, 'at least twenty examples');
});

test('every field the table expects is a field the hook may touch or a tracked one', function () use ($caseSaveTable) {
    $known = array_merge(
        SupportSla_OwnedFields::ownedFields('Cases'),
        array_values(SupportSla_Contract::CHANGE_LOG_TRACKED),
        [SupportSla_CaseSave::REPORTED_AT, 'priority']
    );
    foreach ($caseSaveTable['examples'] as $example) {
        foreach (array_keys($example['expect']) as $field) {
            truthy(in_array($field, $known, true), "{$example['name']}: unknown field $field");
        }
    }
});
