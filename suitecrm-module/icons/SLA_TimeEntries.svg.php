<?php /* SLA support: the Support time icon (module SLA_TimeEntries), installed as themes/default/images/SLA_TimeEntries.svg. ModuleScanner needs this tag; an SVG reader takes it as a processing instruction, an HTML parser as a comment. */ ?>
<svg xmlns="http://www.w3.org/2000/svg" width="30px" height="30px" viewBox="0 0 30 30">
    <title>Support time</title>
    <path fill-rule="evenodd" d="M4,16.5 A11,11 0 1 1 26,16.5 A11,11 0 1 1 4,16.5 Z M6,16.5 A9,9 0 1 0 24,16.5 A9,9 0 1 0 6,16.5 Z"/>
    <path d="M12.5,2 H17.5 V3.8 H16 V5.5 H14 V3.8 H12.5 Z"/>
    <path d="M14.2,9.5 H15.8 V17.3 H14.2 Z"/>
    <path d="M15.8,15.7 H20.5 V17.3 H15.8 Z"/>
</svg>
