<?php
/**
 * Prints $manifest and $installdefs of a manifest.php as JSON, the way Module Loader loads it
 * (included on its own). Usage: php test/php/dump-manifest.php <dir holding manifest.php>
 */
function loadManifest(string $path): array
{
    $manifest = null;
    $installdefs = null;
    include $path;
    return ['manifest' => $manifest, 'installdefs' => $installdefs];
}

print json_encode(loadManifest($argv[1] . '/manifest.php'), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR) . "\n";
