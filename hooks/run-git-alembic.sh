# git_alembic_run <hook> [args]: runs `git-alembic hook <hook>` from this package's node_modules
# (or PATH), passing arguments and stdin. A missing install, or no node on the PATH (GUI clients
# often start git without it), skips the hook with one line; only status 1 (guard mode) fails it:
# git-alembic reports any other failure itself.
git_alembic_run() {
  git_alembic_hook_name=$1
  shift
  git_alembic="$git_alembic_package/node_modules/.bin/git-alembic"
  if [ ! -x "$git_alembic" ]; then
    git_alembic=$(command -v git-alembic) || {
      echo "git-alembic: not installed in $git_alembic_package/node_modules (run npm install); $git_alembic_hook_name skipped" >&2
      return 0
    }
  fi
  if ! command -v node >/dev/null 2>&1; then
    echo "git-alembic: node was not found on the PATH git gave this hook; $git_alembic_hook_name skipped (see \"GUI clients\" in the git-alembic README: put node on that PATH in ~/.config/husky/init.sh)" >&2
    return 0
  fi
  git_alembic_status=0
  "$git_alembic" hook "$git_alembic_hook_name" "$@" || git_alembic_status=$?
  [ "$git_alembic_status" != 1 ]
}
