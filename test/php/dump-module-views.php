<?php
/**
 * Loads the time-entry module's metadata files as SuiteCRM would and prints, per file, the field
 * names it uses, as JSON (the tests check each one exists in the module's vardefs).
 * Usage: php test/php/dump-module-views.php
 */
define('sugarEntry', true);
$dir = dirname(__DIR__, 2) . '/suitecrm-module/modules/SLA_TimeEntries/metadata';

function namesInGrid(array $view): array
{
    $names = [];
    foreach ($view['panels'] as $rows) {
        foreach ($rows as $row) {
            foreach ((array)$row as $cell) {
                $name = is_array($cell) ? ($cell['name'] ?? '') : $cell;
                if ($name !== '') {
                    $names[] = $name;
                }
            }
        }
    }
    return $names;
}

function namesInSearch(array $entries): array
{
    $names = [];
    foreach ($entries as $key => $entry) {
        $names[] = is_array($entry) ? ($entry['name'] ?? $key) : $entry;
    }
    return $names;
}

$out = [];
foreach (['detailviewdefs' => 'DetailView', 'editviewdefs' => 'EditView', 'quickcreatedefs' => 'QuickCreate'] as $file => $view) {
    $viewdefs = [];
    require "$dir/$file.php";
    $out[$file] = ['names' => namesInGrid($viewdefs['SLA_TimeEntries'][$view]), 'tabDefs' => array_keys($viewdefs['SLA_TimeEntries'][$view]['templateMeta']['tabDefs']), 'panels' => array_keys($viewdefs['SLA_TimeEntries'][$view]['panels'])];
}
$listViewDefs = [];
require "$dir/listviewdefs.php";
$out['listviewdefs'] = ['names' => array_map('strtolower', array_keys($listViewDefs['SLA_TimeEntries']))];
$searchdefs = [];
require "$dir/searchdefs.php";
$out['searchdefs'] = ['names' => array_merge(namesInSearch($searchdefs['SLA_TimeEntries']['layout']['basic_search']), namesInSearch($searchdefs['SLA_TimeEntries']['layout']['advanced_search']))];
$searchFields = [];
require "$dir/SearchFields.php";
$out['SearchFields'] = ['names' => array_keys($searchFields['SLA_TimeEntries'])];
$subpanel_layout = [];
require "$dir/subpanels/default.php";
$out['subpanels/default'] = ['names' => array_keys($subpanel_layout['list_fields'])];
$popupMeta = [];
require "$dir/popupdefs.php";
$out['popupdefs'] = ['names' => array_map('strtolower', array_keys($popupMeta['listviewdefs']))];
$module_menu = [];
$mod_strings = ['LNK_NEW_RECORD' => 'new', 'LNK_LIST' => 'list', 'LNK_IMPORT_SLA_TIMEENTRIES' => 'import'];
$app_strings = [];
class ACLController
{
    public static function checkAccess($module, $action, $isOwner)
    {
        return true;
    }
}
require dirname($dir) . '/Menu.php';
$out['Menu'] = ['names' => array_map(static fn ($item) => $item[0], $module_menu)];
print json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n";
