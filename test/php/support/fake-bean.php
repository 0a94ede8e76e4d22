<?php
/** A bean as a before_save hook sees one: fields as properties, fetched_row, and a save() that must never be called. */
#[\AllowDynamicProperties]
class FakeBean
{
    public $id = 'case-1';
    public $fetched_row = false;
    public $saves = 0;

    public function __construct(array $fields = [], $fetchedRow = false)
    {
        foreach ($fields as $name => $value) {
            $this->$name = $value;
        }
        $this->fetched_row = $fetchedRow;
    }

    public function save()
    {
        $this->saves++;
        throw new LogicException('save() called inside before_save');
    }
}
