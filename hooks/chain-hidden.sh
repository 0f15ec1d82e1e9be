# git_alembic_hidden <hook> [args]: runs the hooks husky keeps git from running, because
# husky's core.hooksPath replaces them: <hook> in the repository's own hooks directory
# (.git/hooks, where the Python pre-commit framework installs) and in the core.hooksPath of the
# user's (global) and the system's git config. The line is the same in every clone and runs what
# each machine has. Each directory runs once, never husky's own (that would run this hook again),
# and a hook only when it is an executable file; saved stdin goes to each. A hook that fails
# fails the git operation, as it did before husky. No process starts unless there is a hook to
# run, a linked worktree to locate, or a config file that mentions core.hooksPath.
git_alembic_hidden() {
  if [ -n "${GIT_ALEMBIC_CHAINED-}" ]; then return 0; fi
  git_alembic_hidden_hook=$1
  shift
  git_alembic_seen="|"
  if [ -d .git ]; then
    git_alembic_try .git/hooks "$@" || return
  else
    git_alembic_try "$(git rev-parse --git-common-dir 2>/dev/null)/hooks" "$@" || return
  fi
  if ! git_alembic_config_mentions; then return 0; fi
  # Lines of `<scope><TAB><path>`; only the global and system ones are hidden by husky's.
  git config --show-scope --type=path --get-all core.hooksPath 2>/dev/null | while IFS= read -r git_alembic_line; do
    git_alembic_scope=${git_alembic_line%%[!a-z]*}
    case "$git_alembic_scope" in
      global | system) git_alembic_try "${git_alembic_line#"$git_alembic_scope"?}" "$@" || exit ;;
    esac
  done
}

# git_alembic_try <directory> [args]: runs <directory>/<hook> unless it is missing, not
# executable, husky's own, or a directory already run.
git_alembic_try() {
  git_alembic_file="$1/$git_alembic_hidden_hook"
  if [ ! -f "$git_alembic_file" ] || [ ! -x "$git_alembic_file" ]; then return 0; fi
  git_alembic_physical=$(cd "$1" && pwd -P) || return 0
  git_alembic_husky=$(cd "${0%/*}" && pwd -P) || git_alembic_husky=
  case "$git_alembic_seen$git_alembic_husky|$git_alembic_husky/_|" in
    *"|$git_alembic_physical|"*) return 0 ;;
  esac
  git_alembic_seen="$git_alembic_seen$git_alembic_physical|"
  shift
  # Hooks git feeds on stdin get the saved copy; the others read nothing (never the pipe above).
  if [ -n "${git_alembic_input+set}" ]; then
    printf '%s' "$git_alembic_input" | GIT_ALEMBIC_CHAINED=1 "$git_alembic_file" "$@"
  else
    GIT_ALEMBIC_CHAINED=1 "$git_alembic_file" "$@" </dev/null
  fi
}

# Whether a global or system config file git reads mentions core.hooksPath (or includes
# another file), read with shell builtins only. The system file's place is built into git;
# these are where Linux, Git for Windows, Homebrew and Apple's git keep it. `git-alembic doctor`
# reports a core.hooksPath these miss.
git_alembic_config_mentions() {
  if [ -n "${GIT_CONFIG_GLOBAL-}" ]; then set -- "$GIT_CONFIG_GLOBAL"; else set -- "${HOME-}/.gitconfig" "${XDG_CONFIG_HOME:-${HOME-}/.config}/git/config"; fi
  case "${GIT_CONFIG_NOSYSTEM-}" in
    '' | 0 | false | no | off)
      if [ -n "${GIT_CONFIG_SYSTEM-}" ]; then
        set -- "$@" "$GIT_CONFIG_SYSTEM"
      else
        git_alembic_prefix=${GIT_EXEC_PATH-}
        git_alembic_prefix=${git_alembic_prefix%/libexec/git-core}
        git_alembic_prefix=${git_alembic_prefix%/lib/git-core}
        set -- "$@" /etc/gitconfig "$git_alembic_prefix/etc/gitconfig" "$git_alembic_prefix/share/git-core/gitconfig" /opt/homebrew/etc/gitconfig /usr/local/etc/gitconfig
      fi
      ;;
  esac
  for git_alembic_config in "$@"; do
    if [ ! -f "$git_alembic_config" ]; then continue; fi
    while IFS= read -r git_alembic_line || [ -n "$git_alembic_line" ]; do
      case "$git_alembic_line" in
        *[hH][oO][oO][kK][sS][pP][aA][tT][hH]* | *[iI][nN][cC][lL][uU][dD][eE]*) return 0 ;;
      esac
    done <"$git_alembic_config"
  done
  return 1
}
