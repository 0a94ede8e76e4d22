<?php
/**
 * Run by Module Loader after it installed the package (custom fields included), on a first
 * install, a reinstall and an upgrade. See SupportSla_Installer for what it does.
 */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

function post_install()
{
    require_once 'custom/include/SupportSla/SupportSla_Installer.php';
    // Module Loader's form says which version this one replaces when it is an upgrade.
    $upgrade = !empty($_REQUEST['previous_version']);
    $lines = SupportSla_Installer::forSuiteCrm()->install($upgrade);
    print '<br><b>SLA support</b><br>';
    foreach ($lines as $line) {
        print htmlspecialchars($line, ENT_QUOTES, 'UTF-8') . '<br>';
    }
}
