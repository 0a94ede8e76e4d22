<?php
// Stand-in for SuiteCRM's file of ModuleBuilder constants (the adapters pass view names as strings).
