<?php
/**
 * Run by Module Loader before it uninstalls the package: takes out what post_install added and
 * what SuiteCRM's own uninstall leaves behind. See SupportSla_Installer.
 */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

function pre_uninstall()
{
    require_once 'custom/include/SupportSla/SupportSla_Installer.php';
    $lines = SupportSla_Installer::forSuiteCrm()->uninstall();
    print '<br><b>SLA support</b><br>';
    foreach ($lines as $line) {
        print htmlspecialchars($line, ENT_QUOTES, 'UTF-8') . '<br>';
    }
}
