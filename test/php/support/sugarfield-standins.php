<?php
/**
 * Stand-ins for SuiteCRM 7's stock SugarField classes that the package's field types extend
 * (include/SugarFields/Fields/Datetimecombo/SugarFieldDatetimecombo.php and
 * include/SugarFields/Fields/Enum/SugarFieldEnum.php): each stock rendering returns a marker
 * naming the field, so a test sees what the package adds around it.
 */

class SugarFieldDatetimecombo
{
    public $type;
    public $calls = [];

    public function __construct($type = 'Datetimecombo')
    {
        $this->type = $type;
    }

    public function getEditViewSmarty($parentFieldArray, $vardef, $displayParams, $tabindex)
    {
        $this->calls[] = [$parentFieldArray, $vardef['name'], $displayParams, $tabindex];
        return '<stock widget for ' . $vardef['name'] . '>';
    }

    public function getDetailViewSmarty($parentFieldArray, $vardef, $displayParams, $tabindex)
    {
        return '<stock detail {$fields.' . $vardef['name'] . '.value}>';
    }

    public function getListViewSmarty($parentFieldArray, $vardef, $displayParams, $col)
    {
        return '<stock list ' . ($parentFieldArray[strtoupper($vardef['name'])] ?? '') . '>';
    }
}

class SugarFieldEnum
{
    public $type;

    public function __construct($type = 'Enum')
    {
        $this->type = $type;
    }
}
