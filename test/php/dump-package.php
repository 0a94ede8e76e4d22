<?php
/**
 * Loads the package's generated PHP the way SuiteCRM would and prints what it defines as JSON,
 * so the tests can check it against the field catalogue:
 * - manifest: $manifest and $installdefs of manifest.php, and which SuiteCRM versions its
 *   patterns accept (matched with preg_match("/$pattern/"), as PackageManager does);
 * - language: $mod_strings / $app_list_strings / $app_strings of every language file, by path;
 * - vardefs: $dictionary after each vardefs file (VardefManager stubbed), by path;
 * - contract: the constants of SupportSla_Contract.
 * Usage: php test/php/dump-package.php
 */
$root = dirname(__DIR__, 2);

/** Stands in for SuiteCRM's VardefManager: records which templates a module asked for. */
class VardefManager
{
    public static $calls = [];

    public static function createVardef($module, $object, $templates)
    {
        self::$calls[] = ['module' => $module, 'object' => $object, 'templates' => $templates];
    }
}

function loadManifest(string $path): array
{
    $manifest = null;
    $installdefs = null;
    include $path;
    return ['manifest' => $manifest, 'installdefs' => $installdefs];
}

function loadStrings(string $path): array
{
    $mod_strings = [];
    $app_list_strings = [];
    $app_strings = [];
    include $path;
    // json_encode turns ['' => .., '1' => ..] into an object but renumbers a list: keep keys explicit.
    $pairs = [];
    foreach ($app_list_strings as $list => $options) {
        $pairs[$list] = is_array($options) ? array_map(null, array_map('strval', array_keys($options)), array_values($options)) : $options;
    }
    return ['mod_strings' => $mod_strings, 'app_list_strings' => $pairs, 'app_strings' => (object) $app_strings];
}

function loadDictionary(string $path): array
{
    $dictionary = [];
    include $path;
    return $dictionary;
}

$manifest = loadManifest($root . '/manifest.php');
$versions = [];
foreach (['acceptable_sugar_versions', 'acceptable_suitecrm_versions'] as $key) {
    foreach (['6.5.25', '6.5.2', '7.14.6', '7.14.0', '7.13.4', '8.7.1', '8.0.0', '9.0.0', '17.14.6'] as $version) {
        $ok = false;
        foreach ($manifest['manifest'][$key]['regex_matches'] as $pattern) {
            if (preg_match("/$pattern/", $version)) {
                $ok = true;
            }
        }
        $versions[$key][$version] = $ok;
    }
}

$language = [];
$vardefs = [];
$iterator = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root . '/suitecrm-module', FilesystemIterator::SKIP_DOTS));
foreach ($iterator as $file) {
    $path = substr($file->getPathname(), strlen($root) + 1);
    if (preg_match('#/Ext/Language/|/language/#', $path)) {
        $language[$path] = loadStrings($file->getPathname());
    } elseif (preg_match('#/Ext/Vardefs/|/vardefs\.php$|/metadata/#', $path)) {
        $vardefs[$path] = loadDictionary($file->getPathname());
    }
}
ksort($language);
ksort($vardefs);

require_once $root . '/suitecrm-module/custom/include/SupportSla/SupportSla_Contract.php';
$contract = (new ReflectionClass('SupportSla_Contract'))->getConstants();

print json_encode(
    [
        'manifest' => $manifest,
        'versions' => $versions,
        'language' => $language,
        'vardefs' => $vardefs,
        'createVardef' => VardefManager::$calls,
        'contract' => $contract,
    ],
    JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR
) . "\n";
