# bash completion for bcsh                                 -*- shell-script -*-
#
# Needs bash-completion (2.x). Installed as share/bash-completion/completions/bcsh, it is loaded on demand
# the first time `bcsh` is completed. The command line it covers:
#
#   bcsh [OPTIONS] [FILE.bcsh [NAME=VALUE ...]]
#   bcsh sandbox serve [--port N] [--host ADDR] [--config FILE] [--latency MS] [--quota N]
#                      [--tls-cert FILE] [--tls-key FILE]

_bcsh()
{
    local cur prev words cword split
    _init_completion -s || return

    # Options whose value is the next word (or follows `=`), for each command.
    local main_valued='-c|--command|-s|--session|-v|--var|--color'
    local serve_valued='--port|--host|--config|--latency|--quota|--tls-cert|--tls-key'
    local main_opts='-c --command -s --session -v --var --keep-going --dry-run -x --trace --json
        --no-rc --no-history --color --sandbox --version -h --help'
    local serve_opts='--port --host --config --latency --quota --tls-cert --tls-key -h --help'

    # Where the words before the cursor put us: main (no script yet), script (a script was given, so only
    # NAME=VALUE words follow), sandbox (after `sandbox`), serve (after `sandbox serve`).
    local state=main i word
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        case $state in
            main)
                case $word in
                    --) state=script-next ;;
                    --*=*) ;;
                    @($main_valued)) ((i++)) ;;
                    -*) ;;
                    sandbox) state=sandbox ;;
                    *) state=script ;;
                esac
                ;;
            script-next) state=script ;;
            sandbox)
                case $word in
                    serve) state=serve ;;
                    -*) ;;
                    *) state=done ;;
                esac
                ;;
            serve)
                case $word in
                    --*=*) ;;
                    @($serve_valued)) ((i++)) ;;
                esac
                ;;
        esac
    done

    # The value of an option (`--color always`, `--color=always`).
    if [[ $state == main && $prev == @($main_valued) ]] || [[ $state == serve && $prev == @($serve_valued) ]]; then
        case $prev in
            -s | --session) _filedir json ;;
            --color) COMPREPLY=($(compgen -W 'auto always never' -- "$cur")) ;;
            --config | --tls-cert | --tls-key) _filedir ;;
            # -c/--command, -v/--var, --port, --host, --latency, --quota: free text.
        esac
        return
    fi
    $split && return

    case $state in
        main)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$main_opts" -- "$cur"))
                [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
            else
                _filedir bcsh
                COMPREPLY+=($(compgen -W 'sandbox' -- "$cur"))
            fi
            ;;
        script-next)
            _filedir bcsh
            ;;
        sandbox)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '-h --help' -- "$cur"))
            else
                COMPREPLY=($(compgen -W 'serve' -- "$cur"))
            fi
            ;;
        serve)
            [[ $cur == -* ]] && COMPREPLY=($(compgen -W "$serve_opts" -- "$cur"))
            ;;
        # script: the words after a script are NAME=VALUE assignments; nothing to offer.
    esac
} &&
    complete -F _bcsh bcsh

# ex: filetype=sh
