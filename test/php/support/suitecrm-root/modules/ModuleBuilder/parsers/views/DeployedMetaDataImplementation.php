<?php
// Stand-in for SuiteCRM's DeployedMetaDataImplementation: layouts from PocketLayouts.
class DeployedMetaDataImplementation
{
    private $key;

    public function __construct($view, $moduleName)
    {
        $this->key = "$moduleName|$view";
        if (!array_key_exists($this->key, PocketLayouts::$layouts)) {
            throw new Exception("view definitions for View $view and Module $moduleName are missing");
        }
    }

    public function getViewdefs()
    {
        return PocketLayouts::$layouts[$this->key];
    }

    public function deploy($defs)
    {
        PocketLayouts::$deployed[] = $this->key;
        PocketLayouts::$layouts[$this->key] = $defs;
    }
}
