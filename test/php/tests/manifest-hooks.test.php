<?php
/**
 * The manifest's logic_hooks through install, upgrade and uninstall, modelled on how SuiteCRM
 * 7.14.6 (and 8.x's public/legacy, the same code) applies them:
 * - install and upgrade: ModuleInstaller::enable_manifest_logichooks() calls
 *   check_logic_hook_file() (include/utils.php) per hook, which adds the hook to
 *   custom/modules/<module>/logic_hooks.php unless that event already has a hook with the same
 *   description (check_existing_element(), include/utils/logic_utils.php). An upgrade
 *   (modules/Administration/UpgradeWizard_commit.php) installs the new manifest over the old
 *   one without uninstalling it first;
 * - uninstall: disable_manifest_logichooks() calls remove_logic_hook(), which removes the
 *   entries whose order, description, class and method all match.
 * The site's own hooks are the stock Accounts one SuiteCRM's installer registers
 * (install/suite_install/GoogleMaps.php, updateGeocodeInfo at 77).
 */

function manifestHooks(): array
{
    $installdefs = null;
    include REPO_ROOT . '/manifest.php';
    return $installdefs['logic_hooks'];
}

/** The hooks as the package registered them before the Accounts hook existed (version 1.0.0). */
function hooksBeforeAccounts(): array
{
    return [
        ['module' => 'Cases', 'hook' => 'before_save', 'order' => 90, 'description' => 'SLA support: change log, downgraded at, reported at',
            'file' => 'custom/include/SupportSla/SupportSla_CaseHook.php', 'class' => 'SupportSla_CaseHook', 'function' => 'beforeSave'],
        ['module' => 'SLA_TimeEntries', 'hook' => 'before_save', 'order' => 10, 'description' => 'SLA support: account from the case',
            'file' => 'custom/include/SupportSla/SupportSla_TimeEntryHook.php', 'class' => 'SupportSla_TimeEntryHook', 'function' => 'beforeSave'],
    ];
}

/** module => event => list of [order, description, file, class, function], as logic_hooks.php holds them. */
function stockSiteHooks(): array
{
    return ['Accounts' => ['before_save' => [
        [77, 'updateGeocodeInfo', 'modules/Accounts/AccountsJjwg_MapsLogicHook.php', 'AccountsJjwg_MapsLogicHook', 'updateGeocodeInfo'],
    ]]];
}

function installHooks(array $site, array $hooks): array
{
    foreach ($hooks as $hook) {
        $entry = [$hook['order'], $hook['description'], $hook['file'], $hook['class'], $hook['function']];
        $present = false;
        foreach ($site[$hook['module']][$hook['hook']] ?? [] as $existing) {
            $present = $present || $existing[1] == $entry[1];
        }
        if (!$present) {
            $site[$hook['module']][$hook['hook']][] = $entry;
        }
    }
    return $site;
}

function uninstallHooks(array $site, array $hooks): array
{
    foreach ($hooks as $hook) {
        $kept = [];
        foreach ($site[$hook['module']][$hook['hook']] ?? [] as $existing) {
            $matches = $existing[0] == $hook['order'] && $existing[1] == $hook['description']
                && $existing[3] == $hook['class'] && $existing[4] == $hook['function'];
            if (!$matches) {
                $kept[] = $existing;
            }
        }
        if (isset($site[$hook['module']][$hook['hook']])) {
            $site[$hook['module']][$hook['hook']] = $kept;
        }
    }
    return $site;
}

/** "module.event: class::function@order" for every registered hook, sorted. */
function hookList(array $site): array
{
    $list = [];
    foreach ($site as $module => $events) {
        foreach ($events as $event => $entries) {
            foreach ($entries as $entry) {
                $list[] = "$module.$event: {$entry[3]}::{$entry[4]}@{$entry[0]}";
            }
        }
    }
    sort($list);
    return $list;
}

const STOCK_ACCOUNT_HOOK = 'Accounts.before_save: AccountsJjwg_MapsLogicHook::updateGeocodeInfo@77';
const PACKAGE_HOOKS = [
    'Accounts.after_save: SupportSla_ChangeMarker::afterAccountSave@95',
    'Accounts.before_save: SupportSla_AccountHook::beforeSave@90',
    'Cases.after_save: SupportSla_ChangeMarker::afterCaseSave@95',
    'Cases.before_save: SupportSla_CaseHook::beforeSave@90',
    'SLA_TimeEntries.after_save: SupportSla_ChangeMarker::afterTimeEntrySave@95',
    'SLA_TimeEntries.before_save: SupportSla_TimeEntryHook::beforeSave@10',
];
/** The hooks added after the version without the Accounts hook: that hook and the change marker's. */
const HOOKS_ADDED_SINCE = [
    'Accounts.after_save: SupportSla_ChangeMarker::afterAccountSave@95',
    'Accounts.before_save: SupportSla_AccountHook::beforeSave@90',
    'Cases.after_save: SupportSla_ChangeMarker::afterCaseSave@95',
    'SLA_TimeEntries.after_save: SupportSla_ChangeMarker::afterTimeEntrySave@95',
];

function withStock(array $hooks): array
{
    $all = array_merge([STOCK_ACCOUNT_HOOK], $hooks);
    sort($all);
    return $all;
}

test('the manifest registers the Accounts, Cases and time entries hooks, each description unique in its event', function () {
    $hooks = manifestHooks();
    same(PACKAGE_HOOKS, hookList(installHooks([], $hooks)));
    $keys = [];
    foreach ($hooks as $hook) {
        $keys[] = $hook['module'] . '.' . $hook['hook'] . ': ' . $hook['description'];
    }
    same(count($keys), count(array_unique($keys)), 'SuiteCRM tells installed hooks apart by description');
    truthy(!in_array('Accounts.before_save: updateGeocodeInfo', $keys, true), 'no clash with the stock Accounts hook');
});

test('install beside the stock Accounts hook, then uninstall: the site is as it was', function () {
    $installed = installHooks(stockSiteHooks(), manifestHooks());
    same(withStock(PACKAGE_HOOKS), hookList($installed));
    same([STOCK_ACCOUNT_HOOK], hookList(uninstallHooks($installed, manifestHooks())));
});

test('upgrade over the version without the Accounts hook: each hook once, and uninstall removes them all', function () {
    $old = installHooks(stockSiteHooks(), hooksBeforeAccounts());
    same(withStock(array_values(array_diff(PACKAGE_HOOKS, HOOKS_ADDED_SINCE))), hookList($old));
    $upgraded = installHooks($old, manifestHooks());
    same(withStock(PACKAGE_HOOKS), hookList($upgraded), 'nothing added twice');
    same([STOCK_ACCOUNT_HOOK], hookList(uninstallHooks($upgraded, manifestHooks())));
});

test('the hooks installed before keep their order, description, class and method', function () {
    $current = [];
    foreach (manifestHooks() as $hook) {
        $current[] = [$hook['module'], $hook['hook'], $hook['order'], $hook['description'], $hook['class'], $hook['function']];
    }
    foreach (hooksBeforeAccounts() as $hook) {
        $old = [$hook['module'], $hook['hook'], $hook['order'], $hook['description'], $hook['class'], $hook['function']];
        truthy(in_array($old, $current, true), 'changed: ' . export($old));
    }
});
