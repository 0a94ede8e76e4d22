<?php
/** Its presence lets admins customise the Support time module's layouts and fields in Studio. */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}
