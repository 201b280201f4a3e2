# bash completion for marketgraph (installed as
# share/bash-completion/completions/marketgraph).  The commands and each
# command's flags are read from the tool's own --help, so they never go
# stale.  SPDX-License-Identifier: MIT

_marketgraph()
{
	local tool=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]}
	local prev=${COMP_WORDS[COMP_CWORD-1]} cmd=${COMP_WORDS[1]}

	if [[ $COMP_CWORD -eq 1 ]]; then
		COMPREPLY=($(compgen -W "$("$tool" --help 2>/dev/null |
			sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p') --help --version" -- "$cur"))
		return
	fi
	case $prev in
	-f|--format)
		case $cmd in
		render) COMPREPLY=($(compgen -W "svg png pdf" -- "$cur")) ;;
		export) COMPREPLY=($(compgen -W "json dot graphml kumu csv" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "$("$tool" "$cmd" --help 2>/dev/null |
			sed -n 's/.*--format=FORMAT *\([a-z]*\)[^a-z].*/\1/p') text json" -- "$cur")) ;;
		esac
		return ;;
	--collapse)
		local k kinds="producer input_supplier collector trader processor wholesaler exporter
			retailer end_market service_provider financial_institution public_agency
			marketing_board programme association ngo other" words=""
		for k in $kinds; do words+=" ${k}s-by-region"; done
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return ;;
	--separator)
		COMPREPLY=($(compgen -W "',' ';' tab" -- "$cur"))
		return ;;
	--page)
		COMPREPLY=($(compgen -W "a4-landscape a4-portrait a3-landscape letter-landscape none" \
			-- "$cur"))
		return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$("$tool" "$cmd" --help 2>/dev/null |
			grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o filenames -o bashdefault -F _marketgraph marketgraph
