<?php
/**
 * Just enough of SuiteCRM 7.14.6's Basic (SugarBean) for the time-entry bean: the stock relate
 * fill's rule (data/SugarBean.php, fill_in_relationship_fields): a relate field that already has
 * a value is skipped; any other, with an id, costs a full load of the related record, recorded
 * here in $fullLoads.
 */
class Basic
{
    public $field_defs = [];
    public $fullLoads = [];

    public function fill_in_relationship_fields()
    {
        foreach ($this->field_defs as $field) {
            if (($field['type'] ?? '') !== 'relate' || empty($field['module'])) {
                continue;
            }
            $name = $field['name'];
            $idName = $field['id_name'];
            if (empty($this->$name) && !empty($this->$idName)) {
                $this->fullLoads[] = $field['module'] . ' ' . $this->$idName;
            }
        }
    }
}
