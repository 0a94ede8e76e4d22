<?php
/**
 * What Module Loader's uninstall leaves of the package's `copy` entries. Modelled on
 * ModuleInstaller::uninstall_copy in SuiteCRM 7.14.6 ModuleInstall/ModuleInstaller.php (the same
 * in SuiteCRM-Core public/legacy/ModuleInstall/ModuleInstaller.php): per entry,
 * uninstall_new_files deletes every file under the entry's `from` (none when `from` is a file)
 * from `to`, then deletes `to` itself when no file is left under it; then copy_path restores the
 * backup, creating dirname(to) first, and copy_recursive_with_backup, finding no backup, unlinks
 * `to` when it is a file.
 */

function treeFiles(string $dir, string $base): array
{
    if (!is_dir($dir)) {
        return [];
    }
    $files = [];
    foreach (scandir($dir) as $entry) {
        if ($entry[0] === '.') {
            continue;
        }
        $path = "$dir/$entry";
        if (is_dir($path)) {
            $files = array_merge($files, treeFiles($path, $base));
        } else {
            $files[] = substr($path, strlen($base));
        }
    }
    return $files;
}

function removeTree(string $path): void
{
    if (is_dir($path)) {
        foreach (scandir($path) as $entry) {
            if ($entry !== '.' && $entry !== '..') {
                removeTree("$path/$entry");
            }
        }
        rmdir($path);
    } elseif (file_exists($path)) {
        unlink($path);
    }
}

function folders(string $root): array
{
    $out = [];
    $walk = function (string $dir) use (&$walk, &$out, $root) {
        foreach (scandir($dir) as $entry) {
            if ($entry !== '.' && $entry !== '..' && is_dir("$dir/$entry")) {
                $out[] = substr("$dir/$entry", strlen($root) + 1);
                $walk("$dir/$entry");
            }
        }
    };
    $walk($root);
    sort($out);
    return $out;
}

/** A site with custom/include and modules, the package's copy entries installed into it. */
function siteWithCopies(array $copies): string
{
    $root = sys_get_temp_dir() . '/sla-uninstall-' . getmypid() . '-' . mt_rand();
    mkdir("$root/custom/include", 0777, true);
    mkdir("$root/custom/modules", 0777, true); // stock: custom/modules/unified_search_modules_display.php
    mkdir("$root/modules/Cases", 0777, true);
    // Stock on 7.14.6 and on 8.x (public/legacy/themes/default/images): the module images.
    mkdir("$root/themes/default/images", 0777, true);
    touch("$root/themes/default/images/Cases.gif");
    foreach ($copies as $cp) {
        $from = str_replace('<basepath>', PACKAGE_ROOT, $cp['from']);
        $files = is_dir($from) ? treeFiles($from, $from) : [''];
        foreach ($files as $relative) {
            $target = "$root/{$cp['to']}$relative";
            if (!is_dir(dirname($target))) {
                mkdir(dirname($target), 0777, true);
            }
            copy($from . $relative, $target);
        }
    }
    return $root;
}

function uninstallCopies(string $root, array $copies): void
{
    foreach ($copies as $cp) {
        $from = str_replace('<basepath>', PACKAGE_ROOT, $cp['from']);
        $to = "$root/{$cp['to']}";
        foreach (is_dir($from) ? treeFiles($from, $from) : [] as $relative) {
            if (file_exists($to . $relative)) {
                unlink($to . $relative);
            }
        }
        if (file_exists($to) && count(is_file($to) ? [$to] : treeFiles($to, $to)) === 0) {
            removeTree($to);
        }
        if (!is_dir(dirname($to))) {
            mkdir(dirname($to), 0777, true);
        }
        if (is_file($to)) {
            unlink($to);
        }
    }
}

function manifestCopies(): array
{
    $installdefs = [];
    $manifest = [];
    require REPO_ROOT . '/manifest.php';
    return $installdefs['copy'];
}

test('uninstall leaves no folder of the package behind', function () {
    $copies = manifestCopies();
    $root = siteWithCopies($copies);
    try {
        truthy(is_file("$root/modules/SLA_TimeEntries/metadata/subpanels/default.php"), 'installed');
        truthy(is_file("$root/custom/include/SupportSla/SupportSla_CaseHook.php"), 'installed');
        truthy(is_file("$root/themes/default/images/SLA_TimeEntries.svg"), 'icon installed');
        uninstallCopies($root, $copies);
        same(['custom', 'custom/include', 'custom/modules', 'modules', 'modules/Cases', 'themes', 'themes/default', 'themes/default/images'], folders($root));
        same(['Cases.gif'], array_values(array_diff(scandir("$root/themes/default/images"), ['.', '..'])), 'only the icon goes');
    } finally {
        removeTree($root);
    }
});

test('a file someone else put in a package folder keeps that folder', function () {
    $copies = manifestCopies();
    $root = siteWithCopies($copies);
    try {
        file_put_contents("$root/custom/include/SupportSla/notes.txt", 'mine');
        uninstallCopies($root, $copies);
        same(['notes.txt'], scandir("$root/custom/include/SupportSla") === false ? [] : array_values(array_diff(scandir("$root/custom/include/SupportSla"), ['.', '..'])));
        truthy(!is_dir("$root/modules/SLA_TimeEntries"), 'the module folder still goes');
    } finally {
        removeTree($root);
    }
});

test('the model reproduces what one copy entry per file left on SuiteCRM 8.8.0', function () {
    $perFile = [];
    foreach (manifestCopies() as $cp) {
        $from = str_replace('<basepath>', PACKAGE_ROOT, $cp['from']);
        foreach (is_dir($from) ? treeFiles($from, $from) : [''] as $relative) {
            $perFile[] = ['from' => $cp['from'] . $relative, 'to' => $cp['to'] . $relative];
        }
    }
    $root = siteWithCopies($perFile);
    try {
        uninstallCopies($root, $perFile);
        same([], treeFiles("$root/modules/SLA_TimeEntries", "$root/modules/SLA_TimeEntries"), 'every file gone');
        foreach (['custom/include/SupportSla', 'modules/SLA_TimeEntries/language', 'modules/SLA_TimeEntries/metadata/subpanels'] as $left) {
            truthy(in_array($left, folders($root), true), "$left left behind, empty");
        }
    } finally {
        removeTree($root);
    }
});

test('nothing goes into SuiteCRM 8.x\'s core extensions/ folder', function () {
    // SuiteCRM-Core's ModuleInstaller copies installdefs['copy_core_extensions'] into extensions/
    // (Angular and Symfony extensions); the package has none, so 8.x's uninstall has none to remove.
    $installdefs = [];
    $manifest = [];
    require REPO_ROOT . '/manifest.php';
    same(false, array_key_exists('copy_core_extensions', $installdefs));
    foreach ($installdefs['copy'] as $cp) {
        truthy(preg_match('#^(custom/include/SupportSla|custom/include/SugarFields|custom/modules/Home|modules/SLA_TimeEntries|modules/SLA_ChangeMarkers|themes/default/images/SLA_TimeEntries\.svg)$#', $cp['to']) === 1, $cp['to'] . ' is a package folder or the icon');
    }
});
