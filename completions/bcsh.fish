# fish completion for bcsh. Installed as share/fish/vendor_completions.d/bcsh.fish. The command line it covers:
#
#   bcsh [OPTIONS] [FILE.bcsh [NAME=VALUE ...]]
#   bcsh sandbox serve [--port N] [--host ADDR] [--config FILE] [--latency MS] [--quota N]
#                      [--tls-cert FILE] [--tls-key FILE]

# Where the words before the cursor put us: main (no script yet), script (a script was given, so only
# NAME=VALUE words follow), sandbox (after `sandbox`), serve (after `sandbox serve`), value (an option's value
# that starts with `-`), done.
function __bcsh_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l state main
    set -l skip 0
    for token in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $state
            case main
                switch $token
                    case -- --
                        set state script-next
                    case '--*=*'
                    case -c --command -s --session -v --var --color
                        set skip 1
                    case '-*'
                    case sandbox
                        set state sandbox
                    case '*'
                        set state script
                end
            case script-next
                set state script
            case sandbox
                switch $token
                    case serve
                        set state serve
                    case '-*'
                    case '*'
                        set state done
                end
            case serve
                switch $token
                    case --port --host --config --latency --quota --tls-cert --tls-key
                        set skip 1
                end
        end
    end
    # A word that starts with `-` right after an option that takes a value is that value: offer no options.
    if test $skip -eq 1; and string match -q -- '-*' (commandline -ct)
        set state value
    end
    echo $state
end

function __bcsh_in -a wanted
    test (__bcsh_state) = $wanted
end

# The files ending in SUFFIX and the folders (to descend into) that complete the current token; unlike
# __fish_complete_suffix, no other files.
function __bcsh_complete_suffix -a suffix description
    set -l candidates (complete -C "__fish_command_without_completions "(commandline -ct) | string replace -r '\t.*' '')
    string match -r -- '^.*/$' $candidates | string replace -r '$' \tFolder
    string match -r -- '^.*'(string escape --style=regex -- $suffix)'$' $candidates | string replace -r '$' \t$description
end

# No file names unless an argument asks for them.
complete -c bcsh -f

# bcsh [OPTIONS]
set -l main '__bcsh_in main'
complete -c bcsh -n $main -s c -l command -x -d 'Run commands and exit'
complete -c bcsh -n $main -s s -l session -x -a '(__bcsh_complete_suffix .json "Session file")' -d 'Open a session file first'
complete -c bcsh -n $main -s v -l var -x -d 'Set a variable NAME=VALUE (repeatable)'
complete -c bcsh -n $main -l keep-going -d 'A script goes on after a failed command'
complete -c bcsh -n $main -l dry-run -d 'Parse and check everything; write no file, send nothing'
complete -c bcsh -n $main -s x -l trace -d 'Print each command before it runs'
complete -c bcsh -n $main -l json -d 'Machine output'
complete -c bcsh -n $main -l no-rc -d 'Do not run the start-up script'
complete -c bcsh -n $main -l no-history -d 'Do not read or write the history file'
complete -c bcsh -n $main -l color -x -a 'auto\t"Only on a terminal" always\t"Even when not a terminal" never\t"Never"' -d 'When to use colour'
complete -c bcsh -n $main -l sandbox -d 'Start the built-in sandbox API and point the session at it'
complete -c bcsh -n $main -l version -d 'Print the version'
complete -c bcsh -n $main -s h -l help -d 'Show help'

# bcsh FILE.bcsh, or bcsh sandbox
complete -c bcsh -n $main -a sandbox -d 'Run the built-in sandbox API'
complete -c bcsh -n "$main; or __bcsh_in script-next" -a '(__bcsh_complete_suffix .bcsh "bcsh script")' -d 'bcsh script'

# bcsh sandbox serve [OPTIONS]
complete -c bcsh -n '__bcsh_in sandbox' -a serve -d 'Run the sandbox API for other programs'
complete -c bcsh -n '__bcsh_in sandbox' -s h -l help -d 'Show help'
set -l serve '__bcsh_in serve'
complete -c bcsh -n $serve -l port -x -d 'TCP port to listen on (loopback only)'
complete -c bcsh -n $serve -l host -x -a '127.0.0.1 ::1 localhost' -d 'Loopback address to listen on'
complete -c bcsh -n $serve -l config -r -F -d 'Sandbox configuration file'
complete -c bcsh -n $serve -l latency -x -d 'Delay added to each response (milliseconds)'
complete -c bcsh -n $serve -l quota -x -d 'Rate-limit quota per window'
complete -c bcsh -n $serve -l tls-cert -r -F -d 'Serve HTTPS with this PEM certificate'
complete -c bcsh -n $serve -l tls-key -r -F -d 'Private key of the TLS certificate'
complete -c bcsh -n $serve -s h -l help -d 'Show help'
