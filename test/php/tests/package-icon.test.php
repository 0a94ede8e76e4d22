<?php
/**
 * The Support time icon. SuiteCRM 8 looks a module's image up by the module's legacy name
 * (SuiteCRM-Core core/backend/ViewDefinitions/LegacyHandler/SubPanelDefinitionHandler.php:
 * `'icon' => $tab['module']`) among the files of config/services/themes/image_paths.yaml, the
 * first being legacy/themes/default/images, and only as svg, png, jpg, jpeg or gif
 * (image_supported_types.yaml; core/backend/Themes/Service/ThemeImageService.php keys each by its
 * file name without extension and sends an svg's text to the browser, where angular-svg-icon's
 * addSvg parses it with innerHTML). ModuleScanner (public/legacy/ModuleInstall/ModuleScanner.php)
 * rejects a package file whose extension is not in validExt (no svg) or that has no `<?`
 * (isPHPFile), so the icon ships as a .php file and the manifest's copy entry names it .svg.
 */

const ICON_SOURCE = 'icons/SLA_TimeEntries.svg.php';

function iconTokens(): array
{
    $tokens = token_get_all(file_get_contents(PACKAGE_ROOT . '/' . ICON_SOURCE));
    return array_map(fn ($token) => is_array($token) ? [token_name($token[0]), $token[1]] : ['char', $token], $tokens);
}

test('the manifest installs the icon under the module name, in a folder stock on 7.14 and 8.x', function () {
    $installdefs = [];
    $manifest = [];
    require REPO_ROOT . '/manifest.php';
    $entries = array_values(array_filter($installdefs['copy'], fn ($cp) => $cp['from'] === '<basepath>/' . ICON_SOURCE));
    same([['from' => '<basepath>/' . ICON_SOURCE, 'to' => 'themes/default/images/SLA_TimeEntries.svg']], $entries);
});

test('the icon runs no PHP: one comment between the tags, then the SVG as inline text', function () {
    $tokens = iconTokens();
    same(['T_OPEN_TAG', 'T_COMMENT', 'T_WHITESPACE', 'T_CLOSE_TAG', 'T_INLINE_HTML'], array_column($tokens, 0));
    // An HTML parser reads `<?...` as a comment that ends at the first `>`: none may come early.
    same(false, strpos($tokens[1][1], '>'));
});

test('the inline text is one self-contained SVG document', function () {
    $svg = iconTokens()[4][1];
    truthy(str_starts_with($svg, '<svg xmlns="http://www.w3.org/2000/svg" '), 'an SVG root in the SVG namespace');
    truthy(str_ends_with($svg, "</svg>\n"), 'nothing after the root');
    truthy(preg_match('/ viewBox="0 0 30 30"/', $svg) === 1, 'the 30 x 30 box of the suite8 module icons');
    same(0, preg_match('/<script|\son[a-z]+=|href=|url\(|<\?/i', $svg), 'no script, handler, link or second tag');
    same(1, substr_count($svg, '<svg'));
});
