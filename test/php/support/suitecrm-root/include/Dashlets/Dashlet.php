<?php
/**
 * Stand-in for SuiteCRM 7.14's include/Dashlets/Dashlet.php, as much as a dashlet class uses:
 * the id, the flags, display() and displayOptions() returning the parent's part (a marker here),
 * and loadLanguage(), which reads <Dashlet>.<language>.lang.php from the dashlet's folder under
 * custom/modules/Home/Dashlets/ (English when the language has none).
 */
#[\AllowDynamicProperties]
class Dashlet
{
    public $id;
    public $title = '';
    public $isConfigurable = false;
    public $isRefreshable = true;
    public $dashletStrings = [];

    public function __construct($id)
    {
        $this->id = $id;
    }

    public function display()
    {
        return '<dashlet header>';
    }

    public function displayOptions()
    {
        return '<options header>';
    }

    public function loadLanguage($dashletClassname, $dashletDirectory = 'modules/Home/Dashlets/')
    {
        $dashletStrings = [];
        $language = $GLOBALS['current_language'] ?? 'en_us';
        $base = PACKAGE_ROOT . '/custom/' . $dashletDirectory . $dashletClassname . '/' . $dashletClassname;
        require is_file("$base.$language.lang.php") ? "$base.$language.lang.php" : "$base.en_us.lang.php";
        $this->dashletStrings = $dashletStrings[$dashletClassname];
    }
}
