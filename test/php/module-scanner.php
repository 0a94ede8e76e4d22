<?php
/**
 * The project's own check for what SuiteCRM 7.14's ModuleScanner (ModuleInstall/ModuleScanner.php)
 * rejects when an admin turns package scanning on. Written from its rules, token by token as the
 * scanner works:
 * - a file without "<?" (only PHP files may ship), a file extension outside the allowed list;
 * - backticks, eval, echo, exit/die;
 * - a variable directly followed by "(" or "]" (dynamic calls, $a[$k], ['x' => $v]);
 * - a listed function name, as a bare word or a quoted string, directly followed by "(" or "]"
 *   (file('x'), $h['file']); a listed class after "new"; listed methods (setlevel, ...).
 * White space between the tokens does not matter; a comment does (as in the scanner).
 *
 * Usage: php test/php/module-scanner.php <file>...   Prints {"<file>": ["issue", ...]} as JSON,
 * listing every file (an empty list when clean); exits 1 when any file has an issue.
 */

const VALID_EXTENSIONS = ['png', 'gif', 'jpg', 'css', 'js', 'php', 'txt', 'html', 'htm', 'tpl', 'pdf', 'md5', 'xml', 'hbs'];

// Function names SuiteCRM 7.14.6 lists (file system, process, callbacks, output buffering...).
const LISTED_FUNCTIONS = [
    'popen', 'proc_open', 'escapeshellarg', 'escapeshellcmd', 'proc_close', 'proc_get_status', 'proc_nice',
    'passthru', 'clearstatcache', 'disk_free_space', 'disk_total_space', 'diskfreespace', 'dir', 'fclose',
    'feof', 'fflush', 'fgetc', 'fgetcsv', 'fgets', 'fgetss', 'file_exists', 'file_get_contents', 'filesize',
    'filetype', 'flock', 'fnmatch', 'fpassthru', 'fputcsv', 'fputs', 'fread', 'fscanf', 'fseek', 'fstat',
    'ftell', 'ftruncate', 'fwrite', 'glob', 'is_dir', 'is_file', 'is_link', 'is_readable', 'is_uploaded_file',
    'opendir', 'parse_ini_string', 'pathinfo', 'pclose', 'readfile', 'readlink', 'realpath_cache_get',
    'realpath_cache_size', 'realpath', 'rewind', 'readdir', 'set_file_buffer', 'tmpfile', 'umask', 'ini_set',
    'set_time_limit', 'eval', 'exec', 'system', 'shell_exec', 'chgrp', 'chmod', 'chwown', 'file_put_contents',
    'file', 'fileatime', 'filectime', 'filegroup', 'fileinode', 'filemtime', 'fileowner', 'fileperms', 'fopen',
    'is_executable', 'is_writable', 'is_writeable', 'lchgrp', 'lchown', 'linkinfo', 'lstat', 'mkdir',
    'mkdir_recursive', 'parse_ini_file', 'rmdir', 'rmdir_recursive', 'stat', 'tempnam', 'touch', 'unlink',
    'getimagesize', 'call_user_func', 'call_user_func_array', 'create_function', 'phpinfo', 'copy',
    'copy_recursive', 'link', 'rename', 'symlink', 'move_uploaded_file', 'chdir', 'chroot',
    'create_cache_directory', 'mk_temp_dir', 'write_array_to_file', 'write_encoded_file',
    'create_custom_directory', 'sugar_rename', 'sugar_chown', 'sugar_fopen', 'sugar_mkdir',
    'sugar_file_put_contents', 'sugar_file_put_contents_atomic', 'sugar_chgrp', 'sugar_chmod', 'sugar_touch',
    'consume', 'array_diff_uassoc', 'array_diff_ukey', 'array_filter', 'array_intersect_uassoc',
    'array_intersect_ukey', 'array_map', 'array_reduce', 'array_udiff_assoc', 'array_udiff_uassoc',
    'array_udiff', 'array_uintersect_assoc', 'array_uintersect_uassoc', 'array_uintersect',
    'array_walk_recursive', 'array_walk', 'uasort', 'uksort', 'usort', 'eio_busy', 'eio_chmod', 'eio_chown',
    'eio_close', 'eio_custom', 'eio_dup2', 'eio_fallocate', 'eio_fchmod', 'eio_fchown', 'eio_fdatasync',
    'eio_fstat', 'eio_fstatvfs', 'eio_fsync', 'eio_ftruncate', 'eio_futime', 'eio_grp', 'eio_link',
    'eio_lstat', 'eio_mkdir', 'eio_mknod', 'eio_nop', 'eio_open', 'eio_read', 'eio_readahead', 'eio_readdir',
    'eio_readlink', 'eio_realpath', 'eio_rename', 'eio_rmdir', 'eio_sendfile', 'eio_stat', 'eio_statvfs',
    'eio_symlink', 'eio_sync_file_range', 'eio_sync', 'eio_syncfs', 'eio_truncate', 'eio_unlink', 'eio_utime',
    'eio_write', 'set_error_handler', 'set_exception_handler', 'fdf_enum_values', 'forward_static_call_array',
    'forward_static_call', 'register_shutdown_function', 'register_tick_function', 'setclientcallback',
    'setcompletecallback', 'setdatacallback', 'setexceptioncallback', 'setfailcallback', 'setstatuscallback',
    'setwarningcallback', 'setworkloadcallback', 'addfunction', 'ibase_set_event_handler',
    'ldap_set_rebind_proc', 'libxml_set_external_entity_loader', 'mailparse_msg_extract_part_file',
    'mailparse_msg_extract_part', 'mailparse_msg_extract_whole_part_file', 'addserver', 'setserverparams',
    'get', 'getbykey', 'getdelayed', 'getdelayedbykey', 'set_local_infile_handler', 'header_register_callback',
    'newt_entry_set_filter', 'newt_set_suspend_callback', 'consumerhandler', 'timestampnoncehandler',
    'tokenhandler', 'ob_start', 'pcntl_signal', 'preg_replace_callback', 'sqlitecreateaggregate',
    'sqlitecreatefunction', 'sqlite_create_aggregate', 'sqlite_create_function', 'open',
    'readline_callback_handler_install', 'readline_completion_function', 'session_set_save_handler',
    'construct', 'iterator_apply', 'spl_autoload_register', 'sybase_set_message_handler', 'is_callable',
    'xml_set_character_data_handler', 'xml_set_default_handler', 'xml_set_element_handler',
    'xml_set_end_namespace_decl_handler', 'xml_set_external_entity_ref_handler',
    'xml_set_notation_decl_handler', 'xml_set_processing_instruction_handler',
    'xml_set_start_namespace_decl_handler', 'xml_set_unparsed_entity_decl_handler', 'simplexml_load_file',
    'simplexml_load_string', 'unzip', 'unzip_file',
];

const LISTED_CLASSES = [
    'reflection', 'reflectionclass', 'reflectionzendextension', 'reflectionextension', 'reflectionfunction',
    'reflectionfunctionabstract', 'reflectionmethod', 'reflectionobject', 'reflectionparameter',
    'reflectionproperty', 'reflector', 'reflectionexception', 'lua', 'ziparchive', 'splfileinfo',
    'splfileobject', 'pclzip',
];

const LISTED_METHODS = ['setlevel'];

/** @return string[] the issues of one file */
function scanFile(string $path): array
{
    $extension = strtolower(pathinfo($path, PATHINFO_EXTENSION));
    if (!in_array($extension, VALID_EXTENSIONS, true)) {
        return ["invalid file extension .$extension"];
    }
    $source = file_get_contents($path);
    if (stripos($source, '<?') === false) {
        return ['not a PHP file (no <?)'];
    }
    $issues = [];
    $pending = null; // the issue raised if the next token is ( or ]
    $previous = null; // the last significant token
    foreach (token_get_all($source) as $token) {
        if (is_string($token)) {
            if ($token === '`') {
                $issues[] = 'backtick';
            }
            if (($token === '(' || $token === ']') && $pending !== null) {
                $issues[] = $pending;
            }
            $pending = null;
            $previous = $token;
            continue;
        }
        [$id, $text, $line] = $token;
        if ($id === T_WHITESPACE) {
            continue;
        }
        $where = "line $line";
        switch ($id) {
            case T_EVAL:
                $issues[] = "eval ($where)";
                $pending = null;
                break;
            case T_ECHO:
                $issues[] = "echo ($where)";
                $pending = null;
                break;
            case T_EXIT:
                $issues[] = "exit/die ($where)";
                $pending = null;
                break;
            case T_VARIABLE:
                $pending = "variable $text followed by ( or ] ($where)";
                break;
            case T_STRING:
            case T_CONSTANT_ENCAPSED_STRING:
                $word = strtolower(trim($text, '\'"'));
                $pending = null;
                if (is_array($previous) && $previous[0] === T_NEW) {
                    if (in_array($word, LISTED_CLASSES, true)) {
                        $pending = "class $word ($where)";
                    }
                } elseif (is_array($previous) && ($previous[0] === T_OBJECT_OPERATOR || $previous[0] === T_DOUBLE_COLON)) {
                    if (in_array($word, LISTED_METHODS, true)) {
                        $issues[] = "method $word() ($where)";
                    }
                } elseif (in_array($word, LISTED_FUNCTIONS, true)) {
                    $pending = "listed function $word followed by ( or ] ($where)";
                }
                break;
            default:
                $pending = null;
        }
        $previous = $token;
    }
    return $issues;
}

$report = [];
$dirty = 0;
foreach (array_slice($argv, 1) as $path) {
    $issues = scanFile($path);
    $report[$path] = $issues;
    if ($issues !== []) {
        $dirty++;
    }
}
print json_encode($report, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n";
exit($dirty === 0 ? 0 : 1);
