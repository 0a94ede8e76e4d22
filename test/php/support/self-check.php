<?php
/** Tests of the test runner itself (test/php/run-tests.php): each but the last must fail. */
test('fails on a wrong value', function () {
    same(1, 2);
});
test('fails when it asserts nothing', function () {
});
test('fails on a PHP warning', function () {
    $array = [];
    same(null, $array['missing']);
});
test('passes', function () {
    same('a', 'a');
});
